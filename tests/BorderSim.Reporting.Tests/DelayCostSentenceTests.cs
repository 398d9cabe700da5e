using BorderSim.Model.Results;
using BorderSim.Reporting.Html;

namespace BorderSim.Reporting.Tests;

/// <summary>
/// The report's delay cost is the served trucks' waits at their value of delay: with a direction overloaded, its waits
/// grow with the run, and so does the cost. The sentence that gives the cost says so, as the direction's own sentence
/// says it of the waits; without an overload it says nothing of the kind.
/// </summary>
public class DelayCostSentenceTests
{
    private static ExperimentResult WithCost(ExperimentResult result) =>
        result with { Summary = [.. result.Summary, new MetricSummary(Metrics.DelayCostUsdPerDay.Key("all", "all"), 20, 36079, 900, 420, 34000, 38000)] };

    private static string CostSentence(ExperimentResult result, ReportLanguage lang) =>
        ReportText.Answer(WithCost(result), lang).Single(s => s.Contains("36", StringComparison.Ordinal) && (s.Contains("USD a day", StringComparison.Ordinal) || s.Contains("USD mỗi ngày", StringComparison.Ordinal)));

    [Test]
    public void With_a_direction_overloaded_the_cost_is_said_to_hold_for_the_runs_days_only()
    {
        var overloaded = SampleResults.Realistic(days: 10);
        Assert.Multiple(() =>
        {
            Assert.That(overloaded.DirectionLoads.Any(l => l.IsOverloaded), Is.True, "the sample's import side is overloaded");
            Assert.That(CostSentence(overloaded, ReportLanguage.English), Does.Contain("holds for these 10 days only"));
            Assert.That(CostSentence(overloaded, ReportLanguage.Vietnamese), Does.Contain("chỉ đúng cho 10 ngày này"));
        });
    }

    [Test]
    public void Without_an_overload_the_cost_carries_no_such_warning()
    {
        var stable = SampleResults.Realistic(days: 10);
        stable = stable with { DirectionLoads = [.. stable.DirectionLoads.Select(l => l with { IsOverloaded = false })] };
        Assert.That(CostSentence(stable, ReportLanguage.English), Does.Not.Contain("days only"));
    }
}
