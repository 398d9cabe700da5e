using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Reporting.Html;

/// <summary>One end of the capacity's answer: where a curve crosses the target, as a factor and a demand.</summary>
/// <param name="Crossing">The factor, or that it lies below or above the factors tried.</param>
/// <param name="DemandTrucksPerDay">The demand at the factor (NaN when outside the factors tried).</param>
public sealed record CapacityEnd(TargetCrossing Crossing, double DemandTrucksPerDay);

/// <summary>What report.html of <c>capacity</c> is made from.</summary>
/// <param name="ScenarioLabel">The scenario's label.</param>
/// <param name="Target">The requirement.</param>
/// <param name="TargetKey">The target metric's key (for its name and unit in words).</param>
/// <param name="Scaled">The scaled scenario paths with their values as written (factor 1).</param>
/// <param name="AsWrittenTrucksPerDay">The scenario's own demand (factor 1, with --set), as the demand levels count it.</param>
/// <param name="Rows">Every demand level tried.</param>
/// <param name="Capacity">Where the mean crosses the target.</param>
/// <param name="Low">Lower end of the 95% interval.</param>
/// <param name="High">Upper end of the 95% interval.</param>
/// <param name="SaturationTrucksPerDay">The demand at which the busiest stage is fully loaded, when a level tried reaches it.</param>
/// <param name="Replications">Replications per demand level.</param>
/// <param name="Rounds">Rounds of the search.</param>
/// <param name="Days">Days of each run, warm-up included.</param>
/// <param name="WarmUpHours">Warm-up removed from every statistic; null when each replication detects its own (MSER-5).</param>
/// <param name="Source">The scenario file as read.</param>
/// <param name="Provenance">What reproduces it.</param>
public sealed record CapacityReportInput(
    string ScenarioLabel,
    Target Target,
    MetricKey TargetKey,
    IReadOnlyList<(string Path, double Base)> Scaled,
    double AsWrittenTrucksPerDay,
    IReadOnlyList<CapacityRow> Rows,
    CapacityEnd Capacity,
    CapacityEnd Low,
    CapacityEnd High,
    double? SaturationTrucksPerDay,
    int Replications,
    int Rounds,
    int Days,
    double? WarmUpHours,
    ScenarioSource Source,
    ReportProvenance Provenance)
{
    /// <summary>The scenario's dated events that the run's --days ends before they end (<see cref="HorizonCheck"/>).</summary>
    public IReadOnlyList<HorizonCut> HorizonCuts { get; init; } = [];

    /// <summary>The scenario's name, without the --set list (that goes under "Changes from the scenario").</summary>
    public string ScenarioName { get; init; } = ScenarioLabel;

    /// <summary>The lever of each scaled path, in <see cref="Scaled"/>' order (empty: labelled with the paths).</summary>
    public IReadOnlyList<LeverSpec> Levers { get; init; } = [];

    /// <summary>The --set overrides, with their levers' labels and the file's values.</summary>
    public IReadOnlyList<SettingChange> Changes { get; init; } = [];
}

