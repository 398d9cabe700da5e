using System.Text;

namespace BorderSim.Cli;

/// <summary>
/// stdout or stderr as the process writes it: a write that fails (a full disk behind a redirect, <c>/dev/full</c>, a
/// closed pipe) is dropped, with every later one, instead of ending the run: the results on disk never depend on
/// the console. <see cref="HasFailed"/> tells the caller, which then exits 4 (output could not be written) where
/// the run would otherwise have exited 0.
/// </summary>
public sealed class UnfailingConsoleWriter(TextWriter inner) : TextWriter
{
    private volatile bool _hasFailed;

    /// <summary>Whether a write to the stream failed (and all later ones were dropped).</summary>
    public bool HasFailed => _hasFailed;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Try(() => inner.Write(value));

    public override void Write(string? value) => Try(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Try(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Try(() => inner.WriteLine(value));

    public override void WriteLine() => Try(inner.WriteLine);

    public override void Flush() => Try(inner.Flush);

    private void Try(Action write)
    {
        if (_hasFailed)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _hasFailed = true;
        }
    }
}
