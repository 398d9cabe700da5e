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
        if (SearchStart.Load(request.File, request.Sets, context) is not { } start)
        {
            return ExitCodes.InvalidInput;
        }

        ScenarioSpec scenario = start.Scenario;
        var model = new CrossingModel(scenario);
        start.ParseTargets([request.TargetText]);
        Target? target = start.Targets.FirstOrDefault();
        start.ParseShard(request.ShardText);
        List<string> errors = start.Errors;

        // What demand means: the scaled values and their values in the scenario as written (with --set).
        var scaled = new List<(string Path, double Base)>();
        if (request.ScalePaths.Count == 0)
        {
            scaled.AddRange(scenario.Directions.Select(d => ($"directions.{d.Name}.arrivals.trucks_per_day", d.Arrivals.TrucksPerDay)));
        }

        foreach (string path in request.ScalePaths)
        {
            string? text = ScenarioReader.ScalarAt(request.File, request.Sets, path, out string problem);
            if (text is null)
            {
                errors.Add($"--scale {path}: {problem}");
            }
            else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || !double.IsFinite(value))
            {
                errors.Add($"--scale {path}: its value '{text}' is not a positive number, so it cannot be scaled with demand");
            }
            else if (scaled.Any(s => s.Path == path))
            {
                errors.Add($"--scale {path}: given twice");
            }
            else
            {
                scaled.Add((path, value));
            }
        }

        if (start.ReportErrors(context))
        {
            return ExitCodes.InvalidInput;
        }

        RunOptions options = request.Options;
        int replications = options.Replications ?? scenario.Replications;
        double saturation = CapacitySearch.SaturationFactor(model);
        var search = new CapacitySearch(target!, Math.Min(saturation, request.MaxFactor), request.Tolerance, request.MaxFactor, stabilityFactor: saturation);
        string[] paths = [.. scaled.Select(s => s.Path)];
        SearchConfig ConfigAt(double factor) => new([.. scaled.Select(s => (s.Path, Format(s.Base * factor)))]);

        using OutputSession? session = OutputSession.Open(request.OutputDirectory, context);
        if (session is null)
        {
            return ExitCodes.OutputNotWritten;
        }

        SearchRunner runner = start.Runner(request.File, request.Sets, options, paths, session, context);
        DateTimeOffset startedUtc = start.StartedUtc;
        context.Diagnostic(FormattableString.Invariant(
            $"capacity: {target} on {scenario.Name}; demand scaled through {string.Join(", ", paths)}; {replications} replications per factor on common random numbers; the busiest stage is saturated at factor {saturation:G4}"));
        var points = new List<CapacityPoint>();
        ScenarioSpec? measured = null;
        var rows = new List<CapacityRow>();
        int rounds = 0;
        try
        {
            while (true)
            {
                IReadOnlyList<double> factors = search.NextFactors(points, rounds);
                if (factors.Count == 0)
                {
                    break;
                }

                rounds++;
                var round = new List<SearchRun>();
                var specs = new Dictionary<double, ScenarioSpec>();
                foreach (double factor in factors)
                {
                    ScenarioSpec? spec = runner.Scenario(ConfigAt(factor), errors);
                    if (spec is null)
                    {
                        continue;
                    }

                    specs[factor] = spec;
                    measured = spec;
                    round.AddRange(Enumerable.Range(0, replications).Select(r => new SearchRun(ConfigAt(factor), r)));
                }

                if (errors.Count > 0)
                {
                    errors.ForEach(context.Error.WriteLine);
                    return ExitCodes.InvalidInput;
                }

                if (SearchStart.ExitAfter(runner.RunRound(rounds, round), session, outputs => Info(request, context, runner, startedUtc, outputs, null, null)) is { } exit)
                {
                    return exit;
                }

                foreach (double factor in factors)
                {
                    SearchConfig config = ConfigAt(factor);
                    double[] values = [.. Enumerable.Range(0, replications).Select(r =>
                        runner.ValuesOf(new SearchRun(config, r)).TryGetValue(target!.MetricId, out double v) ? v : double.NaN)];
                    var specModel = new CrossingModel(specs[factor]);
                    var point = new CapacityPoint(factor, CapacitySearch.ExpectedArrivalsPerDay(specModel), values) { IsOverloaded = CapacitySearch.IsOverloaded(specModel) };
                    points.Add(point);
                    rows.Add(new CapacityRow(point, [.. config.Settings.Select(s => s.Value)], search.Verdict(point), point.IsOverloaded));
                }
            }

            if (rows.All(r => r.Point.Values.All(v => !double.IsFinite(v))))
            {
                context.Error.WriteLine($"no run reported {target!.MetricId} (no truck of that direction or class was served at any demand tried)");
                return ExitCodes.RunFailed;
            }

            CapacityEstimate estimate = search.Estimate(points);

            // The scenario as written (with --set): factor 1, whatever values are scaled.
            double asWrittenTrucksPerDay = CapacitySearch.ExpectedArrivalsPerDay(model);
            double DemandAt(TargetCrossing c) => double.IsFinite(c.Factor) ? Interpolate(points, c.Factor) : double.NaN;
            (string, TargetCrossing, double)[] answer =
            [
                ("capacity", estimate.Point, DemandAt(estimate.Point)),
                ("ci95_low", estimate.Low, DemandAt(estimate.Low)),
                ("ci95_high", estimate.High, DemandAt(estimate.High)),
            ];
            session.WriteText(CapacityCsv.FileName, w => CapacityCsv.Write(paths, target!, answer, rows, w));
            PlotImage? plot = CapacityPlot.Build(
                $"Capacity: {scenario.Label}",
                target!,
                rows,
                Found(estimate.Point, DemandAt),
                Found(estimate.Low, DemandAt),
                Found(estimate.High, DemandAt),
                SaturationDemand(points, saturation),
                request.Language);
            if (plot is not null)
            {
                Plots.WriteAll([plot], session);
            }

            if (request.WriteReport)
            {
                var input = new CapacityReportInput(
                    scenario.Label, target!, start.KeyOf(target!.MetricId), scaled, asWrittenTrucksPerDay, rows,
                    new CapacityEnd(estimate.Point, DemandAt(estimate.Point)), new CapacityEnd(estimate.Low, DemandAt(estimate.Low)), new CapacityEnd(estimate.High, DemandAt(estimate.High)),
                    SaturationDemand(points, saturation), replications, rounds, measured!.Days, measured.WarmUpHours,
                    start.Source(request.File, request.Sets), start.Provenance(request.File, request.Sets, context, runner.Threads))
                { HorizonCuts = HorizonCheck.CutsOf(measured) };
                session.WriteText(ReportPage.FileName, w => w.Write(CapacityReport.Build(input, plot, request.Language)));
            }

            session.Commit(outputs => Info(request, context, runner, startedUtc, outputs, answer, (estimate.AsWritten, asWrittenTrucksPerDay)));
            context.Out.Write(Line(estimate, DemandAt, points) + "\n");
            if (AsWrittenLine(estimate, asWrittenTrucksPerDay) is { } asWritten)
            {
                context.Out.Write(asWritten + "\n");
            }

            context.Out.Write(FormattableString.Invariant(
                $"  {target} on {scenario.Name}: {points.Count} demand factors x {replications} replications in {rounds} rounds ({runner.RunsRun} runs now, {runner.RunsResumed} resumed); wrote {Path.Combine(request.OutputDirectory, CapacityCsv.FileName)}\n"));
            if (search.MetOnlyTransiently(points) is { Count: > 0 } transient)
            {
                context.Out.Write(FormattableString.Invariant(
                    $"  not the answer: the target is also met at overloaded demand, up to {transient[^1].DemandTrucksPerDay:F1} trucks/day, only for the {measured!.Days} days of these runs (a stage's demand there reaches its capacity, so the queue grows without bound)\n"));
            }

            return ExitCodes.Ok;
        }
        catch (Exception e) when (OutputSession.IsWriteFailure(e))
        {
            return session.Failed(e);
        }
    }

    /// <summary>"capacity: 497 trucks/day (95% CI 489–505)"; an end outside the factors tried is written as "below X" / "above X".</summary>
    private static string Line(CapacityEstimate estimate, Func<TargetCrossing, double> demandAt, IReadOnlyList<CapacityPoint> points)
    {
        string Text(TargetCrossing c) => c.IsFound
            ? demandAt(c).ToString("F1", CultureInfo.InvariantCulture)
            : c.IsBelowRange
                ? "below " + points.Min(p => p.DemandTrucksPerDay).ToString("F1", CultureInfo.InvariantCulture)
                : "above " + points.Max(p => p.DemandTrucksPerDay).ToString("F1", CultureInfo.InvariantCulture);
        string limit = estimate.Point.IsStabilityLimit ? "; the stability limit: above it a stage's demand reaches its capacity" : "";
        return $"capacity: {Text(estimate.Point)} trucks/day (95% CI {Text(estimate.Low)}–{Text(estimate.High)}){limit}";
    }

    /// <summary>
    /// "  the scenario's own demand, 600.0 trucks/day, is beyond this capacity: ..." when the whole interval lies below
    /// factor 1, or "... is at about this capacity ..." when it holds 1; null when the scenario is within its capacity.
    /// </summary>
    private static string? AsWrittenLine(CapacityEstimate estimate, double asWrittenTrucksPerDay)
    {
        static string FactorText(TargetCrossing c) => c.IsFound
            ? c.Factor.ToString("0.000", CultureInfo.InvariantCulture)
            : (c.IsBelowRange ? "below " : "above ") + c.Factor.ToString("0.###", CultureInfo.InvariantCulture);
        string demand = $"  the scenario's own demand, {asWrittenTrucksPerDay.ToString("F1", CultureInfo.InvariantCulture)} trucks/day, is";
        return estimate.AsWritten switch
        {
            AsWrittenDemand.BeyondCapacity =>
                $"{demand} beyond this capacity: the target is missed at it; it holds only up to factor {FactorText(estimate.Point)} of that demand (95% CI {FactorText(estimate.Low)}–{FactorText(estimate.High)})",
            AsWrittenDemand.AtAboutCapacity =>
                $"{demand} at about this capacity (inside its 95% interval, factor {FactorText(estimate.Low)}–{FactorText(estimate.High)} of that demand): the target may or may not hold at it; more replications (--replications) narrow the interval",
            _ => null,
        };
    }

    /// <summary>The demand at the saturation factor, when some factor tried reaches it.</summary>
    private static double? SaturationDemand(IReadOnlyList<CapacityPoint> points, double saturationFactor) =>
        points.Any(p => p.Factor >= saturationFactor) ? Interpolate(points, saturationFactor) : null;

    private static double? Found(TargetCrossing c, Func<TargetCrossing, double> demandAt) => c.IsFound ? demandAt(c) : null;

    /// <summary>Demand at a factor between evaluated ones: linear, as demand is linear in the factor when every scaled value is.</summary>
    private static double Interpolate(IReadOnlyList<CapacityPoint> points, double factor)
    {
        List<CapacityPoint> sorted = [.. points.OrderBy(p => p.Factor)];
        CapacityPoint below = sorted.LastOrDefault(p => p.Factor <= factor) ?? sorted[0];
        CapacityPoint above = sorted.FirstOrDefault(p => p.Factor >= factor) ?? sorted[^1];
        return above.Factor == below.Factor
            ? below.DemandTrucksPerDay
            : below.DemandTrucksPerDay + ((factor - below.Factor) / (above.Factor - below.Factor) * (above.DemandTrucksPerDay - below.DemandTrucksPerDay));
    }

    private static string Format(double value) => Math.Round(value, 6).ToString("R", CultureInfo.InvariantCulture);

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
