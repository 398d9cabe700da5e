using System.Globalization;
using BorderSim.Model.Results;
using ScottPlot;

namespace BorderSim.Reporting.Html;

/// <summary>One metric of one batch run, as its part file has it: mean over replications and 95% half-width.</summary>
public readonly record struct BatchValue(double Mean, double HalfWidth95, string Unit);

/// <summary>A finished batch run: its entry in the run list and its metrics by id.</summary>
public sealed record BatchRunResult(BatchRun Run, IReadOnlyDictionary<string, BatchValue> Metrics)
{
    /// <summary>Reads the rows of a part file (summary.csv format: metric, …, unit, replications, mean, sd, ci95_half_width, …).</summary>
    public static BatchRunResult FromPart(BatchRun run, IReadOnlyList<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(rows);
        var metrics = new Dictionary<string, BatchValue>(StringComparer.Ordinal);
        foreach (string[] row in rows)
        {
            if (row.Length >= 10)
            {
                metrics[row[0]] = new BatchValue(Parse(row[7]), Parse(row[9]), row[5]);
            }
        }

        return new BatchRunResult(run, metrics);
    }

    private static double Parse(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : double.NaN;
}

/// <summary>What report.html of <c>batch</c> is made from.</summary>
/// <param name="SweptPaths">The swept scenario paths, in --sweep order.</param>
/// <param name="Runs">The finished runs, in run-list order.</param>
/// <param name="NotFinished">Runs of the list with no result (invalid, failed), with why.</param>
/// <param name="Sources">The scenario files of the batch.</param>
/// <param name="Provenance">What reproduces it.</param>
public sealed record BatchReportInput(IReadOnlyList<string> SweptPaths, IReadOnlyList<BatchRunResult> Runs, IReadOnlyList<string> NotFinished, IReadOnlyList<ScenarioSource> Sources, ReportProvenance Provenance)
{
    /// <summary>Per scenario file (its label), the dated events that the runs' --days ends before they end (<see cref="BorderSim.Model.Experiments.HorizonCheck"/>).</summary>
    public IReadOnlyList<(string Label, BorderSim.Model.Experiments.HorizonCut Cut)> HorizonCuts { get; init; } = [];

    /// <summary>The lever of each swept path, in <see cref="SweptPaths"/>' order (empty: labelled with the paths).</summary>
    public IReadOnlyList<BorderSim.Model.Spec.LeverSpec> Levers { get; init; } = [];

    /// <summary>Each scenario file's name in the report's language, by file as the run list has it (missing: the file's name).</summary>
    public IReadOnlyDictionary<string, string> ScenarioNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The --set overrides (applied to every run), with their levers' labels and the first file's values.</summary>
    public IReadOnlyList<SettingChange> Changes { get; init; } = [];
}

/// <summary>
/// report.html of <c>batch</c>: warnings first (runs that did not finish, runs whose directions are overloaded),
/// the answer per scenario file and swept value in sentences (from where to where each key metric goes, with
/// intervals, and from which value a direction is overloaded), each key metric against the swept value with its
/// 95% band, the table of runs, the assumptions and the provenance.
/// </summary>
public static class BatchReport
{
    /// <summary>File stem of the sweep plot of a metric: sweep-&lt;metric id with '/' as '-'&gt;.</summary>
    public const string SweepFilePrefix = "sweep-";

    /// <summary>The metrics a batch report shows per direction.</summary>
    public static IReadOnlyList<string> KeyMetricIds(IEnumerable<BatchRunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        List<BatchRunResult> list = [.. runs];
        string[] directions = [.. list.SelectMany(r => r.Metrics.Keys).Where(id => id.StartsWith("served_per_day/", StringComparison.Ordinal) && id.EndsWith("/all", StringComparison.Ordinal))
            .Select(id => id.Split('/')[1]).Where(d => d != "all").Distinct().Order(StringComparer.Ordinal)];
        var ids = new List<string>();
        foreach (string d in directions)
        {
            ids.AddRange([Metrics.ServedPerDay.Key(d, "all").Id, Metrics.WaitHoursMean.Key(d, "all").Id, Metrics.WaitHoursP95.Key(d, "all").Id, Metrics.HighwayQueueKmMean.Key(d).Id, Metrics.BacklogGrowthTrucksPerDay.Key(d).Id]);
        }

        ids.Add(Metrics.DelayCostUsdPerDay.Key("all", "all").Id);
        return [.. ids.Where(id => list.Any(r => r.Metrics.ContainsKey(id)))];
    }

