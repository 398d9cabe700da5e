using System.CommandLine;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Reporting.Html;
using BorderSim.Scenarios;

namespace BorderSim.Cli;

/// <summary>
/// <c>bordersim compare BASE.yaml ALT.yaml [ALT2.yaml ...]</c>: runs the scenarios on common random numbers
/// (replication i of every scenario shares its random streams) and reports each alternative's paired
/// differences from the base: comparison.csv (every metric), a summary per scenario, comparison.png/.svg
/// (key metrics, relative change with intervals), run.json, and a table on stdout. A comparison is a
/// result, not a test: it exits 0 whatever the differences.
/// </summary>
public static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Scenario files (YAML): the base first, then one or more alternatives",
            Arity = new ArgumentArity(2, 64),
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Directory for the results [default: results/compare-<base>-<alternative>...]",
            HelpName = "DIR",
        };
        var independent = new Option<bool>("--independent")
        {
            Description = "Give each scenario its own random streams instead of common random numbers (wider intervals; for demonstration)",
        };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not draw comparison.png/.svg" };
        var format = CommonOptions.CreateFormat();
        RunSettingsOptions settings = RunSettingsOptions.Create();
        ReportOptions report = ReportOptions.Create(workbook: true);
        var command = new Command("compare", "Compare scenarios on common random numbers: paired differences with confidence intervals, a table, CSV and a plot")
        {
            files, output, independent, noPlots, format,
        };
        settings.AddTo(command);
        report.AddTo(command);
        command.SetAction(parseResult =>
        {
            if (!settings.TryReadOverrides(parseResult, context, out IReadOnlyList<ScenarioOverride> overrides))
            {
                return ExitCodes.InvalidInput;
            }

            return Execute(
                parseResult.GetValue(files) ?? [],
                parseResult.GetValue(output),
                settings.ReadRunOptions(parseResult),
                overrides,
                !parseResult.GetValue(independent),
                !parseResult.GetValue(noPlots),
                context,
                parseResult.GetValue(format) == "csv",
                report.ReadWriteReport(parseResult),
                report.ReadLanguage(parseResult),
                report.ReadWriteWorkbook(parseResult));
        });
        return command;
    }

    public static string DefaultOutputDirectory(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Path.Combine("results", "compare-" + string.Join('-', files.Select(ScenarioInput.OutputStem)));
    }

    public static int Execute(
        IReadOnlyList<string> files,
        string? outputDirectory,
        RunOptions options,
        IReadOnlyList<ScenarioOverride> overrides,
        bool commonRandomNumbers,
        bool writePlots,
        CliContext context,
        bool printCsv = false,
        bool writeReport = true,
        ReportLanguage? language = null,
        bool writeWorkbook = true)
    {
        ReportLanguage lang = language ?? ReportLanguage.English;
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        context = context with { Language = lang };
        DateTimeOffset startedUtc = DateTimeOffset.UtcNow;
        if (Load(files, options, overrides, context) is not { } study)
        {
            return ExitCodes.InvalidInput;
        }

        var request = new CompareWrite(files, overrides, study.Loaded, commonRandomNumbers, writePlots, writeReport, writeWorkbook, lang, startedUtc);
        string directory = outputDirectory ?? DefaultOutputDirectory(files);
        ComparisonResult? result = null;
        int written = 0;
        int? exit = VerbPipeline.WriteFolder(directory, context, session =>
        {
            result = Run(study, options, commonRandomNumbers, context);
            if (result is null)
            {
                return ExitCodes.Interrupted;
            }

            Write(session, request, result, options.Threads ?? Environment.ProcessorCount, context);
            written = session.Outputs.Count;
            return null;
        });
        if (exit is { } code)
        {
            return code;
        }

        if (printCsv)
        {
            ComparisonCsv.Write(result!.Differences, context.Out);
        }
        else
        {
            ComparisonTable.Write(result!, [.. files.Select(Path.GetFileName).Select(f => f ?? "")], context.Out, lang);
        }

        context.Diagnostic(lang.Say($"wrote {written} files to {directory}", $"đã ghi {written} tệp vào {directory}"));
        return ExitCodes.Ok;
    }

    /// <summary>The scenarios loaded, named apart and checked against the run settings; null (errors printed) when one is invalid.</summary>
    private static CompareStudy? Load(IReadOnlyList<string> files, RunOptions options, IReadOnlyList<ScenarioOverride> overrides, CliContext context)
    {
        var loaded = new List<ScenarioLoadResult>();
        foreach (string file in files)
        {
            loaded.Add(ScenarioInput.LoadAndReport(file, overrides, context));
        }

        if (loaded.Any(l => !l.IsValid))
        {
            int invalid = loaded.Count(l => !l.IsValid);
            context.Error.WriteLine(context.Language.Say($"{invalid} of {files.Count} scenarios invalid; nothing was run", $"{invalid} trong {files.Count} kịch bản không hợp lệ; chưa chạy gì"));
            return null;
        }

        // Names label the alternatives in the CSV, table and plot: make them unique (two runs of one file, or copies).
        var scenarios = new List<ScenarioSpec>();
        for (int k = 0; k < loaded.Count; k++)
        {
            ScenarioSpec spec = loaded[k].Scenario!;
            string name = spec.Name;
            if (loaded.Where((l, j) => j != k && l.Scenario!.Name == name).Any())
            {
                name = $"{name} [{k + 1}: {Path.GetFileName(files[k])}]";
            }

            scenarios.Add(spec with { Name = name });
        }

        ScenarioSpec first;
        try
        {
            first = ExperimentRunner.Apply(scenarios[0], options);
            for (int k = 1; k < scenarios.Count; k++)
            {
                // Alternatives run the base's days and warm-up; check that fits them too.
                ExperimentRunner.Apply(scenarios[k] with { WarmUpHours = scenarios[k].WarmUpHours ?? first.WarmUpHours }, options with { Days = first.Days });
            }

            for (int k = 0; k < scenarios.Count; k++)
            {
                HorizonNotice.Print(files[k], scenarios[k] with { Days = first.Days }, context);
            }
        }
        catch (ArgumentException e)
        {
            context.Error.WriteLine($"{files[0]}: {OutputDirectory.UserMessage(e)}");
            return null;
        }

        return new CompareStudy(loaded, scenarios, first);
    }

    /// <summary>The comparison run with progress on stderr; null when interrupted (said on stderr, nothing written).</summary>
    private static ComparisonResult? Run(CompareStudy study, RunOptions options, bool commonRandomNumbers, CliContext context)
    {
        (List<ScenarioLoadResult> _, List<ScenarioSpec> scenarios, ScenarioSpec first) = study;
        int threads = options.Threads ?? Environment.ProcessorCount;
        context.Diagnostic(context.Language.Say(
            $"comparing {scenarios.Count} scenarios: {first.Replications} replications of {first.Days} days each on {threads} threads, seed {first.Seed}, {(commonRandomNumbers ? "common random numbers" : "independent streams")}",
            $"so sánh {scenarios.Count} kịch bản: mỗi kịch bản {first.Replications} lần lặp, mỗi lần {first.Days} ngày, trên {threads} luồng, hạt giống ngẫu nhiên {first.Seed}, {(commonRandomNumbers ? "dùng chung số ngẫu nhiên" : "số ngẫu nhiên độc lập")}"));
        var progress = new ReplicationProgress(context, first.Replications * scenarios.Count);
        try
        {
            ComparisonResult result = Comparison.Run(scenarios, options, commonRandomNumbers, progress, context.CancellationToken);
            progress.Finish();
            return result;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            progress.Finish();
            context.Error.WriteLine(context.Language.Say("interrupted; no results written", "đã dừng; chưa ghi kết quả nào"));
            return null;
        }
    }

    /// <summary>comparison.csv, the workbook, a summary per scenario, the plots, report.html and run.json, committed.</summary>
    private static void Write(OutputSession session, CompareWrite request, ComparisonResult result, int threads, CliContext context)
    {
        (IReadOnlyList<string> files, IReadOnlyList<ScenarioOverride> overrides, IReadOnlyList<ScenarioLoadResult> loaded, bool commonRandomNumbers, bool writePlots, bool writeReport, bool writeWorkbook, ReportLanguage lang, DateTimeOffset startedUtc) = request;
        session.WriteText(ComparisonCsv.FileName, w => ComparisonCsv.Write(result.Differences, w));
        if (writeWorkbook)
        {
            session.Write(ResultsWorkbook.FileName, stream => ResultsWorkbook.Write(ResultsWorkbook.ForComparison(result, lang), stream, lang));
        }

        for (int k = 0; k < result.Alternatives.Count; k++)
        {
            ExperimentResult alternative = result.Alternatives[k];
            session.WriteText(SummaryFileName(k, files[k]), w => SummaryCsv.Write(alternative, w));
        }

        // The plots are drawn once, in the report's language, for the files and the report alike.
        var plots = new List<PlotImage>();
        if (writePlots || writeReport)
        {
            if (ComparisonPlot.Image(result, lang) is { } differences)
            {
                plots.Add(differences);
            }

            plots.AddRange(CompareReport.QueuePlots(result, lang));
        }

        if (writePlots)
        {
            Plots.WriteAll(plots, session);
        }

        if (writeReport)
        {
            ScenarioSource[] sources = [.. files.Select((f, k) => new ScenarioSource(f, loaded[k].ContentSha256, ScenarioInput.ReadTextOrEmpty(f), [.. overrides.Select(o => o.ToString())]))];
            var provenance = context.ProvenanceFrom(startedUtc).Report(sources, threads);
            session.WriteText(ReportPage.FileName, w => w.Write(CompareReport.Build(new CompareReportInput(result, sources, plots, provenance), lang)));
        }

        session.Commit(outputs => context.ProvenanceFrom(startedUtc).Info(
            "compare",
            new Dictionary<string, string>
            {
                ["common_random_numbers"] = commonRandomNumbers ? "true" : "false",
                ["threads"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["confidence"] = result.Differences.Count > 0 ? CsvNumbers.Format(result.Differences[0].ConfidenceLevel) : "",
            },
            [.. result.Alternatives.Select((a, k) => new ScenarioRunInfo(
                files[k], loaded[k].ContentSha256, a.Scenario.Name, [.. overrides.Select(o => o.ToString())],
                a.Scenario.Seed, a.Replications.Count, a.Scenario.Days, a.WarmUpHours, a.WarmUpMethod, "ok") { HorizonCuts = HorizonCutInfo.Of(a.HorizonCuts) })],
            outputs).ToJson());
    }

    /// <summary>The scenarios as loaded, as run (names made unique), and the base with the run settings applied.</summary>
    private sealed record CompareStudy(List<ScenarioLoadResult> Loaded, List<ScenarioSpec> Scenarios, ScenarioSpec First);

    /// <summary>What the files of a comparison need besides its result.</summary>
    private sealed record CompareWrite(
        IReadOnlyList<string> Files,
        IReadOnlyList<ScenarioOverride> Overrides,
        IReadOnlyList<ScenarioLoadResult> Loaded,
        bool CommonRandomNumbers,
        bool WritePlots,
        bool WriteReport,
        bool WriteWorkbook,
        ReportLanguage Lang,
        DateTimeOffset StartedUtc);

    /// <summary>summary-&lt;k&gt;-&lt;stem&gt;.csv, k counting the scenarios from 1 in command-line order (1 = the base).</summary>
    public static string SummaryFileName(int index, string file) =>
        $"summary-{index + 1}-{Path.GetFileNameWithoutExtension(file)}.csv";
}
