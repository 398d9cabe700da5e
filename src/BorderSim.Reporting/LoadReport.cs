using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// Overload in words: the capacity check printed before a run (demand against capacity per stage) and the
/// warning printed with the table when a direction is overloaded.
/// </summary>
public static class LoadReport
{
    /// <summary>
    /// The capacity check: one line per direction and stage with its demand and capacity per day (averaged
    /// over the run) and their ratio; "OVERLOADED" where demand reaches capacity.
    /// </summary>
    public static void WriteCapacityCheck(IReadOnlyList<StageLoad> loads, TextWriter writer, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(loads);
        ArgumentNullException.ThrowIfNull(writer);
        ReportLanguage lang = language ?? ReportLanguage.English;
        if (loads.Count == 0)
        {
            return;
        }

        writer.Write(lang.Say(
            "capacity check (trucks a day, averaged over the run: demand against what the stage serves in its open hours)\n",
            "kiểm tra năng lực (xe/ngày, trung bình cả kỳ: nhu cầu so với số xe khâu phục vụ được trong giờ mở cửa)\n"));
        int directionWidth = loads.Max(l => lang.Direction(l.Direction).Length);
        int stageWidth = loads.Max(l => lang.Stage(l.Stage).Length);
        foreach (StageLoad load in loads)
        {
            string line = string.Format(
                CultureInfo.InvariantCulture,
                lang.Say("  {0} {1}  demand {2,6}  capacity {3,6}  {4,5}{5}", "  {0} {1}  nhu cầu {2,6}  năng lực {3,6}  {4,5}{5}"),
                lang.Direction(load.Direction).PadRight(directionWidth),
                lang.Stage(load.Stage).PadRight(stageWidth),
                Trucks(load.DemandTrucksPerDay, lang),
                Trucks(load.CapacityTrucksPerDay, lang),
                Percent(load, lang),
                load.IsOverloaded ? lang.Say("  OVERLOADED", "  QUÁ TẢI") : "");
            writer.Write(line + "\n");
        }
    }

    /// <summary>Trucks a day, whole; a capacity without limit (no service time to wait for) in words, never "Infinity".</summary>
    private static string Trucks(double trucksPerDay, ReportLanguage lang) =>
        double.IsFinite(trucksPerDay) ? trucksPerDay.ToString("0", CultureInfo.InvariantCulture) : lang.Say("no limit", "không giới hạn");

    /// <summary>Demand as a share of capacity; a stage with no capacity in the run (closed throughout) in words, never "Infinity%".</summary>
    private static string Percent(StageLoad load, ReportLanguage lang) =>
        double.IsFinite(load.Ratio) ? (load.Ratio * 100).ToString("0", CultureInfo.InvariantCulture) + "%"
        : load.DemandTrucksPerDay > 0 ? lang.Say("no capacity in the run", "không có năng lực trong kỳ")
        : "-";

    /// <summary>One paragraph per overloaded direction: the word overloaded, the direction, why, the growth, and what it means for the means.</summary>
    public static IReadOnlyList<string> Warnings(ExperimentResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (language?.IsVietnamese == true)
        {
            // The report's sentence, which names the overloaded stage, its demand and capacity and the growth.
            return [.. Html.ReportText.OverloadWarnings(result, language), .. result.Precision is { IsMet: false } p ? [Html.ReportText.PrecisionWarning(p, language)] : Array.Empty<string>()];
        }

        var warnings = new List<string>();
        foreach (DirectionLoad load in result.DirectionLoads.Where(l => l.IsOverloaded))
        {
            // The growth is a reason when it is significant; otherwise it is still stated beside the capacity reason.
            string growth = load.Reasons.Any(r => r.StartsWith(OverloadCheck.GrowthReason, StringComparison.Ordinal))
                ? ""
                : double.IsNaN(load.GrowthTrucksPerDay)
                    ? "; backlog growth not measured (fewer than 3 whole days after the warm-up)"
                    : string.Format(CultureInfo.InvariantCulture, "; backlog growth {0} ± {1} trucks/day", SummaryTable.FormatNumber(load.GrowthTrucksPerDay), SummaryTable.FormatNumber(load.GrowthHalfWidth95));
            // Demand at or above capacity: the queue grows without bound. A growing backlog alone: it still grows
            // when the run ends (a surge or a closure may yet level off), so the run has no steady state either.
            bool beyondCapacity = load.Reasons.Any(r => !r.StartsWith(OverloadCheck.GrowthReason, StringComparison.Ordinal));
            string meaning = beyondCapacity
                ? "The queue grows without bound: no steady state"
                : "The backlog still grows when the run ends: no steady state within the run";
            warnings.Add(string.Format(
                CultureInfo.InvariantCulture,
                "OVERLOADED {0}: {1}{2}. {3}, so this direction's means depend on the run's length ({4} days).",
                load.Direction,
                string.Join("; ", load.Reasons),
                growth,
                meaning,
                result.Scenario.Days));
        }

        if (result.Precision is { IsMet: false } missed)
        {
            warnings.Add(PrecisionReport.Line(missed));
        }

        return warnings;
    }
}
