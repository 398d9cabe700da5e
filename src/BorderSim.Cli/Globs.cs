using System.IO.Enumeration;

namespace BorderSim.Cli;

/// <summary>
/// Expands file arguments that hold wildcards (<c>*</c>, <c>?</c>, and <c>**</c> for any depth of folders),
/// relative to the current directory, for shells that pass them through (Windows, quoted arguments, CI
/// YAML). An argument without a wildcard is kept as it is, so a missing file is reported by the loader.
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

            List<string> matches = Match(pattern);
            if (matches.Count == 0)
            {
                errors.Add($"{pattern}: no file matches this pattern (relative to {Environment.CurrentDirectory})");
            }

            files.UnionWith(matches);
        }

        return [.. files];
    }

    /// <summary>The files matching one pattern, as paths in the pattern's own form (relative stays relative).</summary>
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

        string[] segments = normalised.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var found = new List<string>();
        Walk(root, segments, 0, found);
        return found;
    }

    private static void Walk(string prefix, string[] segments, int index, List<string> found)
    {
        string directory = prefix.Length == 0 ? "." : prefix;
        if (!Directory.Exists(directory))
        {
            return;
        }

        string segment = segments[index];
        bool last = index == segments.Length - 1;
        if (segment == "**")
        {
            if (last)
            {
                return;
            }

            // Zero folders, then every folder below at any depth.
            Walk(prefix, segments, index + 1, found);
            foreach (string sub in SortedNames(directory, directories: true))
            {
                Walk(Join(prefix, sub), segments, index, found);
            }

            return;
        }

        if (!HasWildcard(segment))
        {
            string path = Join(prefix, segment);
            if (last)
            {
                if (File.Exists(path))
                {
                    found.Add(path);
                }
            }
            else
            {
                Walk(path, segments, index + 1, found);
            }

            return;
        }

        foreach (string name in SortedNames(directory, directories: !last))
        {
            if (FileSystemName.MatchesSimpleExpression(segment, name, ignoreCase: false))
            {
                if (last)
                {
                    found.Add(Join(prefix, name));
                }
                else
                {
                    Walk(Join(prefix, name), segments, index + 1, found);
                }
            }
        }
    }

    private static IEnumerable<string> SortedNames(string directory, bool directories)
    {
        IEnumerable<string> entries = directories ? Directory.EnumerateDirectories(directory) : Directory.EnumerateFiles(directory);
        return entries.Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal);
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix.EndsWith('/') ? prefix + name : prefix + "/" + name;
}
