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
/// <c>bordersim capacity FILE --target 'METRIC&lt;=VALUE' [--scale PATH]... [-o DIR]</c>: the largest demand at which
/// the target still holds (<see cref="CapacitySearch"/>), run through <see cref="SearchRunner"/> (parallel,
/// resumable, shardable like batch). Prints <c>capacity: X trucks/day (95% CI A–B)</c>; writes capacity.csv,
/// capacity.png/.svg, runlist.csv, runs/ and run.json.
/// </summary>
public static class CapacityCommand
{
    public const string DefaultOutput = "results/capacity";

    public sealed record CapacityRequest(
        string File,
        string TargetText,
        IReadOnlyList<string> ScalePaths,
        IReadOnlyList<ScenarioOverride> Sets,
        string OutputDirectory,
        RunOptions Options,
        string? ShardText,
        double Tolerance,
        double MaxFactor)
    {
        /// <summary>Write report.html (off with --no-report).</summary>
        public bool WriteReport { get; init; } = true;

        /// <summary>Language of report.html and the plot.</summary>
        public ReportLanguage Language { get; init; } = ReportLanguage.English;
    }

    public static Command Create(CliContext context)
    {
        var common = SearchOptions.Create(DefaultOutput, "capacity.csv, capacity.png/.svg, runlist.csv, runs/ and run.json");
        var target = new Option<string>("--target")
        {
            Description = "The requirement, METRIC<=VALUE or METRIC>=VALUE with a metric id of summary.csv, e.g. 'wait_hours_mean/export/all<=4'",
            HelpName = "METRIC<=VALUE",
            Required = true,
        };
        var scale = new Option<string[]>("--scale")
        {
            Description = "A scenario value to scale with demand, e.g. directions.export.arrivals.trucks_per_day (repeatable) [default: every direction's trucks_per_day]",
            HelpName = "PATH",
            DefaultValueFactory = _ => [],
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        Option<double?> tolerance = CommonOptions.NumberBetween("--tolerance", 0, 1, "0.005");
        tolerance.Description = "Stop refining when every bracket is narrower than this share of demand [default: 0.005]";
        tolerance.HelpName = "SHARE";
        Option<double?> maxFactor = CommonOptions.NumberBetween("--max-factor", 0, 1e6, "10");
        maxFactor.Description = "Largest demand tried, as a multiple of the scenario's [default: 10]";
        maxFactor.HelpName = "X";
        RunSettingsOptions settings = common.Settings;
        var command = new Command("capacity", "Find the largest demand at which a target still holds, with a 95% confidence interval")
        {
            common.File, target, scale, common.Output, common.Shard, tolerance, maxFactor,
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
                new CapacityRequest(
                    parseResult.GetValue(common.File)!,
                    parseResult.GetValue(target)!,
                    parseResult.GetValue(scale) ?? [],
                    sets,
                    parseResult.GetValue(common.Output) ?? DefaultOutput,
                    settings.ReadRunOptions(parseResult),
                    parseResult.GetValue(common.Shard),
                    parseResult.GetValue(tolerance) ?? 0.005,
                    parseResult.GetValue(maxFactor) ?? 10)
                {
                    WriteReport = common.Report.ReadWriteReport(parseResult),
                    Language = common.Report.ReadLanguage(parseResult),
                },
                context);
        });
        return command;
    }

    public static int Execute(CapacityRequest request, CliContext context)
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

        start.ParseTargets([request.TargetText]);
        start.ParseShard(request.ShardText);
        List<(string Path, double Base)> scaled = CapacityStudy.ScaledValues(request.File, request.Sets, request.ScalePaths, start.Scenario, start.Errors);
        if (start.ReportErrors(context))
        {
            return ExitCodes.InvalidInput;
        }

        int replications = request.Options.Replications ?? start.Scenario.Replications;
        var study = new CapacityStudy(start.Scenario, start.Targets[0], scaled, replications, request.Tolerance, request.MaxFactor);
        return VerbPipeline.WriteFolder(request.OutputDirectory, context, session => Search(session, request, start, study, context)) ?? ExitCodes.Ok;
    }

    /// <summary>The search in its folder: rounds run, then capacity.csv, the plot, report.html and run.json, then the answer printed.</summary>
    private static int? Search(OutputSession session, CapacityRequest request, SearchInputs start, CapacityStudy study, CliContext context)
    {
        SearchRunner runner = start.Runner(request.Options, study.Paths, session, context);
        IReadOnlyList<LeverSpec> scaled = [.. study.Scaled.Select(s => LeverChoice.ForPath(s.Path, start.Scenario.Levers, start.Scenario))];
        context.Diagnostic(CapacityConsole.Opening(study, scaled, context.Language.Name(start.Scenario), TargetText(start, study, context), context.Language));
        List<string> errors = start.Errors;
        RoundStatus status = study.Run(runner, errors);
        SearchStart.SayThroughput(runner, context);
        if (errors.Count > 0)
        {
            errors.ForEach(context.Refuse);
            return ExitCodes.InvalidInput;
        }

        if (SearchStart.ExitAfter(status, session, outputs => Info(request, context, runner, start.StartedUtc, outputs, null, null)) is { } exit)
        {
            return exit;
        }

        if (study.NothingReported)
        {
            context.Error.WriteLine(context.Language.Say(
                $"no run reported {study.Target.MetricId} (no truck of that direction or class was served at any demand tried)",
                $"không lần chạy nào có {study.Target.MetricId} (không xe nào của chiều hoặc loại hàng đó được thông quan ở mọi mức nhu cầu đã thử)"));
            return ExitCodes.RunFailed;
        }

        CapacityEstimate estimate = study.Estimate();
        Write(session, request, start, study, scaled, estimate, runner, context);
        Print(request, start, study, estimate, runner, context);
        return null;
    }

    /// <summary>capacity.csv, capacity.png/.svg, report.html and run.json, committed.</summary>
    private static void Write(OutputSession session, CapacityRequest request, SearchInputs start, CapacityStudy study, IReadOnlyList<LeverSpec> scaled, CapacityEstimate estimate, SearchRunner runner, CliContext context)
    {
        Target target = study.Target;
        ScenarioSpec measured = study.Measured!;
        (string, TargetCrossing, double)[] answer = study.Answer(estimate);
        session.WriteText(CapacityCsv.FileName, w => CapacityCsv.Write(study.Paths, target, answer, study.Rows, w));
        PlotImage? plot = CapacityPlot.Build(
            request.Language.Say($"Capacity: {request.Language.Name(start.Scenario)}", $"Năng lực thông quan: {request.Language.Name(start.Scenario)}"),
            target,
            study.Rows,
            study.Found(estimate.Point),
            study.Found(estimate.Low),
            study.Found(estimate.High),
            study.SaturationDemand,
            request.Language,
            start.KeyOf(target.MetricId));
        if (plot is not null)
        {
            Plots.WriteAll([plot], session);
        }

        if (request.WriteReport)
        {
            var input = new CapacityReportInput(
                request.Language.Title(start.Scenario), target, start.KeyOf(target.MetricId), study.Scaled, study.AsWrittenTrucksPerDay, study.Rows,
                new CapacityEnd(estimate.Point, study.DemandAt(estimate.Point)), new CapacityEnd(estimate.Low, study.DemandAt(estimate.Low)), new CapacityEnd(estimate.High, study.DemandAt(estimate.High)),
                study.SaturationDemand, study.Replications, study.Rounds, measured.Days, measured.WarmUpHours,
                start.Source(), start.Provenance(context, runner.Threads))
            {
                HorizonCuts = HorizonCheck.CutsOf(measured),
                ScenarioName = request.Language.Name(start.Scenario),
                Levers = scaled,
                Changes = LeverChoice.Changes(request.File, request.Sets, start.Scenario.Levers, start.Scenario),
            };
            session.WriteText(ReportPage.FileName, w => w.Write(CapacityReport.Build(input, plot, request.Language)));
        }

        session.Commit(outputs => Info(request, context, runner, start.StartedUtc, outputs, answer, (estimate.AsWritten, study.AsWrittenTrucksPerDay)));
    }

    /// <summary>The answer, what it means for the scenario's own demand, what ran, and a warning when the target holds only transiently.</summary>
    private static void Print(CapacityRequest request, SearchInputs start, CapacityStudy study, CapacityEstimate estimate, SearchRunner runner, CliContext context)
    {
        ReportLanguage lang = context.Language;
        context.Out.Write(CapacityConsole.Answer(estimate, study.DemandAt, study.Points, lang) + "\n");
        if (CapacityConsole.AsWritten(estimate, study.AsWrittenTrucksPerDay, lang) is { } asWritten)
        {
            context.Out.Write(asWritten + "\n");
        }

        string written = Path.Combine(request.OutputDirectory, CapacityCsv.FileName);
        context.Out.Write(CapacityConsole.WhatRan(study, lang.Name(start.Scenario), TargetText(start, study, context), runner, written, lang) + "\n");
        if (study.MetOnlyTransiently() is { Count: > 0 } transient)
        {
            context.Out.Write(CapacityConsole.Transient(transient[^1].DemandTrucksPerDay, study.Measured!.Days, lang) + "\n");
        }
    }

    private static string TargetText(SearchInputs start, CapacityStudy study, CliContext context) =>
        CapacityConsole.TargetText(study.Target, context.Language.MetricLabel(start.KeyOf(study.Target.MetricId)), context.Language);

    private static string Info(CapacityRequest request, CliContext context, SearchRunner runner, DateTimeOffset startedUtc, IReadOnlyList<string> outputs, (string Kind, TargetCrossing Crossing, double Demand)[]? answer, (AsWrittenDemand Where, double TrucksPerDay)? asWritten)
    {
        var settings = new Dictionary<string, string>
        {
            ["target"] = request.TargetText,
            ["scale"] = string.Join(' ', request.ScalePaths),
            ["replications"] = request.Options.Replications?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
            ["seed"] = request.Options.Seed?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
            ["days"] = request.Options.Days?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
            ["threads"] = runner.Threads.ToString(CultureInfo.InvariantCulture),
            ["shard"] = request.ShardText ?? "",
            ["tolerance"] = request.Tolerance.ToString("R", CultureInfo.InvariantCulture),
            ["max_factor"] = request.MaxFactor.ToString("R", CultureInfo.InvariantCulture),
            ["sets"] = string.Join(' ', request.Sets.Select(o => o.ToString())),
        };
        foreach ((string kind, TargetCrossing crossing, double demand) in answer ?? [])
        {
            settings[kind + "_trucks_per_day"] = crossing.IsFound ? demand.ToString("R", CultureInfo.InvariantCulture) : crossing.IsBelowRange ? "below" : "above";
        }

        if (asWritten is { } w)
        {
            settings["as_written_trucks_per_day"] = w.TrucksPerDay.ToString("R", CultureInfo.InvariantCulture);
            settings["as_written"] = w.Where switch
            {
                AsWrittenDemand.BeyondCapacity => "beyond",
                AsWrittenDemand.AtAboutCapacity => "at_about",
                _ => "within",
            };
        }

        return context.ProvenanceFrom(startedUtc).Info("capacity", settings, runner.RunInfos(), outputs).ToJson();
    }
}
