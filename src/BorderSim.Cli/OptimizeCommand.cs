using System.CommandLine;
using System.Globalization;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Reporting.Html;
using BorderSim.Scenarios;
using BorderSim.Studies;

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
    public const string ResourceObjective = OptimizeStudy.ResourceObjective;

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

        /// <summary>Replications of a configuration the load check finds overloaded (--overloaded-replications); null: <see cref="OptimizeStudy.DefaultOverloadedReplications"/>.</summary>
        public int? OverloadedReplications { get; init; }
    }

    public static Command Create(CliContext context)
    {
        var options = OptimizeOptions.Create();
        SearchOptions common = options.Common;
        RunSettingsOptions settings = common.Settings;
        var command = new Command("optimize", "Find the cheapest configuration that meets the targets, with a statistical guarantee")
        {
            common.File, options.Vary, options.Target, options.Minimize, common.Output, common.Shard, options.Tolerance, options.Indifference, options.MaxReplications, options.OverloadedReplications,
        };
        settings.AddTo(command);
        common.Report.AddTo(command);
        command.SetAction(parseResult =>
            settings.TryReadOverrides(parseResult, context, out IReadOnlyList<ScenarioOverride> sets)
                ? Execute(options.Read(parseResult, sets), context)
                : ExitCodes.InvalidInput);
        return command;
    }

    public static int Execute(OptimizeRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        context = context with { Language = request.Language };
        if (SearchStart.Load(request.File, request.Sets, context) is not { } start)
        {
            return ExitCodes.InvalidInput;
        }

        request = request with { Language = request.Language.WithLabelsOf(start.Scenario) };
        context = context with { Language = request.Language };

        // Without --minimize: the cost a day when the scenario prices its resources, else the fewest servers and lanes.
        request = request with { Minimize = OptimizeStudy.ObjectiveFor(request.Minimize, start.Scenario) };
        start.ParseTargets(request.TargetTexts);
        List<Sweep> sweeps = OptimizeStudy.ReadChoices(request.VaryTexts, start.Scenario.Levers, request.Minimize, start.MetricIds, start.Errors);
        start.ParseShard(request.ShardText);
        int firstStage = request.Options.Replications ?? start.Scenario.Replications;
        OptimizeStudy.CheckReplications(firstStage, request.MaxReplications, request.OverloadedReplications, start.Errors);
        if (start.ReportErrors(context))
        {
            return ExitCodes.InvalidInput;
        }

        var study = new OptimizeStudy(sweeps, start.Targets, request.Minimize, request.Tolerance, request.Indifference, firstStage, request.MaxReplications)
        {
            OverloadedReplicationsAsked = request.OverloadedReplications,
        };
        return VerbPipeline.WriteFolder(request.OutputDirectory, context, session => Search(session, request, start, study, context)) ?? ExitCodes.Ok;
    }

    /// <summary>The search in its folder: the configurations loaded, the rounds run, then the files written and committed and the answer printed.</summary>
    private static int Search(OutputSession session, OptimizeRequest request, SearchInputs start, OptimizeStudy study, CliContext context)
    {
        SearchRunner runner = start.Runner(request.Options, study.Paths, session, context);
        List<string> errors = start.Errors;
        if (!study.Load(runner, errors, context.CancellationToken))
        {
            errors.ForEach(context.Refuse);
            return ExitCodes.InvalidInput;
        }

        IReadOnlyList<LeverSpec> levers = LeverChoice.WithValues(request.File, request.Sets, LeverChoice.LeversOf(request.VaryTexts, start.Scenario.Levers, start.Scenario));
        context.Diagnostic(OptimizeConsole.Opening(study, levers, context.Language, start.KeyOf));
        RoundStatus status = study.Run(runner);
        SearchStart.SayThroughput(runner, context);
        if (SearchStart.ExitAfter(status, session, outputs => Info(request, study, context, runner, start.StartedUtc, outputs, "")) is { } exit)
        {
            return exit;
        }

        Write(session, request, start, study, levers, runner, context);
        OptimizeConsole.Print(context.Out, study, levers, runner, request, start.KeyOf, context.Language);
        return study.Best >= 0 ? ExitCodes.Ok : ExitCodes.RegressionFailed;
    }

    /// <summary>optimize.csv, optimize.png/.svg, report.html and run.json, committed.</summary>
    private static void Write(OutputSession session, OptimizeRequest request, SearchInputs start, OptimizeStudy study, IReadOnlyList<LeverSpec> levers, SearchRunner runner, CliContext context)
    {
        ScenarioSpec scenario = start.Scenario;
        List<Target> targets = [.. study.Targets];
        session.WriteText(OptimizeCsv.FileName, w => OptimizeCsv.Write(study.Paths, targets, study.ObjectiveName, study.Rows, w));
        ReportLanguage lang = request.Language;
        MetricKey[] targetKeys = [.. targets.Select(t => start.KeyOf(t.MetricId))];
        PlotImage? plot = OptimizePlot.Build(targets, targetKeys, study.Rows, [.. levers.Select(l => lang.Say(l.Label))],
            [.. study.Rows.Select(r => string.Join("\n", r.Values.Select((v, k) => DecisionText.Value(levers[k] with { Unit = null }, v, lang))))], lang);
        if (plot is not null)
        {
            Plots.WriteAll([plot], session);
        }

        if (request.WriteReport)
        {
            SequentialSelection selection = study.Selection;
            ScenarioSpec first = study.Specs[0];
            var input = new OptimizeReportInput(
                request.Language.Title(scenario), study.Paths, [.. study.Configs.Select(c => c.Label)], study.Rows, targets, targetKeys, request.Tolerance,
                study.ObjectiveName, request.Minimize is { } m ? start.KeyOf(m) : null, selection.Best, selection.IsSelectionGuaranteed, selection.Indifference,
                study.FirstStage, request.MaxReplications, first.Days, first.WarmUpHours,
                start.Source(), start.Provenance(context, runner.Threads))
            {
                HorizonCuts = HorizonCheck.CutsOf(first),
                ScenarioName = request.Language.Name(scenario),
                Levers = levers,
                Changes = LeverChoice.Changes(request.File, request.Sets, scenario.Levers, scenario),
                OverloadedReplications = study.OverloadedReplications,
            };
            session.WriteText(ReportPage.FileName, w => w.Write(OptimizeReport.Build(input, plot, request.Language)));
        }

        session.Commit(outputs => Info(request, study, context, runner, start.StartedUtc, outputs, study.BestLabel));
    }

    private static string Info(OptimizeRequest request, OptimizeStudy study, CliContext context, SearchRunner runner, DateTimeOffset startedUtc, IReadOnlyList<string> outputs, string best)
    {
        var settings = new Dictionary<string, string>
        {
            ["vary"] = string.Join(' ', request.VaryTexts),
            ["targets"] = string.Join(' ', request.TargetTexts),
            ["minimize"] = request.Minimize ?? ResourceObjective,
            ["replications"] = request.Options.Replications?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
            ["max_replications"] = request.MaxReplications.ToString(CultureInfo.InvariantCulture),
            ["overloaded_replications"] = study.OverloadedReplications.ToString(CultureInfo.InvariantCulture),
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

/// <summary>optimize's own options (beside the ones it shares with capacity) and how a parse result becomes its request.</summary>
internal sealed class OptimizeOptions
{
    public required SearchOptions Common { get; init; }

    public required Option<string[]> Vary { get; init; }

    public required Option<string[]> Target { get; init; }

    public required Option<string?> Minimize { get; init; }

    public required Option<double?> Tolerance { get; init; }

    public required Option<double?> Indifference { get; init; }

    public required Option<int?> MaxReplications { get; init; }

    public required Option<int?> OverloadedReplications { get; init; }

    public static OptimizeOptions Create()
    {
        var common = SearchOptions.Create(OptimizeCommand.DefaultOutput, "optimize.csv, optimize.png/.svg, runlist.csv, runs/ and run.json");
        common.Settings.Replications.Description = "First-stage replications of every configuration (at least 2) [default: the scenario's replications]";
        Option<double?> tolerance = CommonOptions.NumberBetween("--tolerance", 0, 1, "0.05");
        tolerance.Description = "Indifference zone of each target, as a share of its value: a configuration this close may be judged either way [default: 0.05]";
        tolerance.HelpName = "SHARE";
        Option<double?> indifference = CommonOptions.NumberBetween("--indifference", 0, double.MaxValue, "0.01");
        indifference.Description = "Indifference zone of the objective, in its unit [default: 5% of the best first-stage mean]";
        indifference.HelpName = "DELTA";
        Option<int?> maxReplications = CommonOptions.WholeNumber("--max-replications", null, 2, 100_000);
        maxReplications.Description = "Most replications of one configuration; a decision still open then is taken on the means and flagged [default: 100]";
        maxReplications.HelpName = "N";
        Option<int?> overloadedReplications = CommonOptions.WholeNumber("--overloaded-replications", null, 2, 100_000);
        overloadedReplications.Description = $"Replications of a configuration the load check finds overloaded: infeasible before it runs, it runs only for its values in the table, which grow with the run's length (at most the first stage) [default: {OptimizeStudy.DefaultOverloadedReplications}]";
        overloadedReplications.HelpName = "N";
        return new OptimizeOptions
        {
            Common = common,
            Vary = Repeatable("--vary", "PATH=V1,V2,...", "A scenario value to choose: path=a,b,c or path=from:to:step (repeatable; every combination is a configuration)"),
            Target = Repeatable("--target", "METRIC<=VALUE", "A requirement every chosen configuration must meet, METRIC<=VALUE or METRIC>=VALUE (repeatable)"),
            Minimize = new Option<string?>("--minimize")
            {
                Description = $"The metric to make smallest among the feasible [default: cost_usd_per_day when the scenario has costs, else {OptimizeCommand.ResourceObjective}, the check servers plus road lanes]",
                HelpName = "METRIC",
            },
            Tolerance = tolerance,
            Indifference = indifference,
            MaxReplications = maxReplications,
            OverloadedReplications = overloadedReplications,
        };
    }

    public OptimizeCommand.OptimizeRequest Read(ParseResult parseResult, IReadOnlyList<ScenarioOverride> sets) =>
        new(
            parseResult.GetValue(Common.File)!,
            parseResult.GetValue(Vary) ?? [],
            parseResult.GetValue(Target) ?? [],
            parseResult.GetValue(Minimize),
            sets,
            parseResult.GetValue(Common.Output) ?? OptimizeCommand.DefaultOutput,
            Common.Settings.ReadRunOptions(parseResult),
            parseResult.GetValue(Common.Shard),
            parseResult.GetValue(Tolerance) ?? 0.05,
            parseResult.GetValue(Indifference),
            parseResult.GetValue(MaxReplications) ?? 100)
        {
            WriteReport = Common.Report.ReadWriteReport(parseResult),
            Language = Common.Report.ReadLanguage(parseResult),
            OverloadedReplications = parseResult.GetValue(OverloadedReplications),
        };

    private static Option<string[]> Repeatable(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Required = true,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
