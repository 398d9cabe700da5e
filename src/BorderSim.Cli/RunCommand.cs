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
        var parquet = new Option<bool>("--parquet") { Description = "Write the large tables as Parquet: timeseries.parquet (and trucks.parquet with --trucks) instead of timeseries.csv (trucks.csv)" };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not draw the plots: no PNG and SVG files, and report.html says they were left out" };
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

        var command = new Command("run", "Run a scenario's replications; write CSV results, plots, report.html and run.json") { file, output, trucks, parquet, noPlots, precision, metric, maxReplications, format };
        settings.AddTo(command);
        report.AddTo(command);
        var options = new RunVerbOptions(file, output, trucks, parquet, noPlots, precision, metric, maxReplications, format, settings, report);
        command.SetAction(parseResult => Read(parseResult, options, context));
        return command;
    }

    /// <summary>Reads the options of one command line and runs it; exit 2 for options that do not go together.</summary>
    private static int Read(ParseResult parseResult, RunVerbOptions o, CliContext context)
    {
        context = context with { Language = o.Report.ReadLanguage(parseResult) };
        double? precisionWanted = parseResult.GetValue(o.Precision);
        string? precisionMetric = parseResult.GetValue(o.Metric);
        int? maxWanted = parseResult.GetValue(o.MaxReplications);
        if ((precisionWanted is null) != (precisionMetric is null))
        {
            context.Refuse("--precision and --metric go together: e.g. --precision 0.05 --metric wait_hours_mean/all/fruit");
            return ExitCodes.InvalidInput;
        }

        if (maxWanted is not null && precisionWanted is null)
        {
            context.Refuse("--max-replications applies only with --precision");
            return ExitCodes.InvalidInput;
        }

        RunOptions options = o.Settings.ReadRunOptions(parseResult) with { Precision = precisionWanted, PrecisionMetric = precisionMetric };
        if (maxWanted is { } max)
        {
            options = options with { MaxReplications = max };
        }

        if (!o.Settings.TryReadOverrides(parseResult, context, out IReadOnlyList<ScenarioOverride> overrides))
        {
            return ExitCodes.InvalidInput;
        }

        var request = new RunRequest(
            parseResult.GetValue(o.File)!,
            parseResult.GetValue(o.Output),
            options,
            overrides,
            parseResult.GetValue(o.Trucks),
            !parseResult.GetValue(o.NoPlots),
            parseResult.GetValue(o.Format) == "csv")
        {
            WriteReport = o.Report.ReadWriteReport(parseResult),
            WriteWorkbook = o.Report.ReadWriteWorkbook(parseResult),
            Language = o.Report.ReadLanguage(parseResult),
            WriteParquet = parseResult.GetValue(o.Parquet),
        };

        return Execute(request, context);
    }

    /// <summary>The options of the run verb.</summary>
    private sealed record RunVerbOptions(
        Argument<string> File,
        Option<string?> Output,
        Option<bool> Trucks,
        Option<bool> Parquet,
        Option<bool> NoPlots,
        Option<double?> Precision,
        Option<string?> Metric,
        Option<int?> MaxReplications,
        Option<string> Format,
        RunSettingsOptions Settings,
        ReportOptions Report);

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

        /// <summary>timeseries.parquet and trucks.parquet instead of timeseries.csv and trucks.csv (--parquet).</summary>
        public bool WriteParquet { get; init; }

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
        context = context with { Language = request.Language };
        DateTimeOffset startedUtc = DateTimeOffset.UtcNow;
        if (Prepare(request, context) is not { } prepared)
        {
            return ExitCodes.InvalidInput;
        }

        // From here on a stage, class or direction is named by the scenario's label in the language asked for.
        request = request with { Language = request.Language.WithLabelsOf(prepared.Scenario) };
        context = context with { Language = request.Language };

        string directory = request.OutputDirectory ?? DefaultOutputDirectory(request.ScenarioFile);
        ExperimentResult? result = null;
        ObservationComparison? observed = null;
        int written = 0;
        int? exit = VerbPipeline.WriteFolder(directory, context, session =>
        {
            Announce(request, prepared, context);
            using ITruckRecordsFile? truckWriter = !request.WriteTrucks ? null
                : request.WriteParquet ? TruckParquetWriter.ForScenario(session, prepared.Scenario) : TruckCsvWriter.ForScenario(session, prepared.Scenario);
            if (Run(session, truckWriter, request, prepared, context, out result) is { } failed)
            {
                return failed;
            }

            observed = ObservedOutput.For(result!);
            Write(session, truckWriter, request, prepared, result!, observed, context, startedUtc);
            written = session.Outputs.Count;
            return null;
        });
        if (exit is { } code)
        {
            return code;
        }

        Print(request, result!, observed, context);
        context.Diagnostic(context.Language.Say($"wrote {written} files to {directory}", $"đã ghi {written} tệp vào {directory}"));

        // The results are written either way; the exit code lets a script see that the precision asked for was not reached.
        return result!.Precision is { IsMet: false } ? ExitCodes.TargetNotMet : ExitCodes.Ok;
    }

    /// <summary>The scenario loaded and the options checked against it, warnings said; null (errors printed, exit 2) when either is wrong.</summary>
    private static PreparedRun? Prepare(RunRequest request, CliContext context)
    {
        ScenarioLoadResult loaded = ScenarioInput.LoadAndReport(request.ScenarioFile, request.Overrides, context);
        if (!loaded.IsValid)
        {
            return null;
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
            return null;
        }

        // Dated entries outside the dates this run covers (after --days): warnings on stderr, exit code unchanged.
        ScenarioInput.PrintErrors(loaded.WarningsFor(effective), context);
        HorizonNotice.Print(request.ScenarioFile, effective, context);

        if (request.Options.Precision is not null && request.Options.MaxReplications < effective.Replications)
        {
            context.Error.WriteLine($"--max-replications {request.Options.MaxReplications} is below the {effective.Replications} replications run first; raise it or lower --replications");
            return null;
        }

        if (request.Options.PrecisionMetric is { } metricId && !IsKnownMetric(effective, metricId, request.ScenarioFile, context))
        {
            return null;
        }

        return new PreparedRun(loaded, scenario, effective);
    }

    /// <summary>What is said before the run: demand against capacity per stage, then what runs.</summary>
    private static void Announce(RunRequest request, PreparedRun prepared, CliContext context)
    {
        (ScenarioLoadResult _, ScenarioSpec scenario, ScenarioSpec effective) = prepared;

        // Demand against capacity per stage, before anything runs: an overloaded stage is visible at once.
        LoadReport.WriteCapacityCheck(LoadCheck.For(new BorderSim.Model.Crossing.CrossingModel(effective)), context.Error, request.Language);
        int threads = request.Options.Threads ?? Environment.ProcessorCount;
        ReportLanguage lang = context.Language;
        context.Diagnostic(request.Options.Precision is { } wanted
            ? lang.Say(
                FormattableString.Invariant($"running {lang.Name(scenario)}: at least {effective.Replications} replications of {effective.Days} days, more until the 95% half-width of {request.Options.PrecisionMetric} is within {PrecisionReport.Percent(wanted)} of its mean (at most {request.Options.MaxReplications}), on {threads} threads, seed {effective.Seed}"),
                $"đang chạy {lang.Name(scenario)}: ít nhất {effective.Replications} lần lặp, mỗi lần {effective.Days} ngày, thêm lần lặp đến khi nửa độ rộng khoảng tin cậy 95% của {request.Options.PrecisionMetric} không quá {PrecisionReport.Percent(wanted).Replace('.', ',')} giá trị trung bình (nhiều nhất {request.Options.MaxReplications}), trên {threads} luồng, hạt giống ngẫu nhiên {effective.Seed}")
            : lang.Say(
                $"running {lang.Name(scenario)}: {effective.Replications} replications of {effective.Days} days on {threads} threads, seed {effective.Seed}",
                $"đang chạy {lang.Name(scenario)}: {effective.Replications} lần lặp, mỗi lần {effective.Days} ngày, trên {threads} luồng, hạt giống ngẫu nhiên {effective.Seed}"));
    }

    /// <summary>
    /// The replications run (progress on stderr), trucks.csv written as they
    /// go; null when the run went, else the exit code it ends with (interrupted, a bad --metric, trucks.csv not written).
    /// </summary>
    private static int? Run(OutputSession session, ITruckRecordsFile? truckWriter, RunRequest request, PreparedRun prepared, CliContext context, out ExperimentResult? result)
    {
        (ScenarioLoadResult _, ScenarioSpec scenario, ScenarioSpec effective) = prepared;
        result = null;
        var progress = new ReplicationProgress(context, request.Options.Precision is null ? effective.Replications : request.Options.MaxReplications);
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
        catch (BorderSim.Model.Crossing.TrucksInSystemLimitException e)
        {
            context.Error.WriteLine($"{request.ScenarioFile}: {e.Message}; no results written");
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine("interrupted; no results written");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (OutputSession.IsWriteFailure(e))
        {
            return session.Failed(e, truckWriter?.FileName ?? TruckCsvWriter.FileName);
        }

        return null;
    }

    /// <summary>summary.csv, timeseries.csv, daily.csv, the observations, the workbook, trucks.csv, the plots, report.html and run.json, committed.</summary>
    private static void Write(OutputSession session, ITruckRecordsFile? truckWriter, RunRequest request, PreparedRun prepared, ExperimentResult result, ObservationComparison? observed, CliContext context, DateTimeOffset startedUtc)
    {
        (ScenarioLoadResult loaded, ScenarioSpec scenario, ScenarioSpec effective) = prepared;
        int threads = request.Options.Threads ?? Environment.ProcessorCount;
        // The tables and the plots are independent: write them side by side (each file is atomic).
        Task csvFiles = Task.Run(() => WriteTables(session, truckWriter, request, result, observed));
        IReadOnlyList<PlotImage> plots = [];
        try
        {
            // --no-plots means no plots anywhere: report.html then says in one line that they were left out.
            if (request.WritePlots)
            {
                plots = Plots.Build(result, request.Language);
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
                [.. ReportNotes(request, result, loaded.WarningsFor(effective))])
            {
                PlotsLeftOut = !request.WritePlots,
            };
            input = input with { Provenance = input.Provenance with { Scenarios = [input.Source] } };
            session.WriteText(ReportPage.FileName, w => w.Write(RunReport.Build(input, request.Language)));
        }

        session.Commit(outputs => RunJson(request, prepared, result, threads, context.ProvenanceFrom(startedUtc), outputs));
    }

    /// <summary>summary.csv, the time series (CSV or Parquet), daily.csv, the observations, the workbook and the trucks.</summary>
    private static void WriteTables(OutputSession session, ITruckRecordsFile? truckWriter, RunRequest request, ExperimentResult result, ObservationComparison? observed)
    {
        session.WriteText(SummaryCsv.FileName, w => SummaryCsv.Write(result, w));
        if (request.WriteParquet)
        {
            session.Write(TimeSeriesParquet.FileName, stream => TimeSeriesParquet.Write(result, stream));
        }
        else
        {
            session.WriteText(TimeSeriesCsv.FileName, w => TimeSeriesCsv.Write(result, w));
        }

        session.WriteText(DailyCsv.FileName, w => DailyCsv.Write(result, w));
        ObservedOutput.Write(observed, session);
        if (request.WriteWorkbook)
        {
            session.Write(ResultsWorkbook.FileName, stream => ResultsWorkbook.Write(ResultsWorkbook.ForRun(result, request.Language), stream, request.Language));
        }

        truckWriter?.Complete();
    }

    /// <summary>run.json of a run: its provenance, scenario, replications and what they found (precision, capacity check, horizon).</summary>
    private static string RunJson(RunRequest request, PreparedRun prepared, ExperimentResult result, int threads, Provenance provenance, IReadOnlyList<string> outputs) =>
        (provenance.Run(
            request.ScenarioFile,
            prepared.Loaded.ContentSha256,
            prepared.Scenario.Name,
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
            TimeseriesStepMinutes = TimeSeriesOutput.StepMinutes(result.Scenario),
            TimeseriesSampleMinutes = result.Scenario.TimeseriesStepMinutes,
        }).ToJson();

    /// <summary>The table (or CSV) on stdout, the observations, and on stderr what CSV output leaves out.</summary>
    private static void Print(RunRequest request, ExperimentResult result, ObservationComparison? observed, CliContext context)
    {
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
    }

    /// <summary>A run's scenario: as loaded, as written (with --set), and with the run options applied.</summary>
    private sealed record PreparedRun(ScenarioLoadResult Loaded, ScenarioSpec Scenario, ScenarioSpec Effective);

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
            yield return $"{warning.Field}: {(lang.IsVietnamese ? ScenarioErrorText.Translate(warning.Message) : warning.Message)}";
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
        context.Refuse($"--metric: '{metricId}' is not a metric of {scenarioFile}; valid ids include: {string.Join(", ", shown)}");
        context.Refuse($"(all {ids.Length} ids are in the metric column of summary.csv; bordersim run {scenarioFile} --replications 1 writes one)");
        return false;
    }
}
