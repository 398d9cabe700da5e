using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;

namespace BorderSim.Scenarios;

/// <summary>
/// Reads a text file the user named (a scenario, a baseline, a batch's run list or part) with a bound on what is
/// read, whatever the file is. The size on disk is not enough: it is 0 for <c>/dev/zero</c>, a pipe or a
/// socket, and opening a named pipe with no writer blocks for ever. So only regular files are opened (checked
/// with <c>statx</c> on Linux, before the open), and at most <c>limit + 1</c> bytes are read from them.
/// </summary>
public static partial class InputFile
{
    /// <summary>Largest CSV read back (baselines, run lists, batch parts): a baseline is some 30 kB.</summary>
    public const long MaxCsvBytes = 64L * 1024 * 1024;

    public enum ProblemKind
    {
        NotFound,
        Directory,
        NotRegularFile,
        TooLarge,
        NotUtf8,
        Unreadable,
    }

    /// <summary>Why a file was not read: a message for the user and, if any, what to do.</summary>
    public sealed record Problem(ProblemKind Kind, string Message, string? Hint);

    /// <summary>Reads <paramref name="path"/> as strict UTF-8 (a byte-order mark is skipped) if it is a regular file of at most <paramref name="maxBytes"/>.</summary>
    public static bool TryReadText(string path, long maxBytes, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out Problem? problem)
    {
        text = null;
        if (!TryReadBytes(path, maxBytes, out var bytes, out problem))
        {
            return false;
        }

        try
        {
            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            ReadOnlySpan<byte> content = bytes;
            if (content.StartsWith(Encoding.UTF8.Preamble))
            {
                content = content[Encoding.UTF8.Preamble.Length..];
            }

            text = strict.GetString(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            problem = new Problem(ProblemKind.NotUtf8, "the file is not UTF-8 text", "save it as UTF-8");
            return false;
        }
    }

    /// <summary>Reads the bytes of <paramref name="path"/> if it is a regular file of at most <paramref name="maxBytes"/> (a batch part, whose checksum is of its bytes).</summary>
    public static bool TryReadBytes(string path, long maxBytes, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out Problem? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        bytes = null;
        problem = null;
        if (Directory.Exists(path))
        {
            problem = new Problem(ProblemKind.Directory, "is a directory, not a file", null);
            return false;
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            problem = new Problem(ProblemKind.NotFound, "file not found", null);
            return false;
        }

        if (!IsRegularFile(path))
        {
            problem = new Problem(ProblemKind.NotRegularFile, "is not a regular file (a device, pipe or socket)", "give a file on disk; to read a pipe, save it to a file first");
            return false;
        }

        if (info.Length > maxBytes)
        {
            problem = TooLarge(info.Length, maxBytes);
            return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            var content = new MemoryStream();
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes + 1 - content.Length))) > 0)
            {
                content.Write(buffer, 0, read);
                if (content.Length > maxBytes)
                {
                    // The file grew after the size check, or its size on disk was not true.
                    problem = TooLarge(null, maxBytes);
                    return false;
                }
            }

            bytes = content.ToArray();
            return true;
        }
        catch (IOException e)
        {
            problem = new Problem(ProblemKind.Unreadable, "could not be read: " + e.Message, null);
        }
        catch (UnauthorizedAccessException e)
        {
            problem = new Problem(ProblemKind.Unreadable, "could not be read: " + e.Message, "check the file's permissions");
        }

        return false;
    }

    /// <summary>The problem as the user reads it after the path: message, then the hint in brackets.</summary>
    public static string Describe(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Hint is null ? problem.Message : $"{problem.Message} ({problem.Hint})";
    }

    /// <summary>As <see cref="TryReadText"/>; a problem is an <see cref="InvalidDataException"/> whose message starts with the path.</summary>
    public static string ReadText(string path, long maxBytes = MaxCsvBytes)
    {
        if (TryReadText(path, maxBytes, out var text, out var problem))
        {
            return text;
        }

        throw new InvalidDataException($"{path}: {Describe(problem)}");
    }

    private static Problem TooLarge(long? bytes, long maxBytes) => new(
        ProblemKind.TooLarge,
        bytes is { } b
            ? $"the file is {b / (1024.0 * 1024.0):0.0} MiB; the limit is {maxBytes / (1024 * 1024)} MiB"
            : $"the file is larger than the limit of {maxBytes / (1024 * 1024)} MiB",
        "is this the right file?");

    /// <summary>True unless the file is known not to be a regular file (after following links); outside Linux, true.</summary>
    private static bool IsRegularFile(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            // No portable way to ask; the bounded read still stops a device, and a pipe is rare on Windows.
            return true;
        }

        // struct statx is the same on every Linux architecture: stx_mode is a u16 at byte 28.
        const int AtFdCwd = -100, StatxType = 0x1, ModeOffset = 28, FileTypeMask = 0xF000, RegularFile = 0x8000;
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return true; // let the open report what is wrong
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true; // a C library without statx (glibc before 2.28)
        }

        int mode = BitConverter.ToUInt16(buffer, ModeOffset);
        return (mode & FileTypeMask) == RegularFile;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directoryFd, string path, int flags, uint mask, [Out] byte[] buffer);
}
