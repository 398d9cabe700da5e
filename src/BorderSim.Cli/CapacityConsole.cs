using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Studies;

namespace BorderSim.Cli;

/// <summary>
/// What capacity prints, in the language of <c>--lang</c>: the opening line (stderr), the answer, what it means for
/// the scenario's own demand, what ran, and the warning when the target holds only transiently (stdout).
/// </summary>
internal static class CapacityConsole
{
    /// <summary>The target as the reader says it: the metric id in English (what --target takes), its label in Vietnamese.</summary>
    public static string TargetText(Target target, string metricLabel, ReportLanguage lang) => lang.IsVietnamese
        ? $"{metricLabel} {(target.IsAtMost ? "≤" : "≥")} {Decimal(target.Value, "0.###", lang)}"
        : target.ToString();

    /// <summary>The line on stderr before the first round; what is scaled by its levers' labels, as the report names it.</summary>
    public static string Opening(CapacityStudy study, IReadOnlyList<LeverSpec> scaled, string scenarioName, string target, ReportLanguage lang) => lang.Say(
        FormattableString.Invariant($"capacity: {target} on {scenarioName}; demand scaled through {string.Join(", ", scaled.Select(l => lang.Say(l.Label)))}; {study.Replications} replications per factor on common random numbers; the busiest stage is saturated at factor {study.SaturationFactor:G4}"),
        $"năng lực thông quan: {target} cho {scenarioName}; nhu cầu nhân qua {string.Join(", ", scaled.Select(l => lang.Say(l.Label)))}; {study.Replications} lần lặp mỗi hệ số, dùng chung số ngẫu nhiên; khâu bận nhất bão hòa ở hệ số {Decimal(study.SaturationFactor, "0.###", lang)}");

    /// <summary>"capacity: 497.7 trucks/day (95% CI 489.0–505.0)" / "năng lực thông quan: 497,7 xe/ngày (khoảng tin cậy 95%: 489,0–505,0)"; an end outside the factors tried is "below X" / "above X".</summary>
    public static string Answer(CapacityEstimate estimate, Func<TargetCrossing, double> demandAt, IReadOnlyList<CapacityPoint> points, ReportLanguage lang)
    {
        string Text(TargetCrossing c) => c.IsFound
            ? Decimal(demandAt(c), "F1", lang)
            : c.IsBelowRange
                ? lang.Say("below ", "dưới ") + Decimal(points.Min(p => p.DemandTrucksPerDay), "F1", lang)
                : lang.Say("above ", "trên ") + Decimal(points.Max(p => p.DemandTrucksPerDay), "F1", lang);
        string limit = !estimate.Point.IsStabilityLimit ? "" : lang.Say(
            "; the stability limit: above it a stage's demand reaches its capacity",
            "; đây là giới hạn ổn định: vượt mức này nhu cầu của một khâu đạt tới năng lực phục vụ của khâu đó");
        return lang.Say(
            $"capacity: {Text(estimate.Point)} trucks/day (95% CI {Text(estimate.Low)}–{Text(estimate.High)}){limit}",
            $"{lang.Say(Glossary.Capacity)}: {Text(estimate.Point)} {lang.Say(Glossary.TrucksPerDay)} ({lang.Say(Glossary.ConfidenceInterval)} 95%: {Text(estimate.Low)}–{Text(estimate.High)}){limit}");
    }

    /// <summary>
    /// "  the scenario's own demand, 600.0 trucks/day, is beyond this capacity: ..." when the whole interval lies below
    /// factor 1, or "... is at about this capacity ..." when it holds 1; null when the scenario is within its capacity.
    /// </summary>
    public static string? AsWritten(CapacityEstimate estimate, double asWrittenTrucksPerDay, ReportLanguage lang)
    {
        string FactorText(TargetCrossing c) => c.IsFound
            ? Decimal(c.Factor, "0.000", lang)
            : (c.IsBelowRange ? lang.Say("below ", "dưới ") : lang.Say("above ", "trên ")) + Decimal(c.Factor, "0.###", lang);
        string trucks = Decimal(asWrittenTrucksPerDay, "F1", lang);
        (string low, string high, string point) = (FactorText(estimate.Low), FactorText(estimate.High), FactorText(estimate.Point));
        return estimate.AsWritten switch
        {
            AsWrittenDemand.BeyondCapacity => lang.Say(
                $"  the scenario's own demand, {trucks} trucks/day, is beyond this capacity: the target is missed at it; it holds only up to factor {point} of that demand (95% CI {low}–{high})",
                $"  nhu cầu của chính kịch bản, {trucks} xe/ngày, vượt năng lực này: ở mức đó không đạt mục tiêu; mục tiêu chỉ đạt đến hệ số {point} của nhu cầu đó (khoảng tin cậy 95%: {low}–{high})"),
            AsWrittenDemand.AtAboutCapacity => lang.Say(
                $"  the scenario's own demand, {trucks} trucks/day, is at about this capacity (inside its 95% interval, factor {low}–{high} of that demand): the target may or may not hold at it; more replications (--replications) narrow the interval",
                $"  nhu cầu của chính kịch bản, {trucks} xe/ngày, xấp xỉ năng lực này (nằm trong khoảng tin cậy 95%, hệ số {low}–{high} của nhu cầu đó): ở mức đó mục tiêu có thể đạt hoặc không; thêm lần lặp (--replications) để thu hẹp khoảng"),
            _ => null,
        };
    }

    /// <summary>What ran and where it was written.</summary>
    public static string WhatRan(CapacityStudy study, string scenarioName, string target, SearchRunner runner, string written, ReportLanguage lang) => lang.Say(
        FormattableString.Invariant($"  {target} on {scenarioName}: {study.Points.Count} demand factors x {study.Replications} replications in {study.Rounds} rounds ({runner.RunsRun} runs now, {runner.RunsResumed} resumed); wrote {written}"),
        $"  {target} cho {scenarioName}: {study.Points.Count} hệ số nhu cầu x {study.Replications} lần lặp trong {study.Rounds} vòng ({runner.RunsRun} lần chạy mới, {runner.RunsResumed} lần chạy dùng lại); đã ghi {written}");

    /// <summary>The warning when the target is also met at overloaded demand, only for the run's days.</summary>
    public static string Transient(double demandTrucksPerDay, int days, ReportLanguage lang) => lang.Say(
        FormattableString.Invariant($"  not the answer: the target is also met at overloaded demand, up to {demandTrucksPerDay:F1} trucks/day, only for the {days} days of these runs (a stage's demand there reaches its capacity, so the queue grows without bound)"),
        $"  không phải kết luận: mục tiêu cũng đạt ở nhu cầu quá tải, đến {Decimal(demandTrucksPerDay, "F1", lang)} xe/ngày, nhưng chỉ trong {days} ngày của các lần chạy này (ở đó nhu cầu của một khâu đạt tới năng lực phục vụ, nên hàng đợi tăng không giới hạn)");

    /// <summary>A number in the language's decimal mark, in a fixed format (no thousands grouping, as the English line always was).</summary>
    private static string Decimal(double value, string format, ReportLanguage lang) =>
        value.ToString(format, lang.IsVietnamese ? lang.Numbers : CultureInfo.InvariantCulture);
}
