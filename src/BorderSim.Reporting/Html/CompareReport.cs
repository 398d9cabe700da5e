using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using ScottPlot;

namespace BorderSim.Reporting.Html;

/// <summary>What report.html of <c>compare</c> is made from.</summary>
/// <param name="Result">The comparison (base first).</param>
/// <param name="Sources">The scenario files, base first.</param>
/// <param name="Plots">The comparison plot and the queues of each scenario (side by side), in the report's language.</param>
/// <param name="Provenance">What reproduces it.</param>
public sealed record CompareReportInput(ComparisonResult Result, IReadOnlyList<ScenarioSource> Sources, IReadOnlyList<PlotImage> Plots, ReportProvenance Provenance)
{
    /// <summary>The --set overrides (applied to every scenario), with their levers' labels and the base file's values.</summary>
    public IReadOnlyList<SettingChange> Changes { get; init; } = [];
}

/// <summary>
/// report.html of <c>compare</c>: warnings first (each overloaded scenario, what that means for its differences),
/// the answer per alternative in sentences with the paired confidence intervals, the table of key differences,
/// the differences plot and each scenario's queues side by side on one scale, then what was simulated, the
/// assumptions and the provenance of every scenario.
/// </summary>
public static class CompareReport
{
    /// <summary>File stem of the queue plot of scenario k (1 = base): queues-&lt;k&gt;.</summary>
    public const string QueuesFilePrefix = "queues-";

