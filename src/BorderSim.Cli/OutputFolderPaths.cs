namespace BorderSim.Cli;

/// <summary>
/// Paths inside an output folder, checked so that nothing planted there (a symbolic link, a run.json naming
/// files elsewhere) turns a write or a removal against a file outside it: BorderSim never writes, locks or
/// removes through a link inside the folder, and removes only regular files of the kinds it writes. The folder
/// itself (what -o names) may be a link: that is the user's own choice.
/// </summary>
public static class OutputFolderPaths
{
    /// <summary>The extensions of the files BorderSim lists in run.json; a listed name with another is never removed.</summary>
    private static readonly string[] OutputExtensions = [".csv", ".png", ".svg", ".html", ".json", ".xlsx", ".parquet"];

    /// <summary>Whether <paramref name="path"/> itself is a symbolic link (to anything, or dangling).</summary>
    public static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>
    /// Whether <paramref name="relativeName"/> is a plain relative name inside the folder: not rooted, no empty,
    /// <c>.</c> or <c>..</c> part.
    /// </summary>
    public static bool IsPlainRelativeName(string relativeName) =>
        relativeName.Length > 0
        && !Path.IsPathRooted(relativeName)
        && !relativeName.Split('/', '\\').Any(part => part is "" or "." or "..");

    /// <summary>
    /// Creates the folders between <paramref name="folder"/> and the file <paramref name="relativeName"/> as needed;
    /// throws <see cref="IOException"/> (exit 4, a file that cannot be written) when one of them is a link or a file.
    /// </summary>
    public static void PrepareParents(string folder, string relativeName)
    {
        string current = folder;
        string[] parts = relativeName.Split('/', '\\');
        foreach (string part in parts[..^1])
        {
            current = Path.Combine(current, part);
            if (IsLink(current))
            {
                throw new IOException($"'{current}' is a symbolic link; BorderSim does not write through a link inside its output folder (remove it)");
            }

            Directory.CreateDirectory(current);
        }

        string target = Path.Combine(folder, relativeName);
        if (Directory.Exists(target) && !IsLink(target))
        {
            throw new IOException($"'{target}' is a directory; BorderSim writes a file of that name there (remove or rename the directory)");
        }
    }

    /// <summary>
    /// Whether <paramref name="relativeName"/>, listed by an earlier run, names a file BorderSim may remove: a plain
    /// relative name of a kind it writes, whose folders inside <paramref name="folder"/> are real folders (no link)
    /// and which is itself a regular file (not a link, directory, pipe or device).
    /// </summary>
    public static bool IsRemovableOutput(string folder, string relativeName)
    {
        if (!IsPlainRelativeName(relativeName)
            || !OutputExtensions.Contains(Path.GetExtension(relativeName), StringComparer.OrdinalIgnoreCase)
            || Path.GetFileName(relativeName).StartsWith('.'))
        {
            return false;
        }

        string current = folder;
        string[] parts = relativeName.Split('/', '\\');
        foreach (string part in parts[..^1])
        {
            current = Path.Combine(current, part);
            if (IsLink(current) || !Directory.Exists(current))
            {
                return false;
            }
        }

        // Removing a pipe or a device only unlinks its name in the folder; a link or a directory is never removed.
        var file = new FileInfo(Path.Combine(folder, relativeName));
        return file.Exists && file.LinkTarget is null;
    }
}