/// <summary>
/// report.html of <c>capacity</c>: what to know first (a target met only where a stage is overloaded, so that the
/// answer depends on the run's length; an answer outside the demands tried; replications without a value; few
/// replications), the answer in a planner's words with its 95% interval and the target it answers, the metric
/// against demand (capacity.svg inline), the table of demand levels tried, how to read it, the scenario's
/// assumptions and the provenance.
/// </summary>
public static class CapacityReport
{
    public static string Build(CapacityReportInput input, PlotImage? plot, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(language);
        ReportLanguage lang = language;
        IReadOnlyList<string> answer = Answer(input, lang);
        ReportPage page = DecisionText.Open(Question(input, lang), input.Changes, [lang.Say("Answer: ", "Kết luận: ") + answer[0]], AnswerTable(input, lang), lang);
        DecisionText.WriteWarnings(page, Warnings(input, lang), lang.Say(
            "No warnings: the target is met only at demands where no stage is overloaded, the answer lies within the demands tried, every replication has a value, and there are enough replications.",
            "Không có cảnh báo: mục tiêu chỉ đạt ở các mức nhu cầu không khâu nào quá tải, kết quả nằm trong khoảng nhu cầu đã thử, mọi lần lặp đều có giá trị và đủ số lần lặp."));

        page.Heading(2, lang.Say("The answer in full", "Kết luận chi tiết"));
        foreach (string sentence in answer.Skip(1))
        {
            page.Paragraph(sentence);
        }

        if (plot is not null)
        {
            page.Heading(2, lang.Say("The target metric against demand", "Chỉ tiêu mục tiêu theo nhu cầu"));
            page.Figure(plot, lang.Say(
                "Mean over replications at each demand level tried (dots), its pointwise 95% confidence band, the target (dashed), the capacity (green) and its 95% interval (dotted). Shaded red: demand at which a stage is overloaded.",
                "Trung bình các lần lặp tại mỗi mức nhu cầu đã thử (chấm), dải tin cậy 95% theo từng điểm, mục tiêu (nét đứt), năng lực (xanh) và khoảng tin cậy 95% của nó (chấm chấm). Tô đỏ: mức nhu cầu làm một khâu quá tải."));
        }

        page.Heading(2, lang.Say("Demand levels tried", "Các mức nhu cầu đã thử"));
        List<CapacityRow> levels = [.. input.Rows.OrderBy(r => r.Point.Factor)];
        page.Table(
            // Not the scaled values themselves (the factor times the values in the answer; capacity.csv has them): their
            // paths as headers would squeeze the target's column.
            [lang.Say("demand (trucks/day)", "nhu cầu (xe/ngày)"), lang.Say("factor", "hệ số"), lang.MetricLabel(input.TargetKey), "± 95%", lang.Say("meets the target", "đạt mục tiêu"), lang.Say("overloaded", "quá tải")],
            levels.Select(r => (IReadOnlyList<string>)
            [
                Demand(r.Point.DemandTrucksPerDay, lang),
                r.Point.Factor.ToString("0.####", lang.Numbers),
                lang.Number(r.Point.Mean),
                ReportText.HalfWidth(r.Point.Summary.Count > 1 ? r.Point.Summary.HalfWidth95 : double.NaN, lang),
                Verdict(r.MeetsTarget, lang),
                r.IsOverloaded ? lang.Say("yes", "có") : lang.Say("no", "không"),
            ]),
            i => levels[i].IsOverloaded ? "warm" : null,
            lang.Say(
                $"Each level: the mean of {input.Replications} replications ± the half-width of its 95% confidence interval. Meets the target: yes when even the pessimistic end of the interval meets it, not sure when only the mean or the optimistic end does, no otherwise. Overloaded levels are grey. capacity.csv has the same rows, with the scaled values.",
                $"Mỗi mức: trung bình {input.Replications} lần lặp ± nửa độ rộng khoảng tin cậy 95%. Đạt mục tiêu: có khi cả đầu bất lợi của khoảng tin cậy vẫn đạt, chưa chắc khi chỉ trung bình hoặc đầu thuận lợi đạt, không trong trường hợp còn lại. Mức quá tải tô xám. capacity.csv có cùng các dòng này, kèm các giá trị đã nhân."),
            textColumns: 0);

        DecisionText.WriteExactSettings(page, Levers(input), [[.. input.Scaled.Select(s => s.Base.ToString("R", CultureInfo.InvariantCulture))]], input.Source.Overrides);
        page.Heading(2, lang.Say("How to read it", "Cách đọc kết quả"));
        page.List(Caveats(input, lang));

        ScenarioSection.WriteAssumptions(page, [(input.ScenarioLabel, input.Source)]);
        ScenarioSection.WriteProvenance(page, input.Provenance,
        [
            (lang.Say("target", "mục tiêu"), input.Target.ToString()),
            (lang.Say("scaled", "tham số nhân theo nhu cầu"), string.Join(", ", input.Scaled.Select(s => s.Path))),
            (lang.Say("replications per demand level", "số lần lặp mỗi mức nhu cầu"), input.Replications.ToString(CultureInfo.InvariantCulture)),
            (lang.Say("days per run", "số ngày mỗi lần chạy"), input.Days.ToString(CultureInfo.InvariantCulture)),
        ]);
        return page.Build();
    }

