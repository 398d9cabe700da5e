using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Reporting.Html;

/// <summary>What report.html of <c>optimize</c> is made from.</summary>
/// <param name="ScenarioLabel">The scenario's label.</param>
/// <param name="Paths">The varied scenario paths.</param>
/// <param name="Labels">Each configuration as path=value, in row order.</param>
/// <param name="Rows">Each configuration's verdict and values, in the order of the combinations.</param>
/// <param name="Targets">The requirements.</param>
/// <param name="TargetKeys">Each target metric's key (name, unit, scope).</param>
/// <param name="ToleranceShare">ε of each target as a share of its value.</param>
/// <param name="Objective">The metric minimized, or servers_and_lanes.</param>
/// <param name="ObjectiveKey">The objective's key; null for servers_and_lanes.</param>
/// <param name="Best">Index of the chosen configuration; −1 when none meets every target.</param>
/// <param name="IsSelectionGuaranteed">False when the replications ran out before a decision.</param>
/// <param name="Indifference">δ of the selection, when it came to one.</param>
/// <param name="FirstStage">First-stage replications.</param>
/// <param name="MaxReplications">Most replications of one configuration.</param>
/// <param name="Days">Days of each run, warm-up included.</param>
/// <param name="WarmUpHours">Warm-up left out; null when detected per replication.</param>
/// <param name="Source">The scenario file as read.</param>
/// <param name="Provenance">What reproduces it.</param>
public sealed record OptimizeReportInput(
    string ScenarioLabel,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Labels,
    IReadOnlyList<OptimizeRow> Rows,
    IReadOnlyList<Target> Targets,
    IReadOnlyList<MetricKey> TargetKeys,
    double ToleranceShare,
    string Objective,
    MetricKey? ObjectiveKey,
    int Best,
    bool IsSelectionGuaranteed,
    double? Indifference,
    int FirstStage,
    int MaxReplications,
    int Days,
    double? WarmUpHours,
    ScenarioSource Source,
    ReportProvenance Provenance)
{
    /// <summary>The scenario's dated events that the run's --days ends before they end (<see cref="HorizonCheck"/>).</summary>
    public IReadOnlyList<HorizonCut> HorizonCuts { get; init; } = [];
}

