using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Reporting.Html;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>
/// A comparison: the base and its alternatives, named apart (their names label the CSV, table and plot) and checked
/// against the run settings; run on common random numbers (replication i of every scenario shares its random
/// streams) or independent streams; its files written: comparison.csv, the workbook, a summary per scenario, the
/// plots, report.html. A comparison is a result, not a test.
/// </summary>
public sealed class CompareStudy
{
    private readonly IReadOnlyList<ScenarioLoadResult> _loaded;

    private CompareStudy(IReadOnlyList<string> files, IReadOnlyList<ScenarioOverride> sets, IReadOnlyList<ScenarioLoadResult> loaded, List<ScenarioSpec> scenarios, ScenarioSpec first, IReadOnlyList<string> horizonLines)
    {
        Files = files;
        Sets = sets;
        _loaded = loaded;
        Scenarios = scenarios;
        First = first;
        HorizonLines = horizonLines;
    }

    /// <summary>The scenario files, the base first, in command-line order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The --set values, applied to every scenario.</summary>
    public IReadOnlyList<ScenarioOverride> Sets { get; }

    /// <summary>The scenarios as run: as loaded, a name shared with another made unique with its position and file.</summary>
    public IReadOnlyList<ScenarioSpec> Scenarios { get; }

    /// <summary>The base with the run settings applied: its replications, days, seed and warm-up are every scenario's.</summary>
    public ScenarioSpec First { get; }

    /// <summary>The warnings for dated events that the base's days end before they end, that lie outside its dates or inside its warm-up, every scenario's, in file order, each once.</summary>
    public IReadOnlyList<string> HorizonLines { get; }

    /// <summary>
    /// The study of <paramref name="loaded"/> (<paramref name="files"/> loaded with <paramref name="sets"/>), or null
    /// with <paramref name="error"/> when a scenario is invalid (its own errors are the loader's to say) or the run
    /// settings do not fit the base or an alternative run on the base's days.
    /// </summary>
    public static CompareStudy? Prepare(IReadOnlyList<string> files, IReadOnlyList<ScenarioOverride> sets, IReadOnlyList<ScenarioLoadResult> loaded, RunOptions options, ReportLanguage language, out string? error)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(language);
        error = null;
        if (loaded.Any(l => !l.IsValid))
        {
            int invalid = loaded.Count(l => !l.IsValid);
            error = language.Say($"{invalid} of {files.Count} scenarios invalid; nothing was run", $"{invalid} trong {files.Count} kịch bản không hợp lệ; chưa chạy gì");
            return null;
        }