    /// <summary>What was asked, in words: "NAME: how many trucks a day can it take and keep the mean wait, inbound, at most 0.2 h?"</summary>
    public static string Question(CapacityReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        string target = ReportText.TargetText(input.Target, input.TargetKey, lang);
        return lang.Say(
            $"{input.ScenarioName}: how many trucks a day can it take and keep the {target}?",
            $"{input.ScenarioName}: đón được bao nhiêu xe mỗi ngày mà vẫn giữ {target}?");
    }

    /// <summary>The lever of each scaled path: the scenario's, or labelled with the path itself.</summary>
    public static IReadOnlyList<LeverSpec> Levers(CapacityReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return DecisionText.LeversOf(input.Levers, [.. input.Scaled.Select(s => s.Path)]);
    }

    /// <summary>The small table under the answer: the target, the capacity with its interval, the scenario's own demand and where it stands, the saturation.</summary>
    private static AnswerTable AnswerTable(CapacityReportInput input, ReportLanguage lang)
    {
        string trucks = lang.Say(" (trucks/day)", " (xe/ngày)");
        string standing = new CapacityEstimate(input.Capacity.Crossing, input.Low.Crossing, input.High.Crossing).AsWritten switch
        {
            AsWrittenDemand.BeyondCapacity => lang.Say(": beyond the capacity, the target is missed", ": vượt năng lực, không đạt mục tiêu"),
            AsWrittenDemand.AtAboutCapacity => lang.Say(": at about the capacity", ": xấp xỉ năng lực"),
            _ => input.Capacity.Crossing.IsBelowRange ? "" : lang.Say(": within the capacity", ": trong năng lực"),
        };
        List<IReadOnlyList<string>> rows =
        [
            [lang.Say("target: ", "mục tiêu: ") + lang.MetricLabel(input.TargetKey), $"{(input.Target.IsAtMost ? "≤" : "≥")} {InvariantTicks.Format(input.Target.Value, lang)}"],
            [lang.Say("capacity", "năng lực") + trucks, EndText(input.Capacity, input, lang)],
            [lang.Say("its 95% confidence interval", "khoảng tin cậy 95% của năng lực") + trucks, $"{EndText(input.Low, input, lang)} – {EndText(input.High, input, lang)}"],
            [lang.Say("the scenario's own demand", "nhu cầu của kịch bản") + trucks + standing, Demand(input.AsWrittenTrucksPerDay, lang)],
        ];
        if (input.SaturationTrucksPerDay is { } saturation)
        {
            rows.Add([lang.Say("busiest stage fully loaded from", "khâu bận nhất hết năng lực từ") + trucks, lang.Whole(saturation)]);
        }

        return new AnswerTable(["", lang.Say("answer", "kết luận")], rows);
    }

