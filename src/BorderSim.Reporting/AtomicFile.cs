using System.Text;

namespace BorderSim.Reporting;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one, never half of it:
/// the content goes to a temporary file in the target's directory (same file system, so the rename
/// is atomic), which is then renamed over the target. If writing throws, the temporary file is
/// deleted and the target is left as it was.
/// </summary>
public static class AtomicFile
{
    /// <summary>UTF-8 without a byte-order mark: CSV and JSON readers take it as it is.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="path"/> from a stream.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string temporary = TemporaryPathFor(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="path"/> as UTF-8 text (no BOM).</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true);
            write(writer);
        });
    }

    /// <summary>Writes <paramref name="path"/> from bytes.</summary>
    public static void WriteBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>
    /// A fresh temporary name beside <paramref name="path"/>: hidden (leading dot), ends in <c>.tmp</c>,
    /// unique per call so concurrent writers never share one.
    /// </summary>
    public static string TemporaryPathFor(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no directory", nameof(path));
        return Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original exception matters more than a stray temporary file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
