using System.CommandLine;
using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
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
        var errors = new List<string>();
        IReadOnlyList<string> files = Globs.Expand(request.Files, errors);
        if (errors.Count > 0)
        {
            errors.ForEach(context.Error.WriteLine);
            if (request.Files.SequenceEqual([DefaultScenarios]))
            {
                context.Error.WriteLine("(run regress from the project folder, or give the scenario files)");
            }

            return ExitCodes.InvalidInput;
        }

        if (request.Update && request.Overrides.Count > 0)
        {
            context.Error.WriteLine("regress: --set cannot be used with --update (a baseline stores the scenario file as it is; edit the file instead)");
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

        int threads = request.Threads ?? Environment.ProcessorCount;
        int invalid = 0, regressed = 0, missingBaselines = 0;
        bool cannotWrite = false;
        var infos = new List<ScenarioRunInfo>();
        string[] overrideTexts = [.. request.Overrides.Select(o => o.ToString())];
        var allFindings = new List<(string File, RegressionFinding Finding)>();
        foreach (string file in files)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            ScenarioLoadResult loaded = ScenarioInput.LoadAndReport(file, request.Overrides, context);
            if (!loaded.IsValid)
            {
                invalid++;
                infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, "", overrideTexts, null, null, null, null, null, "invalid"));
                continue;
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
                invalid++;
                context.Error.WriteLine($"{file}: {OutputDirectory.UserMessage(e)} ({replications} replications: regress runs the scenario's, at least {Regression.MinimumReplications})");
                infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, loaded.Scenario.Name, overrideTexts, null, null, null, null, null, "invalid"));
                continue;
            }

            Baseline? baseline = null;
            void BadBaseline(string message)
            {
                invalid++;
                context.Error.WriteLine(message);
                infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, loaded.Scenario.Name, overrideTexts, null, null, null, null, null, "bad-baseline"));
            }

            if (!request.Update)
            {
                if (!File.Exists(baselinePath))
                {
                    missingBaselines++;
                    context.Error.WriteLine($"{file}: no baseline {baselinePath}; create it with: bordersim regress --update {file}{BaselinesOption(request)}");
                    infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, loaded.Scenario.Name, overrideTexts, null, null, null, null, null, "no-baseline"));
                    continue;
                }

                string text;
                try
                {
                    text = InputFile.ReadText(baselinePath);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    BadBaseline($"{baselinePath}: cannot be read as a baseline: {OutputDirectory.FirstLine(e.Message)}");
                    continue;
                }

                try
                {
                    baseline = BaselineCsv.Read(new StringReader(text), baselinePath);
                }
                catch (InvalidDataException e)
                {
                    BadBaseline($"{OutputDirectory.FirstLine(e.Message)}; {Regenerate(request, file)}");
                    continue;
                }

                if (baseline.Seed != loaded.Scenario.Seed || baseline.Replications != replications)
                {
                    BadBaseline($"{baselinePath}:1: made with seed {baseline.Seed} and {baseline.Replications} replications, but {file} now runs seed {loaded.Scenario.Seed} "
                        + $"with {replications} replications (regress runs the scenario's replications, at least {Regression.MinimumReplications}), so its replications cannot be paired; "
                        + Regenerate(request, file));
                    continue;
                }
            }

            var progress = new ReplicationProgress(context, replications);
            context.Diagnostic($"{file}: {replications} replications of {loaded.Scenario.Days} days, seed {loaded.Scenario.Seed}");
            HorizonNotice.Print(file, loaded.Scenario, context);
            ExperimentResult result;
            try
            {
                result = ExperimentRunner.Run(loaded.Scenario, new RunOptions(Replications: replications, Threads: request.Threads, MaxWorkTruckStages: request.MaxWorkTruckStages), null, progress, context.CancellationToken);
                progress.Finish();
            }
            catch (ArgumentException e)
            {
                progress.Finish();
                invalid++;
                context.Error.WriteLine($"{file}: {OutputDirectory.UserMessage(e)}");
                infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, loaded.Scenario.Name, overrideTexts, null, null, null, null, null, "invalid"));
                continue;
            }

            IReadOnlyList<ReplicationValues> values = Regression.ValuesOf(result);
            string status;
            if (request.Update)
            {
                try
                {
                    BaselineCsv.WriteFile(new Baseline(result.Scenario.Seed, result.Replications.Count, BaselineVersion, values), baselinePath);
                    context.Out.Write($"{file}: baseline written to {baselinePath} ({values.Count} metrics, {result.Replications.Count} replications, seed {result.Scenario.Seed})\n");
                    status = "updated";
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    cannotWrite = true;
                    context.Error.WriteLine($"cannot write {baselinePath}: {OutputDirectory.FirstLine(e.Message)}");
                    status = "not-written";
                }
            }
            else if (Regression.NotInBaseline(baseline!, values) is { Count: > 0 } unknown)
            {
                BadBaseline($"{baselinePath}: no row for {unknown.Count} metric(s) the run produces ({string.Join(", ", unknown.Take(5))}{(unknown.Count > 5 ? ", ..." : "")}); "
                    + $"if the model now reports them on purpose, accept them with: bordersim regress --update {file}{BaselinesOption(request)}");
                continue;
            }
            else
            {
                IReadOnlyList<RegressionFinding> findings = Regression.Check(baseline!, values, request.Exact);
                allFindings.AddRange(findings.Select(f => (file, f)));
                List<RegressionFinding> moved = [.. findings.Where(f => f.IsRegression)];
                if (moved.Count == 0)
                {
                    context.Out.Write($"{file}: ok ({findings.Count} metrics consistent with {baselinePath} over {replications} paired replications{(request.Exact ? ", every value bit-identical" : "")})\n");
                    status = "ok";
                }
                else
                {
                    regressed++;
                    context.Out.Write($"{file}: {moved.Count} of {findings.Count} metrics moved from {baselinePath}\n");
                    RegressionTable.Write(moved, context.Out);
                    status = "regressed";
                }
            }

            infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, result.Scenario.Name, overrideTexts, result.Scenario.Seed, result.Replications.Count,
                result.Scenario.Days, result.WarmUpHours, result.WarmUpMethod, status)
            { HorizonCuts = HorizonCutInfo.Of(result.HorizonCuts) });
        }

        if (session is not null)
        {
            try
            {
                if (!request.Update)
                {
                    session.WriteText(FindingsFileName, w => RegressionTable.WriteCsv(allFindings, w));
                }

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
                    infos,
                    outputs).ToJson());
            }
            catch (Exception e) when (OutputSession.IsWriteFailure(e))
            {
                session.Failed(e);
                cannotWrite = true;
            }
        }

        if (invalid > 0 || missingBaselines > 0)
        {
            return ExitCodes.InvalidInput;
        }

        if (cannotWrite)
        {
            return ExitCodes.OutputNotWritten;
        }

        return regressed > 0 ? ExitCodes.RegressionFailed : ExitCodes.Ok;
    }

    private static string Regenerate(RegressRequest request, string file) =>
        $"if the change is intended, regenerate it with: bordersim regress --update {file}{BaselinesOption(request)}";

    private static string BaselinesOption(RegressRequest request) =>
        request.BaselineDirectory == DefaultBaselines ? "" : $" --baselines {request.BaselineDirectory}";
}
