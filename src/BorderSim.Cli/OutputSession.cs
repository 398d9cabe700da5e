using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BorderSim.Reporting;

namespace BorderSim.Cli;

/// <summary>
/// One verb's writing of its output folder, the same for every verb that writes one (run, compare, batch,
/// merge, regress -o). <see cref="Open"/> creates the folder, locks it (a second BorderSim writing there
/// exits 4 naming the holder's pid) and removes what an earlier, killed run left (hidden temporary files, its
/// staging folder). The files run.json will list are written, each atomically, into the hidden staging folder
/// <see cref="StagingFolderName"/>, so the folder keeps the earlier run's complete results, run.json included,
/// until <see cref="Commit"/>: that moves them into place, removes the files the earlier run listed that this
/// run did not write, and writes run.json last. A journal of every name either run listed is kept while it does
/// so, so a commit cut short (a kill, a full disk) is cleaned by the next run. Nothing is written, locked or
/// removed through a symbolic link inside the folder (<see cref="OutputFolderPaths"/>). A failure to write maps
/// to exit 4 (<see cref="Failed"/>); <see cref="Dispose"/> deletes this run's temporary files and frees the folder.
/// </summary>
public sealed partial class OutputSession : IStudyFolder, IDisposable
{
    /// <summary>The file that says the folder is complete and what is in it; written last.</summary>
    public const string RunJsonFileName = "run.json";

    /// <summary>
    /// Held (flock) while a verb writes the folder and deleted when it is done; the kernel releases the flock
    /// even when the process is killed, so a leftover file never blocks a later run.
    /// </summary>
    public const string LockFileName = ".bordersim.lock";

    /// <summary>The pid of the lock's holder, for the message a second writer prints (the locked file itself cannot be read).</summary>
    public const string OwnerFileName = ".bordersim.owner";

    /// <summary>Where the files run.json will list are written until <see cref="Commit"/> moves them into the folder.</summary>
    public const string StagingFolderName = ".bordersim.next";

    /// <summary>Every name the earlier and this run list, kept while <see cref="Commit"/> replaces one by the other.</summary>
    public const string JournalFileName = ".bordersim.journal";

    private readonly CliContext _context;
    private readonly Lock _lock = new();
    private readonly List<string> _outputs = [];
    private readonly HashSet<string> _temporaries = new(StringComparer.Ordinal);
    private readonly FileStream _folderLock;
    private readonly IReadOnlyList<string> _previousOutputs;

    // The folders Open created; a run that ends without a commit removes them again if they are still empty.
    private IReadOnlyList<string> _createdFolders = [];

