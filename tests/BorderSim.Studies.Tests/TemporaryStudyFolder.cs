using BorderSim.Reporting;

namespace BorderSim.Studies.Tests;

/// <summary>A plain folder on disk for a study under test: each file written under a temporary name and renamed, no lock, no run.json.</summary>
internal sealed class TemporaryStudyFolder : IStudyFolder, IDisposable
{
    public TemporaryStudyFolder()
    {
        Directory = Path.Combine(Path.GetTempPath(), "bordersim-studies-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>The files written, in order (a name again each time it is rewritten).</summary>
    public List<string> Written { get; } = [];

    public void CreateFolder(string folderName) => System.IO.Directory.CreateDirectory(Path.Combine(Directory, folderName));

    public void Write(string fileName, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string path = Path.Combine(Directory, fileName);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A temporary name, then a rename, as the command line's session writes: what was there (a damaged part, a pipe) is replaced, not written into.
        string temporary = path + ".tmp";
        using (FileStream stream = File.Create(temporary))
        {
            write(stream);
        }

        File.Move(temporary, path, overwrite: true);

        lock (Written)
        {
            Written.Add(fileName);
        }
    }

    public void WriteInPlace(string fileName, Action<TextWriter> write) => this.WriteText(fileName, write);

    public void WriteUnlisted(string fileName, byte[] bytes, bool synced = true) => Write(fileName, s => s.Write(bytes));

    public Stream CreateTemporary(string fileName, out string temporaryPath)
    {
        temporaryPath = Path.Combine(Directory, "." + fileName + ".tmp");
        return File.Create(temporaryPath);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
