using System.CommandLine;
using System.Globalization;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Reporting.Html;
using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary>
/// <c>bordersim optimize FILE --vary PATH=V1,V2,... [--vary ...] --target 'METRIC&lt;=VALUE' [--target ...] [--minimize METRIC]</c>:
/// every combination of the varied values on common random numbers, judged by <see cref="SequentialSelection"/>
/// (feasibility against the targets, then KN selection on the objective), run through <see cref="SearchRunner"/>
/// (parallel, resumable, shardable like batch). Prints <c>best: PATH=VALUE[, ...]</c>; writes optimize.csv,
/// optimize.png/.svg, runlist.csv, runs/ and run.json.
/// </summary>
public static class OptimizeCommand
{
    public const string DefaultOutput = "results/optimize";

    /// <summary>The objective when none is given: booths (check servers) plus lanes, each counted per direction.</summary>
    public const string ResourceObjective = "servers_and_lanes";

    public sealed record OptimizeRequest(
        string File,
        IReadOnlyList<string> VaryTexts,
        IReadOnlyList<string> TargetTexts,
        string? Minimize,
        IReadOnlyList<ScenarioOverride> Sets,
        string OutputDirectory,
        RunOptions Options,
        string? ShardText,
        double Tolerance,
        double? Indifference,
        int MaxReplications)
    {
        /// <summary>Write report.html (off with --no-report).</summary>
        public bool WriteReport { get; init; } = true;

        /// <summary>Language of report.html and the plot.</summary>
        public ReportLanguage Language { get; init; } = ReportLanguage.English;
    }

