using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace BorderSim.Cli.Tests;

/// <summary>
/// The tool package (`dotnet pack src/BorderSim.Cli`, docs/reference/install.md) as a stranger receives it: no file in it
/// names a folder of the machine that packed it (issue 22 item 10). Packed once, from the Release build the tests run
/// beside (--no-build: about 15 s, most of it compressing the 40 platforms' plotting natives).
/// </summary>
public class ToolPackageTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = CliRunner.NewTemporaryDirectory();

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void The_tool_package_names_no_folder_of_the_machine_that_packed_it_in_any_file_dll_or_pdb()
    {
        string root = RepositoryRoot();
        string package = Pack(root);
        // Our own files must not name a temporary folder either; a third party's native library may quote "/tmp/" for
        // its own reasons, never this machine's repository or home.
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile).TrimEnd('/') + "/";
        string[] everywhere = [root.TrimEnd('/') + "/", home];
        string[] ours = [.. everywhere, "/tmp/", Path.GetTempPath()];

        var found = new List<string>();
        int ourFiles = 0;
        using ZipArchive zip = ZipFile.OpenRead(package);
        foreach (ZipArchiveEntry entry in zip.Entries.Where(e => e.Length > 0))
        {
            byte[] bytes = Read(entry);
            bool isOurs = Path.GetFileName(entry.FullName).StartsWith("BorderSim", StringComparison.OrdinalIgnoreCase);
            ourFiles += isOurs ? 1 : 0;
            found.AddRange((isOurs ? ours : everywhere).Where(path => Contains(bytes, path)).Select(path => $"{entry.FullName}: {path}"));
            if (isOurs && entry.FullName.EndsWith(".pdb", StringComparison.Ordinal))
            {
                // A portable PDB stores a source path in pieces (one blob per folder), so a byte search would miss it.
                found.AddRange(DocumentNames(bytes).Where(name => !name.StartsWith("/_/", StringComparison.Ordinal)).Select(name => $"{entry.FullName}: document {name}"));
            }
        }

        string pdbPath = CodeViewPdbPath(zip.Entries.Single(e => e.FullName.EndsWith("/bordersim.dll", StringComparison.Ordinal)));
        Assert.Multiple(() =>
        {
            Assert.That(ourFiles, Is.GreaterThanOrEqualTo(12), "the six assemblies of src/ and their PDBs are in the package");
            Assert.That(found, Is.Empty);
            Assert.That(pdbPath, Does.StartWith("/_/src/BorderSim.Cli/"), "the PDB path in bordersim.dll is mapped, not dropped");
        });
    }

    private string Pack(string root)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])["pack", Path.Combine(root, "src", "BorderSim.Cli"), "-c", "Release", "--no-build", "--nologo", "-o", _directory])
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), Is.True, "dotnet pack ends");
        Assert.That(process.ExitCode, Is.Zero, output + error.Result);
        return Directory.GetFiles(_directory, "*.nupkg").Single();
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Whether <paramref name="bytes"/> hold <paramref name="text"/> in UTF-8 or UTF-16 (a .NET string literal).</summary>
    private static bool Contains(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    private static List<string> DocumentNames(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbImage([.. pdb]);
        MetadataReader reader = provider.GetMetadataReader();
        return [.. reader.Documents.Select(handle => reader.GetString(reader.GetDocument(handle).Name))];
    }

    private static string CodeViewPdbPath(ZipArchiveEntry dll)
    {
        using var pe = new PEReader([.. Read(dll)]);
        DebugDirectoryEntry codeView = pe.ReadDebugDirectory().First(e => e.Type == DebugDirectoryEntryType.CodeView);
        return pe.ReadCodeViewDebugDirectoryData(codeView).Path;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BorderSim.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}
