namespace BorderSim.Cli;

/// <summary>Creating the -o directory of a verb, with one clear message when it cannot be.</summary>
public static class OutputDirectory
{
    /// <summary>Creates <paramref name="directory"/> if needed; false (message printed) when it is a file or cannot be created.</summary>
    public static bool TryPrepare(string directory, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (File.Exists(directory))
        {
            context.Error.WriteLine($"cannot write results to '{directory}': it is a file, not a directory (give -o a directory)");
            return false;
        }

        try
        {
            Directory.CreateDirectory(directory);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Error.WriteLine($"cannot create the output directory '{directory}': {FirstLine(e.Message)}");
            return false;
        }
    }

    /// <summary>The first line of <paramref name="message"/> (<see cref="StudyMessages.FirstLine"/>).</summary>
    public static string FirstLine(string message) => StudyMessages.FirstLine(message);

    /// <summary>The message of an <see cref="ArgumentException"/> without the " (Parameter 'x')" suffix.</summary>
    public static string UserMessage(ArgumentException e) => StudyMessages.UserMessage(e);
}
