using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

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

    /// <summary>The scenario's name, without the --set list (that goes under "Changes from the scenario").</summary>
    public string ScenarioName { get; init; } = ScenarioLabel;

    /// <summary>The levers varied, one per path in <see cref="Paths"/>' order (empty: labelled with the paths).</summary>
    public IReadOnlyList<LeverSpec> Levers { get; init; } = [];

    /// <summary>The --set overrides, with their levers' labels and the file's values.</summary>
    public IReadOnlyList<SettingChange> Changes { get; init; } = [];

    /// <summary>Replications of a configuration the load check found overloaded (ruled out before it ran); the first stage unless fewer.</summary>
    public int OverloadedReplications { get; init; } = FirstStage;
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
        ReportPage page = DecisionText.Open(Question(input, lang), input.Changes, [Lead(input, lang)], AnswerTable(input, lang), lang);
        DecisionText.WriteWarnings(page, OptimizeWarnings.Of(input, lang), lang.Say(
            "No warnings: a configuration meets every target, every decision was taken with the guarantee, and no configuration is overloaded.",
            "Không có cảnh báo: có phương án đạt mọi mục tiêu, mọi quyết định đều có bảo đảm thống kê, và không phương án nào quá tải."));

        page.Heading(2, lang.Say("The answer in full", "Kết luận chi tiết"));
        foreach (string sentence in Answer(input, lang))
        {
            page.Paragraph(sentence);
        }

        WriteFoldedList(page, [.. RunnersUp(input, lang)], lang.Say("Runners-up (meet every target)", "Các phương án kế tiếp (đạt mọi mục tiêu)"));
        WriteFoldedList(page, [.. Infeasible(input, lang)], lang.Say("Configurations that miss a target", "Các phương án không đạt mục tiêu"));
        if (plot is not null)
        {
            page.Heading(2, lang.Say("Each target per configuration", "Từng mục tiêu theo phương án"));
            page.Figure(plot, lang.Say(
                "One panel per target: its metric per configuration, the mean over its replications with its 95% confidence interval; the target dashed. Green: meets every target (the largest dot is the one chosen); red: misses a target; a triangle at the top: above the scale (its value is in the table below).",
                "Mỗi mục tiêu một khung: chỉ tiêu theo từng phương án, trung bình các lần lặp và khoảng tin cậy 95%; mục tiêu là nét đứt. Xanh: đạt mọi mục tiêu (chấm lớn nhất là phương án chọn); đỏ: không đạt; tam giác ở trên cùng: vượt thang đo (giá trị ở bảng dưới)."));
        }

        WriteConfigurationTable(page, input, lang);
        DecisionText.WriteExactSettings(page, Levers(input), [.. input.Rows.Select(r => r.Values)], input.Source.Overrides);
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

    /// <summary>The levers varied, one per path: the scenario's, or labelled with the path itself.</summary>
    public static IReadOnlyList<LeverSpec> Levers(OptimizeReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return DecisionText.LeversOf(input.Levers, input.Paths);
    }

    /// <summary>What was asked, in labels: "NAME: which import lanes and VN gate hours meet the targets with the fewest servers and lanes?"</summary>
    public static string Question(OptimizeReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        string[] labels = [.. Levers(input).Select(l => lang.Say(l.Label))];
        string joined = labels.Length <= 1 ? string.Concat(labels) : string.Join(", ", labels[..^1]) + lang.Say(" and ", " và ") + labels[^1];
        string cheapest = input.ObjectiveKey is null
            ? lang.Say(" with the fewest servers and lanes", " với ít bàn và làn nhất")
            : lang.Say($" with the smallest {ObjectiveName(input, lang, unit: false)}", $" với {ObjectiveName(input, lang, unit: false)} nhỏ nhất");
        string targets = input.Targets.Count == 1 ? lang.Say("the target", "mục tiêu") : lang.Say($"the {input.Targets.Count} targets", $"{input.Targets.Count} mục tiêu");
        return lang.Say(
            $"{input.ScenarioName}: which {joined} meet {targets}{cheapest}?",
            $"{input.ScenarioName}: chọn {joined} thế nào để đạt {targets}{cheapest}?");
    }

    /// <summary>The answer in one or two sentences, in labels.</summary>
    public static string Lead(OptimizeReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        int feasible = input.Rows.Count(r => r.Status != "infeasible");
        if (input.Best < 0)
        {
            int overloaded = input.Rows.Count(r => r.Verdict.IsOverloaded);
            string sides = string.Join(lang.Say(" and ", " và "), input.Rows.SelectMany(r => r.OverloadedDirections).Distinct()
                .Select(d => lang.Say($"the {lang.Side(d)} side in {input.Rows.Count(r => r.OverloadedDirections.Contains(d))}", $"{lang.Side(d)} ở {input.Rows.Count(r => r.OverloadedDirections.Contains(d))} phương án")));
            string why = overloaded == 0 ? "" : lang.Say(
                $" {(overloaded == input.Rows.Count ? "Every one" : $"{overloaded} of them")} is overloaded ({sides}): a stage's demand reaches its capacity whatever the values searched, so its queue grows without end.",
                $" {(overloaded == input.Rows.Count ? "Tất cả" : $"{overloaded} phương án")} đều quá tải ({sides}): nhu cầu của một khâu đạt tới năng lực của khâu đó dù chọn giá trị nào trong số đã xét, nên hàng xe tăng mãi.");
            return lang.Say(
                $"Answer: none of the {input.Rows.Count} configurations searched meets every target.{why} Widen the values searched (or add the binding stage as a lever), or relax a target.",
                $"Kết luận: không phương án nào trong {input.Rows.Count} phương án đã xét đạt mọi mục tiêu.{why} Hãy mở rộng các giá trị cần xét (hoặc thêm khâu nghẽn làm tham số), hoặc nới mục tiêu.");
        }

        OptimizeRow best = input.Rows[input.Best];
        string caveat = input.IsSelectionGuaranteed && best.Verdict.IsDecidedWithGuarantee ? "" : lang.Say(
            " The statistical guarantee was not reached: see below before quoting it.",
            " Chưa đạt bảo đảm thống kê: xem lưu ý bên dưới trước khi trích dẫn.");
        return lang.Say(
            $"Answer: {Named(input, input.Best, lang)}. It meets every target with the smallest {ObjectiveName(input, lang, unit: false)} ({ObjectiveValue(best, input, lang)}); {feasible} of the {input.Rows.Count} configurations searched meet every target.{caveat}",
            $"Kết luận: {Named(input, input.Best, lang)}. Phương án này đạt mọi mục tiêu với {ObjectiveName(input, lang, unit: false)} nhỏ nhất ({ObjectiveValue(best, input, lang)}); {feasible}/{input.Rows.Count} phương án đã xét đạt mọi mục tiêu.{caveat}");
    }

    /// <summary>The small table under the answer: each setting in the scenario and in the answer, each target and what the answer achieves.</summary>
    private static AnswerTable AnswerTable(OptimizeReportInput input, ReportLanguage lang)
    {
        IReadOnlyList<LeverSpec> levers = Levers(input);
        OptimizeRow? best = input.Best >= 0 ? input.Rows[input.Best] : null;
        var rows = new List<IReadOnlyList<string>>();
        rows.AddRange(levers.Select((l, k) => (IReadOnlyList<string>)
        [
            lang.Say(l.Label),
            DecisionText.Value(l, l.Value, lang),
            best is null ? string.Join(", ", input.Rows.Select(r => r.Values[k]).Distinct().Select(v => DecisionText.Value(l with { Unit = null }, v, lang))) : DecisionText.Value(l, best.Values[k], lang),
        ]));
        rows.Add([lang.Say("§Targets", "§Mục tiêu")]);
        rows.AddRange(input.Targets.Select((t, j) => (IReadOnlyList<string>)
        [
            lang.MetricLabel(input.TargetKeys[j]),
            $"{(t.IsAtMost ? "≤" : "≥")} {InvariantTicks.Format(t.Value, lang)}",
            best is null ? Range(input.Rows.Select(r => r.Targets[j].Mean), lang) + lang.Say($"; missed by {input.Rows.Count(r => r.Verdict.IsOverloaded || r.Verdict.MissedTargets.Contains(j))}", $"; {input.Rows.Count(r => r.Verdict.IsOverloaded || r.Verdict.MissedTargets.Contains(j))} không đạt")
                : $"{lang.Number(best.Targets[j].Mean)} ({ReportText.Interval(best.Targets[j].Mean, best.Targets[j].Count > 1 ? best.Targets[j].HalfWidth95 : double.NaN, lang)})",
        ]));

        return new AnswerTable(
            ["", lang.Say("scenario / required", "kịch bản / yêu cầu"), best is null ? lang.Say("values searched / reached", "các giá trị đã xét / đạt được") : lang.Say("answer", "kết luận")],
            rows);
    }

    /// <summary>"from 41.1 to 63.2": the lowest and highest of the configurations' means.</summary>
    private static string Range(IEnumerable<double> means, ReportLanguage lang)
    {
        double[] finite = [.. means.Where(double.IsFinite)];
        return finite.Length == 0 ? "–" : lang.Say($"from {lang.Number(finite.Min())} to {lang.Number(finite.Max())}", $"từ {lang.Number(finite.Min())} đến {lang.Number(finite.Max())}");
    }

    /// <summary>A list under a heading; more than five items are folded under their count.</summary>
    private static void WriteFoldedList(ReportPage page, IReadOnlyList<string> items, string heading)
    {
        if (items.Count == 0)
        {
            return;
        }

        page.Heading(3, heading);
        if (items.Count <= 5)
        {
            page.List(items);
            return;
        }

        page.BeginDetails(page.Language.Say($"{items.Count} configurations (show)", $"{items.Count} phương án (mở)")).List(items).EndDetails();
    }

    /// <summary>Every configuration, numbered as in optimize.png, its settings under their labels, its verdict and its measures.</summary>
    private static void WriteConfigurationTable(ReportPage page, OptimizeReportInput input, ReportLanguage lang)
    {
        IReadOnlyList<LeverSpec> levers = Levers(input);
        page.Heading(2, lang.Say("Every configuration", "Tất cả các phương án"));
        page.Table(
            ["#", .. levers.Select(l => lang.Say(l.Label) + (l.Unit is { } u ? $" ({lang.Say(u)})" : "")), lang.Say("verdict", "kết luận"), lang.Say("replications", "số lần lặp"), ObjectiveName(input, lang), .. input.TargetKeys.Select(lang.MetricLabel)],
            input.Rows.Select((r, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(CultureInfo.InvariantCulture),
                .. r.Values.Select((v, k) => DecisionText.Value(levers[k] with { Unit = null }, v, lang)),
                Status(r, input, lang),
                r.Replications.ToString(CultureInfo.InvariantCulture),
                ObjectiveValue(r, input, lang),
                .. r.Targets.Select(t => WithHalfWidth(t, lang)),
            ]),
            i => i == input.Best ? "key" : input.Rows[i].Status == "infeasible" ? "bad" : null,
            lang.Say(
                "Mean over each configuration's replications ± the half-width of its 95% confidence interval; the chosen one in bold, infeasible ones in red; numbered as in optimize.png. optimize.csv has the same rows.",
                "Trung bình các lần lặp của mỗi phương án ± nửa độ rộng khoảng tin cậy 95%; phương án chọn in đậm, phương án không đạt tô đỏ; đánh số như trong optimize.png. optimize.csv có cùng các dòng này."),
            textColumns: levers.Count + 2);
    }

    /// <summary>A configuration in the page's language, by its levers' labels.</summary>
    internal static string Named(OptimizeReportInput input, int row, ReportLanguage lang) =>
        DecisionText.Configuration(Levers(input), input.Rows[row].Values, lang);

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
                $"Best: {Named(input, input.Best, lang)}. It meets every target — {achieved} — with the smallest {ObjectiveName(input, lang, unit: false)} of those that do: {ObjectiveValue(best, input, lang)}.",
                $"Phương án tốt nhất: {Named(input, input.Best, lang)}. Phương án này đạt mọi mục tiêu — {achieved} — với {ObjectiveName(input, lang, unit: false)} nhỏ nhất trong các phương án đạt: {ObjectiveValue(best, input, lang)}."));
        }
        else
        {
            sentences.Add(lang.Say(
                $"None of the {input.Rows.Count} configurations meets every target.",
                $"Không phương án nào trong {input.Rows.Count} phương án đạt mọi mục tiêu."));
        }

        string zones = string.Join(", ", input.Targets.Select((t, j) => $"{InvariantTicks.Format(input.ToleranceShare * Math.Abs(t.Value), lang)}{UnitOf(input.TargetKeys[j], lang)} {lang.Say("for", "với")} {lang.MetricLabel(input.TargetKeys[j] with { Unit = "" })}"));
        string selection = input.ObjectiveKey is null
            ? lang.Say(
                "the chosen one has the fewest servers and lanes of those found feasible (a count, without noise; ties go to the one listed first)",
                "phương án chọn có ít bàn kiểm tra và làn nhất trong các phương án khả thi (là số đếm, không có sai số ngẫu nhiên; bằng nhau thì chọn phương án liệt kê trước)")
            : lang.Say(
                $"the chosen one's {ObjectiveName(input, lang, unit: false)} is within δ = {(input.Indifference is { } d ? d.ToString("G4", lang.Numbers) : "–")} of the best feasible one's (the indifference zone: configurations closer than δ count as equally good)",
                $"{ObjectiveName(input, lang, unit: false)} của phương án chọn cách phương án khả thi tốt nhất không quá δ = {(input.Indifference is { } d2 ? d2.ToString("G4", lang.Numbers) : "–")} (vùng không phân biệt: các phương án chênh nhau dưới δ được coi là tốt như nhau)");
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
                $"{Named(input, i, lang)}: {ObjectiveName(input, lang)} {ObjectiveValue(row, input, lang)}; {string.Join("; ", input.Targets.Select((t, j) => Against(row, j, input, lang)))} ({why}).",
                $"{Named(input, i, lang)}: {ObjectiveName(input, lang)} {ObjectiveValue(row, input, lang)}; {string.Join("; ", input.Targets.Select((t, j) => Against(row, j, input, lang)))} ({why}).");
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
                    $"{Named(input, i, lang)} is overloaded: a stage's demand reaches its capacity, so it cannot meet any target in the long run, whatever its means in a run of {input.Days} days.",
                    $"{Named(input, i, lang)} quá tải: nhu cầu của một khâu đạt tới năng lực của khâu đó, nên về lâu dài không thể đạt mục tiêu nào, dù giá trị trung bình trong {input.Days} ngày mô phỏng ra sao.");
                continue;
            }

            string misses = string.Join("; ", row.Verdict.MissedTargets.Select(j => Against(row, j, input, lang)));
            string open = row.Verdict.UndecidedTargets.Count == 0 ? "" : lang.Say(
                $". Not decided, as it was ruled out first: {string.Join("; ", row.Verdict.UndecidedTargets.Select(j => Against(row, j, input, lang)))}",
                $". Chưa kết luận vì đã bị loại trước: {string.Join("; ", row.Verdict.UndecidedTargets.Select(j => Against(row, j, input, lang)))}");
            string met = string.Join("; ", Enumerable.Range(0, input.Targets.Count).Where(j => !row.Verdict.MissedTargets.Contains(j) && !row.Verdict.UndecidedTargets.Contains(j)).Select(j => Against(row, j, input, lang)));
            yield return lang.Say(
                $"{Named(input, i, lang)} misses {(row.Verdict.MissedTargets.Count == 1 ? "the target" : $"{row.Verdict.MissedTargets.Count} targets")}: {misses}{open}{(met.Length > 0 ? $". Meets: {met}" : "")}.",
                $"{Named(input, i, lang)} không đạt {row.Verdict.MissedTargets.Count} mục tiêu: {misses}{open}{(met.Length > 0 ? $". Đạt: {met}" : "")}.");
        }
    }

    private static IEnumerable<string> Caveats(OptimizeReportInput input, ReportLanguage lang)
    {
        yield return lang.Say(
            $"Every configuration ran the same replications (the same random streams: common random numbers), {input.FirstStage} first, then 2 at a time while a decision was open, up to {input.MaxReplications}; {input.Days} days each, {CapacityReport.WarmUp(input.WarmUpHours, lang)}.",
            $"Mọi phương án chạy cùng các lần lặp (cùng dãy số ngẫu nhiên), {input.FirstStage} lần đầu, sau đó thêm 2 lần một khi còn chưa quyết, tối đa {input.MaxReplications}; mỗi lần {input.Days} ngày, {CapacityReport.WarmUp(input.WarmUpHours, lang)}.");
        if (input.OverloadedReplications < input.FirstStage && input.Rows.Any(r => r.Verdict.IsOverloaded))
        {
            yield return lang.Say(
                $"A configuration the load check found overloaded was ruled out before it ran, so it ran {input.OverloadedReplications} replications only, for its values in the table (they grow with the run's length); --overloaded-replications sets how many.",
                $"Phương án quá tải theo kiểm tra tải đã bị loại trước khi chạy, nên chỉ chạy {input.OverloadedReplications} lần lặp để có giá trị trong bảng (các giá trị này tăng theo độ dài lần chạy); --overloaded-replications đặt số lần lặp này.");
        }
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

    private static string UnitOf(MetricKey key, ReportLanguage lang) => key.Unit.Length > 0 && key.Unit != "share" ? " " + lang.Unit(key.Unit) : "";

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
