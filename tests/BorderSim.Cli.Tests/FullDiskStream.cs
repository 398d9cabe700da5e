namespace BorderSim.Cli.Tests;

/// <summary>A stream that accepts <paramref name="capacityBytes"/> bytes and then fails as a full disk does (ENOSPC).</summary>
internal sealed class FullDiskStream(Stream inner, long capacityBytes) : Stream
{
    private long _written;

    /// <summary>A filter for <see cref="CliRunner.Run(Func{string, Stream, Stream}, string[])"/>: files whose name contains <paramref name="fileName"/> fill the disk.</summary>
    public static Func<string, Stream, Stream> For(string fileName, long capacityBytes = 0) =>
        (name, stream) => name.Contains(fileName, StringComparison.Ordinal) ? new FullDiskStream(stream, capacityBytes) : stream;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_written + buffer.Length > capacityBytes)
        {
            throw new IOException("No space left on device : '" + (inner is FileStream f ? f.Name : "?") + "'");
        }

        inner.Write(buffer);
        _written += buffer.Length;
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
