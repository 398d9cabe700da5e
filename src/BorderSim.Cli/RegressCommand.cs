using System.CommandLine;
using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Reporting;
using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary>
/// <c>bordersim regress [FILES...]</c>: runs each scenario with its own replications and seed and checks every
/// metric against its baseline DIR/&lt;stem&gt;.csv (summary.csv format) with Welch's t-test, Bonferroni over
/// the metrics at a family false-alarm rate of 5% (<see cref="Regression"/>). Exit 1 if anything moved, so
/// a CI build fails; <c>--update</c> rewrites the baselines; <c>--exact</c> also demands bit-identical means.
/// </summary>
public static class RegressCommand
{
    public const string DefaultBaselines = "scenarios/baselines";
    public const string DefaultScenarios = "scenarios/*.yaml";
    public const string FindingsFileName = "regression.csv";

    public sealed record RegressRequest(IReadOnlyList<string> Files, string BaselineDirectory, bool Update, bool Exact, string? OutputDirectory, int? Threads);

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
        var exact = new Option<bool>("--exact") { Description = "Also fail on any change of a mean, however small (same seed and version must reproduce bit for bit)" };
        var output = new Option<string?>("--output", "-o")
        {
            Description = $"Directory for {FindingsFileName} (every metric checked) and run.json [default: none]",
            HelpName = "DIR",
        };
        var threads = CommonOptions.WholeNumber("--threads", null, 1);
        threads.Description = "Replications run at once; results do not depend on it [default: all cores]";
        threads.HelpName = "N";
        var command = new Command("regress", "Check scenarios against stored baselines (Welch t-test, Bonferroni); exit 1 if a metric moved")
        {
            files, baselines, update, exact, output, threads,
        };
        command.SetAction(parseResult => Execute(
            new RegressRequest(
                parseResult.GetValue(files) is { Length: > 0 } given ? given : [DefaultScenarios],
                parseResult.GetValue(baselines) ?? DefaultBaselines,
                parseResult.GetValue(update),
                parseResult.GetValue(exact),
                parseResult.GetValue(output),
                parseResult.GetValue(threads)),
            context));
        return command;
    }

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

        using OutputSession? session = request.OutputDirectory is { } outputDirectory ? OutputSession.Open(outputDirectory, context) : null;
        if (request.OutputDirectory is not null && session is null)
        {
            return ExitCodes.OutputNotWritten;
        }

        if (request.Update && !OutputDirectory.TryPrepare(request.BaselineDirectory, context))
        {
            return ExitCodes.OutputNotWritten;
        }

        var options = new RunOptions(Threads: request.Threads);
        int threads = request.Threads ?? Environment.ProcessorCount;
        int invalid = 0, regressed = 0, missingBaselines = 0;
        bool cannotWrite = false;
        var infos = new List<ScenarioRunInfo>();
        var allFindings = new List<(string File, RegressionFinding Finding)>();
        foreach (string file in files)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            ScenarioLoadResult loaded = ScenarioInput.LoadAndReport(file, [], context);
            if (!loaded.IsValid)
            {
                invalid++;
                infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, "", [], null, null, null, null, null, "invalid"));
                continue;
            }

            string baselinePath = BaselinePath(request.BaselineDirectory, file);
            IReadOnlyList<BaselineMetric>? baseline = null;
            if (!request.Update)
            {
                if (!File.Exists(baselinePath))
                {
                    missingBaselines++;
                    context.Error.WriteLine($"{file}: no baseline {baselinePath}; create it with: bordersim regress --update {file}{BaselinesOption(request)}");
                    infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, loaded.Scenario!.Name, [], null, null, null, null, null, "no-baseline"));
                    continue;
                }

                try
                {
                    baseline = SummaryCsv.ReadBaseline(new StringReader(InputFile.ReadText(baselinePath)), baselinePath);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    invalid++;
                    context.Error.WriteLine($"{baselinePath}: cannot be read as a baseline: {OutputDirectory.FirstLine(e.Message)}");
                    infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, loaded.Scenario!.Name, [], null, null, null, null, null, "bad-baseline"));
                    continue;
                }
            }

            var progress = new ReplicationProgress(context, loaded.Scenario!.Replications);
            context.Diagnostic($"{file}: {loaded.Scenario.Replications} replications of {loaded.Scenario.Days} days, seed {loaded.Scenario.Seed}");
            ExperimentResult result;
            try
            {
                result = ExperimentRunner.Run(loaded.Scenario, options, null, progress, context.CancellationToken);
                progress.Finish();
            }
            catch (ArgumentException e)
            {
                progress.Finish();
                invalid++;
                context.Error.WriteLine($"{file}: {OutputDirectory.UserMessage(e)}");
                infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, loaded.Scenario.Name, [], null, null, null, null, null, "invalid"));
                continue;
            }

            string status;
            if (request.Update)
            {
                try
                {
                    SummaryCsv.WriteFile(result, baselinePath);
                    context.Out.Write($"{file}: baseline written to {baselinePath} ({result.Summary.Count} metrics, {result.Replications.Count} replications, seed {result.Scenario.Seed})\n");
                    status = "updated";
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    cannotWrite = true;
                    context.Error.WriteLine($"cannot write {baselinePath}: {OutputDirectory.FirstLine(e.Message)}");
                    status = "not-written";
                }
            }
            else
            {
                IReadOnlyList<RegressionFinding> findings = Regression.Check(baseline!, result.Summary, request.Exact);
                allFindings.AddRange(findings.Select(f => (file, f)));
                List<RegressionFinding> moved = [.. findings.Where(f => f.IsRegression)];
                if (moved.Count == 0)
                {
                    context.Out.Write($"{file}: ok ({findings.Count} metrics consistent with {baselinePath}{(request.Exact ? ", means bit-identical" : "")})\n");
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

            infos.Add(new ScenarioRunInfo(file, loaded.ContentSha256, result.Scenario.Name, [], result.Scenario.Seed, result.Replications.Count,
                result.Scenario.Days, result.WarmUpHours, result.WarmUpMethod, status));
        }

        if (session is not null)
        {
            try
            {
                if (!request.Update)
                {
                    session.WriteText(FindingsFileName, w => RegressionTable.WriteCsv(allFindings, w));
                }

                session.Commit(outputs => new ExperimentInfo(
                    CliApp.Version,
                    "regress",
                    ["bordersim", .. context.Arguments],
                    new Dictionary<string, string>
                    {
                        ["baselines"] = request.BaselineDirectory,
                        ["update"] = request.Update ? "true" : "false",
                        ["exact"] = request.Exact ? "true" : "false",
                        ["threads"] = threads.ToString(CultureInfo.InvariantCulture),
                        ["family_alpha"] = CsvNumbers.Format(Regression.FamilyAlpha),
                    },
                    infos,
                    startedUtc,
                    DateTimeOffset.UtcNow,
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

    private static string BaselinesOption(RegressRequest request) =>
        request.BaselineDirectory == DefaultBaselines ? "" : $" --baselines {request.BaselineDirectory}";
}
