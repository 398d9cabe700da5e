using System.CommandLine;
using BorderSim.Reporting;
using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary>
/// <c>bordersim merge DIR... -o OUT</c>: combines the shards of one batch (<c>batch --shard K/N</c>) into
/// OUT/batch.csv, byte for byte what the batch would have written unsharded, with OUT/runlist.csv, the
/// parts under OUT/runs/ (so OUT is itself a finished batch directory) and OUT/run.json. Every shard must
/// hold the same run list; a run without a part in any directory is named and the merge exits 3.
/// </summary>
public static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var directories = new Argument<string[]>("DIR")
        {
            Description = "Batch directories of the shards (each with runlist.csv and runs/)",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Directory for the merged batch.csv, runlist.csv, runs/ and run.json",
            HelpName = "OUT",
            Required = true,
        };
        var command = new Command("merge", "Combine the shards of a batch into one batch.csv (the same bytes as an unsharded batch)") { directories, output };
        command.SetAction(parseResult => Execute(parseResult.GetValue(directories) ?? [], parseResult.GetValue(output)!, context));
        return command;
    }

    public static int Execute(IReadOnlyList<string> directories, string outputDirectory, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(context);
        DateTimeOffset startedUtc = DateTimeOffset.UtcNow;

        // Every shard wrote the full run list; they must agree byte for byte, or the shards are of different batches.
        string? firstText = null;
        string firstDirectory = "";
        foreach (string directory in directories)
        {
            string path = Path.Combine(directory, BatchCsv.RunListFileName);
            if (!File.Exists(path))
            {
                context.Error.WriteLine($"{directory}: no {BatchCsv.RunListFileName}; is it the -o directory of a 'bordersim batch' run?");
                return ExitCodes.InvalidInput;
            }

            if (!InputFile.TryReadText(path, InputFile.MaxCsvBytes, out string? text, out InputFile.Problem? problem))
            {
                context.Error.WriteLine($"{path}: {problem.Message}");
                return ExitCodes.InvalidInput;
            }

            if (firstText is null)
            {
                firstText = text;
                firstDirectory = directory;
            }
            else if (text != firstText)
            {
                int line = FirstDifferentLine(firstText, text);
                context.Error.WriteLine($"{path}:{line}: differs from {Path.Combine(firstDirectory, BatchCsv.RunListFileName)}: the shards come from different batches (same files, --sweep, --set, --seed, --replications, --days and version are needed)");
                return ExitCodes.InvalidInput;
            }
        }

        (IReadOnlyList<string> sweptPaths, IReadOnlyList<BatchRun> runs) parsed;
        try
        {
            parsed = BatchCsv.ReadRunList(new StringReader(firstText!), Path.Combine(firstDirectory, BatchCsv.RunListFileName));
        }
        catch (InvalidDataException e)
        {
            context.Error.WriteLine(e.Message);
            return ExitCodes.InvalidInput;
        }

        (IReadOnlyList<string> sweptPaths, IReadOnlyList<BatchRun> runs) = parsed;
        if (RunListCheck.Problem(Path.Combine(firstDirectory, BatchCsv.RunListFileName), sweptPaths, runs, directories) is { } cut)
        {
            context.Error.WriteLine(cut);
            return ExitCodes.InvalidInput;
        }

        List<BatchRun> missing = [.. runs.Where(r => r.IsValid && !directories.Any(d => File.Exists(r.PartPath(d))))];
        if (missing.Count > 0)
        {
            foreach (BatchRun run in missing)
            {
                context.Error.WriteLine($"run {run.Run} ({Describe(run, sweptPaths)}) has no part {BatchCsv.PartsDirectory}/{run.Key}.csv in any of: {string.Join(", ", directories)}");
            }

            context.Error.WriteLine($"{missing.Count} of {runs.Count} runs missing; rerun their shards (a rerun skips finished runs), then merge again");
            return ExitCodes.RunFailed;
        }

        // A part is trusted only whole: its row count and checksum must match the manifest written after it.
        var damaged = new List<string>();
        foreach (BatchRun run in runs.Where(r => r.IsValid))
        {
            string source = directories.Select(d => run.PartPath(d)).First(File.Exists);
            if (PartFiles.Problem(source) is { } problem)
            {
                damaged.Add($"{source}: {problem}");
            }
        }

        if (damaged.Count > 0)
        {
            damaged.ForEach(context.Error.WriteLine);
            context.Error.WriteLine($"{damaged.Count} of {runs.Count} parts damaged; rerun their shards (a rerun runs a damaged part again), then merge again");
            return ExitCodes.InvalidInput;
        }

        using OutputSession? session = OutputSession.Open(outputDirectory, context);
        if (session is null)
        {
            return ExitCodes.OutputNotWritten;
        }

        int rows;
        try
        {
            session.CreateFolder(BatchCsv.PartsDirectory);
            foreach (BatchRun run in runs.Where(r => r.IsValid))
            {
                string source = directories.Select(d => run.PartPath(d)).First(File.Exists);
                if (Path.GetFullPath(source) != Path.GetFullPath(run.PartPath(outputDirectory)))
                {
                    session.WriteUnlisted(run.PartFileName, PartFiles.ReadBytes(source));
                    session.WriteUnlisted(PartManifest.PathFor(run.PartFileName), PartFiles.ReadBytes(PartManifest.PathFor(source)));
                }
            }

            session.WriteText(BatchCsv.RunListFileName, w => w.Write(firstText));
            rows = BatchResults.WriteBatchCsv(session, [outputDirectory], sweptPaths, runs, out _);
            session.Commit(outputs => context.ProvenanceFrom(startedUtc).Info(
                "merge",
                new Dictionary<string, string> { ["merged"] = string.Join(' ', directories) },
                [.. runs.Select(r => new ScenarioRunInfo(
                    r.ScenarioFile, r.ScenarioSha256, r.ScenarioName, [.. sweptPaths.Select((p, i) => $"{p}={r.SweepValues[i]}")],
                    r.Seed, r.Replications, r.Days, null, null, r.IsValid ? "ok" : "invalid")
                {
                    Run = r.Run,
                    Key = r.IsValid ? r.Key : null,
                })],
                outputs).ToJson());
        }
        catch (Exception e) when (OutputSession.IsWriteFailure(e))
        {
            return session.Failed(e);
        }
        catch (InvalidDataException e)
        {
            context.Error.WriteLine($"a part file is damaged: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        int invalid = runs.Count(r => !r.IsValid);
        context.Out.Write($"merged {directories.Count} directories: {runs.Count - invalid} runs, {rows} rows -> {Path.Combine(outputDirectory, BatchCsv.FileName)}\n");
        if (invalid > 0)
        {
            context.Error.WriteLine($"{invalid} runs of the run list had invalid input and have no results: {string.Join(", ", runs.Where(r => !r.IsValid).Select(r => r.Run))}");
            return ExitCodes.InvalidInput;
        }

        return ExitCodes.Ok;
    }

    private static string Describe(BatchRun run, IReadOnlyList<string> sweptPaths) =>
        string.Join(' ', new[] { run.ScenarioFile }.Concat(sweptPaths.Select((p, i) => $"{p}={run.SweepValues[i]}")));

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
