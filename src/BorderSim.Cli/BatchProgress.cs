using System.Globalization;
using BorderSim.Reporting;
using BorderSim.Studies;

namespace BorderSim.Cli;

/// <summary>
/// Progress of a batch on stderr. In a log (CI, a file): one line per run as it ends,
/// <c>[3/20] small.yaml x=2 done (1.2 s)</c>, with <c>skipped (already done)</c> or <c>FAILED: ...</c>.
/// On a terminal: one line redrawn in place with a bar, counts and the runs in progress; failures are
/// printed above it. Called from worker threads, so every write is under a lock. The batch's other lines go to
/// stdout (<see cref="Say"/>) and stderr (<see cref="Warn"/>) as they are.
/// </summary>
public sealed class BatchProgress(CliContext context, int total) : IBatchConsole
{
    private const int BarWidth = 30;
    private readonly Lock _lock = new();
    private readonly SortedSet<int> _running = [];
    private int _finished;
    private int _failed;
    private bool _lineOpen;

    public bool ShowsStackTraces => context.IsDebug;

    public void Say(string text) => context.Out.Write(text);

    public void Warn(string line) => context.Error.WriteLine(line);

    public void Skipped(int run, string label) => Finish(run, label, context.Language.Say("skipped (already done)", "bỏ qua (đã xong từ trước)"), failed: false);

    public void Started(int run)
    {
        lock (_lock)
        {
            _running.Add(run);
            Redraw();
        }
    }

    public void Done(int run, string label, double seconds) =>
        Finish(run, label, context.Language.Say(string.Create(CultureInfo.InvariantCulture, $"done ({seconds:0.0} s)"), $"xong ({seconds.ToString("0.0", context.Language.Numbers)} giây)"), failed: false);

    public void Failed(int run, string label, string message) => Finish(run, label, context.Language.Say("FAILED: ", "LỖI: ") + message, failed: true);

    /// <summary>Ends the redrawn line (terminal) so the next output starts on a fresh line.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            if (_lineOpen)
            {
                context.Error.WriteLine();
                _lineOpen = false;
            }
        }
    }

    private void Finish(int run, string label, string outcome, bool failed)
    {
        lock (_lock)
        {
            _running.Remove(run);
            _finished++;
            if (failed)
            {
                _failed++;
            }

            string line = $"[{run}/{total}] {label} {outcome}";
            if (!context.IsErrorTerminal)
            {
                context.Error.WriteLine(line);
                return;
            }

            if (failed)
            {
                // Keep failures on screen: clear the bar, print the line, redraw the bar below it.
                context.ProgressError.Write("\r\u001b[2K");
                context.Error.WriteLine(line);
                _lineOpen = false;
            }

            Redraw();
        }
    }

    private void Redraw()
    {
        if (!context.IsErrorTerminal)
        {
            return;
        }

        int filled = total > 0 ? Math.Min(BarWidth, _finished * BarWidth / total) : BarWidth;
        ReportLanguage lang = context.Language;
        string running = _running.Count == 0 ? "" : lang.Say("  running ", "  đang chạy ") + $"{string.Join(',', _running.Take(6))}{(_running.Count > 6 ? ",..." : "")}";
        string failed = _failed == 0 ? "" : lang.Say($"  {_failed} failed", $"  {_failed} lỗi");
        context.ProgressError.Write($"\r\u001b[2K{lang.Say("runs", "lần chạy")} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {_finished}/{total}{failed}{running}");
        _lineOpen = true;
    }
}