    public static Command Create(CliContext context)
    {
        var common = SearchOptions.Create(DefaultOutput, "optimize.csv, optimize.png/.svg, runlist.csv, runs/ and run.json");
        var vary = new Option<string[]>("--vary")
        {
            Description = "A scenario value to choose: path=a,b,c or path=from:to:step (repeatable; every combination is a configuration)",
            HelpName = "PATH=V1,V2,...",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var target = new Option<string[]>("--target")
        {
            Description = "A requirement every chosen configuration must meet, METRIC<=VALUE or METRIC>=VALUE (repeatable)",
            HelpName = "METRIC<=VALUE",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var minimize = new Option<string?>("--minimize")
        {
            Description = $"The metric to make smallest among the feasible [default: cost_usd_per_day when the scenario has costs, else {ResourceObjective}, the check servers plus road lanes]",
            HelpName = "METRIC",
        };
        Option<double?> tolerance = CommonOptions.NumberBetween("--tolerance", 0, 1, "0.05");
        tolerance.Description = "Indifference zone of each target, as a share of its value: a configuration this close may be judged either way [default: 0.05]";
        tolerance.HelpName = "SHARE";
        Option<double?> indifference = CommonOptions.NumberBetween("--indifference", 0, double.MaxValue, "0.01");
        indifference.Description = "Indifference zone of the objective, in its unit [default: 5% of the best first-stage mean]";
        indifference.HelpName = "DELTA";
        Option<int?> maxReplications = CommonOptions.WholeNumber("--max-replications", null, 2, 100_000);
        maxReplications.Description = "Most replications of one configuration; a decision still open then is taken on the means and flagged [default: 100]";
        maxReplications.HelpName = "N";
        RunSettingsOptions settings = common.Settings;
        settings.Replications.Description = "First-stage replications of every configuration (at least 2) [default: the scenario's replications]";
        var command = new Command("optimize", "Find the cheapest configuration that meets the targets, with a statistical guarantee")
        {
            common.File, vary, target, minimize, common.Output, common.Shard, tolerance, indifference, maxReplications,
        };
        settings.AddTo(command);
        common.Report.AddTo(command);
        command.SetAction(parseResult =>
        {
            if (!settings.TryReadOverrides(parseResult, context, out IReadOnlyList<ScenarioOverride> sets))
            {
                return ExitCodes.InvalidInput;
            }

            return Execute(
                new OptimizeRequest(
                    parseResult.GetValue(common.File)!,
                    parseResult.GetValue(vary) ?? [],
                    parseResult.GetValue(target) ?? [],
                    parseResult.GetValue(minimize),
                    sets,
                    parseResult.GetValue(common.Output) ?? DefaultOutput,
                    settings.ReadRunOptions(parseResult),
                    parseResult.GetValue(common.Shard),
                    parseResult.GetValue(tolerance) ?? 0.05,
                    parseResult.GetValue(indifference),
                    parseResult.GetValue(maxReplications) ?? 100)
                {
                    WriteReport = common.Report.ReadWriteReport(parseResult),
                    Language = common.Report.ReadLanguage(parseResult),
                },
                context);
        });
        return command;
    }

    public static int Execute(OptimizeRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (SearchStart.Load(request.File, request.Sets, context) is not { } start)
        {
            return ExitCodes.InvalidInput;
        }

        ScenarioSpec scenario = start.Scenario;

        // Without --minimize: the cost a day when the scenario prices its resources, else the fewest servers and lanes.
        if (request.Minimize is null && scenario.Costs is not null)
        {
            request = request with { Minimize = Metrics.CostUsdPerDay.Name };
        }

        start.ParseTargets(request.TargetTexts);
        List<Target> targets = start.Targets;
        List<string> errors = start.Errors;
        if (request.Minimize is { } objective && !Target.TryParse(objective + "<=0", start.MetricIds, out _, out string why))
        {
            errors.Add(why.Replace("--target '" + objective + "<=0'", "--minimize '" + objective + "'", StringComparison.Ordinal));
        }

        var sweeps = new List<Sweep>();
        foreach (string text in request.VaryTexts)
        {
            if (Sweep.TryParse(text, out Sweep? parsed, out string error))
            {
                if (sweeps.Any(s => s.Path == parsed!.Path))
                {
                    errors.Add($"--vary '{text}': {parsed!.Path} is varied twice; give all its values in one --vary");
                }

                sweeps.Add(parsed!);
            }
            else
            {
                errors.Add(error.Replace("--sweep", "--vary", StringComparison.Ordinal));
            }
        }

        if (errors.Count == 0 && Sweep.TooManyRuns(sweeps, 1, Sweep.MaxValues, "--vary") is { } tooMany)
        {
            errors.Add(tooMany.Replace(" runs;", " configurations;", StringComparison.Ordinal));
        }

        start.ParseShard(request.ShardText);
        int firstStage = request.Options.Replications ?? scenario.Replications;
        if (firstStage < 2)
        {
            errors.Add($"optimize needs at least 2 first-stage replications to estimate variances; the scenario has {firstStage}: add --replications 10");
        }

        if (request.MaxReplications < firstStage)
        {
            errors.Add($"--max-replications {request.MaxReplications} is below the {firstStage} first-stage replications");
        }

        if (start.ReportErrors(context))
        {
            return ExitCodes.InvalidInput;
        }

        string[] paths = [.. sweeps.Select(s => s.Path)];
        List<SearchConfig> configs = [.. Sweep.Combinations(sweeps).Select(c => new SearchConfig([.. c]))];
        using OutputSession? session = OutputSession.Open(request.OutputDirectory, context);
        if (session is null)
        {
            return ExitCodes.OutputNotWritten;
        }

        SearchRunner runner = start.Runner(request.File, request.Sets, request.Options, paths, session, context);
        DateTimeOffset startedUtc = start.StartedUtc;
        var specs = new List<ScenarioSpec>();
        foreach (SearchConfig config in configs)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (runner.Scenario(config, errors) is { } spec)
            {
                specs.Add(spec);
            }
        }

        if (errors.Count > 0)
        {
            errors.ForEach(context.Error.WriteLine);
            return ExitCodes.InvalidInput;
        }

        List<CrossingModel> models = [.. specs.Select(s => new CrossingModel(s))];
        double[] resources = [.. models.Select(ResourceCost.ServersAndLanes)];
        var selection = new SequentialSelection(
            targets, [.. targets.Select(t => Math.Max(1e-9, request.Tolerance * Math.Abs(t.Value)))], configs.Count,
            firstStage, step: 2, request.MaxReplications, alpha: 0.05, request.Indifference);
        List<IReadOnlyList<string>> overloads = [.. models.Select(LoadCheck.Overloads)];
        for (int i = 0; i < configs.Count; i++)
        {
            if (overloads[i].Count > 0)
            {
                selection.MarkOverloaded(i);
            }
        }
        context.Diagnostic(FormattableString.Invariant(
            $"optimize: {configs.Count} configurations of {string.Join(", ", paths)} on common random numbers; {string.Join(", ", targets)}; minimize {request.Minimize ?? ResourceObjective}; {firstStage} first-stage replications each, then 2 at a time up to {request.MaxReplications}"));
        var observations = configs.Select(_ => new List<SelectionObservation>()).ToList();
        int rounds = 0;
        try
        {
            while (selection.Next(observations) is { } wanted)
            {
                rounds++;
                var round = new List<SearchRun>();
                for (int i = 0; i < configs.Count; i++)
                {
                    round.AddRange(Enumerable.Range(observations[i].Count, wanted[i] - observations[i].Count).Select(r => new SearchRun(configs[i], r)));
                }

                if (SearchStart.ExitAfter(runner.RunRound(rounds, round), session, outputs => Info(request, context, runner, startedUtc, outputs, "")) is { } exit)
                {
                    return exit;
                }

                for (int i = 0; i < configs.Count; i++)
                {
                    for (int r = observations[i].Count; r < wanted[i]; r++)
                    {
                        IReadOnlyDictionary<string, double> values = runner.ValuesOf(new SearchRun(configs[i], r));
                        double Value(string id) => values.TryGetValue(id, out double v) ? v : double.NaN;
                        observations[i].Add(new SelectionObservation(
                            [.. targets.Select(t => Value(t.MetricId))],
                            request.Minimize is { } m ? Value(m) : resources[i]));
                    }
                }
            }

            List<OptimizeRow> rows = [.. configs.Select((c, i) => Row(c, i, selection, observations[i], targets, resources[i]) with { OverloadedDirections = Overloaded(runner, c, observations[i].Count) })];
            string objectiveName = request.Minimize ?? ResourceObjective;
            session.WriteText(OptimizeCsv.FileName, w => OptimizeCsv.Write(paths, targets, objectiveName, rows, w));
            PlotImage? plot = OptimizePlot.Build($"Optimize: {scenario.Label}", string.Join(" / ", paths), targets[0], rows, request.Language);
            if (plot is not null)
            {
                Plots.WriteAll([plot], session);
            }

            if (request.WriteReport)
            {
                var input = new OptimizeReportInput(
                    scenario.Label, paths, [.. configs.Select(c => c.Label)], rows, targets, [.. targets.Select(t => start.KeyOf(t.MetricId))], request.Tolerance,
                    objectiveName, request.Minimize is { } m ? start.KeyOf(m) : null, selection.Best, selection.IsSelectionGuaranteed, selection.Indifference,
                    firstStage, request.MaxReplications, specs[0].Days, specs[0].WarmUpHours,
                    start.Source(request.File, request.Sets), start.Provenance(request.File, request.Sets, context, runner.Threads))
                { HorizonCuts = HorizonCheck.CutsOf(specs[0]) };
                session.WriteText(ReportPage.FileName, w => w.Write(OptimizeReport.Build(input, plot, request.Language)));
            }
            string best = selection.Best >= 0 ? configs[selection.Best].Label : "";
            session.Commit(outputs => Info(request, context, runner, startedUtc, outputs, best));
            Print(context, selection, configs, rows, targets, objectiveName, runner, request, rounds, overloads);
            return selection.Best >= 0 ? ExitCodes.Ok : ExitCodes.RegressionFailed;
        }
        catch (Exception e) when (OutputSession.IsWriteFailure(e))
        {
            return session.Failed(e);
        }
    }

    private static OptimizeRow Row(SearchConfig config, int index, SequentialSelection selection, List<SelectionObservation> observations, List<Target> targets, double resources)
    {
        ConfigurationVerdict verdict = selection.Verdict(index);
        SampleSummary[] targetSummaries = [.. targets.Select((_, j) => Statistics.Summarise(observations.Select(o => o.TargetValues[j])))];
        SampleSummary objective = Statistics.Summarise(observations.Select(o => o.Objective));
        string status = index == selection.Best ? "best"
            : verdict.Feasibility == Feasibility.Infeasible ? "infeasible"
            : verdict.IsScreenedOut ? "feasible, screened out"
            : "feasible";
        return new OptimizeRow([.. config.Settings.Select(s => s.Value)], status, verdict, observations.Count, resources, objective, targetSummaries);
    }

    private static void Print(CliContext context, SequentialSelection selection, List<SearchConfig> configs, List<OptimizeRow> rows, List<Target> targets, string objectiveName, SearchRunner runner, OptimizeRequest request, int rounds, List<IReadOnlyList<string>> overloads)
    {
        if (selection.Best < 0)
        {
            context.Out.Write("best: none: no configuration meets every target\n");
        }
        else
        {
            context.Out.Write($"best: {configs[selection.Best].Label}\n");
        }

        string delta = selection.Indifference is { } d ? d.ToString("G4", CultureInfo.InvariantCulture) : "-";
        string selectionClause = request.Minimize is null
            ? $"the chosen one has the fewest {ResourceObjective} of those found feasible (ties: the one listed first)"
            : $"the chosen one's {objectiveName} is within {delta} of the best feasible one's";
        context.Out.Write(FormattableString.Invariant(
            $"  guarantee: with probability at least 95%, every configuration further than {request.Tolerance:P0} from a target is classified right and {selectionClause} (Batur-Kim feasibility, Kim-Nelson selection, common random numbers){(selection.IsSelectionGuaranteed ? "" : "; NOT reached: the replications ran out before a decision (see optimize.csv, decided_with_guarantee), so it was taken on the means")}\n"));
        foreach ((OptimizeRow row, int i) in rows.Select((r, i) => (r, i)).OrderBy(p => p.r.Objective.Mean).ThenBy(p => p.i))
        {
            string measures = string.Join(", ", targets.Select((t, j) => FormattableString.Invariant($"{t.MetricId} {row.Targets[j].Mean:G4} ± {Half(row.Targets[j]):G3}")));
            string what = row.Status switch
            {
                "infeasible" when row.Verdict.IsOverloaded =>
                    $"infeasible, overloaded ({string.Join("; ", overloads[i])}): its queue grows without bound, whatever its mean in a finite run",
                "infeasible" => $"infeasible, misses {Targets(row.Verdict.MissedTargets, targets)}" + (row.Verdict.UndecidedTargets.Count > 0 ? $" (not decided: {Targets(row.Verdict.UndecidedTargets, targets)})" : ""),
                _ => row.Status,
            };
            context.Out.Write(FormattableString.Invariant($"  {configs[i].Label}: {what}; {objectiveName} {row.Objective.Mean:G6}; {measures} ({row.Replications} replications)\n"));
        }

        context.Out.Write(FormattableString.Invariant(
            $"  {configs.Count} configurations in {rounds} rounds ({runner.RunsRun} runs now, {runner.RunsResumed} resumed); wrote {Path.Combine(request.OutputDirectory, OptimizeCsv.FileName)}\n"));
    }

    /// <summary>The directions overloaded in most of a configuration's replications (overloaded/DIRECTION = 1).</summary>
    private static IReadOnlyList<string> Overloaded(SearchRunner runner, SearchConfig config, int replications)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < replications; r++)
        {
            foreach ((string id, double value) in runner.ValuesOf(new SearchRun(config, r)))
            {
                if (id.StartsWith("overloaded/", StringComparison.Ordinal) && value >= 0.5)
                {
                    counts[id["overloaded/".Length..]] = counts.GetValueOrDefault(id["overloaded/".Length..]) + 1;
                }
            }
        }

