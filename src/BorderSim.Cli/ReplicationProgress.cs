namespace BorderSim.Cli;

/// <summary>
/// Reports finished replications on stderr: redrawn in place on a terminal, one line per replication
/// in a log (CI). Called from the runner's worker threads, so it writes under a lock and synchronously
/// (unlike <see cref="Progress{T}"/>, which may post after the run has returned).
/// </summary>
public sealed class ReplicationProgress(CliContext context, int total) : IProgress<int>
{
    private readonly Lock _lock = new();
    private int _shown;

    public void Report(int value)
    {
        lock (_lock)
        {
            if (value <= _shown)
            {
                return;
            }

            int from = _shown + 1;
            _shown = value;
            if (context.IsErrorTerminal)
            {
                int width = 30;
                int filled = total > 0 ? Math.Min(width, value * width / total) : width;
                context.ProgressError.Write($"\r{context.Language.Say("replications", "lần lặp")} [{new string('#', filled)}{new string('.', width - filled)}] {value}/{total}");
                if (value >= total)
                {
                    context.Error.WriteLine();
                }
            }
            else
            {
                // Counts can arrive out of order from worker threads: every count is printed once, in order.
                for (int done = from; done <= value; done++)
                {
                    context.Error.WriteLine(context.Language.Say($"replication {done}/{total} done", $"lần lặp {done}/{total} xong"));
                }
            }
        }
    }

    /// <summary>Ends a redrawn line that did not reach the total (the run stopped early).</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (context.IsErrorTerminal && _shown > 0 && _shown < total)
            {
                context.Error.WriteLine();
            }
        }
    }
}
