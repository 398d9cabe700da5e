using BorderSim.Reporting.Html;

namespace BorderSim.Reporting.Tests;

/// <summary>The batch report's answer names the swept values each run's own overload flag marks, whichever way the sweep goes.</summary>
public class BatchAnswerTests
{
    private const string Quota = "directions.export.stages.logistics_park.release_quota_per_day";
    private const string Demand = "directions.inbound.arrivals.trucks_per_day";

    /// <summary>One run per swept value, its export overload flag (share of replications overloaded) as given; import never overloaded.</summary>
    private static BatchReportInput Sweep(params (string Value, double ExportOverloaded)[] runs) => new(
        [Quota],
        [.. runs.Select((r, i) => new BatchRunResult(
            new BatchRun(i + 1, $"k{i}", "durian.yaml", "durian", "sha", 1, 2, 3, [r.Value]),
            new Dictionary<string, BatchValue>
            {
                ["overloaded/export"] = new(r.ExportOverloaded, 0, ""),
                ["overloaded/import"] = new(0, 0, ""),
                ["served_per_day/export/all"] = new(200 + (10 * i), 1, "trucks/day"),
            }))],
        [],
        [],
        new ReportProvenance("0", [], [], 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));

    [Test]
    public void A_quota_sweep_that_adds_capacity_names_exactly_the_overloaded_values_in_both_languages()
    {
        // issue 21: a release quota of 250, 300, 350 a day, overloaded at 250 and 300 only (overload falls as the quota rises).
        BatchReportInput input = Sweep(("250", 1), ("300", 0.9), ("350", 0));
        string english = BatchReport.Answer(input, ReportLanguage.English).Single();
        string vietnamese = BatchReport.Answer(input, ReportLanguage.Vietnamese).Single();
        Assert.Multiple(() =>
        {
            Assert.That(english, Does.Contain(" The export side is overloaded at 250 and 300, not at 350."));
            Assert.That(english, Does.Contain(" The import side is not overloaded at any of these values."));
            Assert.That(english, Does.Not.Contain("from 250 on"));
            Assert.That(vietnamese, Does.Contain(" Chiều xuất khẩu quá tải ở 250 và 300, không quá tải ở 350."));
            Assert.That(vietnamese, Does.Not.Contain("trở lên"));
        });
    }

    [Test]
    public void A_demand_sweep_names_the_overloaded_values_too_and_a_run_overloaded_in_under_half_its_replications_is_not()
    {
        BatchReportInput rising = Sweep(("200", 0), ("260", 0.4), ("320", 0.5), ("380", 1));
        BatchReportInput all = Sweep(("200", 1), ("260", 1));
        Assert.Multiple(() =>
        {
            Assert.That(BatchReport.Answer(rising, ReportLanguage.English).Single(), Does.Contain(" The export side is overloaded at 320 and 380, not at 200 or 260."));
            Assert.That(BatchReport.Answer(all, ReportLanguage.English).Single(), Does.Contain(" The export side is overloaded at every one of these values."));
            Assert.That(BatchReport.Answer(all, ReportLanguage.Vietnamese).Single(), Does.Contain(" Chiều xuất khẩu quá tải ở mọi giá trị này."));
        });
    }

    [Test]
    public void A_direction_the_glossary_already_calls_a_side_is_not_called_a_side_twice_in_vietnamese()
    {
        // "inbound" is "chiều vào" in the glossary: the sentence once said "Chiều chiều vào không quá tải …".
        BatchRunResult Run(int run, string value, double overloaded) => new(
            new BatchRun(run, $"k{run}", "mmc.yaml", "mmc", "sha", 1, 3, 3, [value]),
            new Dictionary<string, BatchValue> { ["overloaded/inbound"] = new(overloaded, 0, ""), ["served_per_day/inbound/all"] = new(400, 1, "trucks/day") });
        ReportProvenance provenance = new("0", [], [], 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var calm = new BatchReportInput([Demand], [Run(1, "400", 0), Run(2, "500", 0)], [], [], provenance);
        var mixed = new BatchReportInput([Demand], [Run(1, "400", 0), Run(2, "700", 1)], [], [], provenance);
        Assert.Multiple(() =>
        {
            Assert.That(BatchReport.Answer(calm, ReportLanguage.Vietnamese).Single(), Does.Contain(" Chiều vào không quá tải ở mọi giá trị này."));
            Assert.That(BatchReport.Answer(mixed, ReportLanguage.Vietnamese).Single(), Does.Contain(" Chiều vào quá tải ở 700, không quá tải ở 400."));
            Assert.That(BatchReport.Answer(calm, ReportLanguage.English).Single(), Does.Contain(" The inbound side is not overloaded at any of these values."));
        });
    }

    [Test]
    public void A_batch_without_a_sweep_has_no_sweep_plot_and_asks_how_its_scenarios_compare()
    {
        // Two files, no --sweep: nothing to plot against, so no plot, and the page still opens with its question and answer.
        BatchRunResult Run(int run, string file) => new(
            new BatchRun(run, $"k{run}", file, file, "sha", 1, 2, 2, []),
            new Dictionary<string, BatchValue> { ["served_per_day/export/all"] = new(200, 1, "trucks/day"), ["overloaded/export"] = new(0, 0, "") });
        var input = new BatchReportInput(
            [],
            [Run(1, "a.yaml"), Run(2, "b.yaml")],
            [],
            [new ScenarioSource("a.yaml", "sha", "", []), new ScenarioSource("b.yaml", "sha", "", [])],
            new ReportProvenance("0", [], [], 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        string html = BatchReport.Build(input, BatchReport.SweepPlots(input, ReportLanguage.English), ReportLanguage.English);
        Assert.Multiple(() =>
        {
            Assert.That(BatchReport.SweepPlots(input, ReportLanguage.Vietnamese), Is.Empty);
            Assert.That(html, Does.Contain("<h1>How do the 2 scenarios compare?</h1>"));
            Assert.That(html, Does.Contain("Answer: 2 runs finished; the table below has each run&#39;s key measures."));
        });
    }
}