/// <summary>
/// report.html of <c>optimize</c>: what to know first (no configuration feasible, a decision taken without the
/// guarantee, overloaded configurations), the answer in a planner's words (the best configuration and what it
/// achieves, the guarantee with its probability and indifference zones, the runners-up, and every infeasible
/// configuration with every target it misses), the first target per configuration (optimize.svg inline), the
/// table of configurations, how to read it, the scenario's assumptions and the provenance.
/// </summary>
public static class OptimizeReport
{
    public static string Build(OptimizeReportInput input, PlotImage? plot, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(language);
        ReportLanguage lang = language;
        var page = new ReportPage(lang.Say($"Optimize: {input.ScenarioLabel} – BorderSim", $"Tối ưu: {input.ScenarioLabel} – BorderSim"), lang);
        page.Heading(1, lang.Say($"Optimize: {input.ScenarioLabel}", $"Tìm phương án tối ưu: {input.ScenarioLabel}"));
        page.Paragraph(lang.Say(
            $"BorderSim report of an optimization: {input.Rows.Count} configurations of {string.Join(", ", input.Paths)} on common random numbers; the smallest {ObjectiveName(input, lang, unit: false)} that meets every target.",
            $"Báo cáo tìm phương án tối ưu BorderSim: {input.Rows.Count} phương án của {string.Join(", ", input.Paths)}, cùng dãy số ngẫu nhiên; {ObjectiveName(input, lang, unit: false)} nhỏ nhất mà vẫn đạt mọi mục tiêu."), "sub");

        ReportText.WriteWarnings(page, Warnings(input, lang), lang.Say(
            "No warnings: a configuration meets every target, every decision was taken with the guarantee, and no configuration is overloaded.",
            "Không có cảnh báo: có phương án đạt mọi mục tiêu, mọi quyết định đều có bảo đảm thống kê, và không phương án nào quá tải."));

        page.BeginSection("answer").Heading(2, lang.Say("The answer", "Kết luận"));
        foreach (string sentence in Answer(input, lang))
        {
            page.Paragraph(sentence);
        }

        List<string> runnersUp = [.. RunnersUp(input, lang)];
        if (runnersUp.Count > 0)
        {
            page.Heading(3, lang.Say("Runners-up (meet every target)", "Các phương án kế tiếp (đạt mọi mục tiêu)"));
            page.List(runnersUp);
        }

        List<string> infeasible = [.. Infeasible(input, lang)];
        if (infeasible.Count > 0)
        {
            page.Heading(3, lang.Say("Configurations that miss a target", "Các phương án không đạt mục tiêu"));
            page.List(infeasible);
        }

        page.EndSection();

        if (plot is not null)
        {
            page.Heading(2, lang.Say("The first target per configuration", "Mục tiêu thứ nhất theo từng phương án"));
            page.Figure(plot, lang.Say(
                $"{input.Targets[0].MetricId} per configuration: mean over its replications with its 95% confidence interval; the target dashed. Green: meets every target (the largest dot is the one chosen); red: misses a target. A value far above the scale is written at the top.",
                $"{input.Targets[0].MetricId} theo từng phương án: trung bình các lần lặp và khoảng tin cậy 95%; mục tiêu là nét đứt. Xanh: đạt mọi mục tiêu (chấm lớn nhất là phương án chọn); đỏ: không đạt. Giá trị vượt xa thang đo được ghi ở trên cùng."));
        }

        page.Heading(2, lang.Say("Every configuration", "Tất cả các phương án"));
        page.Table(
            [.. input.Paths, lang.Say("verdict", "kết luận"), lang.Say("replications", "số lần lặp"), ObjectiveName(input, lang), .. input.TargetKeys.Select(lang.MetricLabel)],
            input.Rows.Select(r => (IReadOnlyList<string>)
            [
                .. r.Values,
                Status(r, input, lang),
                r.Replications.ToString(CultureInfo.InvariantCulture),
                ObjectiveValue(r, input, lang),
                .. r.Targets.Select(t => WithHalfWidth(t, lang)),
            ]),
            i => i == input.Best ? "key" : input.Rows[i].Status == "infeasible" ? "bad" : null,
            lang.Say(
                "Mean over each configuration's replications ± the half-width of its 95% confidence interval; the chosen one in bold, infeasible ones in red. optimize.csv has the same rows.",
                "Trung bình các lần lặp của mỗi phương án ± nửa độ rộng khoảng tin cậy 95%; phương án chọn in đậm, phương án không đạt tô đỏ. optimize.csv có cùng các dòng này."),
            textColumns: input.Paths.Count + 1);

        page.Heading(2, lang.Say("How to read it", "Cách đọc kết quả"));
        page.List(Caveats(input, lang));

        ScenarioSection.WriteAssumptions(page, [(input.ScenarioLabel, input.Source)]);
        ScenarioSection.WriteProvenance(page, input.Provenance,
        [
            (lang.Say("varied", "tham số thay đổi"), string.Join(", ", input.Paths)),
            (lang.Say("targets", "mục tiêu"), string.Join(", ", input.Targets.Select(t => t.ToString()))),
            (lang.Say("minimized", "cực tiểu hóa"), input.Objective),
            (lang.Say("first-stage replications", "số lần lặp giai đoạn đầu"), input.FirstStage.ToString(CultureInfo.InvariantCulture)),
            (lang.Say("days per run", "số ngày mỗi lần chạy"), input.Days.ToString(CultureInfo.InvariantCulture)),
        ]);
        return page.Build();
    }