    public static string Build(CompareReportInput input, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(language);
        ReportLanguage lang = language.WithLabelsOf(input.Result.Alternatives.Select(a => a.Scenario));
        ComparisonResult result = input.Result;
        ExperimentResult baseResult = result.Alternatives[0];
        int pairs = RunReport.ReplicationCount(baseResult);
        double level = result.Differences.Count > 0 ? result.Differences[0].ConfidenceLevel : Comparison.FamilyConfidence;
        ReportPage page = DecisionText.Open(
            CompareAnswer.Question(result, lang), input.Changes, Enumerable.Range(1, result.Alternatives.Count - 1).SelectMany(k => CompareAnswer.Lead(result, k, lang)), CompareAnswer.Table(result, lang), lang);
        DecisionText.WriteWarnings(page, CompareAnswer.Warnings(result, pairs, lang), lang.Say(
            "No warnings: no direction is overloaded, the run covers every dated event, and there are enough paired replications.",
            "Không có cảnh báo: không chiều nào quá tải, kỳ mô phỏng bao trọn mọi sự kiện theo ngày, và đủ số cặp lần lặp."));

        page.Heading(2, lang.Say("The answer in full", "Kết luận chi tiết"));
        page.Paragraph(lang.Say(
            $"Base {lang.Name(baseResult.Scenario)}; {pairs} paired replications of {baseResult.Scenario.Days} days from {lang.Date(baseResult.Scenario.Start.Date)}, {(result.CommonRandomNumbers ? "common random numbers" : "independent random numbers")}; intervals at {lang.Level(level)} (95% for all alternatives together).",
            $"Phương án gốc {lang.Name(baseResult.Scenario)}; {pairs} cặp lần lặp, mỗi lần {baseResult.Scenario.Days} ngày từ {lang.Date(baseResult.Scenario.Start.Date)}, {(result.CommonRandomNumbers ? "dùng chung số ngẫu nhiên" : "số ngẫu nhiên độc lập")}; khoảng tin cậy {lang.Level(level)} (95% cho mọi phương án cùng lúc)."), "sub");
        for (int k = 1; k < result.Alternatives.Count; k++)
        {
            foreach (string sentence in Answer(result, k, lang))
            {
                page.Paragraph(sentence);
            }
        }

        page.Heading(2, lang.Say("Differences in the key metrics", "Chênh lệch các chỉ tiêu chính"));
        IReadOnlyList<MetricKey> keys = MetricCatalog.Headlines(baseResult.Summary.Select(s => s.Key));
        for (int k = 1; k < result.Alternatives.Count; k++)
        {
            string name = result.Alternatives[k].Scenario.Name;
            Dictionary<MetricKey, MetricDifference> byKey = result.Differences.Where(d => d.Alternative == name).ToDictionary(d => d.Key);
            var rows = new List<IReadOnlyList<string>>();
            var bold = new HashSet<int>();
            foreach (MetricKey key in keys)
            {
                if (!byKey.TryGetValue(key, out MetricDifference? d))
                {
                    continue;
                }

                if (d.IsSignificant)
                {
                    bold.Add(rows.Count);
                }

                rows.Add(
                [
                    lang.MetricLabel(key),
                    lang.Number(d.BaseMean),
                    lang.Number(d.AlternativeMean),
                    lang.Signed(d.Difference),
                    $"{lang.Signed(d.Lower)} … {lang.Signed(d.Upper)}",
                    double.IsFinite(d.RelativeChange) ? (d.RelativeChange * 100).ToString("+0.0;−0.0;0.0", lang.Numbers) + "%" : "–",
                    d.IsSignificant ? lang.Say("yes", "có") : lang.Say("no", "không"),
                ]);
            }

            page.Heading(3, result.Alternatives.Count > 2 ? $"{k + 1}: {lang.Title(result.Alternatives[k].Scenario)}" : lang.Title(result.Alternatives[k].Scenario));
            page.Table(
                [lang.Say("metric", "chỉ tiêu"), lang.Say("base", "phương án gốc"), lang.Say("alternative", "phương án so sánh"), lang.Say("difference", "chênh lệch"), lang.Say($"{lang.Level(level)} interval", $"khoảng tin cậy {lang.Level(level)}"), lang.Say("relative", "tương đối"), lang.Say("significant", "có ý nghĩa")],
                rows,
                i => bold.Contains(i) ? "key" : null,
                lang.Say(
                    "Paired differences (alternative − base, replication by replication); significant (bold) when the interval excludes zero. comparison.csv has every metric.",
                    "Chênh lệch theo cặp (phương án so sánh − phương án gốc, từng lần lặp); có ý nghĩa (in đậm) khi khoảng tin cậy không chứa 0. comparison.csv có mọi chỉ tiêu."));
        }

        if (input.Plots.FirstOrDefault(p => p.Stem == ComparisonPlot.FileStem) is { } differences)
        {
            page.Heading(2, lang.Say("Plots", "Biểu đồ"));
            page.Figure(differences, lang.Say(
                $"Change from the base in % of the base mean, with the {lang.Level(level)} interval of the paired difference.",
                $"Thay đổi so với phương án gốc, tính bằng % giá trị trung bình của phương án gốc, kèm khoảng tin cậy {lang.Level(level)} của chênh lệch theo cặp."));
        }

        List<PlotImage> queues = [.. input.Plots.Where(p => p.Stem.StartsWith(QueuesFilePrefix, StringComparison.Ordinal))];
        if (queues.Count > 0)
        {
            page.Heading(3, lang.Say("Queues over time, side by side (one scale)", "Hàng đợi theo thời gian, đặt cạnh nhau (cùng thang đo)"));
            page.Raw("<div class=\"side\">\n");
            foreach (PlotImage plot in queues)
            {
                page.Figure(plot, lang.Say(
                    "Trucks waiting per direction (each truck once; mean over replications), on the same scale for every scenario.",
                    "Số xe chờ theo chiều (mỗi xe tính một lần; trung bình các lần lặp), cùng thang đo cho mọi phương án."));
            }

            page.Raw("</div>\n");
        }

        for (int k = 0; k < result.Alternatives.Count; k++)
        {
            ScenarioSection.WriteWhatWasSimulated(page, result.Alternatives[k], (k == 0 ? lang.Say("What was simulated: base, ", "Nội dung mô phỏng: phương án gốc, ") : lang.Say($"What was simulated: alternative {k + 1}, ", $"Nội dung mô phỏng: phương án {k + 1}, ")) + lang.Title(result.Alternatives[k].Scenario));
        }

        ScenarioSection.WriteAssumptions(page, [.. result.Alternatives.Select((a, k) => (lang.Title(a.Scenario), input.Sources[k]))]);
        ScenarioSection.WriteProvenance(page, input.Provenance,
        [
            (lang.Say("seed", "hạt giống ngẫu nhiên"), baseResult.Scenario.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (lang.Say("paired replications", "số cặp lần lặp"), pairs.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (lang.Say("random numbers", "số ngẫu nhiên"), result.CommonRandomNumbers ? lang.Say("common", "dùng chung") : lang.Say("independent", "độc lập")),
        ]);
        return page.Build();
    }

    /// <summary>
    /// The answer for alternative <paramref name="k"/>, in sentences: trucks served per day and mean wait per
    /// direction, the highway queue and the cost of delay, each difference with its interval; a difference whose
    /// interval includes zero is said to be no clear change.
    /// </summary>
    public static IReadOnlyList<string> Answer(ComparisonResult result, int k, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        string alt = lang.Title(result.Alternatives[k].Scenario);
        string baseName = lang.Title(result.Alternatives[0].Scenario);
        string name = result.Alternatives[k].Scenario.Name;
        var byId = result.Differences.Where(d => d.Alternative == name).ToDictionary(d => d.Key.Id, StringComparer.Ordinal);
        string Ci(MetricDifference d) => lang.Say(
            $"{lang.Level(d.ConfidenceLevel)} CI {lang.Signed(d.Lower)} to {lang.Signed(d.Upper)}",
            $"khoảng tin cậy {lang.Level(d.ConfidenceLevel)}: {lang.Signed(d.Lower)} đến {lang.Signed(d.Upper)}");
        var parts = new List<string>();
        foreach (string direction in result.Alternatives[0].Scenario.Directions.Select(d => d.Name))
        {
            string dir = lang.Direction(direction), side = lang.Side(direction);
            if (byId.TryGetValue(Metrics.ServedPerDay.Key(direction, "all").Id, out MetricDifference? served))
            {
                parts.Add(!served.IsSignificant
                    ? lang.Say(
                        $"{dir} trucks served a day: no clear change ({lang.Whole(served.BaseMean)} against {lang.Whole(served.AlternativeMean)}; difference {lang.Signed(served.Difference)}, {Ci(served)})",
                        $"số xe {dir} thông quan mỗi ngày: không thay đổi rõ rệt ({lang.Whole(served.BaseMean)} so với {lang.Whole(served.AlternativeMean)}; chênh lệch {lang.Signed(served.Difference)}, {Ci(served)})")
                    : lang.Say(
                        $"{lang.Number(Math.Abs(served.Difference))} {(served.Difference > 0 ? "more" : "fewer")} {dir} trucks served a day ({Ci(served)}; {lang.Whole(served.BaseMean)} to {lang.Whole(served.AlternativeMean)})",
                        $"{(served.Difference > 0 ? "thêm" : "bớt")} {lang.Number(Math.Abs(served.Difference))} xe {dir} thông quan mỗi ngày ({Ci(served)}; {lang.FromTo(lang.Whole(served.BaseMean), lang.Whole(served.AlternativeMean), served.Difference)})"));
            }

            if (byId.TryGetValue(Metrics.WaitHoursMean.Key(direction, "all").Id, out MetricDifference? wait))
            {
                parts.Add(lang.Say(
                    $"the mean {dir} wait {(wait.IsSignificant ? (wait.Difference < 0 ? "falls" : "rises") : "goes")} from {lang.Number(wait.BaseMean)} h to {lang.Number(wait.AlternativeMean)} h ({lang.Signed(wait.Difference)} h, {Ci(wait)}{(wait.IsSignificant ? "" : "; no clear change")})",
                    $"thời gian chờ trung bình {side} {(wait.IsSignificant ? (wait.Difference < 0 ? "giảm" : "tăng") : "đổi")} {lang.FromTo(lang.Number(wait.BaseMean) + " giờ", lang.Number(wait.AlternativeMean) + " giờ", wait.Difference)} ({lang.Signed(wait.Difference)} giờ, {Ci(wait)}{(wait.IsSignificant ? "" : "; không thay đổi rõ rệt")})"));
            }

            if (byId.TryGetValue(Metrics.HighwayQueueKmMean.Key(direction).Id, out MetricDifference? km) && (km.BaseMean >= 0.0005 || km.AlternativeMean >= 0.0005))
            {
                parts.Add(lang.Say(
                    $"the {dir} highway queue goes from {lang.Number(km.BaseMean)} km to {lang.Number(km.AlternativeMean)} km on average ({Ci(km)})",
                    $"hàng xe {dir} trên quốc lộ {lang.FromTo(lang.Number(km.BaseMean) + " km", lang.Number(km.AlternativeMean) + " km", km.Difference)} trung bình ({Ci(km)})"));
            }
        }

        var sentences = new List<string>
        {
            lang.Say($"{alt} against {baseName}: ", $"{alt} so với {baseName}: ") + string.Join("; ", parts) + ".",
        };
        if (byId.TryGetValue(Metrics.DelayCostUsdPerDay.Key("all", "all").Id, out MetricDifference? cost))
        {
            sentences.Add(lang.Say(
                $"The cost of delay goes from {lang.Whole(cost.BaseMean)} to {lang.Whole(cost.AlternativeMean)} USD a day ({lang.Signed(Math.Round(cost.Difference))} USD, {Ci(cost)}).",
                $"Chi phí chờ đợi {lang.FromTo(lang.Whole(cost.BaseMean), lang.Whole(cost.AlternativeMean), cost.Difference)} USD mỗi ngày ({lang.Signed(Math.Round(cost.Difference))} USD, {Ci(cost)})."));
        }

        sentences.AddRange(CompareAnswer.OverloadChanges(result, k, lang));
        return sentences;
    }

    /// <summary>
    /// One plot per scenario of the trucks waiting in each direction over time (the sum of the model's mean
    /// <c>waiting_trucks</c> of its stages, each truck once), all on the same y scale so they can be set side by side.
    /// </summary>
    public static IReadOnlyList<PlotImage> QueuePlots(ComparisonResult result, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        var totals = new List<(ExperimentResult Run, List<(string Direction, double[] Xs, double[] Ys)> Lines)>();
        double top = 1;
        foreach (ExperimentResult run in result.Alternatives)
        {
            var lines = new List<(string, double[], double[])>();
            foreach (string direction in run.Scenario.Directions.Select(d => d.Name))
            {
                List<SeriesSummary> series = [.. PlannerPlots.WaitingSeries(run, direction)];
                if (series.Count == 0)
                {
                    continue;
                }

                int samples = series.Min(s => s.Mean.Length);
                double[] ys = new double[samples];
                double[] xs = new double[samples];
                for (int i = 0; i < samples; i++)
                {
                    xs[i] = Plots.ToOADate(run.LocalTimeAt(i * series[0].StepHours));
                    foreach (SeriesSummary s in series)
                    {
                        ys[i] += s.Mean[i];
                    }
                }

                top = Math.Max(top, ys.DefaultIfEmpty(0).Max());
                lines.Add((direction, xs, ys));
            }

            totals.Add((run, lines));
        }

        var plots = new List<PlotImage>();
        for (int k = 0; k < totals.Count; k++)
        {
            var (run, lines) = totals[k];
            if (lines.Count == 0)
            {
                continue;
            }

            string title = (k == 0 ? lang.Say("base: ", "gốc: ") : $"{k + 1}: ") + lang.Title(run.Scenario);
            Plot plot = Plots.NewPlot(title, "", lang.Say("trucks waiting", "số xe đang chờ"));
            plot.Axes.Title.Label.FontSize = 24;
            for (int i = 0; i < lines.Count; i++)
            {
                var line = plot.Add.ScatterLine(lines[i].Xs, lines[i].Ys, Plots.Palette(i));
                line.LineWidth = 2.5f;
                line.LegendText = lang.Direction(lines[i].Direction);
            }

            Plots.DateAxis(plot, lang.Say($"local date ({lang.TimeZone(run.Scenario.TimeZone.Id)})", $"ngày địa phương ({lang.TimeZone(run.Scenario.TimeZone.Id)})"), lang);
            Plots.ShadeEvents(plot, run, dailyBars: false, lang);
            plot.Axes.AutoScaleX();
            plot.Axes.SetLimitsY(0, top * 1.05);
            // Not Plots.Finish: its legend is on the right, which a half-width plot cannot spare.
            plot.Font.Set(Plots.FontFor(title));
            InvariantTicks.Apply(plot, lang);
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.FontSize = 18;
            plot.Axes.Left.TickLabelStyle.FontSize = 16;
            plot.Axes.Bottom.TickLabelStyle.FontSize = 16;
            plots.Add(new PlotImage($"{QueuesFilePrefix}{k + 1}", plot, 900, 600));
        }

        return plots;
    }
}
