using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Reporting.Html;

namespace BorderSim.Cli;

/// <summary>
/// What optimize prints, in the language of <c>--lang</c>: the opening line (stderr); the configuration chosen, the
/// guarantee, every configuration by its objective and what ran (stdout). A configuration is named by its levers'
/// labels as the report names it (<see cref="DecisionText.Configuration"/>); the chosen one's scenario paths follow on
/// their own line, as --set takes them. English keeps the metric ids and the numbers as optimize.csv has them;
/// Vietnamese says the metrics' labels, with the decimal comma.
/// </summary>
internal static class OptimizeConsole
{
    /// <summary>The line on stderr before the first round.</summary>
    public static string Opening(OptimizeStudy study, IReadOnlyList<LeverSpec> levers, ReportLanguage lang, Func<string, MetricKey> keyOf)
    {
        string labels = string.Join(", ", levers.Select(l => lang.Say(l.Label)));
        int overloaded = study.Overloads.Count(o => o.Count > 0);
        string ruledOut = overloaded == 0 ? "" : lang.Say(
            FormattableString.Invariant($"; {overloaded} overloaded by the load check, ruled out before running: {study.OverloadedReplications} replications each, for the table"),
            $"; {overloaded} cấu hình quá tải theo kiểm tra tải, bị loại trước khi chạy: mỗi cấu hình {study.OverloadedReplications} lần lặp, để có số liệu trong bảng");
        return lang.IsVietnamese
            ? $"tối ưu: {study.Configs.Count} cấu hình của {labels}, dùng chung số ngẫu nhiên; {string.Join(", ", study.Targets.Select(t => TargetText(t, lang, keyOf)))}; cực tiểu hóa {Objective(study, lang, keyOf)}; mỗi cấu hình {study.FirstStage} lần lặp giai đoạn đầu, sau đó thêm 2 lần một, nhiều nhất {study.MaxReplications}{ruledOut}"
            : FormattableString.Invariant($"optimize: {study.Configs.Count} configurations of {labels} on common random numbers; {string.Join(", ", study.Targets)}; minimize {study.ObjectiveName}; {study.FirstStage} first-stage replications each, then 2 at a time up to {study.MaxReplications}{ruledOut}");
    }

    /// <summary>The answer, the guarantee, each configuration by its objective, and what ran.</summary>
    public static void Print(TextWriter writer, OptimizeStudy study, IReadOnlyList<LeverSpec> levers, SearchRunner runner, OptimizeCommand.OptimizeRequest request, Func<string, MetricKey> keyOf, ReportLanguage lang)
    {
        SequentialSelection selection = study.Selection;
        IReadOnlyList<SearchConfig> configs = study.Configs;
        string Named(int i) => DecisionText.Configuration(levers, study.Rows[i].Values, lang);
        writer.Write(selection.Best < 0
            ? lang.Say("best: none: no configuration meets every target\n", "phương án tốt nhất: không có: không cấu hình nào đạt mọi mục tiêu\n")
            : lang.Say("best: ", "phương án tốt nhất: ") + Named(selection.Best) + "\n"
                + lang.Say("  exact settings: ", "  thiết lập chính xác: ") + string.Join(" ", configs[selection.Best].Settings.Select(s => $"--set {s.Path}={s.Value}")) + "\n");
        writer.Write(Guarantee(study, request, selection, lang, keyOf) + "\n");
        foreach ((OptimizeRow row, int i) in study.Rows.Select((r, i) => (r, i)).OrderBy(p => p.r.Objective.Mean).ThenBy(p => p.i))
        {
            writer.Write(lang.IsVietnamese
                ? $"  {Named(i)}: {Status(row, study.Overloads[i], study.Targets, lang, keyOf)}; {Objective(study, lang, keyOf)} {ObjectiveValue(study, row, lang)}; {Measures(row, study.Targets, lang, keyOf)} ({row.Replications} lần lặp)\n"
                : FormattableString.Invariant($"  {Named(i)}: {Status(row, study.Overloads[i], study.Targets, lang, keyOf)}; {study.ObjectiveName} {row.Objective.Mean:G6}; {Measures(row, study.Targets, lang, keyOf)} ({row.Replications} replications)\n"));
        }

        string written = Path.Combine(request.OutputDirectory, OptimizeCsv.FileName);
        writer.Write(lang.Say(
            FormattableString.Invariant($"  {configs.Count} configurations in {study.Rounds} rounds ({runner.RunsRun} runs now, {runner.RunsResumed} resumed); wrote {written}\n"),
            $"  {configs.Count} cấu hình trong {study.Rounds} vòng ({runner.RunsRun} lần chạy mới, {runner.RunsResumed} lần chạy dùng lại); đã ghi {written}\n"));
    }

