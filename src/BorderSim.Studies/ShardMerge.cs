using BorderSim.Reporting;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>What merge combines: the run list the shards share (its text, its swept paths and runs) and the shard it was read from.</summary>
public sealed record ShardMergePlan(string RunListText, string FirstDirectory, IReadOnlyList<string> SweptPaths, IReadOnlyList<BatchRun> Runs)
{
    /// <summary>The part of <paramref name="run"/> in the first shard that holds it.</summary>
    public static string PartOf(BatchRun run, IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(directories);
        return directories.Select(d => run.PartPath(d)).First(File.Exists);
    }
}

/// <summary>Why merge refuses its shards: input it cannot trust (exit 2), or runs no shard has finished (exit 3).</summary>
public enum ShardMergeRefusal
{
    None,
    InvalidInput,
    RunsMissing,
}

/// <summary>
/// The checks of merge before it writes anything: every shard holds the same run list byte for byte (else they are
/// of different batches), the list is whole (<see cref="RunListCheck"/>), every valid run has a part in some shard,
/// and every such part is whole against its manifest.
/// </summary>
public static class ShardMerge
{
    /// <summary>The plan, or null with the lines that say why (<paramref name="problems"/>) and what kind of refusal it is.</summary>
    public static ShardMergePlan? Check(IReadOnlyList<string> directories, List<string> problems, out ShardMergeRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(problems);
        refusal = ShardMergeRefusal.InvalidInput;
        if (SharedRunList(directories, problems) is not { } shared)
        {
            return null;
        }

        (string text, string firstDirectory) = shared;
        string path = Path.Combine(firstDirectory, BatchCsv.RunListFileName);
        (IReadOnlyList<string> sweptPaths, IReadOnlyList<BatchRun> runs) parsed;
        try
        {
            parsed = BatchCsv.ReadRunList(new StringReader(text), path);
        }
        catch (InvalidDataException e)
        {
            problems.Add(e.Message);
            return null;
        }

        (IReadOnlyList<string> sweptPaths, IReadOnlyList<BatchRun> runs) = parsed;
        if (RunListCheck.Problem(path, sweptPaths, runs, directories) is { } cut)
        {
            problems.Add(cut);
            return null;
        }

        List<BatchRun> missing = [.. runs.Where(r => r.IsValid && !directories.Any(d => File.Exists(r.PartPath(d))))];
        if (missing.Count > 0)
        {
            problems.AddRange(missing.Select(run => $"run {run.Run} ({Describe(run, sweptPaths)}) has no part {BatchCsv.PartsDirectory}/{run.Key}.csv in any of: {string.Join(", ", directories)}"));
            problems.Add($"{missing.Count} of {runs.Count} runs missing; rerun their shards (a rerun skips finished runs), then merge again");
            refusal = ShardMergeRefusal.RunsMissing;
            return null;
        }

        // A part is trusted only whole: its row count and checksum must match the manifest written after it.
        List<string> damaged = [.. runs.Where(r => r.IsValid)
            .Select(run => ShardMergePlan.PartOf(run, directories))
            .Select(source => PartFiles.Problem(source) is { } problem ? $"{source}: {problem}" : null)
            .OfType<string>()];
        if (damaged.Count > 0)
        {
            problems.AddRange(damaged);
            problems.Add($"{damaged.Count} of {runs.Count} parts damaged; rerun their shards (a rerun runs a damaged part again), then merge again");
            return null;
        }

        refusal = ShardMergeRefusal.None;
        return new ShardMergePlan(text, firstDirectory, sweptPaths, runs);
    }

    /// <summary>"small.yaml directions.export.arrivals.trucks_per_day=600".</summary>
    public static string Describe(BatchRun run, IReadOnlyList<string> sweptPaths)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(sweptPaths);
        return string.Join(' ', new[] { run.ScenarioFile }.Concat(sweptPaths.Select((p, i) => $"{p}={run.SweepValues[i]}")));
    }

    /// <summary>The run list every shard wrote, and the first shard; null when one has none, cannot be read, or differs.</summary>
    private static (string Text, string FirstDirectory)? SharedRunList(IReadOnlyList<string> directories, List<string> problems)
    {
        string? firstText = null;
        string firstDirectory = "";
        foreach (string directory in directories)
        {
            string path = Path.Combine(directory, BatchCsv.RunListFileName);
            if (!File.Exists(path))
            {
                problems.Add($"{directory}: no {BatchCsv.RunListFileName}; is it the -o directory of a 'bordersim batch' run?");
                return null;
            }

            if (!InputFile.TryReadText(path, InputFile.MaxCsvBytes, out string? text, out InputFile.Problem? problem))
            {
                problems.Add($"{path}: {problem.Message}");
                return null;
            }

            if (firstText is null)
            {
                firstText = text;
                firstDirectory = directory;
            }
            else if (text != firstText)
            {
                int line = FirstDifferentLine(firstText, text);
                problems.Add($"{path}:{line}: differs from {Path.Combine(firstDirectory, BatchCsv.RunListFileName)}: the shards come from different batches (same files, --sweep, --set, --seed, --replications, --days and version are needed)");
                return null;
            }
        }

        return firstText is null ? null : (firstText, firstDirectory);
    }

    private static int FirstDifferentLine(string a, string b)
    {
        string[] left = a.Split('\n');
        string[] right = b.Split('\n');
        for (int i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i])
            {
                return i + 1;
            }
        }

        return Math.Min(left.Length, right.Length) + 1;
    }
}
