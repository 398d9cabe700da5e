using BorderSim.Reporting;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>
/// Reads a batch's parts (runs/&lt;key&gt;.csv) and their manifests like a scenario (<see cref="InputFile"/>): only a
/// regular file, at most <see cref="InputFile.MaxCsvBytes"/>, so a part that became a pipe, a device or a huge file is
/// refused with why instead of blocking or filling memory. Batch, merge, capacity and optimize read parts here.
/// </summary>
public static class PartFiles
{
    /// <summary>A manifest is some 100 bytes: its row count and checksum.</summary>
    private const long MaxManifestBytes = 1024 * 1024;

    /// <summary>What is wrong with the part at <paramref name="partPath"/> (its file, its manifest, or the two against each other); null when it is whole.</summary>
    public static string? Problem(string partPath)
    {
        string manifestPath = PartManifest.PathFor(partPath);
        if (!File.Exists(manifestPath))
        {
            return PartManifest.NoManifest(partPath);
        }

        if (!InputFile.TryReadText(manifestPath, MaxManifestBytes, out string? manifest, out InputFile.Problem? manifestProblem))
        {
            return $"its manifest {Path.GetFileName(manifestPath)} {InputFile.Describe(manifestProblem)}";
        }

        return InputFile.TryReadBytes(partPath, InputFile.MaxCsvBytes, out byte[]? bytes, out InputFile.Problem? problem)
            ? PartManifest.Problem(bytes, manifest, partPath)
            : InputFile.Describe(problem);
    }

    /// <summary>The part's rows as text fields (<see cref="BatchCsv.ReadPart"/>); an <see cref="InvalidDataException"/> starting with the path when it cannot be read.</summary>
    public static IReadOnlyList<string[]> Read(string partPath) => BatchCsv.ReadPart(new StringReader(InputFile.ReadText(partPath)), partPath);

    /// <summary>The bytes of a part or its manifest, to copy them (merge); an <see cref="InvalidDataException"/> starting with the path when it cannot be read.</summary>
    public static byte[] ReadBytes(string path) =>
        InputFile.TryReadBytes(path, InputFile.MaxCsvBytes, out byte[]? bytes, out InputFile.Problem? problem)
            ? bytes
            : throw new InvalidDataException($"{path}: {InputFile.Describe(problem)}");
}
