namespace BorderSim.Cli;

/// <summary>Creating the -o directory of a verb, with one clear message when it cannot be.</summary>
public static class OutputDirectory
{
    /// <summary>Creates <paramref name="directory"/> if needed; false (message printed) when it is a file or cannot be created.</summary>
    public static bool TryPrepare(string directory, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (File.Exists(directory))
        {
            context.Refuse($"cannot write results to '{directory}': it is a file, not a directory (give -o a directory)");
            return false;
        }

        try
        {
            Directory.CreateDirectory(directory);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Refuse($"cannot create the output directory '{directory}': {FirstLine(e.Message)}");
            return false;
        }
    }

    /// <summary>
    /// The folders that creating <paramref name="directory"/> would make: it and each missing parent, deepest first
    /// (empty when it exists), so a run that writes nothing can take them away again (<see cref="RemoveIfEmpty"/>).
    /// </summary>
    public static IReadOnlyList<string> MissingFolders(string directory)
    {
        var missing = new List<string>();
        for (string? folder = Path.GetFullPath(directory); !string.IsNullOrEmpty(folder) && !Directory.Exists(folder) && !File.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            missing.Add(folder);
        }

        return missing;
    }

    /// <summary>Removes each of <paramref name="folders"/> (deepest first) that is empty; a folder holding anything stays, and so do those above it.</summary>
    public static void RemoveIfEmpty(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        foreach (string folder in folders)
        {
            try
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                    continue;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left as it is: it is empty and harmless, and the run's own exit code says what went wrong.
            }

            return;
        }
    }

    /// <summary>The first line of <paramref name="message"/> (<see cref="StudyMessages.FirstLine"/>).</summary>
    public static string FirstLine(string message) => StudyMessages.FirstLine(message);

    /// <summary>The message of an <see cref="ArgumentException"/> without the " (Parameter 'x')" suffix.</summary>
    public static string UserMessage(ArgumentException e) => StudyMessages.UserMessage(e);
}
