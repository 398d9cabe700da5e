using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Reporting;
using BorderSim.Reporting.Html;
using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary>
/// <c>bordersim batch FILE_OR_GLOB... [--sweep path=from:to:step]... [--shard K/N]</c>: runs every file ×
/// every sweep combination, several runs at once (each run on one thread, so results do not depend on
/// --threads), resumably: each finished run is written to DIR/runs/&lt;key&gt;.csv and skipped when the batch
/// is run again. Writes DIR/runlist.csv first, then DIR/batch.csv (all parts in run-list order) and run.json.
/// A broken scenario or a failed run does not stop the others; the exit code says so at the end.
/// </summary>
public static class BatchCommand
{
    public const string DefaultOutput = "results/batch";

    public sealed record BatchRequest(
        IReadOnlyList<string> Patterns,
        IReadOnlyList<string> SweepTexts,
        IReadOnlyList<ScenarioOverride> Sets,
        string OutputDirectory,
        RunOptions Options,
        string? ShardText)
    {
        /// <summary>Write report.html (off with --no-report).</summary>
        public bool WriteReport { get; init; } = true;

        /// <summary>Language of report.html and its plots.</summary>
        public ReportLanguage Language { get; init; } = ReportLanguage.English;
    }

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE_OR_GLOB")
        {
            Description = "Scenario files or patterns (scenarios/*.yaml, data/**/*.yaml), relative to the current directory",
            Arity = ArgumentArity.OneOrMore,
        };
        files.Validators.Add(CommonOptions.RefuseUnknownOptions);
        var sweep = new Option<string[]>("--sweep")
        {
            Description = "Run every value of a scenario path: path=from:to:step or path=a,b,c (repeatable; every combination is run)",
            HelpName = "path=from:to:step",
            DefaultValueFactory = _ => [],
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Batch directory: runlist.csv, runs/ (one part per finished run), batch.csv, run.json",
            HelpName = "DIR",
            DefaultValueFactory = _ => DefaultOutput,
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run only shard K of N (runs i with i mod N = K-1), e.g. 2/3; combine the shards with 'bordersim merge' [default: all runs]",
            HelpName = "K/N",
        };
        RunSettingsOptions settings = RunSettingsOptions.Create();
        settings.Threads.Description = "Runs at once, each on one thread; results do not depend on it [default: all cores]";
        ReportOptions report = ReportOptions.Create();
        var command = new Command("batch", "Run many scenarios and parameter sweeps in parallel, resumably; write one combined batch.csv")
        {
            files, sweep, output, shard,
        };
        settings.AddTo(command);
        report.AddTo(command);
        command.SetAction(parseResult =>
        {
            if (!settings.TryReadOverrides(parseResult, context, out IReadOnlyList<ScenarioOverride> sets))
            {
                return ExitCodes.InvalidInput;
            }

            return Execute(
                new BatchRequest(
                    parseResult.GetValue(files) ?? [],
                    parseResult.GetValue(sweep) ?? [],
                    sets,
                    parseResult.GetValue(output) ?? DefaultOutput,
                    settings.ReadRunOptions(parseResult),
                    parseResult.GetValue(shard))
                {
                    WriteReport = report.ReadWriteReport(parseResult),
                    Language = report.ReadLanguage(parseResult),
                },
                context);
        });
        return command;
    }

    public static int Execute(BatchRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        DateTimeOffset startedUtc = DateTimeOffset.UtcNow;

        // Mistakes in the options stop the batch before anything runs.
        var optionErrors = new List<string>();
        var sweeps = new List<Sweep>();
        foreach (string text in request.SweepTexts)
        {
            if (Sweep.TryParse(text, out Sweep? parsed, out string error))
            {
                if (sweeps.Any(s => s.Path == parsed!.Path))
                {
                    optionErrors.Add($"--sweep '{text}': {parsed!.Path} is swept twice; give all its values in one --sweep");
                }

                sweeps.Add(parsed!);
            }
            else
            {
                optionErrors.Add(error);
            }
        }

        Shard? shard = null;
        if (request.ShardText is { } shardText)
        {
            if (Shard.TryParse(shardText, out Shard parsedShard, out string error))
            {
                shard = parsedShard;
            }
            else
            {
                optionErrors.Add(error);
            }
        }

        IReadOnlyList<string> files = Globs.Expand(request.Patterns, optionErrors);
        if (optionErrors.Count == 0 && Sweep.TooManyRuns(sweeps, files.Count, BatchPlan.MaxRuns, "--sweep") is { } tooMany)
        {
            optionErrors.Add(tooMany);
        }

        if (optionErrors.Count > 0)
        {
            optionErrors.ForEach(context.Error.WriteLine);
            return ExitCodes.InvalidInput;
        }

        RunOptions runOptions = request.Options with { Threads = 1 };
        string[] sweptPaths = [.. sweeps.Select(s => s.Path)];
        IReadOnlyList<PlannedRun> plan = BatchPlan.Build(files, sweeps, request.Sets, runOptions, StudyVersion.Current, context.CancellationToken);
        string directory = request.OutputDirectory;
        using OutputSession? session = OutputSession.Open(directory, context);
        if (session is null)
        {
            return ExitCodes.OutputNotWritten;
        }

        try
        {
            session.CreateFolder(BatchCsv.PartsDirectory);
            session.WriteInPlace(BatchCsv.RunListFileName, w => BatchCsv.WriteRunList(sweptPaths, [.. plan.Select(p => p.Entry)], w));
        }
        catch (Exception e) when (OutputSession.IsWriteFailure(e))
        {
            return session.Failed(e, "the run list");
        }

        List<PlannedRun> mine = [.. plan.Where(p => shard is not { } s || s.Contains(p.Entry.Run - 1))];
        var status = new Dictionary<int, string>();
        var printed = new HashSet<string>(StringComparer.Ordinal);
        foreach (PlannedRun invalid in mine.Where(p => !p.Entry.IsValid))
        {
            status[invalid.Entry.Run] = "invalid";
            foreach (string error in invalid.Errors.Where(printed.Add))
            {
                context.Error.WriteLine(error);
            }
        }

        foreach (PlannedRun run in mine.Where(p => p.Scenario is not null && p.Entry.Days is not null))
        {
            HorizonNotice.Print(run.Entry.ScenarioFile, run.Scenario! with { Days = run.Entry.Days!.Value }, context, printed);
        }

        int threads = request.Options.Threads ?? Environment.ProcessorCount;
        string shardNote = shard is { } sh ? $" (shard {sh.Index}/{sh.Count}: {mine.Count} of {plan.Count} runs)" : "";
        context.Diagnostic($"batch: {plan.Count} runs = {files.Count} files x {Math.Max(1, sweeps.Aggregate(1, (n, s) => n * s.Values.Count))} sweep combinations{shardNote}, {threads} at a time, into {directory}");

        var progress = new BatchProgress(context, plan.Count);
        var pending = new List<PlannedRun>();
        var firstWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (PlannedRun run in mine.Where(p => p.Entry.IsValid))
        {
            string? damage = File.Exists(run.Entry.PartPath(directory)) ? PartFiles.Problem(run.Entry.PartPath(directory)) : "missing";
            if (damage is null)
            {
                status[run.Entry.Run] = "skipped";
                progress.Skipped(run.Entry.Run, run.Label(sweptPaths));
            }
            else if (firstWithKey.TryGetValue(run.Entry.Key, out int twin))
            {
                // The same scenario, overrides, seed and length as an earlier run: one result serves both.
                status[run.Entry.Run] = "same-as-" + twin.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                if (damage != "missing")
                {
                    context.Error.WriteLine($"{run.Entry.PartPath(directory)}: {damage}; running run {run.Entry.Run} again");
                }

                firstWithKey.Add(run.Entry.Key, run.Entry.Run);
                pending.Add(run);
            }
        }

        var outcomes = new ConcurrentDictionary<int, (string Status, ExperimentResult? Result)>();
        bool cannotWrite = false;
        try
        {
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(pending, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = context.CancellationToken },
                run =>
                {
                    string label = run.Label(sweptPaths);
                    progress.Started(run.Entry.Run);
                    var clock = Stopwatch.StartNew();
                    ExperimentResult result;
                    try
                    {
                        result = ExperimentRunner.Run(run.Scenario!, runOptions, null, null, context.CancellationToken);
                    }
                    catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception e)
                    {
                        outcomes[run.Entry.Run] = ("failed", null);
                        progress.Failed(run.Entry.Run, label, $"{e.GetType().Name}: {OutputDirectory.FirstLine(e.Message)}");
                        if (context.IsDebug)
                        {
                            context.Error.WriteLine(e.ToString());
                        }

                        return;
                    }

                    try
                    {
                        StudyParts.Write(session, run.Entry, result);
                    }
                    catch (Exception e) when (OutputSession.IsWriteFailure(e))
                    {
                        cannotWrite = true;
                        outcomes[run.Entry.Run] = ("failed", null);
                        progress.Failed(run.Entry.Run, label, $"cannot write its part file: {OutputDirectory.FirstLine(e.Message)}");
                        return;
                    }

                    outcomes[run.Entry.Run] = ("ok", result);
                    progress.Done(run.Entry.Run, label, clock.Elapsed.TotalSeconds);
                });
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            progress.Complete();
            context.Error.WriteLine($"interrupted: {outcomes.Count(o => o.Value.Status == "ok")} runs finished and kept in {Path.Combine(directory, BatchCsv.PartsDirectory)}; run the same command again to resume");
            return ExitCodes.Interrupted;
        }

        progress.Complete();
        foreach ((int run, (string s, ExperimentResult? _)) in outcomes)
        {
            status[run] = s;
        }

        int invalidCount = mine.Count(p => !p.Entry.IsValid);
        int failedCount = outcomes.Count(o => o.Value.Status == "failed");
        int rows = 0;
        try
        {
            if (shard is null)
            {
                rows = BatchResults.WriteBatchCsv(session, [directory], sweptPaths, [.. plan.Select(p => p.Entry)], out _);
                if (request.WriteReport)
                {
                    WriteReport(session, request, plan, status, sweptPaths, threads, startedUtc, context);
                }
            }

            session.Commit(outputs => context.ProvenanceFrom(startedUtc).Info(
                "batch",
                Settings(request, threads, shard),
                [.. plan.Select(p =>
                {
                    string s = status.TryGetValue(p.Entry.Run, out string? known) ? known : shard is null ? "not-run" : "other-shard";
                    ExperimentResult? result = outcomes.TryGetValue(p.Entry.Run, out var outcome) ? outcome.Result : null;
                    return new ScenarioRunInfo(
                        p.Entry.ScenarioFile, p.Entry.ScenarioSha256, p.Entry.ScenarioName, p.Overrides,
                        p.Entry.Seed, p.Entry.Replications, p.Entry.Days, result?.WarmUpHours, result?.WarmUpMethod, s)
                    {
                        Run = p.Entry.Run,
                        Key = p.Entry.IsValid ? p.Entry.Key : null,
                        HorizonCuts = p.Entry.IsValid ? HorizonCutInfo.Of(p.HorizonCuts) : null,
                    };
                })],
                outputs).ToJson());
        }
        catch (Exception e) when (OutputSession.IsWriteFailure(e) || e is InvalidDataException)
        {
            return session.Failed(e);
        }

        int ran = outcomes.Count(o => o.Value.Status == "ok");
        int skipped = status.Count(s => s.Value == "skipped" || s.Value.StartsWith("same-as-", StringComparison.Ordinal));
        string what = shard is { } part ? $"batch shard {part.Index}/{part.Count}: {mine.Count} of {plan.Count} runs" : $"batch: {plan.Count} runs";
        context.Out.Write(FormattableString.Invariant(
            $"{what}: {ran} run, {skipped} already done, {failedCount} failed, {invalidCount} invalid\n"));
        if (shard is null)
        {
            context.Out.Write($"wrote {Path.Combine(directory, BatchCsv.FileName)} ({rows} rows, one per run and metric)\n");
        }
        else
        {
            context.Out.Write($"parts in {Path.Combine(directory, BatchCsv.PartsDirectory)}; when every shard is done: bordersim merge DIR... -o OUT\n");
        }

        if (invalidCount > 0)
        {
            context.Error.WriteLine($"{invalidCount} runs have invalid input (errors above); the other runs' results are written");
            return ExitCodes.InvalidInput;
        }

        if (failedCount > 0)
        {
            context.Error.WriteLine($"{failedCount} runs failed: {string.Join(", ", outcomes.Where(o => o.Value.Status == "failed").Select(o => o.Key).Order())}; the other runs' results are written");
            return cannotWrite ? ExitCodes.OutputNotWritten : ExitCodes.RunFailed;
        }

        return ExitCodes.Ok;
    }

    /// <summary>report.html of the batch, from the parts on disk (runs finished now and earlier alike), with the sweep plots as files too.</summary>
    private static void WriteReport(OutputSession session, BatchRequest request, IReadOnlyList<PlannedRun> plan, Dictionary<int, string> status, string[] sweptPaths, int threads, DateTimeOffset startedUtc, CliContext context)
    {
        ReportLanguage lang = request.Language;
        var runs = new List<BatchRunResult>();
        var notFinished = new List<string>();
        foreach (PlannedRun p in plan)
        {
            string path = p.Entry.IsValid ? p.Entry.PartPath(session.Directory) : "";
            if (p.Entry.IsValid && File.Exists(path))
            {
                runs.Add(BatchRunResult.FromPart(p.Entry, PartFiles.Read(path)));
            }
            else
            {
                string why = status.TryGetValue(p.Entry.Run, out string? s) ? s : "not-run";
                notFinished.Add(lang.Say($"Run {p.Entry.Run} ({p.Label(sweptPaths)}) has no result: {why}.", $"Lần chạy {p.Entry.Run} ({p.Label(sweptPaths)}) không có kết quả: {why}."));
            }
        }

        ScenarioSource[] sources = [.. plan.GroupBy(p => p.Entry.ScenarioFile, StringComparer.Ordinal)
            .Select(g => new ScenarioSource(g.Key, g.First().Entry.ScenarioSha256, ScenarioInput.ReadTextOrEmpty(g.Key), [.. request.Sets.Select(o => o.ToString())]))];
        var provenance = context.ProvenanceFrom(startedUtc).Report(sources, threads);
        var input = new BatchReportInput(sweptPaths, runs, notFinished, sources, provenance) { HorizonCuts = [.. plan.SelectMany(p => p.HorizonCuts.Select(c => (p.Entry.ScenarioFile, c)))] };
        IReadOnlyList<PlotImage> plots = BatchReport.SweepPlots(input, lang);
        Plots.WriteAll(plots, session);
        session.WriteText(ReportPage.FileName, w => w.Write(BatchReport.Build(input, plots, lang)));
    }

    private static Dictionary<string, string> Settings(BatchRequest request, int threads, Shard? shard) => new()
    {
        ["replications"] = request.Options.Replications?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
        ["seed"] = request.Options.Seed?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
        ["days"] = request.Options.Days?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
        ["threads"] = threads.ToString(CultureInfo.InvariantCulture),
        ["shard"] = shard is { } s ? $"{s.Index}/{s.Count}" : "",
        ["sweeps"] = string.Join(' ', request.SweepTexts),
        ["sets"] = string.Join(' ', request.Sets.Select(o => o.ToString())),
    };
}