    private OutputSession(string directory, CliContext context, FileStream folderLock, IReadOnlyList<string> previousOutputs)
    {
        Directory = directory;
        _context = context;
        _folderLock = folderLock;
        _previousOutputs = previousOutputs;
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

    /// <summary>The folder's lock file, opened exclusively; an <see cref="IOException"/> when another process holds it.</summary>
    private static FileStream TakeLock(string lockPath)
    {
        // A link planted in the folder is removed, never followed: the lock file is always BorderSim's own.
        RemoveIfLink(lockPath);

        // FileShare.None is an exclusive flock on Unix: held by one open file at a time, in this process or any other.
        var folderLock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        if (!File.Exists(lockPath))
        {
            // Opened just as the previous holder deleted it on release: lock the new file instead.
            folderLock.Dispose();
            folderLock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }

        return folderLock;
    }

    /// <summary>
    /// Opens <paramref name="directory"/> for writing: creates it if needed, locks it, removes stale temporary
    /// files. Null (message printed) when it cannot be: exit <see cref="ExitCodes.OutputNotWritten"/>.
    /// </summary>
    public static OutputSession? Open(string directory, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<string> created = OutputDirectory.MissingFolders(directory);
        if (!OutputDirectory.TryPrepare(directory, context))
        {
            return null;
        }

        string lockPath = Path.Combine(directory, LockFileName);
        string ownerPath = Path.Combine(directory, OwnerFileName);
        FileStream folderLock;
        try
        {
            folderLock = TakeLock(lockPath);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            string holder = ReadOwner(ownerPath) is { } pid ? $"BorderSim process (pid {pid})" : "BorderSim process";
            context.Error.WriteLine($"cannot write to '{directory}': another {holder} is writing its results there; wait for it to finish or give another -o");
            return null;
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            context.Error.WriteLine($"cannot write to '{directory}': {OutputDirectory.FirstLine(e.Message)}");
            return null;
        }

        try
        {
            if (OutputFolderPaths.IsLink(lockPath))
            {
                // Planted between the check and the open: the open followed it.
                folderLock.Dispose();
                throw new IOException($"'{lockPath}' is a symbolic link; BorderSim does not lock through a link (remove it)");
            }

            // Written beside and renamed: a link of that name is replaced, not written through.
            AtomicFile.WriteBytes(ownerPath, AtomicFile.Utf8.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
            RemoveStaleTemporaries(directory, context);
            RemoveStaging(directory);
            IReadOnlyList<string> previous = [.. ReadOutputs(Path.Combine(directory, RunJsonFileName))
                .Union(ReadOutputs(Path.Combine(directory, JournalFileName)), StringComparer.Ordinal)];
            return new OutputSession(directory, context, folderLock, previous) { _createdFolders = created };
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            folderLock.Dispose();
            context.Error.WriteLine($"cannot write to '{directory}': {OutputDirectory.FirstLine(e.Message)}");
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="e"/> is a failure to write (disk full, no permission), which exits 4, rather than a
    /// bug; also when it comes out of parallel replications wrapped in an <see cref="AggregateException"/>.
    /// </summary>
    public static bool IsWriteFailure(Exception e) => StudyMessages.IsWriteFailure(e);

    /// <summary>The full path of <paramref name="fileName"/> in the folder.</summary>
    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>
    /// Creates the folder <paramref name="folderName"/> inside the output folder (runs/) if needed; an
    /// <see cref="IOException"/> when it, or a folder on the way, is a symbolic link or a file.
    /// </summary>
    public void CreateFolder(string folderName)
    {
        OutputFolderPaths.PrepareParents(Directory, Path.Combine(folderName, "file"));
        if (OutputFolderPaths.IsLink(PathOf(folderName)))
        {
            throw new IOException($"'{PathOf(folderName)}' is a symbolic link; BorderSim does not write through a link inside its output folder (remove it)");
        }
    }

    /// <summary>Writes <paramref name="fileName"/> atomically and lists it in run.json. Stops here if the run was interrupted.</summary>
    public void Write(string fileName, Action<Stream> write)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        WriteAtomically(Path.Combine(Directory, StagingFolderName), fileName, write);
        Record(fileName);
    }

    /// <summary>
    /// Writes <paramref name="fileName"/> atomically straight into the folder (not staged) and lists it in run.json:
    /// the run list of a batch or search, which a stopped run leaves for resuming and for merge, like its parts.
    /// </summary>
    public void WriteInPlace(string fileName, Action<TextWriter> write)
    {
        WriteUnlisted(fileName, write);
        Record(fileName);
    }

    /// <summary>
    /// Writes <paramref name="fileName"/> atomically without listing it in run.json: a file that outlives the
    /// run (a batch part under runs/, kept for resuming), which a later run therefore never removes.
    /// </summary>
    public void WriteUnlisted(string fileName, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteAtomically(Directory, fileName, stream =>
        {
            using var writer = new StreamWriter(stream, AtomicFile.Utf8, 1 << 16, leaveOpen: true);
            write(writer);
        });
    }

    /// <summary>Writes <paramref name="fileName"/> from bytes, atomically, without listing it in run.json (see the text form).</summary>
    /// <param name="fileName">The file, relative to the folder.</param>
    /// <param name="bytes">Its content.</param>
    /// <param name="synced">
    /// Whether to wait until the bytes are on the disk before the rename. Without it the rename is still atomic for
    /// every process, but after a crash of the machine the file may be empty or cut short: only for a file whose
    /// damage is detected and repaired (a part checked against its manifest and run again).
    /// </param>
    public void WriteUnlisted(string fileName, byte[] bytes, bool synced = true)
    {
        WriteAtomically(Directory, fileName, stream => stream.Write(bytes), synced);
    }

    public Stream CreateTemporary(string fileName, out string temporaryPath)
    {
        temporaryPath = AtomicFile.TemporaryPathFor(PathOf(fileName));
        var file = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        Track(temporaryPath);
        return Filter(fileName, file);
    }

    /// <summary>
    /// Finishes the folder: moves this run's files into place, removes what the earlier run listed in its run.json
    /// and this run did not write, then writes run.json last; <paramref name="runJson"/> gets every file written,
    /// run.json included. Past its start a signal no longer stops it: it only renames and removes.
    /// </summary>
    public void Commit(Func<IReadOnlyList<string>, string> runJson)
    {
        ArgumentNullException.ThrowIfNull(runJson);
        _context.CancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<string> outputs = [.. Outputs, RunJsonFileName];
        string json = runJson(outputs);
        string journal = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string[]>
        {
            ["outputs"] = [.. _previousOutputs.Union(outputs, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        });
        WriteAtomically(Directory, JournalFileName, stream => stream.Write(AtomicFile.Utf8.GetBytes(journal)));

        // From here until run.json is written the folder has none: it is incomplete, and says so.
        RemoveIfLink(PathOf(RunJsonFileName));
        if (File.Exists(PathOf(RunJsonFileName)))
        {
            File.Delete(PathOf(RunJsonFileName));
        }

        string staging = Path.Combine(Directory, StagingFolderName);
        foreach (string output in Outputs.Where(o => File.Exists(Path.Combine(staging, o))))
        {
            OutputFolderPaths.PrepareParents(Directory, output);
            File.Move(Path.Combine(staging, output), PathOf(output), overwrite: true);
        }

        foreach (string old in _previousOutputs.Except(outputs, StringComparer.Ordinal))
        {
            if (old is not LockFileName and not OwnerFileName && OutputFolderPaths.IsRemovableOutput(Directory, old))
            {
                File.Delete(PathOf(old));
            }
        }

        WriteAtomically(Directory, RunJsonFileName, stream => stream.Write(AtomicFile.Utf8.GetBytes(json)));
        Record(RunJsonFileName);
        File.Delete(PathOf(JournalFileName));
        RemoveStaging(Directory);
        _createdFolders = [];
    }

    /// <summary>Reports a failure to write (<see cref="IsWriteFailure"/>) in one line and returns its exit code.</summary>
    /// <param name="e">The failure.</param>
    /// <param name="what">What could not be written, e.g. "trucks.csv" [default: results].</param>
    public int Failed(Exception e, string what = "results")
    {
        ArgumentNullException.ThrowIfNull(e);
        string preposition = what == "results" ? "to" : "in";
        _context.Error.WriteLine($"cannot write {what} {preposition} '{Directory}': {OutputDirectory.FirstLine((WriteFailure(e) ?? e).Message)}");
        return ExitCodes.OutputNotWritten;
    }

    /// <summary>Deletes this run's temporary files still on disk (an interrupted or failed run) and frees the folder.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (string temporary in _temporaries)
            {
                TryDelete(temporary);
            }

            _temporaries.Clear();
        }

        // Both files go while the lock is still held, so the folder is left as the run made it and the owner
        // file never names a process that no longer holds the lock.
        TryRemoveStaging(Directory);
        TryDelete(PathOf(OwnerFileName));
        TryDelete(PathOf(LockFileName));
        _folderLock.Dispose();
        OutputDirectory.RemoveIfEmpty(_createdFolders);
    }

    private void WriteAtomically(string folder, string fileName, Action<Stream> write, bool synced = true)
    {
        if (!OutputFolderPaths.IsPlainRelativeName(fileName))
        {
            throw new ArgumentException($"'{fileName}' is not a plain name inside the output folder", nameof(fileName));
        }

        // Every folder on the way is checked (or made) to be a real folder inside this one, never a link.
        OutputFolderPaths.PrepareParents(Directory, Path.GetRelativePath(Directory, Path.Combine(folder, fileName)));
        string target = Path.Combine(folder, fileName);
        string temporary = AtomicFile.TemporaryPathFor(target);
        Track(temporary);
        try
        {
            // CreateNew (O_EXCL) never opens through a link, and the rename replaces a link of the target's name.
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (Stream stream = Filter(fileName, file))
            {
                write(stream);
                stream.Flush();
                file.Flush(flushToDisk: synced);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            TryDelete(temporary);
            Untrack(temporary);
        }
    }

    private Stream Filter(string fileName, FileStream file) =>
        _context.OutputStreamFilter is { } filter ? filter(fileName, file) : file;

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

    private void Track(string temporary)
    {
        lock (_lock)
        {
            _temporaries.Add(temporary);
        }
    }

    private void Untrack(string temporary)
    {
        lock (_lock)
        {
            _temporaries.Remove(temporary);
        }
    }

    private static Exception? WriteFailure(Exception e) => StudyMessages.WriteFailure(e);

    /// <summary>
    /// The outputs an earlier run.json (or journal) lists; none when there is none, it is not a regular file or it
    /// cannot be read (then nothing is removed).
    /// </summary>
    private static IReadOnlyList<string> ReadOutputs(string runJsonPath)
    {
        if (OutputFolderPaths.IsLink(runJsonPath) || !BorderSim.Scenarios.InputFile.TryReadText(runJsonPath, BorderSim.Scenarios.InputFile.MaxCsvBytes, out string? text, out _))
        {
            return [];
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("outputs", out JsonElement outputs)
                && outputs.ValueKind == JsonValueKind.Array
                ? [.. outputs.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => o.GetString()!)]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? ReadOwner(string ownerPath)
    {
        try
        {
            string text = File.ReadAllText(ownerPath).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? text : null;
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes the hidden temporary files (.NAME.&lt;32 hex digits&gt;.tmp, as <see cref="AtomicFile.TemporaryPathFor"/>
    /// names them) in the folder and its runs/ folder: with the lock held, no BorderSim is writing them.
    /// </summary>
    private static void RemoveStaleTemporaries(string directory, CliContext context)
    {
        int count = 0;
        long bytes = 0;
        foreach (string folder in new[] { directory, Path.Combine(directory, BatchCsv.PartsDirectory) }.Where(f => System.IO.Directory.Exists(f) && (f == directory || !OutputFolderPaths.IsLink(f))))
        {
            foreach (string file in System.IO.Directory.EnumerateFiles(folder, ".*.tmp"))
            {
                if (TemporaryName().IsMatch(Path.GetFileName(file)))
                {
                    bytes += new FileInfo(file).Length;
                    File.Delete(file);
                    count++;
                }
            }
        }

        if (count > 0)
        {
            context.Diagnostic(FormattableString.Invariant($"removed {count} temporary files ({bytes / 1e6:0.#} MB) left in '{directory}' by an interrupted run"));
        }
    }

    /// <summary>Removes <paramref name="path"/> if it is a symbolic link (the link, not what it points to).</summary>
    private static void RemoveIfLink(string path)
    {
        if (OutputFolderPaths.IsLink(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Removes the staging folder (an earlier run's, or this one's when done); a link of its name is removed, not followed.</summary>
    private static void RemoveStaging(string directory)
    {
        string staging = Path.Combine(directory, StagingFolderName);
        if (OutputFolderPaths.IsLink(staging) || File.Exists(staging))
        {
            File.Delete(staging);
        }
        else if (System.IO.Directory.Exists(staging))
        {
            // A recursive delete removes a link inside as a link: it never enters the folder a link points to.
            System.IO.Directory.Delete(staging, recursive: true);
        }
    }

    private static void TryRemoveStaging(string directory)
    {
        try
        {
            RemoveStaging(directory);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            // Best effort: the next run into the folder removes it.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            // Best effort: the failure being reported matters more than a stray temporary file.
        }
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}