        List<ScenarioSpec> scenarios = NamedApart(files, loaded);
        try
        {
            ScenarioSpec first = ExperimentRunner.Apply(scenarios[0], options);
            for (int k = 1; k < scenarios.Count; k++)
            {
                // Alternatives run the base's days and warm-up; check that fits them too.
                ExperimentRunner.Apply(scenarios[k] with { WarmUpHours = scenarios[k].WarmUpHours ?? first.WarmUpHours }, options with { Days = first.Days });
            }

            // Before it runs, each line once (a file may be given twice): the dated events the base's days end before they
            // end, those outside the dates run and those inside the warm-up; every alternative runs the base's days and warm-up.
            var said = new HashSet<string>(StringComparer.Ordinal);
            List<string> lines = [];
            for (int k = 0; k < scenarios.Count; k++)
            {
                ScenarioSpec effective = k == 0 ? first : scenarios[k] with { Days = first.Days, WarmUpHours = first.WarmUpHours };
                lines.AddRange(Studies.HorizonLines.Of(files[k], effective, said, language).Lines);
                lines.AddRange(loaded[k].WarningsFor(effective).Select(w => ScenarioErrorText.Say(w, language)).Where(said.Add));
            }

            return new CompareStudy(files, sets, loaded, scenarios, first, lines);
        }
        catch (ArgumentException e)
        {
            error = $"{files[0]}: {StudyMessages.UserMessage(e)}";
            return null;
        }
    }

    /// <summary>summary-&lt;k&gt;-&lt;stem&gt;.csv, k counting the scenarios from 1 in command-line order (1 = the base).</summary>
    public static string SummaryFileName(int index, string file) =>
        $"summary-{index + 1}-{Path.GetFileNameWithoutExtension(file)}.csv";

    /// <summary>Runs every scenario's replications; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public ComparisonResult Run(RunOptions options, bool commonRandomNumbers, IProgress<int>? replicationsDone, CancellationToken cancellationToken) =>
        Comparison.Run(Scenarios, options, commonRandomNumbers, replicationsDone, cancellationToken);

    /// <summary>comparison.csv, the workbook, a summary per scenario, the plots and report.html, into <paramref name="folder"/>.</summary>
    public void Write(IStudyFolder folder, ComparisonResult result, CompareFiles files, Provenance provenance, int threads)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(provenance);
        ReportLanguage lang = files.Language;
        folder.WriteText(ComparisonCsv.FileName, w => ComparisonCsv.Write(result.Differences, w));
        if (files.Workbook)
        {
            folder.Write(ResultsWorkbook.FileName, stream => ResultsWorkbook.Write(ResultsWorkbook.ForComparison(result, lang), stream, lang));
        }

        for (int k = 0; k < result.Alternatives.Count; k++)
        {
            ExperimentResult alternative = result.Alternatives[k];
            folder.WriteText(SummaryFileName(k, Files[k]), w => SummaryCsv.Write(alternative, w));
        }

        // The plots are drawn once, in the report's language, for the files and the report alike.
        var plots = new List<PlotImage>();
        if (files.Plots || files.Report)
        {
            if (ComparisonPlot.Image(result, lang) is { } differences)
            {
                plots.Add(differences);
            }

            plots.AddRange(CompareReport.QueuePlots(result, lang));
        }

        if (files.Plots)
        {
            Plots.WriteAll(plots, folder);
        }

        if (files.Report)
        {
            ScenarioSource[] sources = [.. Files.Select((f, k) => new ScenarioSource(f, _loaded[k].ContentSha256, ScenarioText.ReadOrEmpty(f), [.. Sets.Select(o => o.ToString())]))];
            folder.WriteText(ReportPage.FileName, w => w.Write(CompareReport.Build(new CompareReportInput(result, sources, plots, provenance.Report(sources, threads)) { Changes = LeverChoice.Changes(Files[0], Sets, Scenarios[0].Levers, Scenarios[0]) }, lang)));
        }
    }

    /// <summary>run.json of the comparison, finished now.</summary>
    public ExperimentInfo Info(ComparisonResult result, bool commonRandomNumbers, Provenance provenance, int threads, IReadOnlyList<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(provenance);
        return provenance.Info(
            "compare",
            new Dictionary<string, string>
            {
                ["common_random_numbers"] = commonRandomNumbers ? "true" : "false",
                ["threads"] = threads.ToString(CultureInfo.InvariantCulture),
                ["confidence"] = result.Differences.Count > 0 ? CsvNumbers.Format(result.Differences[0].ConfidenceLevel) : "",
            },
            [.. result.Alternatives.Select((a, k) => new ScenarioRunInfo(
                Files[k], _loaded[k].ContentSha256, a.Scenario.Name, [.. Sets.Select(o => o.ToString())],
                a.Scenario.Seed, a.Replications.Count, a.Scenario.Days, a.WarmUpHours, a.WarmUpMethod, "ok") { HorizonCuts = HorizonCutInfo.Of(a.HorizonCuts) })],
            outputs);
    }

    /// <summary>Names label the alternatives in the CSV, table and plot: unique ones (two runs of one file, or copies).</summary>
    private static List<ScenarioSpec> NamedApart(IReadOnlyList<string> files, IReadOnlyList<ScenarioLoadResult> loaded)
    {
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

        return scenarios;
    }
}

/// <summary>Which of a comparison's optional files are written, and in which language.</summary>
/// <param name="Plots">comparison.png/.svg and the queue plots (not with --no-plots).</param>
/// <param name="Report">report.html (not with --no-report).</param>
/// <param name="Workbook">results.xlsx (not with --no-workbook).</param>
public sealed record CompareFiles(bool Plots, bool Report, bool Workbook, ReportLanguage Language);
