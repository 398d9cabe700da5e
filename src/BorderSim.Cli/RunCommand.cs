using System.CommandLine;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Reporting.Html;
using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary>
/// <c>bordersim run FILE</c>: runs a scenario's replications and writes summary.csv, timeseries.csv,
/// trucks.csv (with --trucks), the plots and run.json into the output directory; prints the summary table.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "Scenario file (YAML)" };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Directory for the results [default: results/<scenario file name without extension>]",
            HelpName = "DIR",
        };
        var trucks = new Option<bool>("--trucks") { Description = "Also write trucks.csv: one row per truck with its times at every stage" };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not draw the plots (PNG and SVG)" };
        var precision = CommonOptions.NumberBetween("--precision", 0, 1, "0.05 for 5%");
        precision.Description = "Add replications until the 95% half-width of --metric is at most this share of its mean, e.g. 0.05 [default: off, a fixed number of replications]";
        precision.HelpName = "SHARE";
        var metric = new Option<string?>("--metric")
        {
            Description = "Metric id for --precision, as in summary.csv's metric column, e.g. wait_hours_mean/all/fruit",
            HelpName = "ID",
        };
        var maxReplications = CommonOptions.WholeNumber("--max-replications", null, 2);
        maxReplications.Description = "Upper bound on replications with --precision [default: 200]";
        maxReplications.HelpName = "N";
        var format = CommonOptions.CreateFormat();
        RunSettingsOptions settings = RunSettingsOptions.Create();
        ReportOptions report = ReportOptions.Create(workbook: true);

        var command = new Command("run", "Run a scenario's replications; write CSV results, plots, report.html and run.json") { file, output, trucks, noPlots, precision, metric, maxReplications, format };
        settings.AddTo(command);
        report.AddTo(command);
        command.SetAction(parseResult =>
        {
            double? precisionWanted = parseResult.GetValue(precision);
            string? precisionMetric = parseResult.GetValue(metric);
            int? maxWanted = parseResult.GetValue(maxReplications);
            if ((precisionWanted is null) != (precisionMetric is null))
            {
                context.Error.WriteLine("--precision and --metric go together: e.g. --precision 0.05 --metric wait_hours_mean/all/fruit");
                return ExitCodes.InvalidInput;
            }

            if (maxWanted is not null && precisionWanted is null)
            {
                context.Error.WriteLine("--max-replications applies only with --precision");
                return ExitCodes.InvalidInput;
            }

            RunOptions options = settings.ReadRunOptions(parseResult) with { Precision = precisionWanted, PrecisionMetric = precisionMetric };
            if (maxWanted is { } max)
            {
                options = options with { MaxReplications = max };
            }

            if (!settings.TryReadOverrides(parseResult, context, out IReadOnlyList<ScenarioOverride> overrides))
            {
                return ExitCodes.InvalidInput;
            }

            var request = new RunRequest(
                parseResult.GetValue(file)!,
                parseResult.GetValue(output),
                options,
                overrides,
                parseResult.GetValue(trucks),
                !parseResult.GetValue(noPlots),
                parseResult.GetValue(format) == "csv")
            {
                WriteReport = report.ReadWriteReport(parseResult),
                WriteWorkbook = report.ReadWriteWorkbook(parseResult),
                Language = report.ReadLanguage(parseResult),
            };

            return Execute(request, context);
        });
        return command;
    }

    /// <summary>What to run and where to write it.</summary>
    public sealed record RunRequest(
        string ScenarioFile,
        string? OutputDirectory,
        RunOptions Options,
        IReadOnlyList<ScenarioOverride> Overrides,
        bool WriteTrucks,
        bool WritePlots,
        bool PrintCsv = false)
    {
        /// <summary>Write report.html (off with --no-report).</summary>
        public bool WriteReport { get; init; } = true;

        /// <summary>Write results.xlsx (off with --no-xlsx).</summary>
        public bool WriteWorkbook { get; init; } = true;

        /// <summary>Language of report.html, the console table and the plot labels.</summary>
        public ReportLanguage Language { get; init; } = ReportLanguage.English;
    }

    /// <summary>The default output directory: results/&lt;scenario file stem&gt;.</summary>
    public static string DefaultOutputDirectory(string scenarioFile) =>
        Path.Combine("results", ScenarioInput.OutputStem(scenarioFile));

    public static int Execute(RunRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        DateTimeOffset startedUtc = DateTimeOffset.UtcNow;

        ScenarioLoadResult loaded = ScenarioInput.LoadAndReport(request.ScenarioFile, request.Overrides, context);
        if (!loaded.IsValid)
        {
            return ExitCodes.InvalidInput;
        }

        ScenarioSpec scenario = loaded.Scenario!;
        ScenarioSpec effective;
        try
        {
            // The options checked before anything runs or is written: a bad --days is the user's mistake, not a failed run.
            effective = ExperimentRunner.Apply(scenario, request.Options);
        }
        catch (ArgumentException e)
        {
            context.Error.WriteLine($"{request.ScenarioFile}: {OutputDirectory.UserMessage(e)}");
            return ExitCodes.InvalidInput;
        }

        // Dated entries outside the dates this run covers (after --days): warnings on stderr, exit code unchanged.
        ScenarioInput.PrintErrors(loaded.WarningsFor(effective), context);
        HorizonNotice.Print(request.ScenarioFile, effective, context);

        if (request.Options.Precision is not null && request.Options.MaxReplications < effective.Replications)
        {
            context.Error.WriteLine($"--max-replications {request.Options.MaxReplications} is below the {effective.Replications} replications run first; raise it or lower --replications");
            return ExitCodes.InvalidInput;
        }

        string directory = request.OutputDirectory ?? DefaultOutputDirectory(request.ScenarioFile);
        if (request.Options.PrecisionMetric is { } metricId && !IsKnownMetric(effective, metricId, request.ScenarioFile, context))
        {
            return ExitCodes.InvalidInput;
        }

        using OutputSession? session = OutputSession.Open(directory, context);
        if (session is null)
        {
            return ExitCodes.OutputNotWritten;
        }

        // Demand against capacity per stage, before anything runs: an overloaded stage is visible at once.
        LoadReport.WriteCapacityCheck(LoadCheck.For(new BorderSim.Model.Crossing.CrossingModel(effective)), context.Error, request.Language);
        int threads = request.Options.Threads ?? Environment.ProcessorCount;
        context.Diagnostic(request.Options.Precision is { } wanted
            ? FormattableString.Invariant($"running {scenario.Name}: at least {effective.Replications} replications of {effective.Days} days, more until the 95% half-width of {request.Options.PrecisionMetric} is within {PrecisionReport.Percent(wanted)} of its mean (at most {request.Options.MaxReplications}), on {threads} threads, seed {effective.Seed}")
            : $"running {scenario.Name}: {effective.Replications} replications of {effective.Days} days on {threads} threads, seed {effective.Seed}");

        using TruckCsvWriter? truckWriter = request.WriteTrucks ? TruckCsvWriter.ForScenario(session, scenario) : null;
        var progress = new ReplicationProgress(context, request.Options.Precision is null ? effective.Replications : request.Options.MaxReplications);
        ExperimentResult result;
        try
        {
            try
            {
                result = ExperimentRunner.Run(
                    scenario,
                    request.Options,
                    truckWriter is null ? null : truckWriter.ForReplication,
                    progress,
                    context.CancellationToken);
            }
            finally
            {
                progress.Finish();
            }
        }
        catch (ArgumentException e) when (e.ParamName == "metricId")
        {
            // Caught before the run by IsKnownMetric, from the same list of ids; kept as a guard.
            context.Error.WriteLine($"--metric: {OutputDirectory.UserMessage(e)}");
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine("interrupted; no results written");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (OutputSession.IsWriteFailure(e))
        {
            return session.Failed(e, TruckCsvWriter.FileName);
        }

        ObservationComparison? observed = ObservedOutput.For(result);
        try
        {
            // The CSV files and the plots are independent: write them side by side (each file is atomic).
            Task csvFiles = Task.Run(() =>
            {
                session.WriteText(SummaryCsv.FileName, w => SummaryCsv.Write(result, w));
                session.WriteText(TimeSeriesCsv.FileName, w => TimeSeriesCsv.Write(result, w));
                session.WriteText(DailyCsv.FileName, w => DailyCsv.Write(result, w));
                ObservedOutput.Write(observed, session);
                if (request.WriteWorkbook)
                {
                    session.Write(ResultsWorkbook.FileName, stream => ResultsWorkbook.Write(ResultsWorkbook.ForRun(result), stream));
                }

                truckWriter?.Complete();
            });
            IReadOnlyList<PlotImage> plots = [];
            try
            {
                if (request.WritePlots || request.WriteReport)
                {
                    plots = Plots.Build(result, request.Language);
                }

                if (request.WritePlots)
                {
                    Plots.WriteAll(plots, session);
                }
            }
            finally
            {
                // Rethrows the CSV writer's own exception (not an AggregateException), and never leaves it running.
                csvFiles.GetAwaiter().GetResult();
            }

            if (request.WriteReport)
            {
                var input = new RunReportInput(
                    result,
                    plots,
                    new ScenarioSource(request.ScenarioFile, loaded.ContentSha256, ScenarioInput.ReadTextOrEmpty(request.ScenarioFile), [.. request.Overrides.Select(o => o.ToString())]),
                    context.ProvenanceFrom(startedUtc).Report([], threads),
                    [.. ReportNotes(request, result, loaded.WarningsFor(effective))]);
                input = input with { Provenance = input.Provenance with { Scenarios = [input.Source] } };
                session.WriteText(ReportPage.FileName, w => w.Write(RunReport.Build(input, request.Language)));
            }

            session.Commit(outputs => (context.ProvenanceFrom(startedUtc).Run(
                request.ScenarioFile,
                loaded.ContentSha256,
                scenario.Name,
                [.. request.Overrides.Select(o => o.ToString())],
                result.Scenario.Seed,
                result.Replications.Count,
                threads,
                result.Scenario.Days,
                result.WarmUpHours,
                result.WarmUpMethod,
                outputs) with
            {
                Precision = request.Options.Precision,
                PrecisionMetric = request.Options.PrecisionMetric,
                MaxReplications = request.Options.Precision is null ? null : request.Options.MaxReplications,
                PrecisionStop = result.Precision is { } outcome ? StopName(outcome.Stop) : null,
                PrecisionMet = result.Precision?.IsMet,
                PrecisionReached = result.Precision is { ReachedShare: var reached } && double.IsFinite(reached) ? reached : null,
                PrecisionOutcome = result.Precision is { } said ? PrecisionReport.Line(said) : null,
                CapacityCheck = [.. result.StageLoads.Select(StageLoadInfo.From)],
                Directions = [.. result.DirectionLoads.Select(DirectionLoadInfo.From)],
                HorizonCuts = HorizonCutInfo.Of(result.HorizonCuts),
            }).ToJson());
        }
        catch (Exception e) when (OutputSession.IsWriteFailure(e))
        {
            return session.Failed(e);
        }

        if (request.PrintCsv)
        {
            SummaryCsv.Write(result, context.Out);
        }
        else
        {
            SummaryTable.Write(result, context.Out, request.Language);
        }

        ObservedOutput.Print(observed, context, request.PrintCsv, request.Language);

        // The table carries the overload warning and the precision outcome; CSV on stdout does not, so they go to stderr.
        foreach (string warning in request.PrintCsv ? LoadReport.Warnings(result, request.Language) : [])
        {
            context.Error.WriteLine(warning);
        }

        if (request.PrintCsv && result.Precision is { IsMet: true } precision)
        {
            context.Error.WriteLine(PrecisionReport.Line(precision));
        }

        context.Diagnostic($"wrote {session.Outputs.Count} files to {directory}");

        // The results are written either way; the exit code lets a script see that the precision asked for was not reached.
        return result.Precision is { IsMet: false } ? ExitCodes.TargetNotMet : ExitCodes.Ok;
    }

    private static string StopName(PrecisionStop stop) => stop switch
    {
        PrecisionStop.TargetMet => "met",
        PrecisionStop.AlwaysZero => "always_zero",
        _ => "max_replications",
    };

    /// <summary>Warnings for the report that only the command knows: dated entries outside the run, a precision not met.</summary>
    private static IEnumerable<string> ReportNotes(RunRequest request, ExperimentResult result, IReadOnlyList<ScenarioError> dateWarnings)
    {
        ReportLanguage lang = request.Language;
        foreach (ScenarioError warning in dateWarnings)
        {
            yield return $"{warning.Field}: {warning.Message}";
        }

        if (result.Precision is { IsMet: false } p)
        {
            yield return ReportText.PrecisionWarning(p, lang);
        }
    }

    /// <summary>
    /// Checks a --metric id before the (possibly long) sequential run, from the ids the scenario's model
    /// reports (nothing runs). Unknown → a message with similar ids.
    /// </summary>
    private static bool IsKnownMetric(ScenarioSpec effective, string metricId, string scenarioFile, CliContext context)
    {
        string[] ids = [.. ExperimentRunner.MetricKeys(effective).Select(k => k.Id)];
        if (ids.Contains(metricId, StringComparer.Ordinal))
        {
            return true;
        }

        string name = metricId.Split('/')[0];
        string[] similar = [.. ids.Where(id => id.StartsWith(name, StringComparison.Ordinal))];
        string[] shown = [.. (similar.Length > 0 ? similar : ids.Where(id => id.StartsWith("wait_hours_mean/", StringComparison.Ordinal) || id.StartsWith("served_per_day/", StringComparison.Ordinal))).Take(8)];
        context.Error.WriteLine($"--metric: '{metricId}' is not a metric of {scenarioFile}; valid ids include: {string.Join(", ", shown)}");
        context.Error.WriteLine($"(all {ids.Length} ids are in the metric column of summary.csv; bordersim run {scenarioFile} --replications 1 writes one)");
        return false;
    }
}
