namespace BorderSim.Studies;

/// <summary>How a study words what went wrong: one line, without the framework's decorations.</summary>
public static class StudyMessages
{
    /// <summary>The first line of <paramref name="message"/>.</summary>
    public static string FirstLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        int end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    /// <summary>
    /// A run's failure in one line: an overload stopped at the limit of trucks in the system says what to lower (it is
    /// the scenario's numbers, not a bug); anything else is named by its type for the bug report.
    /// </summary>
    public static string RunFailure(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e is BorderSim.Model.Crossing.TrucksInSystemLimitException ? FirstLine(e.Message) : $"{e.GetType().Name}: {FirstLine(e.Message)}";
    }

    /// <summary>The message of an <see cref="ArgumentException"/> without the " (Parameter 'x')" suffix.</summary>
    public static string UserMessage(ArgumentException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
        return FirstLine(message);
    }

    /// <summary>
    /// Whether <paramref name="e"/> is a failure to write (disk full, no permission), which exits 4, rather than a
    /// bug; also when it comes out of parallel replications wrapped in an <see cref="AggregateException"/>.
    /// </summary>
    public static bool IsWriteFailure(Exception e) => WriteFailure(e) is not null;

    /// <summary>The write failure inside <paramref name="e"/>, or null.</summary>
    public static Exception? WriteFailure(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => e,
        AggregateException aggregate => aggregate.InnerExceptions.Select(WriteFailure).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