    /// <summary>What a reader must know before quoting the answer.</summary>
    public static IReadOnlyList<string> Warnings(OptimizeReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        var warnings = new List<string>(ReportText.HorizonWarnings(input.HorizonCuts, lang));
        if (input.Best < 0)
        {
            warnings.Add(lang.Say(
                "No configuration meets every target: widen the values varied, or relax a target. Each configuration's misses are listed below.",
                "Không phương án nào đạt mọi mục tiêu: hãy mở rộng các giá trị thay đổi, hoặc nới một mục tiêu. Các mục tiêu không đạt của từng phương án được liệt kê bên dưới."));
        }

        string[] unguaranteed = [.. input.Rows.Select((r, i) => (r, i)).Where(p => !p.r.Verdict.IsDecidedWithGuarantee).Select(p => input.Labels[p.i])];
        if (unguaranteed.Length > 0 || (input.Best >= 0 && !input.IsSelectionGuaranteed))
        {
            string which = unguaranteed.Length > 0 ? lang.Say($" (feasibility of {string.Join("; ", unguaranteed)})", $" (tính khả thi của {string.Join("; ", unguaranteed)})") : "";
            warnings.Add(lang.Say(
                $"The guarantee was NOT reached{which}: the replications ran out at {input.MaxReplications} (--max-replications) before the test could decide, so the decision was taken on the means. Run again with more replications before quoting it.",
                $"CHƯA ĐẠT bảo đảm thống kê{which}: đã hết {input.MaxReplications} lần lặp (--max-replications) trước khi kiểm định kết luận được, nên quyết định dựa trên giá trị trung bình. Hãy chạy lại với nhiều lần lặp hơn trước khi trích dẫn."));
        }

        foreach ((OptimizeRow row, int i) in input.Rows.Select((r, i) => (r, i)).Where(p => p.r.OverloadedDirections.Count > 0))
        {
            string dirs = string.Join(", ", row.OverloadedDirections.Select(lang.Side));
            warnings.Add(row.Verdict.IsOverloaded
                ? lang.Say(
                    $"{input.Labels[i]} is overloaded ({dirs}): a stage's demand reaches its capacity, so its queue grows without a steady state and its waits grow with the run's length ({input.Days} days here). It is ruled out whatever its means in this run.",
                    $"{input.Labels[i]} quá tải ({dirs}): nhu cầu của một khâu đạt tới năng lực của khâu đó, hàng xe tăng mãi và thời gian chờ tăng theo độ dài kỳ mô phỏng ({input.Days} ngày). Phương án này bị loại dù giá trị trung bình trong lần chạy này ra sao.")
                : row.Status == "infeasible"
                ? lang.Say(
                    $"{input.Labels[i]} is overloaded ({dirs}): its queue grows without a steady state, so its waits and queues grow with the run's length ({input.Days} days here); it misses a target at this length and would miss it by more in a longer run.",
                    $"{input.Labels[i]} quá tải ({dirs}): hàng xe tăng mãi, thời gian chờ và hàng đợi tăng theo độ dài kỳ mô phỏng ({input.Days} ngày); phương án này không đạt mục tiêu ở độ dài này và càng không đạt khi chạy dài hơn.")
                : lang.Say(
                    $"{input.Labels[i]} is overloaded ({dirs}) yet meets the targets: its waits and queues grow with the run's length ({input.Days} days here), so it meets them only because the run is this short. Do not rely on it; run longer (--days) or add a target on backlog_growth_trucks_per_day.",
                    $"{input.Labels[i]} quá tải ({dirs}) nhưng vẫn đạt mục tiêu: thời gian chờ và hàng đợi tăng theo độ dài kỳ mô phỏng ({input.Days} ngày), nên chỉ đạt vì kỳ mô phỏng ngắn. Đừng dựa vào kết quả này; hãy chạy dài hơn (--days) hoặc thêm mục tiêu về backlog_growth_trucks_per_day."));
        }

        if (input.FirstStage < 10)
        {
            warnings.Add(lang.Say(
                $"Only {input.FirstStage} first-stage replications: with fewer than 10 the tests' regions are wide, so decisions take many replications or end undecided at --max-replications.",
                $"Chỉ có {input.FirstStage} lần lặp giai đoạn đầu: dưới 10 lần thì vùng kiểm định rộng, quyết định cần nhiều lần lặp hoặc kết thúc chưa quyết được ở --max-replications."));
        }

        return warnings;
    }

