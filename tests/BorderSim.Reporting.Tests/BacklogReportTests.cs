using BorderSim.Engine.Randomness;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting.Html;
using NodaTime;

namespace BorderSim.Reporting.Tests;

/// <summary>
/// A run that starts with a backlog reads right: the answer says in how many replications it cleared and after how many
/// days, the warnings fit a run that starts full, and "What was simulated" lists the backlog, caps, priority, bans and
/// every dated change with its new value.
/// </summary>
public class BacklogReportTests
{
    private static readonly Dictionary<string, TrucksPerDayRange> NoClassCaps = [];

    private static ScenarioSpec Squeeze()
    {
        ScenarioSpec s = SampleResults.Scenario(days: 35, replications: 20);
        DirectionSpec export = s.Directions[0];
        var stages = export.Stages.ToList();
        stages[0] = ((YardStageSpec)stages[0]) with { Priority = ["fruit"] };
        stages[3] = ((CheckStageSpec)stages[3]) with { CapPerDay = new(new TrucksPerDayRange(200, 300), NoClassCaps), Priority = ["fruit"] };
        return s with
        {
            WarmUpHours = 0,
            Directions = [export with { Stages = stages, Backlog = [new BacklogSpec("vn_yard", "fruit", 270, new UniformDistribution(72, 120)), new BacklogSpec(null, "general", 1730, null)] }],
            Bans = [new BanSpec(new LocalDate(2026, 6, 8), null, "export", ["fruit"], BanAction.TurnAway, null, "new fruit stopped")],
            Advisories = [new AdvisorySpec(new LocalDate(2026, 6, 7), "export", ["fruit"], new WaitingReactionSpec(0.25), "acceptance to stop")],
            Changes =
            [
                new ScheduledChangeSpec(new LocalDate(2026, 6, 15), "cn_inspection", null, null, null, null, null, null, "squeeze tightens") { CapPerDay = new(new TrucksPerDayRange(100, 200), NoClassCaps) },
                new ScheduledChangeSpec(new LocalDate(2026, 6, 22), "cn_inspection", null, null, null, null, null, null, "squeeze ends") { CapPerDay = ClearanceCapSpec.None },
                new ScheduledChangeSpec(new LocalDate(2026, 6, 22), "cn_inspection", null, null, null, null, null, null, "") { Priority = [] },
            ],
        };
    }

    private static ExperimentResult Result(double clearedShare, int replications = 20)
    {
        MetricSummary M(string name, string unit, string direction, string cls, double mean, double hw) => new(new MetricKey(name, unit, direction, cls, ""), replications, mean, 0, hw, mean, mean);
        return new ExperimentResult(
            Squeeze(),
            WarmUpHours: 0,
            WarmUpMethod: "fixed",
            Summary:
            [
                M("served_per_day", "trucks/day", "export", "all", 182, 1.5),
                M("days_to_clear", "days", "export", "", 23.2, 0.347),
                M("backlog_cleared", "share", "export", "", clearedShare, 0.1),
                M("served_per_day_while_backlog", "trucks/day", "export", "", 221, 2.38),
            ],
            TimeSeries: [],
            ServedPerDay: [],
            WaitByClass: [],
            Replications: []);
    }

    [Test]
    public void The_answer_says_in_how_many_replications_the_backlog_cleared_after_how_many_days_and_at_what_pace()
    {
        string sentence = BacklogAnswer.Sentences(Result(1), ReportLanguage.English).Single();

        Assert.That(sentence, Is.EqualTo(
            "Starting backlog, export: the 2,000 trucks waiting at the start cleared within the run in 20 of 20 replications, 23.2 days after the start on average (95% CI 22.9 to 23.5; the first moment no truck waits). "
            + "While it lasted, 221 trucks were served a day (95% CI 219 to 223), against 182 a day over the whole run."));
        Assert.That(ReportText.Answer(Result(1), ReportLanguage.English), Does.Contain(sentence), "report.html's answer says the same");
    }

    [Test]
    public void A_backlog_that_cleared_in_some_replications_only_says_the_others_had_not_and_one_that_never_cleared_says_so()
    {
        string some = BacklogAnswer.Sentences(Result(0.75), ReportLanguage.English).Single();
        string none = BacklogAnswer.Sentences(Result(0), ReportLanguage.English).Single();

        Assert.That(some, Does.Contain("in 15 of 20 replications").And.Contain("in the other 5 it had not cleared after 35 days"));
        Assert.That(none, Does.Contain("had not cleared at the end of the run's 35 days in any of the 20 replications").And.Not.Contain("23.2"));
    }

    [Test]
    public void A_backlog_run_without_warm_up_is_not_told_the_crossing_starts_empty()
    {
        IReadOnlyList<string> warnings = ReportText.Warnings(Result(1), ReportLanguage.English);

        Assert.That(warnings, Has.None.Contains("still empty"));
        Assert.That(warnings, Has.One.Contains("starts with 2,000 trucks already waiting"));
    }

    [Test]
    public void What_was_simulated_lists_the_backlog_caps_priority_bans_and_each_change_with_its_new_value()
    {
        var page = new ReportPage("t", ReportLanguage.English);
        ScenarioSection.WriteWhatWasSimulated(page, Result(1), "What was simulated");
        string html = System.Net.WebUtility.HtmlDecode(page.Build());

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("export: 2,000 trucks already waiting at the start (starting backlog): 270 trucks of fruit at vn_yard (already waited uniform(72, 120) h); 1,730 trucks of general on the highway"));
            Assert.That(html, Does.Contain("export / vn_yard: fruit take a free place first (also the order of the highway queue)"));
            Assert.That(html, Does.Contain("export / cn_inspection: clearance cap at most 200-300 trucks a day (drawn each day)"));
            Assert.That(html, Does.Contain("export / cn_inspection: priority: fruit first"));
            Assert.That(html, Does.Contain("ban, export, from 8 Jun 2026 to the end of the run: fruit trucks turned away on arrival (new fruit stopped)"));
            Assert.That(html, Does.Contain("from 15 Jun 2026: cn_inspection: clearance cap at most 100-200 trucks a day (drawn each day) (squeeze tightens)"));
            Assert.That(html, Does.Contain("from 22 Jun 2026: cn_inspection: no clearance cap (squeeze ends)"));
            Assert.That(html, Does.Contain("from 22 Jun 2026: cn_inspection: no priority (first come, first served)"));
            Assert.That(html, Does.Contain("advisory, export, 7 Jun 2026: 25.0% of the fruit trucks in line leave (acceptance to stop)"));
        });
    }

    [Test]
    public void What_was_simulated_lists_an_advisory_in_vietnamese()
    {
        var page = new ReportPage("t", ReportLanguage.Vietnamese);
        ScenarioSection.WriteWhatWasSimulated(page, Result(1), "Những gì đã mô phỏng");
        string html = System.Net.WebUtility.HtmlDecode(page.Build());

        Assert.That(html, Does.Contain("khuyến cáo, chiều xuất khẩu, 07/06/2026: 25,0% số xe trái cây đang xếp hàng rời đi"));
    }
}
