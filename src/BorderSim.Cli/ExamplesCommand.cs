using System.CommandLine;
using System.Reflection;
using BorderSim.Reporting;

namespace BorderSim.Cli;

/// <summary>
/// <c>bordersim examples DIR [--force]</c>: writes the shipped scenarios (scenarios/ of the repository, embedded in the
/// tool when it is built: every crossing, the validation cases, their observation CSV files and the JSON schema) into
/// DIR, so an installed tool has them in any folder. An existing file is never overwritten without <c>--force</c>:
/// then nothing is written and the command exits 2.
/// </summary>
public static class ExamplesCommand
{
    /// <summary>The prefix of the embedded files' names (BorderSim.Cli.csproj gives it).</summary>
    private const string Prefix = "examples/";

    public static Command Create(CliContext context)
    {
        var directory = new Argument<string>("DIR") { Description = "Folder to write the example scenarios into (created if missing)" };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist in DIR [default: refuse, and write nothing]" };
        var command = new Command("examples", "Write the shipped scenarios (with their observation files and the JSON schema) into a folder, to run them from anywhere")
        {
            directory, force,
        };
        command.SetAction(parseResult => Execute(parseResult.GetValue(directory)!, parseResult.GetValue(force), context));
        return command;
    }

    /// <summary>The embedded files: their path inside DIR ('/'-separated), each once, in order.</summary>
    public static IReadOnlyList<string> Files { get; } =
        [.. typeof(ExamplesCommand).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..].Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>Writes every example file into <paramref name="directory"/>: 0; 2 when one exists and <paramref name="force"/> is off (nothing written); 4 when a file cannot be written.</summary>
    public static int Execute(string directory, bool force, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(context);
        string[] existing = [.. Files.Select(f => Path.Combine(directory, f)).Where(Path.Exists)];
        if (existing.Length > 0 && !force)
        {
            foreach (string path in existing)
            {
                context.Error.WriteLine($"{path}: already exists; give --force to overwrite it");
            }

            context.Error.WriteLine($"examples: {existing.Length} of {Files.Count} files already exist in '{directory}'; nothing was written");
            return ExitCodes.InvalidInput;
        }

        Assembly assembly = typeof(ExamplesCommand).Assembly;
        string[] names = assembly.GetManifestResourceNames();
        try
        {
            foreach (string file in Files)
            {
                string path = Path.Combine(directory, file);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                string name = names.First(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n[Prefix.Length..].Replace('\\', '/') == file);
                using Stream source = assembly.GetManifestResourceStream(name)!;
                AtomicFile.Write(path, target => source.CopyTo(target));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"cannot write the examples to '{directory}': {OutputDirectory.FirstLine(e.Message)}");
            return ExitCodes.OutputNotWritten;
        }

        int scenarios = Files.Count(f => f.EndsWith(".yaml", StringComparison.Ordinal));
        int observations = Files.Count(f => f.EndsWith(".csv", StringComparison.Ordinal));
        context.Out.Write($"wrote {Files.Count} files to {directory}: {scenarios} scenarios, {observations} observation file{(observations == 1 ? "" : "s")} and the JSON schema\n");
        context.Out.Write($"try: bordersim run {Path.Combine(directory, "huu-nghi-6-lanes.yaml")}\n");
        return ExitCodes.Ok;
    }
}