    /// <summary>The best configuration, what it achieves against each target, and the guarantee.</summary>
    public static IReadOnlyList<string> Answer(OptimizeReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        var sentences = new List<string>();
        if (input.Best >= 0)
        {
            OptimizeRow best = input.Rows[input.Best];
            string achieved = string.Join("; ", input.Targets.Select((t, j) => Against(best, j, input, lang)));
            sentences.Add(lang.Say(
                $"Best: {input.Labels[input.Best]}. It meets every target — {achieved} — with the smallest {ObjectiveName(input, lang, unit: false)} of those that do: {ObjectiveValue(best, input, lang)}.",
                $"Phương án tốt nhất: {input.Labels[input.Best]}. Phương án này đạt mọi mục tiêu — {achieved} — với {ObjectiveName(input, lang, unit: false)} nhỏ nhất trong các phương án đạt: {ObjectiveValue(best, input, lang)}."));
        }
        else
        {
            sentences.Add(lang.Say(
                $"None of the {input.Rows.Count} configurations meets every target.",
                $"Không phương án nào trong {input.Rows.Count} phương án đạt mọi mục tiêu."));
        }

        string zones = string.Join(", ", input.Targets.Select(t => $"{InvariantTicks.Format(input.ToleranceShare * Math.Abs(t.Value), lang)} {lang.Say("for", "với")} {t.MetricId}"));
        string selection = input.ObjectiveKey is null
            ? lang.Say(
                "the chosen one has the fewest servers and lanes of those found feasible (a count, without noise; ties go to the one listed first)",
                "phương án chọn có ít bàn kiểm tra và làn nhất trong các phương án khả thi (là số đếm, không có sai số ngẫu nhiên; bằng nhau thì chọn phương án liệt kê trước)")
            : lang.Say(
                $"the chosen one's {input.Objective} is within δ = {(input.Indifference is { } d ? d.ToString("G4", lang.Numbers) : "–")} of the best feasible one's (the indifference zone: configurations closer than δ count as equally good)",
                $"{input.Objective} của phương án chọn cách phương án khả thi tốt nhất không quá δ = {(input.Indifference is { } d2 ? d2.ToString("G4", lang.Numbers) : "–")} (vùng không phân biệt: các phương án chênh nhau dưới δ được coi là tốt như nhau)");
        sentences.Add(lang.Say(
            $"The guarantee: with probability at least 95% (probability of correct selection), every configuration further than ε from a target is classified right (ε = {lang.Percent(input.ToleranceShare)} of the target: {zones}; one closer may be put on either side, and both are correct), and {selection}. Feasibility by the Batur–Kim test, selection by Kim–Nelson's procedure KN, on common random numbers.",
            $"Bảo đảm thống kê: với xác suất ít nhất 95% (xác suất chọn đúng), mọi phương án cách mục tiêu hơn ε đều được xếp đúng (ε = {lang.Percent(input.ToleranceShare)} giá trị mục tiêu: {zones}; phương án gần hơn có thể xếp bên nào cũng đúng), và {selection}. Kiểm định khả thi Batur–Kim, chọn phương án theo thủ tục KN của Kim–Nelson, cùng dãy số ngẫu nhiên."));
        return sentences;
    }

    /// <summary>The other feasible configurations, cheapest first.</summary>
    public static IEnumerable<string> RunnersUp(OptimizeReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        foreach ((OptimizeRow row, int i) in input.Rows.Select((r, i) => (r, i)).Where(p => p.i != input.Best && p.r.Status != "infeasible").OrderBy(p => p.r.Objective.Mean).ThenBy(p => p.i))
        {
            string why = row.Verdict.IsScreenedOut
                ? lang.Say("screened out: a larger objective than another feasible configuration", "bị loại khi sàng lọc: giá trị cần cực tiểu lớn hơn một phương án khả thi khác")
                : lang.Say("feasible", "khả thi");
            yield return lang.Say(
                $"{input.Labels[i]}: {ObjectiveName(input, lang)} {ObjectiveValue(row, input, lang)}; {string.Join("; ", input.Targets.Select((t, j) => Against(row, j, input, lang)))} ({why}).",
                $"{input.Labels[i]}: {ObjectiveName(input, lang)} {ObjectiveValue(row, input, lang)}; {string.Join("; ", input.Targets.Select((t, j) => Against(row, j, input, lang)))} ({why}).");
        }
    }