    private static string Guarantee(OptimizeStudy study, OptimizeCommand.OptimizeRequest request, SequentialSelection selection, ReportLanguage lang, Func<string, MetricKey> keyOf)
    {
        if (!lang.IsVietnamese)
        {
            string delta = selection.Indifference is { } d ? d.ToString("G4", CultureInfo.InvariantCulture) : "-";
            string selectionClause = request.Minimize is null
                ? $"the chosen one has the fewest {OptimizeCommand.ResourceObjective} of those found feasible (ties: the one listed first)"
                : $"the chosen one's {study.ObjectiveName} is within {delta} of the best feasible one's";
            return FormattableString.Invariant(
                $"  guarantee: with probability at least 95%, every configuration further than {request.Tolerance:P0} from a target is classified right and {selectionClause} (Batur-Kim feasibility, Kim-Nelson selection, common random numbers){(selection.IsSelectionGuaranteed ? "" : "; NOT reached: the replications ran out before a decision (see optimize.csv, decided_with_guarantee), so it was taken on the means")}");
        }

        string clause = request.Minimize is null
            ? "phương án chọn có ít bàn và làn nhất trong các phương án khả thi (bằng nhau: phương án liệt kê trước)"
            : $"{Objective(study, lang, keyOf)} của phương án chọn cách phương án khả thi tốt nhất không quá {(selection.Indifference is { } v ? lang.Number(v) : "–")}";
        string tolerance = lang.Percent(request.Tolerance).Replace(",0%", "%", StringComparison.Ordinal);
        return $"  bảo đảm: với xác suất ít nhất 95%, mọi cấu hình cách một mục tiêu hơn {tolerance} được phân loại đúng và {clause} (khả thi theo Batur-Kim, chọn theo Kim-Nelson, dùng chung số ngẫu nhiên){(selection.IsSelectionGuaranteed ? "" : "; CHƯA đạt: hết số lần lặp trước khi quyết định (xem optimize.csv, decided_with_guarantee), nên đã chọn theo giá trị trung bình")}";
    }

    /// <summary>What is minimized: the metric's label in Vietnamese, its id in English.</summary>
    private static string Objective(OptimizeStudy study, ReportLanguage lang, Func<string, MetricKey> keyOf) =>
        !lang.IsVietnamese ? study.ObjectiveName
        : study.ObjectiveName == OptimizeCommand.ResourceObjective ? "số bàn và làn"
        : lang.MetricLabel(keyOf(study.ObjectiveName));

    /// <summary>Booths and lanes are counted, so they print whole ("5", not "5,00"); a measured objective as a number.</summary>
    private static string ObjectiveValue(OptimizeStudy study, OptimizeRow row, ReportLanguage lang) =>
        study.ObjectiveName == OptimizeCommand.ResourceObjective ? lang.Whole(row.Objective.Mean) : lang.Number(row.Objective.Mean);

    private static string TargetText(Target target, ReportLanguage lang, Func<string, MetricKey> keyOf) => lang.IsVietnamese
        ? $"{lang.MetricLabel(keyOf(target.MetricId))} {(target.IsAtMost ? "≤" : "≥")} {lang.Number(target.Value)}"
        : target.ToString();

    /// <summary>A configuration's status as printed: why an infeasible one is.</summary>
    private static string Status(OptimizeRow row, IReadOnlyList<StageLoad> loads, IReadOnlyList<Target> targets, ReportLanguage lang, Func<string, MetricKey> keyOf)
    {
        string overloads = string.Join("; ", loads.Select(lang.Load));
        string Targets(IReadOnlyList<int> indices) => string.Join(lang.Say(" and ", " và "), indices.Select(j => TargetText(targets[j], lang, keyOf)));
        return row.Status switch
        {
            "infeasible" when row.Verdict.IsOverloaded => lang.Say(
                $"infeasible, overloaded ({overloads}): its queue grows without bound, whatever its mean in a finite run",
                $"không khả thi, quá tải ({overloads}): hàng đợi tăng không giới hạn, dù giá trị trung bình trong một kỳ mô phỏng hữu hạn là bao nhiêu"),
            "infeasible" => lang.Say("infeasible, misses ", "không khả thi, không đạt ") + Targets(row.Verdict.MissedTargets)
                + (row.Verdict.UndecidedTargets.Count > 0 ? lang.Say(" (not decided: ", " (chưa quyết định: ") + Targets(row.Verdict.UndecidedTargets) + ")" : ""),
            "best" => lang.Say("best", "tốt nhất"),
            "feasible" => lang.Say("feasible", "khả thi"),
            "feasible, screened out" => lang.Say("feasible, screened out", "khả thi, bị loại khi sàng lọc"),
            _ => row.Status,
        };
    }

    private static string Measures(OptimizeRow row, IReadOnlyList<Target> targets, ReportLanguage lang, Func<string, MetricKey> keyOf) => string.Join(", ", targets.Select((t, j) => lang.IsVietnamese
        ? $"{lang.MetricLabel(keyOf(t.MetricId))} {lang.Number(row.Targets[j].Mean)} ± {lang.Number(Half(row.Targets[j]))}"
        : FormattableString.Invariant($"{t.MetricId} {row.Targets[j].Mean:G4} ± {Half(row.Targets[j]):G3}")));

    private static double Half(SampleSummary s) => s.Count > 1 ? s.HalfWidth95 : double.NaN;
}
