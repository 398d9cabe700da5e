using System.CommandLine;
using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary>
/// <c>bordersim regress [FILES...]</c>: runs each scenario with its seed and <see cref="Regression.ReplicationsFor"/>
/// replications (at least 20) and checks every metric against its baseline DIR/&lt;stem&gt;.csv (<see cref="BaselineCsv"/>:
/// each replication's value), pairing replication i with replication i (common random numbers): paired t-test per
/// metric, Holm over the metrics at a family false-alarm rate of 5% (<see cref="Regression"/>). Exit 1 if anything
/// moved, so a CI build fails; exit 2 for a baseline that is damaged, made with another seed or replication count,
/// or lacks a metric the run produces. <c>--update</c> rewrites the baselines; <c>--exact</c> also demands that every
/// replication's value is bit-identical.
/// </summary>
public static class RegressCommand
{
    public const string DefaultBaselines = "scenarios/baselines";
    public const string DefaultScenarios = "scenarios/*.yaml";
    public const string FindingsFileName = "regression.csv";

    public sealed record RegressRequest(IReadOnlyList<string> Files, string BaselineDirectory, bool Update, bool Exact, string? OutputDirectory, int? Threads)
    {
        /// <summary>--set overrides applied to every scenario before it runs (to try a change against the baselines).</summary>
        public IReadOnlyList<ScenarioOverride> Overrides { get; init; } = [];