    /// <summary>Each infeasible configuration with every target it misses (and those left undecided when it was ruled out).</summary>
    public static IEnumerable<string> Infeasible(OptimizeReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        foreach ((OptimizeRow row, int i) in input.Rows.Select((r, i) => (r, i)).Where(p => p.r.Status == "infeasible"))
        {
            if (row.Verdict.IsOverloaded)
            {
                yield return lang.Say(
                    $"{input.Labels[i]} is overloaded: a stage's demand reaches its capacity, so it cannot meet any target in the long run, whatever its means in a run of {input.Days} days.",
                    $"{input.Labels[i]} quá tải: nhu cầu của một khâu đạt tới năng lực của khâu đó, nên về lâu dài không thể đạt mục tiêu nào, dù giá trị trung bình trong {input.Days} ngày mô phỏng ra sao.");
                continue;
            }

            string misses = string.Join("; ", row.Verdict.MissedTargets.Select(j => Against(row, j, input, lang)));
            string open = row.Verdict.UndecidedTargets.Count == 0 ? "" : lang.Say(
                $". Not decided, as it was ruled out first: {string.Join("; ", row.Verdict.UndecidedTargets.Select(j => Against(row, j, input, lang)))}",
                $". Chưa kết luận vì đã bị loại trước: {string.Join("; ", row.Verdict.UndecidedTargets.Select(j => Against(row, j, input, lang)))}");
            string met = string.Join("; ", Enumerable.Range(0, input.Targets.Count).Where(j => !row.Verdict.MissedTargets.Contains(j) && !row.Verdict.UndecidedTargets.Contains(j)).Select(j => Against(row, j, input, lang)));
            yield return lang.Say(
                $"{input.Labels[i]} misses {(row.Verdict.MissedTargets.Count == 1 ? "the target" : $"{row.Verdict.MissedTargets.Count} targets")}: {misses}{open}{(met.Length > 0 ? $". Meets: {met}" : "")}.",
                $"{input.Labels[i]} không đạt {row.Verdict.MissedTargets.Count} mục tiêu: {misses}{open}{(met.Length > 0 ? $". Đạt: {met}" : "")}.");
        }
    }

    private static IEnumerable<string> Caveats(OptimizeReportInput input, ReportLanguage lang)
    {
        yield return lang.Say(
            $"Every configuration ran the same replications (the same random streams: common random numbers), {input.FirstStage} first, then 2 at a time while a decision was open, up to {input.MaxReplications}; {input.Days} days each, {CapacityReport.WarmUp(input.WarmUpHours, lang)}.",
            $"Mọi phương án chạy cùng các lần lặp (cùng dãy số ngẫu nhiên), {input.FirstStage} lần đầu, sau đó thêm 2 lần một khi còn chưa quyết, tối đa {input.MaxReplications}; mỗi lần {input.Days} ngày, {CapacityReport.WarmUp(input.WarmUpHours, lang)}.");
        yield return lang.Say(
            "A target is judged on the mean over replications of its metric, each replication's value being that run's mean (or percentile) after the warm-up.",
            "Mỗi mục tiêu được xét theo trung bình các lần lặp của chỉ tiêu, giá trị mỗi lần lặp là trung bình (hoặc phân vị) của lần chạy đó sau giai đoạn khởi động.");
        if (input.ObjectiveKey is null)
        {
            yield return lang.Say(
                "servers and lanes: the check servers (booths, channels) plus the road lanes of the configuration, each counted per direction, as the scenario starts (dated changes not counted). Give the scenario costs: to weigh booths, lanes and opening hours by their price.",
                "số bàn và làn: tổng số bàn kiểm tra (bàn, kênh) và số làn đường của phương án, tính theo từng chiều, như lúc bắt đầu kịch bản (không tính thay đổi theo ngày). Thêm costs: vào kịch bản để tính theo giá của bàn, làn và giờ mở cửa.");
        }

        if (input.Rows.Any(r => r.OverloadedDirections.Count > 0))
        {
            yield return lang.Say(
                "An overloaded configuration's waits and queues hold for this run's length only: they grow with a longer run.",
                "Thời gian chờ và hàng đợi của phương án quá tải chỉ đúng với độ dài kỳ mô phỏng này: kỳ dài hơn sẽ lớn hơn.");
        }
    }

