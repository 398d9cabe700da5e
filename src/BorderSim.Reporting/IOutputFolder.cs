namespace BorderSim.Reporting;

/// <summary>
/// The folder a verb writes its results into. Every file appears whole under its name or not at all
/// (temporary name, then rename); the CLI's output session implements it with a lock on the folder, a
/// record of what was written for run.json, and fault handling; <see cref="AtomicFolder"/> is the plain form.
/// </summary>
public interface IOutputFolder
{
    /// <summary>The folder on disk.</summary>
    string Directory { get; }

    /// <summary>Writes <paramref name="fileName"/> (relative to <see cref="Directory"/>, e.g. <c>runs/k.csv</c>) from a stream, atomically.</summary>
    void Write(string fileName, Action<Stream> write);

    /// <summary>
    /// Creates a new hidden temporary file beside <paramref name="fileName"/> for content written in pieces
    /// (the parts of trucks.csv) and returns its path; the caller deletes it, and the folder deletes it too if
    /// the run stops first.
    /// </summary>
    Stream CreateTemporary(string fileName, out string temporaryPath);
}

/// <summary>Writing text and bytes into an <see cref="IOutputFolder"/>.</summary>
public static class OutputFolderExtensions
{
    /// <summary>Writes <paramref name="fileName"/> as UTF-8 text (no BOM).</summary>
    public static void WriteText(this IOutputFolder folder, string fileName, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(write);
        folder.Write(fileName, stream =>
        {
            using var writer = new StreamWriter(stream, AtomicFile.Utf8, 1 << 16, leaveOpen: true);
            write(writer);
        });
    }

    /// <summary>Writes <paramref name="fileName"/> from bytes.</summary>
    public static void WriteBytes(this IOutputFolder folder, string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.Write(fileName, stream => stream.Write(bytes));
    }
}

/// <summary>A folder written with <see cref="AtomicFile"/> and nothing else (no lock, no record): for tests and library use.</summary>
public sealed class AtomicFolder(string directory) : IOutputFolder
{
    public string Directory { get; } = directory;

    public void Write(string fileName, Action<Stream> write) => AtomicFile.Write(Path.Combine(Directory, fileName), write);

    public Stream CreateTemporary(string fileName, out string temporaryPath)
    {
        temporaryPath = AtomicFile.TemporaryPathFor(Path.Combine(Directory, fileName));
        return new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
    }
}
