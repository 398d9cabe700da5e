using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting.Html;

namespace BorderSim.Reporting;

/// <summary>
/// The answer of a run that starts with a backlog, one sentence per direction that has one: how many trucks waited at the
/// start, in how many replications they cleared within the run, after how many days (with the 95% interval), and how many
/// trucks were served a day while they lasted against the whole run's mean. The console and report.html say the same.
/// </summary>
public static class BacklogAnswer
{
    /// <summary>The trucks of <paramref name="direction"/>'s starting backlog, as the scenario gives them.</summary>
    public static int StartingTrucks(DirectionSpec direction)
    {
        ArgumentNullException.ThrowIfNull(direction);
        return direction.Backlog.Sum(b => b.Trucks);
    }

    /// <summary>Whether any direction of the scenario starts with trucks already waiting.</summary>
    public static bool HasStartingBacklog(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Directions.Any(d => StartingTrucks(d) > 0);
    }

    /// <summary>One sentence per direction with a starting backlog; none without one.</summary>
    public static IReadOnlyList<string> Sentences(ExperimentResult result, ReportLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lang);
        Dictionary<string, MetricSummary> m = ReportText.ById(result);
        var sentences = new List<string>();
        foreach (DirectionSpec direction in result.Scenario.Directions.Where(d => StartingTrucks(d) > 0))
        {
            string name = direction.Name;
            if (!m.TryGetValue(Metrics.BacklogCleared.Key(name).Id, out MetricSummary? cleared))
            {
                continue;
            }

            int runs = cleared.Replications;
            int clearedRuns = (int)Math.Round(cleared.Mean * runs);
            string trucks = lang.Whole(StartingTrucks(direction));
            string text;
            if (clearedRuns == 0)
            {
                text = lang.Say(
                    $"Starting backlog, {lang.Direction(name)}: the {trucks} trucks waiting at the start had not cleared at the end of the run's {result.Scenario.Days} days in any of the {runs} replications; the days to clear lie beyond the run (lengthen --days)",
                    $"Xe tồn ban đầu, chiều {lang.Direction(name)}: {trucks} xe chờ lúc bắt đầu chưa được giải tỏa hết sau {result.Scenario.Days} ngày mô phỏng ở cả {runs} lần lặp; số ngày giải tỏa vượt quá kỳ mô phỏng (tăng --days)");
            }
            else
            {
                m.TryGetValue(Metrics.DaysToClear.Key(name).Id, out MetricSummary? days);
                double mean = days?.Mean ?? double.NaN, half = days?.HalfWidth95 ?? double.NaN;
                string interval = ReportText.Interval(mean, half, lang);
                string others = clearedRuns < runs
                    ? lang.Say(
                        $"; in the other {runs - clearedRuns} it had not cleared after {result.Scenario.Days} days, so the mean over all replications is longer (lengthen --days)",
                        $"; ở {runs - clearedRuns} lần lặp còn lại chưa giải tỏa hết sau {result.Scenario.Days} ngày, nên trung bình thực sự dài hơn (tăng --days)")
                    : "";
                text = lang.Say(
                    $"Starting backlog, {lang.Direction(name)}: the {trucks} trucks waiting at the start cleared within the run in {clearedRuns} of {runs} replications, {lang.Number(mean)} days after the start on average ({interval}; the first moment no truck waits){others}",
                    $"Xe tồn ban đầu, chiều {lang.Direction(name)}: {trucks} xe chờ lúc bắt đầu được giải tỏa trong kỳ ở {clearedRuns}/{runs} lần lặp, trung bình {lang.Number(mean)} ngày sau khi bắt đầu ({interval}; lúc đầu tiên không còn xe chờ){others}");
            }

            if (m.TryGetValue(Metrics.ServedPerDayWhileBacklog.Key(name).Id, out MetricSummary? pace) && m.TryGetValue(Metrics.ServedPerDay.Key(name, "all").Id, out MetricSummary? whole))
            {
                text += lang.Say(
                    $". While it lasted, {lang.Whole(pace.Mean)} trucks were served a day ({ReportText.Interval(pace.Mean, pace.HalfWidth95, lang)}), against {lang.Whole(whole.Mean)} a day over the whole run",
                    $". Trong thời gian còn xe tồn, mỗi ngày thông quan {lang.Whole(pace.Mean)} xe ({ReportText.Interval(pace.Mean, pace.HalfWidth95, lang)}), so với {lang.Whole(whole.Mean)} xe/ngày tính cả kỳ");
            }

            sentences.Add(text + ".");
        }

        return sentences;
    }
}