    /// <summary>"mean wait, inbound 0.148 h (95% CI 0.133 to 0.162) against at most 0.2 h".</summary>
    private static string Against(OptimizeRow row, int j, OptimizeReportInput input, ReportLanguage lang)
    {
        MetricKey key = input.TargetKeys[j];
        SampleSummary s = row.Targets[j];
        string unit = key.Unit.Length > 0 && key.Unit != "share" ? " " + lang.Unit(key.Unit) : "";
        string bound = input.Targets[j].IsAtMost ? lang.Say("at most", "không quá") : lang.Say("at least", "ít nhất");
        return lang.Say(
            $"{lang.MetricLabel(key with { Unit = "" })} {lang.Number(s.Mean)}{unit} ({ReportText.Interval(s.Mean, s.Count > 1 ? s.HalfWidth95 : double.NaN, lang)}) against {bound} {InvariantTicks.Format(input.Targets[j].Value, lang)}{unit}",
            $"{lang.MetricLabel(key with { Unit = "" })} {lang.Number(s.Mean)}{unit} ({ReportText.Interval(s.Mean, s.Count > 1 ? s.HalfWidth95 : double.NaN, lang)}) so với mục tiêu {bound} {InvariantTicks.Format(input.Targets[j].Value, lang)}{unit}");
    }

    private static string ObjectiveName(OptimizeReportInput input, ReportLanguage lang, bool unit = true) =>
        input.ObjectiveKey is { } key ? lang.MetricLabel(unit ? key : key with { Unit = "" }) : lang.Say("number of servers and lanes", "số bàn và làn");

    private static string ObjectiveValue(OptimizeRow row, OptimizeReportInput input, ReportLanguage lang) =>
        input.ObjectiveKey is null ? lang.Whole(row.Objective.Mean) : WithHalfWidth(row.Objective, lang);

    private static string WithHalfWidth(SampleSummary s, ReportLanguage lang) =>
        s.Count > 1 && s.HalfWidth95 > 0 ? $"{lang.Number(s.Mean)} {ReportText.HalfWidth(s.HalfWidth95, lang)}" : lang.Number(s.Mean);

    private static string Status(OptimizeRow row, OptimizeReportInput input, ReportLanguage lang) => row.Status switch
    {
        "best" => lang.Say("best", "tốt nhất"),
        // The targets themselves are in the list above the table (and in optimize.csv): here they would crowd out the numbers.
        "infeasible" when row.Verdict.IsOverloaded => lang.Say("overloaded", "quá tải"),
        "infeasible" => input.Targets.Count == 1 ? lang.Say("misses the target", "không đạt mục tiêu")
            : lang.Say($"misses {row.Verdict.MissedTargets.Count} of {input.Targets.Count} targets", $"không đạt {row.Verdict.MissedTargets.Count}/{input.Targets.Count} mục tiêu")
            + (row.Verdict.UndecidedTargets.Count > 0 ? lang.Say($", {row.Verdict.UndecidedTargets.Count} not decided", $", {row.Verdict.UndecidedTargets.Count} chưa kết luận") : ""),
        "feasible, screened out" => lang.Say("meets every target, screened out", "đạt mọi mục tiêu, bị loại khi sàng lọc"),
        _ => lang.Say("meets every target", "đạt mọi mục tiêu"),
    } + (row.Verdict.IsDecidedWithGuarantee ? "" : lang.Say(" (no guarantee)", " (không có bảo đảm)"));
}