        /// <summary>--max-work: a scenario whose run (at regress's replications) is estimated above it is refused before it runs.</summary>
        public double MaxWorkTruckStages { get; init; } = RunOptions.DefaultMaxWorkTruckStages;
    }

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = $"Scenario files or patterns [default: {DefaultScenarios}, relative to the current directory]",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var baselines = new Option<string>("--baselines")
        {
            Description = "Directory of the baselines, one <scenario file stem>.csv per scenario",
            HelpName = "DIR",
            DefaultValueFactory = _ => DefaultBaselines,
        };
        var update = new Option<bool>("--update") { Description = "Run the scenarios and write their baselines instead of checking them" };
        var exact = new Option<bool>("--exact") { Description = "Also fail on any change of any replication's value, however small (same seed and version must reproduce bit for bit)" };
        var set = RunSettingsOptions.CreateSet();
        set.Description = "Override a scenario value before checking it, e.g. --set directions.export.stages.vn_customs.servers=3 (repeatable; not with --update)";
        var output = new Option<string?>("--output", "-o")
        {
            Description = $"Directory for {FindingsFileName} (every metric checked) and run.json [default: none]",
            HelpName = "DIR",
        };
        var threads = CommonOptions.WholeNumber("--threads", null, 1);
        threads.Description = "Replications run at once; results do not depend on it [default: all cores]";
        threads.HelpName = "N";
        var maxWork = CommonOptions.CreateMaxWork();
        var command = new Command("regress", "Check scenarios against stored baselines (paired t-test on common random numbers, Holm); exit 1 if a metric moved")
        {
            files, baselines, update, exact, set, output, threads, maxWork,
        };
        command.SetAction(parseResult =>
        {
            var errors = new List<ScenarioError>();
            IReadOnlyList<ScenarioOverride> overrides = RunSettingsOptions.ReadOverrides(parseResult, set, errors);
            if (errors.Count > 0)
            {
                ScenarioInput.PrintErrors(errors, context);
                return ExitCodes.InvalidInput;
            }

            return Execute(
                new RegressRequest(
                    parseResult.GetValue(files) is { Length: > 0 } given ? given : [DefaultScenarios],
                    parseResult.GetValue(baselines) ?? DefaultBaselines,
                    parseResult.GetValue(update),
                    parseResult.GetValue(exact),
                    parseResult.GetValue(output),
                    parseResult.GetValue(threads))
                { Overrides = overrides, MaxWorkTruckStages = parseResult.GetValue(maxWork) },
                context);
        });
        return command;
    }

    /// <summary>
    /// The release that wrote a baseline, without the commit (0.1.0, not 0.1.0+f74b1cf…): regenerating a baseline whose
    /// numbers did not move then leaves the file as it was, and two branches that regenerate do not conflict on it.
    /// </summary>
    public static string BaselineVersion => StudyVersion.Current.Split('+')[0];

    public static string BaselinePath(string baselineDirectory, string scenarioFile) =>
        Path.Combine(baselineDirectory, Path.GetFileNameWithoutExtension(scenarioFile) + ".csv");

    public static int Execute(RegressRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        DateTimeOffset startedUtc = DateTimeOffset.UtcNow;
        if (Files(request, context) is not { } files)
        {
            return ExitCodes.InvalidInput;
        }

        using OutputSession? session = request.OutputDirectory is { } outputDirectory ? OutputSession.Open(outputDirectory, context) : null;
        if (request.OutputDirectory is not null && session is null)
        {
            return ExitCodes.OutputNotWritten;
        }

        if (request.Update && !OutputDirectory.TryPrepare(request.BaselineDirectory, context))
        {
            return ExitCodes.OutputNotWritten;
        }

        var tally = new RegressTally([.. request.Overrides.Select(o => o.ToString())]);
        foreach (string file in files)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            RegressFile(file, request, context, tally);
        }

        if (session is not null)
        {
            try
            {
                Commit(session, request, tally, context, startedUtc);
            }
            catch (Exception e) when (OutputSession.IsWriteFailure(e))
            {
                session.Failed(e);
                tally.CannotWrite = true;
            }
        }

        if (tally.Invalid > 0 || tally.MissingBaselines > 0)
        {
            return ExitCodes.InvalidInput;
        }

        if (tally.CannotWrite)
        {
            return ExitCodes.OutputNotWritten;
        }

        return tally.Regressed > 0 ? ExitCodes.RegressionFailed : ExitCodes.Ok;
    }

    /// <summary>The scenario files the patterns give; null (errors printed, exit 2) when a pattern or option is wrong.</summary>
    private static IReadOnlyList<string>? Files(RegressRequest request, CliContext context)
    {
        var errors = new List<string>();
        IReadOnlyList<string> files = Globs.Expand(request.Files, errors);
        if (errors.Count > 0)
        {
            errors.ForEach(context.Error.WriteLine);
            if (request.Files.SequenceEqual([DefaultScenarios]))
            {
                context.Error.WriteLine("(run regress from the project folder, or give the scenario files)");
            }

            return null;
        }

        if (request.Update && request.Overrides.Count > 0)
        {
            context.Error.WriteLine("regress: --set cannot be used with --update (a baseline stores the scenario file as it is; edit the file instead)");
            return null;
        }

        return files;
    }

    /// <summary>One scenario: loaded and checked, its baseline read (unless updating), run, then judged or written as the new baseline.</summary>
    private static void RegressFile(string file, RegressRequest request, CliContext context, RegressTally tally)
    {
        ScenarioLoadResult loaded = ScenarioInput.LoadAndReport(file, request.Overrides, context);
        if (!loaded.IsValid)
        {
            tally.Invalid++;
            tally.NotRun(file, loaded, "", "invalid");
            return;
        }

        string baselinePath = BaselinePath(request.BaselineDirectory, file);
        int replications = Regression.ReplicationsFor(loaded.Scenario!.Replications);
        try
        {
            // As run and batch do, before anything is read or run; at the replications regress runs, not the file's.
            WorkEstimate.Check(loaded.Scenario with { Replications = replications }, request.MaxWorkTruckStages);
        }
        catch (ArgumentOutOfRangeException e)
        {
            tally.Invalid++;
            context.Error.WriteLine($"{file}: {OutputDirectory.UserMessage(e)} ({replications} replications: regress runs the scenario's, at least {Regression.MinimumReplications})");
            tally.NotRun(file, loaded, loaded.Scenario.Name, "invalid");
            return;
        }

        Baseline? baseline = request.Update ? null : ReadBaseline(file, loaded, replications, baselinePath, request, context, tally);
        if (!request.Update && baseline is null)
        {
            return;
        }

        if (RunScenario(file, loaded, replications, request, context, tally) is { } result)
        {
            Judge(new RegressedFile(file, loaded, baselinePath, replications, baseline), result, request, context, tally);
        }
    }

    /// <summary>The baseline of <paramref name="file"/>, checked against how it runs now; null (said, counted) when missing or unusable.</summary>
    private static Baseline? ReadBaseline(string file, ScenarioLoadResult loaded, int replications, string baselinePath, RegressRequest request, CliContext context, RegressTally tally)
    {
        ScenarioSpec scenario = loaded.Scenario!;
        if (!File.Exists(baselinePath))
        {
            tally.MissingBaselines++;
            context.Error.WriteLine($"{file}: no baseline {baselinePath}; create it with: bordersim regress --update {file}{BaselinesOption(request)}");
            tally.NotRun(file, loaded, scenario.Name, "no-baseline");
            return null;
        }

        string text;
        try
        {
            text = InputFile.ReadText(baselinePath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            tally.BadBaseline(file, loaded, $"{baselinePath}: cannot be read as a baseline: {OutputDirectory.FirstLine(e.Message)}", context);
            return null;
        }

        Baseline baseline;
        try
        {
            baseline = BaselineCsv.Read(new StringReader(text), baselinePath);
        }
        catch (InvalidDataException e)
        {
            tally.BadBaseline(file, loaded, $"{OutputDirectory.FirstLine(e.Message)}; {Regenerate(request, file)}", context);
            return null;
        }

        if (baseline.Seed != scenario.Seed || baseline.Replications != replications)
        {
            tally.BadBaseline(file, loaded, $"{baselinePath}:1: made with seed {baseline.Seed} and {baseline.Replications} replications, but {file} now runs seed {scenario.Seed} "
                + $"with {replications} replications (regress runs the scenario's replications, at least {Regression.MinimumReplications}), so its replications cannot be paired; "
                + Regenerate(request, file), context);
            return null;
        }

        return baseline;
    }

    /// <summary>The scenario run at regress's replications, with progress; null (said, counted) when its settings do not fit.</summary>
    private static ExperimentResult? RunScenario(string file, ScenarioLoadResult loaded, int replications, RegressRequest request, CliContext context, RegressTally tally)
    {
        ScenarioSpec scenario = loaded.Scenario!;
        var progress = new ReplicationProgress(context, replications);
        context.Diagnostic($"{file}: {replications} replications of {scenario.Days} days, seed {scenario.Seed}");
        HorizonNotice.Print(file, scenario, context);
        try
        {
            ExperimentResult result = ExperimentRunner.Run(scenario, new RunOptions(Replications: replications, Threads: request.Threads, MaxWorkTruckStages: request.MaxWorkTruckStages), null, progress, context.CancellationToken);
            progress.Finish();
            return result;
        }
        catch (ArgumentException e)
        {
            progress.Finish();
            tally.Invalid++;
            context.Error.WriteLine($"{file}: {OutputDirectory.UserMessage(e)}");
            tally.NotRun(file, loaded, scenario.Name, "invalid");
            return null;
        }
    }

    /// <summary>Writes the new baseline (--update) or checks the run against the baseline, says the outcome and lists the scenario for run.json.</summary>
    private static void Judge(RegressedFile regressed, ExperimentResult result, RegressRequest request, CliContext context, RegressTally tally)
    {
        (string file, ScenarioLoadResult loaded, string baselinePath, int replications, Baseline? baseline) = regressed;
        IReadOnlyList<ReplicationValues> values = Regression.ValuesOf(result);
        string status;
        if (request.Update)
        {
            status = WriteBaseline(file, result, values, baselinePath, context, tally);
        }
        else if (Regression.NotInBaseline(baseline!, values) is { Count: > 0 } unknown)
        {
            tally.BadBaseline(file, loaded, $"{baselinePath}: no row for {unknown.Count} metric(s) the run produces ({string.Join(", ", unknown.Take(5))}{(unknown.Count > 5 ? ", ..." : "")}); "
                + $"if the model now reports them on purpose, accept them with: bordersim regress --update {file}{BaselinesOption(request)}", context);
            return;
        }
        else
        {
            IReadOnlyList<RegressionFinding> findings = Regression.Check(baseline!, values, request.Exact);
            tally.Findings.AddRange(findings.Select(f => (file, f)));
            List<RegressionFinding> moved = [.. findings.Where(f => f.IsRegression)];
            if (moved.Count == 0)
            {
                context.Out.Write($"{file}: ok ({findings.Count} metrics consistent with {baselinePath} over {replications} paired replications{(request.Exact ? ", every value bit-identical" : "")})\n");
                status = "ok";
            }
            else
            {
                tally.Regressed++;
                context.Out.Write($"{file}: {moved.Count} of {findings.Count} metrics moved from {baselinePath}\n");
                RegressionTable.Write(moved, context.Out);
                status = "regressed";
            }
        }

        tally.Infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, result.Scenario.Name, tally.OverrideTexts, result.Scenario.Seed, result.Replications.Count,
            result.Scenario.Days, result.WarmUpHours, result.WarmUpMethod, status)
        { HorizonCuts = HorizonCutInfo.Of(result.HorizonCuts) });
    }

    /// <summary>Writes <paramref name="baselinePath"/> from the run; "updated", or "not-written" (said) when it cannot be written.</summary>
    private static string WriteBaseline(string file, ExperimentResult result, IReadOnlyList<ReplicationValues> values, string baselinePath, CliContext context, RegressTally tally)
    {
        try
        {
            BaselineCsv.WriteFile(new Baseline(result.Scenario.Seed, result.Replications.Count, BaselineVersion, values), baselinePath);
            context.Out.Write($"{file}: baseline written to {baselinePath} ({values.Count} metrics, {result.Replications.Count} replications, seed {result.Scenario.Seed})\n");
            return "updated";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            tally.CannotWrite = true;
            context.Error.WriteLine($"cannot write {baselinePath}: {OutputDirectory.FirstLine(e.Message)}");
            return "not-written";
        }
    }

    /// <summary>findings.csv (unless updating) and run.json into the -o folder.</summary>
    private static void Commit(OutputSession session, RegressRequest request, RegressTally tally, CliContext context, DateTimeOffset startedUtc)
    {
        if (!request.Update)
        {
            session.WriteText(FindingsFileName, w => RegressionTable.WriteCsv(tally.Findings, w));
        }

        int threads = request.Threads ?? Environment.ProcessorCount;
        session.Commit(outputs => context.ProvenanceFrom(startedUtc).Info(
            "regress",
            new Dictionary<string, string>
            {
                ["baselines"] = request.BaselineDirectory,
                ["update"] = request.Update ? "true" : "false",
                ["exact"] = request.Exact ? "true" : "false",
                ["threads"] = threads.ToString(CultureInfo.InvariantCulture),
                ["family_alpha"] = CsvNumbers.Format(Regression.FamilyAlpha),
                ["test"] = "paired t-test per metric on common random numbers, Holm over the metrics",
            },
            tally.Infos,
            outputs).ToJson());
    }

    private static string Regenerate(RegressRequest request, string file) =>
        $"if the change is intended, regenerate it with: bordersim regress --update {file}{BaselinesOption(request)}";

    private static string BaselinesOption(RegressRequest request) =>
        request.BaselineDirectory == DefaultBaselines ? "" : $" --baselines {request.BaselineDirectory}";

    /// <summary>A scenario regress has run: its file, as loaded, its baseline's path and (unless updating) the baseline read.</summary>
    private sealed record RegressedFile(string File, ScenarioLoadResult Loaded, string BaselinePath, int Replications, Baseline? Baseline);

    /// <summary>What regress has found so far over its files: the counts behind its exit code, run.json's scenarios and findings.csv's rows.</summary>
    private sealed class RegressTally(string[] overrideTexts)
    {
        public string[] OverrideTexts => overrideTexts;

        public int Invalid { get; set; }

        public int Regressed { get; set; }

        public int MissingBaselines { get; set; }

        public bool CannotWrite { get; set; }

        public List<ScenarioRunInfo> Infos { get; } = [];

        public List<(string File, RegressionFinding Finding)> Findings { get; } = [];

        /// <summary>Lists a scenario that did not run, with why (<paramref name="status"/>).</summary>
        public void NotRun(string file, ScenarioLoadResult loaded, string name, string status) =>
            Infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, name, overrideTexts, null, null, null, null, null, status));

        /// <summary>A baseline that cannot be used: said, counted invalid, listed.</summary>
        public void BadBaseline(string file, ScenarioLoadResult loaded, string message, CliContext context)
        {
            Invalid++;
            context.Error.WriteLine(message);
            NotRun(file, loaded, loaded.Scenario!.Name, "bad-baseline");
        }
    }
}