        return [.. counts.Where(c => 2 * c.Value > replications).Select(c => c.Key).Order(StringComparer.Ordinal)];
    }

    private static string Targets(IReadOnlyList<int> indices, List<Target> targets) => string.Join(" and ", indices.Select(j => targets[j].ToString()));

    private static double Half(SampleSummary s) => s.Count > 1 ? s.HalfWidth95 : double.NaN;

    private static string Info(OptimizeRequest request, CliContext context, SearchRunner runner, DateTimeOffset startedUtc, IReadOnlyList<string> outputs, string best)
    {
        var settings = new Dictionary<string, string>
        {
            ["vary"] = string.Join(' ', request.VaryTexts),
            ["targets"] = string.Join(' ', request.TargetTexts),
            ["minimize"] = request.Minimize ?? ResourceObjective,
            ["replications"] = request.Options.Replications?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
            ["max_replications"] = request.MaxReplications.ToString(CultureInfo.InvariantCulture),
            ["tolerance"] = request.Tolerance.ToString("R", CultureInfo.InvariantCulture),
            ["indifference"] = request.Indifference?.ToString("R", CultureInfo.InvariantCulture) ?? "5% of the best first-stage mean",
            ["seed"] = request.Options.Seed?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
            ["days"] = request.Options.Days?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
            ["threads"] = runner.Threads.ToString(CultureInfo.InvariantCulture),
            ["shard"] = request.ShardText ?? "",
            ["sets"] = string.Join(' ', request.Sets.Select(o => o.ToString())),
            ["best"] = best,
        };
        return context.ProvenanceFrom(startedUtc).Info("optimize", settings, runner.RunInfos(), outputs).ToJson();
    }
}
