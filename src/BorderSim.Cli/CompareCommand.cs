using System.CommandLine;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Reporting.Html;
using BorderSim.Scenarios;
using BorderSim.Studies;

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
        Provenance provenance = context.ProvenanceFrom(DateTimeOffset.UtcNow);
        if (Load(files, options, overrides, context) is not { } study)
        {
            return ExitCodes.InvalidInput;
        }

        lang = lang.WithLabelsOf(study.Scenarios);
        context = context with { Language = lang };
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

            int threads = options.Threads ?? Environment.ProcessorCount;
            study.Write(session, result, new CompareFiles(writePlots, writeReport, writeWorkbook, lang), provenance, threads);
            session.Commit(outputs => study.Info(result, commonRandomNumbers, provenance, threads, outputs).ToJson());
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

    /// <summary>summary-&lt;k&gt;-&lt;stem&gt;.csv, k counting the scenarios from 1 in command-line order (1 = the base).</summary>
    public static string SummaryFileName(int index, string file) => CompareStudy.SummaryFileName(index, file);

    /// <summary>The scenarios loaded (their errors printed) and the study prepared; null (its error printed) when it cannot run.</summary>
    private static CompareStudy? Load(IReadOnlyList<string> files, RunOptions options, IReadOnlyList<ScenarioOverride> overrides, CliContext context)
    {
        ScenarioLoadResult[] loaded = [.. files.Select(file => ScenarioInput.LoadAndReport(file, overrides, context))];
        CompareStudy? study = CompareStudy.Prepare(files, overrides, loaded, options, context.Language, out string? error);
        if (study is null)
        {
            context.Error.WriteLine(error);
            return null;
        }

        study.HorizonLines.ToList().ForEach(context.Error.WriteLine);
        return study;
    }

    /// <summary>The comparison run with progress on stderr; null when interrupted (said on stderr, nothing written).</summary>
    private static ComparisonResult? Run(CompareStudy study, RunOptions options, bool commonRandomNumbers, CliContext context)
    {
        ScenarioSpec first = study.First;
        int count = study.Scenarios.Count;
        int threads = options.Threads ?? Environment.ProcessorCount;
        context.Diagnostic(context.Language.Say(
            $"comparing {count} scenarios: {first.Replications} replications of {first.Days} days each on {threads} threads, seed {first.Seed}, {(commonRandomNumbers ? "common random numbers" : "independent streams")}",
            $"so sánh {count} kịch bản: mỗi kịch bản {first.Replications} lần lặp, mỗi lần {first.Days} ngày, trên {threads} luồng, hạt giống ngẫu nhiên {first.Seed}, {(commonRandomNumbers ? "dùng chung số ngẫu nhiên" : "số ngẫu nhiên độc lập")}"));
        var progress = new ReplicationProgress(context, first.Replications * count);
        try
        {
            ComparisonResult result = study.Run(options, commonRandomNumbers, progress, context.CancellationToken);
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
}