    /// <summary>What a reader must know before quoting the capacity.</summary>
    public static IReadOnlyList<ReportWarning> Warnings(CapacityReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        string horizon = lang.Say("The run ends before a dated event ends", "Kỳ mô phỏng kết thúc trước khi một sự kiện theo ngày kết thúc");
        var warnings = new List<ReportWarning>(HorizonText.Warnings(input.HorizonCuts, lang).Select(w => new ReportWarning(horizon, w)));
        CapacityRow[] overloadedMet = [.. input.Rows.Where(r => r.IsOverloaded && r.MeetsTarget != "no").OrderBy(r => r.Point.DemandTrucksPerDay)];
        if (overloadedMet.Length > 0)
        {
            warnings.Add(new ReportWarning(lang.Say("Target met only where a stage is overloaded", "Mục tiêu chỉ đạt ở mức nhu cầu đã quá tải"), lang.Say(
                $"The target is met at {overloadedMet.Length} demand level(s) at which a stage is overloaded (from {lang.Whole(overloadedMet[0].Point.DemandTrucksPerDay)} trucks a day): there the queue grows without a steady state, so the metric grows with the run's length ({input.Days} days here) and the capacity found depends on it. A longer run gives a smaller capacity; quote it with the run's length.",
                $"Mục tiêu vẫn đạt ở {overloadedMet.Length} mức nhu cầu mà một khâu đã quá tải (từ {lang.Whole(overloadedMet[0].Point.DemandTrucksPerDay)} xe/ngày): ở đó hàng xe tăng mãi, chỉ tiêu tăng theo độ dài kỳ mô phỏng ({input.Days} ngày) nên năng lực tìm được phụ thuộc vào nó. Kỳ dài hơn cho năng lực nhỏ hơn; hãy nêu kèm độ dài kỳ mô phỏng.")));
        }

        if (!input.Capacity.Crossing.IsFound || !input.Low.Crossing.IsFound || !input.High.Crossing.IsFound)
        {
            warnings.Add(new ReportWarning(lang.Say("Answer outside the demands tried", "Kết quả nằm ngoài khoảng nhu cầu đã thử"), lang.Say(
                $"Part of the answer lies outside the demands tried ({lang.Whole(MinDemand(input))} to {lang.Whole(MaxDemand(input))} trucks a day): that end is only known to be below or above it. Widen the search with --max-factor, or change the target.",
                $"Một phần kết quả nằm ngoài khoảng nhu cầu đã thử ({lang.Whole(MinDemand(input))} đến {lang.Whole(MaxDemand(input))} xe/ngày): đầu đó chỉ biết là thấp hơn hoặc cao hơn. Hãy mở rộng tìm kiếm bằng --max-factor, hoặc đổi mục tiêu.")));
        }

        CapacityRow[] missing = [.. input.Rows.Where(r => r.Point.HasMissingValue)];
        if (missing.Length > 0)
        {
            int replications = missing.Sum(r => r.Point.Values.Count(v => !double.IsFinite(v)));
            warnings.Add(new ReportWarning(lang.Say("Replications without a value", "Lần lặp không có giá trị"), lang.Say(
                $"{replications} replication(s) at {missing.Length} demand level(s) reported no value of {input.Target.MetricId} (no truck of that direction or class was served): those levels count as missing the target, and their means leave those replications out.",
                $"{replications} lần lặp ở {missing.Length} mức nhu cầu không có giá trị {input.Target.MetricId} (không xe nào của chiều hoặc loại hàng đó được thông quan): các mức này được tính là không đạt mục tiêu, và trung bình của chúng không tính các lần lặp đó.")));
        }

        if (input.Replications < ReportText.FewReplications)
        {
            warnings.Add(new ReportWarning(lang.Say("Few replications", "Ít lần lặp"), lang.Say(
                $"Only {input.Replications} replications per demand level: the 95% intervals rest on few values and are wide; run more (--replications) before quoting them.",
                $"Chỉ có {input.Replications} lần lặp mỗi mức nhu cầu: khoảng tin cậy 95% dựa trên ít giá trị nên rộng; hãy chạy thêm (--replications) trước khi trích dẫn.")));
        }

        return warnings;
    }

