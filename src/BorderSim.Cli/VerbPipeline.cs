namespace BorderSim.Cli;

/// <summary>
/// The one way a verb writes its folder: open it (locked; exit 4 with one line when it cannot be), write and commit
/// through <see cref="OutputSession"/>, and turn a failure to write into one line and exit 4. Cancellation (Ctrl-C,
/// SIGTERM) reaches every write through the session and ends in <see cref="CliApp"/> (exit 130 or 143); the
/// session's temporary files go either way. The verb prints its lines after a commit, then returns its exit code.
/// </summary>
internal static class VerbPipeline
{
    /// <summary>
    /// Opens <paramref name="directory"/> and runs <paramref name="writeAndCommit"/> on it. Returns null when the verb
    /// goes on (to print), or the exit code it ends with now (the folder could not be opened or written, or
    /// <paramref name="writeAndCommit"/> returned one).
    /// </summary>
    public static int? WriteFolder(string directory, CliContext context, Func<OutputSession, int?> writeAndCommit)
    {
        ArgumentNullException.ThrowIfNull(writeAndCommit);
        using OutputSession? session = OutputSession.Open(directory, context);
        if (session is null)
        {
            return ExitCodes.OutputNotWritten;
        }

        try
        {
            return writeAndCommit(session);
        }
        catch (Exception e) when (OutputSession.IsWriteFailure(e))
        {
            return session.Failed(e);
        }
    }
}
