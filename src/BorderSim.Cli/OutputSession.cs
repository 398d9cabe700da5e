using BorderSim.Reporting;

namespace BorderSim.Cli;

/// <summary>
/// One verb's writing of its output folder, the same for every verb that writes one (run, compare, batch,
/// merge, regress -o): the folder is created, every file is written atomically (a hidden temporary
/// name, then a rename) and recorded, and <see cref="Commit"/> writes run.json last, listing what was
/// written. A failure to write maps to exit 4 with one line naming the folder (<see cref="Failed"/>).
/// </summary>
public sealed class OutputSession : IOutputFolder, IDisposable
{
    /// <summary>The file that says the folder is complete and what is in it; written last.</summary>
    public const string RunJsonFileName = "run.json";

    private readonly CliContext _context;
    private readonly Lock _lock = new();
    private readonly List<string> _outputs = [];

    private OutputSession(string directory, CliContext context)
    {
        Directory = directory;
        _context = context;
    }

    public string Directory { get; }

    /// <summary>The files written so far that run.json will list, in ordinal order.</summary>
    public IReadOnlyList<string> Outputs
    {
        get
        {
            lock (_lock)
            {
                return [.. _outputs.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Opens <paramref name="directory"/> for writing, creating it if needed; null (message printed) when it cannot be: exit <see cref="ExitCodes.OutputNotWritten"/>.</summary>
    public static OutputSession? Open(string directory, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return OutputDirectory.TryPrepare(directory, context) ? new OutputSession(directory, context) : null;
    }

    /// <summary>Whether <paramref name="e"/> is a failure to write (disk full, no permission), which exits 4, rather than a bug.</summary>
    public static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>The full path of <paramref name="fileName"/> in the folder.</summary>
    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>Writes <paramref name="fileName"/> atomically and lists it in run.json.</summary>
    public void Write(string fileName, Action<Stream> write)
    {
        AtomicFile.Write(PathOf(fileName), write);
        Record(fileName);
    }

    /// <summary>
    /// Writes <paramref name="fileName"/> atomically without listing it in run.json: a file that outlives the
    /// run (a batch part under runs/, kept for resuming), which a later run therefore never removes.
    /// </summary>
    public void WriteUnlisted(string fileName, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        AtomicFile.WriteText(PathOf(fileName), write);
    }

    /// <summary>Writes <paramref name="fileName"/> from bytes, atomically, without listing it in run.json (see the text form).</summary>
    public void WriteUnlisted(string fileName, byte[] bytes) => AtomicFile.WriteBytes(PathOf(fileName), bytes);

    public FileStream CreateTemporary(string fileName) =>
        new(AtomicFile.TemporaryPathFor(PathOf(fileName)), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);

    /// <summary>Writes run.json last: <paramref name="runJson"/> gets every file written, run.json included.</summary>
    public void Commit(Func<IReadOnlyList<string>, string> runJson)
    {
        ArgumentNullException.ThrowIfNull(runJson);
        IReadOnlyList<string> outputs = [.. Outputs, RunJsonFileName];
        AtomicFile.WriteText(PathOf(RunJsonFileName), w => w.Write(runJson(outputs)));
        Record(RunJsonFileName);
    }

    /// <summary>Reports a failure to write (<see cref="IsWriteFailure"/>) in one line and returns its exit code.</summary>
    /// <param name="e">The failure.</param>
    /// <param name="what">What could not be written, e.g. "trucks.csv" [default: results].</param>
    public int Failed(Exception e, string what = "results")
    {
        ArgumentNullException.ThrowIfNull(e);
        string preposition = what == "results" ? "to" : "in";
        _context.Error.WriteLine($"cannot write {what} {preposition} '{Directory}': {OutputDirectory.FirstLine(e.Message)}");
        return ExitCodes.OutputNotWritten;
    }

    public void Dispose()
    {
    }

    private void Record(string fileName)
    {
        lock (_lock)
        {
            if (!_outputs.Contains(fileName))
            {
                _outputs.Add(fileName);
            }
        }
    }
}
