using BorderSim.Model.Experiments;
using BorderSim.Reporting;

namespace BorderSim.Reporting.Html;

/// <summary>
/// What a reader of optimize's page must know before quoting its answer, by kind: a run shorter than a dated event,
/// no configuration feasible, a decision taken without the guarantee, configurations overloaded (ruled out, missing a
/// target, or meeting the targets only because the run is short), few first-stage replications.
/// </summary>
public static class OptimizeWarnings
{
    public static IReadOnlyList<ReportWarning> Of(OptimizeReportInput input, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        string horizon = lang.Say("The run ends before a dated event ends", "Kỳ mô phỏng kết thúc trước khi một sự kiện theo ngày kết thúc");
        var warnings = new List<ReportWarning>(HorizonText.Warnings(input.HorizonCuts, lang).Select(w => new ReportWarning(horizon, w)));
        if (input.Best < 0)
        {
            warnings.Add(new ReportWarning(lang.Say("No configuration meets every target", "Không phương án nào đạt mọi mục tiêu"), lang.Say(
                "No configuration meets every target: widen the values varied, or relax a target. Each configuration's misses are listed below.",
                "Không phương án nào đạt mọi mục tiêu: hãy mở rộng các giá trị thay đổi, hoặc nới một mục tiêu. Các mục tiêu không đạt của từng phương án được liệt kê bên dưới.")));
        }

        string[] unguaranteed = [.. input.Rows.Select((r, i) => (r, i)).Where(p => !p.r.Verdict.IsDecidedWithGuarantee).Select(p => OptimizeReport.Named(input, p.i, lang))];
        if (unguaranteed.Length > 0 || (input.Best >= 0 && !input.IsSelectionGuaranteed))
        {
            string which = unguaranteed.Length > 0 ? lang.Say($" (feasibility of {string.Join("; ", unguaranteed)})", $" (tính khả thi của {string.Join("; ", unguaranteed)})") : "";
            warnings.Add(new ReportWarning(lang.Say("Guarantee not reached", "Chưa đạt bảo đảm thống kê"), lang.Say(
                $"The guarantee was NOT reached{which}: the replications ran out at {input.MaxReplications} (--max-replications) before the test could decide, so the decision was taken on the means. Run again with more replications before quoting it.",
                $"CHƯA ĐẠT bảo đảm thống kê{which}: đã hết {input.MaxReplications} lần lặp (--max-replications) trước khi kiểm định kết luận được, nên quyết định dựa trên giá trị trung bình. Hãy chạy lại với nhiều lần lặp hơn trước khi trích dẫn.")));
        }

        warnings.AddRange(Overloaded(input, lang));
        if (input.FirstStage < 10)
        {
            warnings.Add(new ReportWarning(lang.Say("Few first-stage replications", "Ít lần lặp giai đoạn đầu"), lang.Say(
                $"Only {input.FirstStage} first-stage replications: with fewer than 10 the tests' regions are wide, so decisions take many replications or end undecided at --max-replications.",
                $"Chỉ có {input.FirstStage} lần lặp giai đoạn đầu: dưới 10 lần thì vùng kiểm định rộng, quyết định cần nhiều lần lặp hoặc kết thúc chưa quyết được ở --max-replications.")));
        }

        return warnings;
    }

    /// <summary>One warning per overloaded configuration, of three kinds; the kind's line says what they share, each item which one and where.</summary>
    private static IEnumerable<ReportWarning> Overloaded(OptimizeReportInput input, ReportLanguage lang)
    {
        foreach ((OptimizeRow row, int i) in input.Rows.Select((r, i) => (r, i)).Where(p => p.r.OverloadedDirections.Count > 0))
        {
            string name = OptimizeReport.Named(input, i, lang);
            string dirs = string.Join(", ", row.OverloadedDirections.Select(lang.Side));
            ReportWarning warning = row.Verdict.IsOverloaded
                ? new ReportWarning(
                    lang.Say(
                        $"Overloaded, so ruled out: a stage's demand reaches its capacity, the queue grows without a steady state and the waits with the run's length ({input.Days} days here)",
                        $"Quá tải nên bị loại: nhu cầu của một khâu đạt tới năng lực, hàng xe tăng mãi và thời gian chờ tăng theo độ dài kỳ mô phỏng ({input.Days} ngày)"),
                    lang.Say(
                        $"{name} is overloaded ({dirs}): a stage's demand reaches its capacity, so its queue grows without a steady state and its waits grow with the run's length ({input.Days} days here). It is ruled out whatever its means in this run.",
                        $"{name} quá tải ({dirs}): nhu cầu của một khâu đạt tới năng lực của khâu đó, hàng xe tăng mãi và thời gian chờ tăng theo độ dài kỳ mô phỏng ({input.Days} ngày). Phương án này bị loại dù giá trị trung bình trong lần chạy này ra sao."))
                : row.Status == "infeasible"
                ? new ReportWarning(
                    lang.Say(
                        $"Overloaded and missing a target, which a longer run would miss by more ({input.Days} days here)",
                        $"Quá tải và không đạt mục tiêu, chạy dài hơn càng không đạt ({input.Days} ngày)"),
                    lang.Say(
                        $"{name} is overloaded ({dirs}): its queue grows without a steady state, so its waits and queues grow with the run's length ({input.Days} days here); it misses a target at this length and would miss it by more in a longer run.",
                        $"{name} quá tải ({dirs}): hàng xe tăng mãi, thời gian chờ và hàng đợi tăng theo độ dài kỳ mô phỏng ({input.Days} ngày); phương án này không đạt mục tiêu ở độ dài này và càng không đạt khi chạy dài hơn."))
                : new ReportWarning(
                    lang.Say(
                        $"Overloaded yet meeting the targets only because the run is short ({input.Days} days): do not rely on them",
                        $"Quá tải nhưng vẫn đạt mục tiêu chỉ vì kỳ mô phỏng ngắn ({input.Days} ngày): đừng dựa vào"),
                    lang.Say(
                        $"{name} is overloaded ({dirs}) yet meets the targets: its waits and queues grow with the run's length ({input.Days} days here), so it meets them only because the run is this short. Do not rely on it; run longer (--days) or add a target on backlog_growth_trucks_per_day.",
                        $"{name} quá tải ({dirs}) nhưng vẫn đạt mục tiêu: thời gian chờ và hàng đợi tăng theo độ dài kỳ mô phỏng ({input.Days} ngày), nên chỉ đạt vì kỳ mô phỏng ngắn. Đừng dựa vào kết quả này; hãy chạy dài hơn (--days) hoặc thêm mục tiêu về backlog_growth_trucks_per_day."));
            yield return warning with { Item = $"{name} ({dirs})" };
        }
    }
}
