using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace BorderSim.Cli;

/// <summary>
/// Expands file arguments that hold wildcards (<c>*</c>, <c>?</c>, and <c>**</c> for any depth of folders),
/// relative to the current directory, for shells that pass them through (Windows, quoted arguments, CI
/// YAML). An argument without a wildcard is kept as it is, so a missing file is reported by the loader.
/// Matching is Microsoft.Extensions.FileSystemGlobbing's, over a view of the folders that never enters a
/// symbolic link to a folder (a link loop would list a file again at every turn) and that turns a folder it
/// cannot read into an error naming it (exit 2), not a crash.
/// </summary>
public static class Globs
{
    public static bool HasWildcard(string pattern) => pattern.IndexOfAny(['*', '?']) >= 0;

    /// <summary>The files matching every pattern, sorted (ordinal) and without duplicates; a pattern that matches nothing is an error.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> patterns, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(errors);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string pattern in patterns)
        {
            if (!HasWildcard(pattern))
            {
                files.Add(pattern);
                continue;
            }

            List<string> matches;
            try
            {
                matches = Match(pattern);
            }
            catch (UnreadableFolderException e)
            {
                errors.Add($"{pattern}: cannot read the folder '{e.Folder}' ({OutputDirectory.FirstLine(e.InnerException!.Message)}); give a pattern that stays in folders you can read");
                continue;
            }

            if (matches.Count == 0)
            {
                errors.Add($"{pattern}: no file matches this pattern (relative to {Environment.CurrentDirectory})");
            }

            files.UnionWith(matches);
        }

        return [.. files];
    }

    /// <summary>
    /// The files matching one pattern, as paths in the pattern's own form (relative stays relative). Throws
    /// <see cref="UnreadableFolderException"/> for a folder on the way that cannot be read.
    /// </summary>
    public static List<string> Match(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        string normalised = pattern.Replace('\\', '/');
        string root = "";
        if (Path.IsPathRooted(normalised))
        {
            root = Path.GetPathRoot(normalised)!.Replace('\\', '/');
            normalised = normalised[root.Length..];
        }

        // The folders before the first wildcard are the root of the match; the rest is the pattern.
        string[] segments = normalised.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int fixedCount = Array.FindIndex(segments, HasWildcard);
        string prefix = root + string.Join("", segments[..fixedCount].Select(s => s + "/"));

        string rest = string.Join('/', segments[fixedCount..]);
        string rootFolder = prefix.Length == 0 ? "." : prefix;
        if (!Directory.Exists(rootFolder))
        {
            return [];
        }

        // The matcher knows * and ** but not ?: it matches with * in its place, and the exact pattern filters.
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(rest.Replace('?', '*'));
        PatternMatchingResult result = matcher.Execute(new LinkFreeFolder(new DirectoryInfo(rootFolder)));
        Regex exact = ExactPattern(rest);
        return [.. result.Files.Where(f => exact.IsMatch(f.Path)).Select(f => prefix + f.Path).Where(File.Exists).Order(StringComparer.Ordinal)];
    }

    /// <summary>The pattern as a regular expression over '/'-separated relative paths: ? is one character of a name.</summary>
    private static Regex ExactPattern(string pattern)
    {
        var regex = new StringBuilder("^");
        string[] segments = pattern.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            bool last = i == segments.Length - 1;
            if (segments[i] == "**")
            {
                regex.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            foreach (char c in segments[i])
            {
                regex.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            }

            if (!last)
            {
                regex.Append('/');
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>A folder on the way of a pattern could not be read.</summary>
    public sealed class UnreadableFolderException(string folder, Exception inner) : Exception($"cannot read '{folder}'", inner)
    {
        public string Folder { get; } = folder;
    }

    /// <summary>A folder as the matcher sees it: its files and real subfolders, never a link to a folder.</summary>
    private sealed class LinkFreeFolder(DirectoryInfo folder) : DirectoryInfoBase
    {
        private readonly DirectoryInfoWrapper _inner = new(folder);

        public override string Name => _inner.Name;

        public override string FullName => _inner.FullName;

        public override DirectoryInfoBase? ParentDirectory => folder.Parent is { } parent ? new LinkFreeFolder(parent) : null;

        public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
        {
            List<FileSystemInfo> entries;
            try
            {
                entries = [.. folder.EnumerateFileSystemInfos()];
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                throw new UnreadableFolderException(folder.FullName, e);
            }

            foreach (FileSystemInfo entry in entries)
            {
                if (entry is DirectoryInfo directory)
                {
                    if (directory.LinkTarget is null)
                    {
                        yield return new LinkFreeFolder(directory);
                    }
                }
                else if (entry is FileInfo file)
                {
                    yield return new FileInfoWrapper(file);
                }
            }
        }

        public override DirectoryInfoBase? GetDirectory(string path)
        {
            if (path == "..")
            {
                return ParentDirectory;
            }

            var sub = new DirectoryInfo(Path.Combine(folder.FullName, path));
            return sub.Exists && sub.LinkTarget is null ? new LinkFreeFolder(sub) : null;
        }

        public override FileInfoBase? GetFile(string path) => new FileInfoWrapper(new FileInfo(Path.Combine(folder.FullName, path)));
    }
}
