using BorderSim.Reporting;

namespace BorderSim.Cli;

/// <summary>
/// What a verb needs from its surroundings: where results (stdout) and diagnostics (stderr) go, the
/// Ctrl-C token, and the raw command line for run.json. Tests pass string writers.
/// </summary>
/// <param name="Out">Results: tables, CSV.</param>
/// <param name="Error">Progress and diagnostics.</param>
/// <param name="IsErrorTerminal">Whether <paramref name="Error"/> is an interactive terminal (progress redrawn in place) or a log (a line per step).</param>
/// <param name="Arguments">The arguments as given, for run.json.</param>
/// <param name="CancellationToken">Cancelled on Ctrl-C.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool IsErrorTerminal, IReadOnlyList<string> Arguments, CancellationToken CancellationToken)
{
    /// <summary>The language of what the verb prints (<c>--lang</c>): its tables, progress lines and messages.</summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.English;

    /// <summary>Stack traces for unexpected errors: <c>--verbose</c> or BORDERSIM_DEBUG=1.</summary>
    public bool IsDebug { get; init; } = Environment.GetEnvironmentVariable("BORDERSIM_DEBUG") == "1";

    /// <summary>
    /// Wraps every stream the output session writes a file through, given the file's name: null in use; a test
    /// passes one that fails part-way to stand for a full disk.
    /// </summary>
    public Func<string, Stream, Stream>? OutputStreamFilter { get; init; }

    /// <summary>
    /// Where progress bars draw themselves with CR and ANSI sequences: stderr without the escaping of
    /// <see cref="TerminalSafeWriter"/> (in <see cref="Error"/>); <see cref="Error"/> itself when not set.
    /// </summary>
    public TextWriter ProgressError
    {
        get => _progressError ?? Error;
        init => _progressError = value;
    }

    private readonly TextWriter? _progressError;

    /// <summary>The provenance of this command (version, "bordersim" and <see cref="Arguments"/>), started at <paramref name="startedUtc"/>.</summary>
    public Provenance ProvenanceFrom(DateTimeOffset startedUtc) => Provenance.Start(Arguments, startedUtc);

    /// <summary>Writes one diagnostic line to stderr.</summary>
    public void Diagnostic(string line) => Error.WriteLine(line);

    /// <summary>Writes one line refusing an option's value or the command line to stderr, in <see cref="Language"/> (<see cref="OptionErrorText"/>).</summary>
    public void Refuse(string line) => Error.WriteLine(OptionErrorText.Say(line, Language));
}