    /// <summary>The answer in sentences: the capacity with its interval and the target it answers, what demand means, the saturation.</summary>
    public static IReadOnlyList<string> Answer(CapacityReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        var sentences = new List<string>();
        string target = ReportText.TargetText(input.Target, input.TargetKey, lang);
        if (input.Capacity.Crossing.IsFound)
        {
            sentences.Add(lang.Say(
                $"The target holds up to a demand of {Demand(input.Capacity.DemandTrucksPerDay, lang)} trucks a day (95% confidence interval {EndText(input.Low, input, lang)} to {EndText(input.High, input, lang)}). The target: {target}, judged on its mean over replications.",
                $"Mục tiêu vẫn đạt đến mức nhu cầu {Demand(input.Capacity.DemandTrucksPerDay, lang)} xe/ngày (khoảng tin cậy 95%: {EndText(input.Low, input, lang)} đến {EndText(input.High, input, lang)}). Mục tiêu: {target}, xét theo trung bình các lần lặp."));
        }
        else if (input.Capacity.Crossing.IsBelowRange)
        {
            sentences.Add(lang.Say(
                $"The target ({target}) is missed at every demand tried, down to {lang.Whole(MinDemand(input))} trucks a day: the capacity for it is below that.",
                $"Mục tiêu ({target}) không đạt ở mọi mức nhu cầu đã thử, thấp nhất là {lang.Whole(MinDemand(input))} xe/ngày: năng lực ứng với mục tiêu này thấp hơn mức đó."));
        }
        else
        {
            sentences.Add(lang.Say(
                $"The target ({target}) is met at every demand tried, up to {lang.Whole(MaxDemand(input))} trucks a day: the capacity for it is above that.",
                $"Mục tiêu ({target}) đạt ở mọi mức nhu cầu đã thử, cao nhất là {lang.Whole(MaxDemand(input))} xe/ngày: năng lực ứng với mục tiêu này cao hơn mức đó."));
        }

        string asWritten = Demand(input.AsWrittenTrucksPerDay, lang);
        switch (new CapacityEstimate(input.Capacity.Crossing, input.Low.Crossing, input.High.Crossing).AsWritten)
        {
            case AsWrittenDemand.BeyondCapacity:
                sentences.Add(lang.Say(
                    $"The scenario's own demand, {asWritten} trucks a day, is beyond this capacity: even the optimistic end of the interval lies below it, so the target is missed at the demand the scenario describes.",
                    $"Nhu cầu của chính kịch bản, {asWritten} xe/ngày, đã vượt năng lực này: ngay cả đầu thuận lợi của khoảng tin cậy cũng thấp hơn, nên mục tiêu không đạt ở mức nhu cầu kịch bản mô tả."));
                break;
            case AsWrittenDemand.AtAboutCapacity:
                sentences.Add(lang.Say(
                    $"The scenario's own demand, {asWritten} trucks a day, is at about this capacity (inside its 95% interval): the target may or may not hold at it; more replications narrow the interval.",
                    $"Nhu cầu của chính kịch bản, {asWritten} xe/ngày, xấp xỉ năng lực này (nằm trong khoảng tin cậy 95%): mục tiêu có thể đạt hoặc không ở mức đó; thêm lần lặp sẽ thu hẹp khoảng tin cậy."));
                break;
        }

        double factor = input.Capacity.Crossing.Factor;
        IReadOnlyList<LeverSpec> levers = Levers(input);
        string paths = string.Join(", ", input.Scaled.Select((p, k) => double.IsFinite(factor)
            ? lang.Say($"{lang.Say(levers[k].Label)} ({InvariantTicks.Format(p.Base, lang)} as written, {InvariantTicks.Format(Math.Round(p.Base * factor, 1), lang)} at the capacity)", $"{lang.Say(levers[k].Label)} ({InvariantTicks.Format(p.Base, lang)} như kịch bản, {InvariantTicks.Format(Math.Round(p.Base * factor, 1), lang)} tại năng lực)")
            : lang.Say($"{lang.Say(levers[k].Label)} ({InvariantTicks.Format(p.Base, lang)} as written)", $"{lang.Say(levers[k].Label)} ({InvariantTicks.Format(p.Base, lang)} như kịch bản)")));
        sentences.Add(lang.Say(
            $"Demand was scaled by one factor on {paths}" + (double.IsFinite(factor) ? $": the capacity is at factor {factor.ToString("0.###", lang.Numbers)} of the scenario's demand." : "."),
            $"Nhu cầu được nhân cùng một hệ số trên {paths}" + (double.IsFinite(factor) ? $": năng lực ở hệ số {factor.ToString("0.###", lang.Numbers)} so với nhu cầu của kịch bản." : ".")));

        if (input.SaturationTrucksPerDay is { } saturation)
        {
            sentences.Add(lang.Say(
                $"From {lang.Whole(saturation)} trucks a day the busiest stage is fully loaded (its demand reaches its capacity): beyond it no target on waits holds for long, as queues grow day after day.",
                $"Từ {lang.Whole(saturation)} xe/ngày khâu bận nhất đã hết năng lực (nhu cầu bằng năng lực của nó): vượt mức này, hàng xe tăng dần từng ngày nên không mục tiêu nào về thời gian chờ giữ được lâu."));
        }

        return sentences;
    }

    private static IEnumerable<string> Caveats(CapacityReportInput input, ReportLanguage lang)
    {
        yield return lang.Say(
            "Demand is the trucks expected to arrive a day averaged over the whole run, after the hourly, weekday and month factors and the surges of the scenario.",
            "Nhu cầu là số xe dự kiến đến mỗi ngày, trung bình trên cả kỳ mô phỏng, sau các hệ số theo giờ, ngày trong tuần, tháng và các đợt cao điểm của kịch bản.");
        yield return lang.Say(
            $"Each demand level ran the same {input.Replications} replications (the same random streams: common random numbers), {input.Days} days each, {WarmUp(input.WarmUpHours, lang)}, so the curve is smooth and differences between levels are real.",
            $"Mỗi mức nhu cầu chạy cùng {input.Replications} lần lặp (cùng dãy số ngẫu nhiên), mỗi lần {input.Days} ngày, {WarmUp(input.WarmUpHours, lang)}, nên đường cong trơn và chênh lệch giữa các mức là thực.");
        yield return lang.Say(
            $"The capacity is where the mean crosses the target, read off by linear interpolation between the two levels around it; the interval runs from where the pessimistic end of the metric's 95% band crosses it to where the optimistic end does. {input.Rows.Count} levels were tried in {input.Rounds} rounds, each round narrowing the brackets.",
            $"Năng lực là điểm trung bình cắt mục tiêu, nội suy tuyến tính giữa hai mức kề bên; khoảng tin cậy chạy từ điểm đầu bất lợi của dải 95% cắt mục tiêu đến điểm đầu thuận lợi cắt. Đã thử {input.Rows.Count} mức trong {input.Rounds} vòng, mỗi vòng thu hẹp khoảng tìm.");
        if (input.Rows.Any(r => r.IsOverloaded))
        {
            yield return lang.Say(
                "At overloaded levels (grey in the table, shaded in the plot) the queue grows with time: their values hold for this run's length only.",
                "Ở các mức quá tải (tô xám trong bảng, tô màu trên biểu đồ) hàng xe tăng theo thời gian: giá trị ở đó chỉ đúng với độ dài kỳ mô phỏng này.");
        }
    }

    /// <summary>The warm-up left out of the statistics, in words.</summary>
    internal static string WarmUp(double? hours, ReportLanguage lang) => hours is { } h
        ? lang.Say($"the first {lang.Number(h)} h left out as warm-up", $"bỏ {lang.Number(h)} giờ đầu làm giai đoạn khởi động")
        : lang.Say("the warm-up detected in each replication (MSER-5) left out", "bỏ giai đoạn khởi động xác định riêng cho từng lần lặp (MSER-5)");

    private static string EndText(CapacityEnd end, CapacityReportInput input, ReportLanguage lang) =>
        end.Crossing.IsFound ? Demand(end.DemandTrucksPerDay, lang)
        : end.Crossing.IsBelowRange ? lang.Say($"below {lang.Whole(MinDemand(input))}", $"dưới {lang.Whole(MinDemand(input))}")
        : lang.Say($"above {lang.Whole(MaxDemand(input))}", $"trên {lang.Whole(MaxDemand(input))}");

    /// <summary>Trucks a day to one decimal, as the console's capacity line has it.</summary>
    private static string Demand(double trucksPerDay, ReportLanguage lang) => trucksPerDay.ToString("#,##0.0", lang.Numbers);

    private static string Verdict(string meets, ReportLanguage lang) => meets switch
    {
        "yes" => lang.Say("yes", "có"),
        "unsure" => lang.Say("not sure", "chưa chắc"),
        _ => lang.Say("no", "không"),
    };

    private static double MinDemand(CapacityReportInput input) => input.Rows.Min(r => r.Point.DemandTrucksPerDay);

    private static double MaxDemand(CapacityReportInput input) => input.Rows.Max(r => r.Point.DemandTrucksPerDay);
}