    /// <summary>The swept value of a run as a number, NaN when it is not one.</summary>
    private static double X(BatchRunResult run, int path) =>
        path < run.Run.SweepValues.Count && double.TryParse(run.Run.SweepValues[path], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : double.NaN;

    /// <summary>
    /// Groups of runs that differ only in the first swept path: one line per scenario file and combination of the
    /// other swept values, its runs in ascending order of the swept value. Empty when the first sweep is not numeric.
    /// </summary>
    public static IReadOnlyList<(string Label, IReadOnlyList<BatchRunResult> Runs)> Lines(BatchReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        IReadOnlyList<BorderSim.Model.Spec.LeverSpec> levers = BatchAnswer.Levers(input);
        if (input.SweptPaths.Count == 0 || input.Runs.Any(r => double.IsNaN(X(r, 0))))
        {
            return [];
        }

        return [.. input.Runs
            .GroupBy(r => string.Join(", ", new[] { BatchAnswer.Name(input, r.Run.ScenarioFile) }.Concat(r.Run.SweepValues.Skip(1).Select((v, i) => $"{lang.Say(levers[i + 1].Label)} {BatchAnswer.Value(input, i + 1, v, lang)}"))))
            .Select(g => (g.Key, (IReadOnlyList<BatchRunResult>)[.. g.OrderBy(r => X(r, 0))]))
            .Where(g => g.Item2.Count >= 2)];
    }

    /// <summary>One plot per key metric: its mean against the first swept value, a line per group, band = 95% interval.</summary>
    public static IReadOnlyList<PlotImage> SweepPlots(BatchReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        var lines = Lines(input, lang);
        if (lines.Count == 0)
        {
            return [];
        }

        string swept = lang.Say(BatchAnswer.Levers(input)[0].Label);

        var plots = new List<PlotImage>();
        foreach (string id in KeyMetricIds(input.Runs))
        {
            string[] parts = id.Split('/');
            string unit = input.Runs.Select(r => r.Metrics.TryGetValue(id, out BatchValue v) ? v.Unit : "").FirstOrDefault(u => u.Length > 0) ?? "";
            var key = new MetricKey(parts[0], unit, parts.Length > 1 ? parts[1] : "", parts.Length > 2 ? parts[2] : "");
            string title = lang.MetricLabel(key);
            Plot plot = Plots.NewPlot(title, swept, lang.Unit(unit));
            for (int i = 0; i < lines.Count; i++)
            {
                BatchRunResult[] runs = [.. lines[i].Runs.Where(r => r.Metrics.ContainsKey(id))];
                if (runs.Length == 0)
                {
                    continue;
                }

                double[] xs = [.. runs.Select(r => X(r, 0))];
                double[] mean = [.. runs.Select(r => r.Metrics[id].Mean)];
                double[] half = [.. runs.Select(r => double.IsNaN(r.Metrics[id].HalfWidth95) ? 0 : r.Metrics[id].HalfWidth95)];
                Color color = Plots.Palette(i);
                var band = plot.Add.FillY(xs, [.. mean.Select((m, k) => m - half[k])], [.. mean.Select((m, k) => m + half[k])]);
                band.FillColor = color.WithAlpha(0.2);
                band.LineColor = Colors.Transparent;
                var line = plot.Add.Scatter(xs, mean, color);
                line.LineWidth = 2.5f;
                line.MarkerSize = 8;
                line.LegendText = lines[i].Label;
            }

            plot.Axes.Bottom.Label.Text = lang.Say($"{swept};  band: 95% confidence interval of the mean over replications", $"{swept};  dải: khoảng tin cậy 95% của trung bình các lần lặp");
            plot.Axes.Bottom.Label.FontSize = 14;
            // Not Plots.Finish: the legend goes below, where long labels (file, other swept values) have room.
            plot.Font.Set(Plots.FontFor(title + string.Concat(lines.Select(l => l.Label))));
            InvariantTicks.Apply(plot, lang);
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.FontSize = 14;
            plots.Add(new PlotImage(SweepFilePrefix + id.Replace('/', '-'), plot, Plots.WidthPixels, 560));
        }

        return plots;
    }

    public static string Build(BatchReportInput input, IReadOnlyList<PlotImage> plots, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(plots);
        ArgumentNullException.ThrowIfNull(language);
        ReportLanguage lang = language;
        int total = input.Runs.Count + input.NotFinished.Count;
        ReportPage page = DecisionText.Open(BatchAnswer.Question(input, lang), input.Changes, BatchAnswer.Lead(input, lang), BatchAnswer.Table(input, lang), lang);
        DecisionText.WriteWarnings(page, BatchAnswer.Warnings(input, lang), lang.Say(
            "No warnings: every run finished, covers every dated event, and no run is overloaded.",
            "Không có cảnh báo: mọi lần chạy đều hoàn tất, bao trọn mọi sự kiện theo ngày, và không lần chạy nào quá tải."));

        page.Heading(2, lang.Say("The answer in full", "Kết luận chi tiết"));
        page.Paragraph(lang.Say(
            $"{input.Sources.Count} scenario file{(input.Sources.Count == 1 ? "" : "s")} × {Sweeps(input, lang)}; {input.Runs.Count} of {total} runs finished.",
            $"{input.Sources.Count} tệp kịch bản × {Sweeps(input, lang)}; {input.Runs.Count}/{total} lần chạy hoàn tất."), "sub");
        foreach (string sentence in Answer(input, lang))
        {
            page.Paragraph(sentence);
        }

        if (plots.Count > 0)
        {
            page.Heading(2, lang.Say("Key metrics against the swept value", "Các chỉ tiêu chính theo giá trị tham số quét"));
            foreach (PlotImage plot in plots)
            {
                page.Figure(plot, lang.Say("Mean over replications of each run; band: its 95% confidence interval.", "Trung bình các lần lặp của mỗi lần chạy; dải: khoảng tin cậy 95%."));
            }
        }

        page.Heading(2, lang.Say("Runs", "Các lần chạy"));
        page.Paragraph(lang.Say(
            "Mean over replications ± the half-width of its 95% confidence interval; one table per direction, so that each fits a page. batch.csv has every metric of every run.",
            "Trung bình các lần lặp ± nửa độ rộng khoảng tin cậy 95%; mỗi chiều một bảng cho vừa trang. batch.csv có mọi chỉ tiêu của mọi lần chạy."), "caption");
        foreach (IGrouping<string, string> group in KeyMetricIds(input.Runs).GroupBy(id => id.Split('/') is { Length: > 1 } p ? p[1] : "all"))
        {
            var rows = new List<IReadOnlyList<string>>();
            foreach (BatchRunResult run in input.Runs)
            {
                var row = new List<string> { run.Run.Run.ToString(CultureInfo.InvariantCulture), Path.GetFileName(run.Run.ScenarioFile) };
                row.AddRange(run.Run.SweepValues);
                row.AddRange(group.Select(id => run.Metrics.TryGetValue(id, out BatchValue v) ? $"{lang.Number(v.Mean)} {ReportText.HalfWidth(v.HalfWidth95, lang)}" : "–"));
                rows.Add(row);
            }

            page.Heading(3, ReportText.Capital(lang.Direction(group.Key)));
            string[] header = [lang.Say("run", "lần chạy"), lang.Say("scenario file", "tệp kịch bản"), .. BatchAnswer.Levers(input).Select(l => lang.Say(l.Label)), .. group.Select(id => ShortLabel(id, input, lang))];
            page.Table(header, rows, textColumns: 2);
        }

        DecisionText.WriteExactSettings(page, BatchAnswer.Levers(input), [.. input.Runs.Select(r => r.Run.SweepValues)], input.Sources.FirstOrDefault()?.Overrides ?? []);
        ScenarioSection.WriteAssumptions(page, [.. input.Sources.Select(s => (s.File, s))]);
        ScenarioSection.WriteProvenance(page, input.Provenance,
        [
            (lang.Say("swept", "tham số quét"), input.SweptPaths.Count == 0 ? lang.Say("no sweep", "không quét tham số") : string.Join(", ", input.SweptPaths)),
            (lang.Say("runs", "số lần chạy"), total.ToString(CultureInfo.InvariantCulture)),
        ]);
        return page.Build();
    }

    /// <summary>
    /// Per group of runs along the first sweep: where each key metric goes from the smallest swept value to the
    /// largest, with intervals, and the values at which each direction is overloaded (by each run's own flag).
    /// </summary>
    public static IEnumerable<string> Answer(BatchReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        IReadOnlyList<string> ids = KeyMetricIds(input.Runs);
        string swept = input.SweptPaths.Count == 0 ? "" : lang.Say(BatchAnswer.Levers(input)[0].Label);
        foreach (var (label, runs) in Lines(input, lang))
        {
            BatchRunResult first = runs[0];
            BatchRunResult last = runs[^1];
            string from = first.Run.SweepValues[0];
            string to = last.Run.SweepValues[0];
            var parts = new List<string>();
            foreach (string id in ids.Where(i => i.StartsWith("served_per_day/", StringComparison.Ordinal) || i.StartsWith("wait_hours_mean/", StringComparison.Ordinal)))
            {
                if (!first.Metrics.TryGetValue(id, out BatchValue a) || !last.Metrics.TryGetValue(id, out BatchValue b))
                {
                    continue;
                }

                string[] p = id.Split('/');
                string what = lang.MetricLabel(new MetricKey(p[0], a.Unit, p[1], p.Length > 2 ? p[2] : ""));
                parts.Add(lang.Say(
                    $"{what} goes from {lang.Number(a.Mean)} ({ReportText.Interval(a.Mean, a.HalfWidth95, lang)}) to {lang.Number(b.Mean)} ({ReportText.Interval(b.Mean, b.HalfWidth95, lang)})",
                    $"{what} từ {lang.Number(a.Mean)} ({ReportText.Interval(a.Mean, a.HalfWidth95, lang)}) đến {lang.Number(b.Mean)} ({ReportText.Interval(b.Mean, b.HalfWidth95, lang)})"));
            }

            string sentence = lang.Say($"{label}, {swept} from {BatchAnswer.Value(input, 0, from, lang)} to {BatchAnswer.Value(input, 0, to, lang)}: ", $"{label}, {swept} từ {BatchAnswer.Value(input, 0, from, lang)} đến {BatchAnswer.Value(input, 0, to, lang)}: ") + string.Join("; ", parts) + ".";
            yield return sentence + OverloadSentences(input, runs, lang);
        }
    }

    /// <summary>For each direction with an overload flag, which swept values leave it overloaded (each sentence with a leading space).</summary>
    internal static string OverloadSentences(BatchReportInput input, IReadOnlyList<BatchRunResult> runs, ReportLanguage lang) =>
        string.Concat(runs.SelectMany(r => r.Metrics.Keys).Where(k => k.StartsWith("overloaded/", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)
            .Select(overloaded => OverloadSentence(input, runs, overloaded, lang)));

    /// <summary>
    /// Which swept values leave a direction overloaded, read from each run's own flag (overloaded/DIRECTION, the share
    /// of its replications overloaded, at least a half), never from an assumed direction of the sweep: overload falls as
    /// a sweep adds capacity (a quota, lanes) and rises as it adds demand.
    /// </summary>
    private static string OverloadSentence(BatchReportInput input, IReadOnlyList<BatchRunResult> runs, string overloadedId, ReportLanguage lang)
    {
        List<string> over = [.. runs.Where(r => r.Metrics.TryGetValue(overloadedId, out BatchValue v) && v.Mean >= 0.5).Select(r => BatchAnswer.Value(input, 0, r.Run.SweepValues[0], lang))];
        List<string> notOver = [.. runs.Select(r => BatchAnswer.Value(input, 0, r.Run.SweepValues[0], lang)).Where(v => !over.Contains(v))];
        string dir = lang.Direction(overloadedId.Split('/')[1]);
        string side = ReportText.Capital(lang.Side(overloadedId.Split('/')[1]));
        if (over.Count == 0)
        {
            return lang.Say($" The {dir} side is not overloaded at any of these values.", $" {side} không quá tải ở mọi giá trị này.");
        }

        if (notOver.Count == 0)
        {
            return lang.Say($" The {dir} side is overloaded at every one of these values.", $" {side} quá tải ở mọi giá trị này.");
        }

        return lang.Say(
            $" The {dir} side is overloaded at {List(over, "and")}, not at {List(notOver, "or")}.",
            $" {side} quá tải ở {List(over, "và")}, không quá tải ở {List(notOver, "hoặc")}.");
    }

    /// <summary>"250", "250 and 300", "200, 250 and 300".</summary>
    private static string List(IReadOnlyList<string> values, string conjunction) =>
        values.Count == 1 ? values[0] : $"{string.Join(", ", values.Take(values.Count - 1))} {conjunction} {values[^1]}";

    /// <summary>"import trucks a day (4 values)" per swept setting, or "no sweep".</summary>
    private static string Sweeps(BatchReportInput input, ReportLanguage lang) => input.SweptPaths.Count == 0
        ? lang.Say("no sweep", "không quét tham số")
        : string.Join(" × ", BatchAnswer.Levers(input).Select((l, k) => lang.Say($"{lang.Say(l.Label)} ({input.Runs.Select(r => r.Run.SweepValues[k]).Distinct().Count()} values)", $"{lang.Say(l.Label)} ({input.Runs.Select(r => r.Run.SweepValues[k]).Distinct().Count()} giá trị)")));

    internal static string ShortLabel(string id, BatchReportInput input, ReportLanguage lang)
    {
        string[] p = id.Split('/');
        string unit = input.Runs.Select(r => r.Metrics.TryGetValue(id, out BatchValue v) ? v.Unit : "").FirstOrDefault(u => u.Length > 0) ?? "";
        return lang.MetricLabel(new MetricKey(p[0], unit, p.Length > 1 ? p[1] : "", p.Length > 2 ? p[2] : ""));
    }
}
