using System.CommandLine;
using BorderSim.Reporting;

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
        Option<string> language = ReportOptions.CreateLanguage("Language of what is printed: en (English) or vi (tiếng Việt); the files are the same in both");
        var command = new Command("merge", "Combine the shards of a batch into one batch.csv (the same bytes as an unsharded batch)") { directories, output, language };
        command.SetAction(parseResult => Execute(
            parseResult.GetValue(directories) ?? [], parseResult.GetValue(output)!, context with { Language = ReportLanguage.FromCode(parseResult.GetValue(language)) }));
        return command;
    }

    public static int Execute(IReadOnlyList<string> directories, string outputDirectory, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(context);
        DateTimeOffset startedUtc = DateTimeOffset.UtcNow;
        var problems = new List<string>();
        if (ShardMerge.Check(directories, problems, out ShardMergeRefusal refusal) is not { } plan)
        {
            problems.ForEach(context.Refuse);
            return refusal == ShardMergeRefusal.RunsMissing ? ExitCodes.RunFailed : ExitCodes.InvalidInput;
        }

        int rows = 0;
        if (VerbPipeline.WriteFolder(outputDirectory, context, session => Write(session, plan, directories, context, startedUtc, out rows)) is { } exit)
        {
            return exit;
        }

        IReadOnlyList<BatchRun> runs = plan.Runs;
        int invalid = runs.Count(r => !r.IsValid);
        ReportLanguage lang = context.Language;
        string merged = Path.Combine(outputDirectory, BatchCsv.FileName);
        context.Out.Write(lang.Say(
            $"merged {directories.Count} directories: {runs.Count - invalid} runs, {rows} rows -> {merged} and {BatchParquet.DirectoryName}/\n",
            $"đã gộp {directories.Count} thư mục: {runs.Count - invalid} {lang.Say(Glossary.Runs)}, {rows} dòng -> {merged} và {BatchParquet.DirectoryName}/\n"));
        if (invalid > 0)
        {
            string names = string.Join(", ", runs.Where(r => !r.IsValid).Select(r => r.Run));
            context.Error.WriteLine(lang.Say(
                $"{invalid} runs of the run list had invalid input and have no results: {names}",
                $"{invalid} {lang.Say(Glossary.Runs)} trong danh sách có đầu vào không hợp lệ và không có kết quả: {names}"));
            return ExitCodes.InvalidInput;
        }

        return ExitCodes.Ok;
    }

    /// <summary>Copies the parts in, writes runlist.csv and batch.csv, commits run.json; null when done, exit 2 for a part damaged since the check.</summary>
    private static int? Write(OutputSession session, ShardMergePlan plan, IReadOnlyList<string> directories, CliContext context, DateTimeOffset startedUtc, out int rows)
    {
        rows = 0;
        try
        {
            session.CreateFolder(BatchCsv.PartsDirectory);
            foreach (BatchRun run in plan.Runs.Where(r => r.IsValid))
            {
                string source = ShardMergePlan.PartOf(run, directories);
                if (Path.GetFullPath(source) != Path.GetFullPath(run.PartPath(session.Directory)))
                {
                    session.WriteUnlisted(run.PartFileName, PartFiles.ReadBytes(source));
                    session.WriteUnlisted(PartManifest.PathFor(run.PartFileName), PartFiles.ReadBytes(PartManifest.PathFor(source)));
                }
            }

            session.WriteText(BatchCsv.RunListFileName, w => w.Write(plan.RunListText));
            rows = BatchResults.WriteBatchCsv(session, [session.Directory], plan.SweptPaths, plan.Runs, out _);
            session.Commit(outputs => context.ProvenanceFrom(startedUtc).Info(
                "merge",
                new Dictionary<string, string> { ["merged"] = string.Join(' ', directories) },
                [.. plan.Runs.Select(r => new ScenarioRunInfo(
                    r.ScenarioFile, r.ScenarioSha256, r.ScenarioName, [.. plan.SweptPaths.Select((p, i) => $"{p}={r.SweepValues[i]}")],
                    r.Seed, r.Replications, r.Days, null, null, r.IsValid ? "ok" : "invalid")
                {
                    Run = r.Run,
                    Key = r.IsValid ? r.Key : null,
                })],
                outputs).ToJson());
            return null;
        }
        catch (InvalidDataException e)
        {
            context.Refuse($"a part file is damaged: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
