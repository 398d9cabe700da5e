using BorderSim.Model.Spec;

namespace BorderSim.Scenarios.Tests;

/// <summary>return_empty_via over part of the other direction: { direction, from, to } (issue 25, item 6).</summary>
public class EmptyReturnReaderTests
{
    private const string BothWays = """
        name: both ways
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 2
        roads:
          freight_road: { lanes: { export: 2, import: 2 }, crossing: fixed(1.5min) }
        classes:
          general: { share: 1 }
        directions:
          export:
            arrivals: { trucks_per_day: 100 }
            stages:
              - yard: { name: vn_yard }
              - road: freight_road
              - check: { name: cn_inspection, servers: 2, service: exp(10min) }
              - yard: { name: cn_yard, dwell: fixed(2h), return_empty_via: import }
          import:
            arrivals: { trucks_per_day: 100 }
            stages:
              - road: freight_road
              - check: { name: vn_import_customs, servers: 2, service: exp(10min) }
              - yard: { name: vn_delivery, dwell: fixed(2h), return_empty_via: RETURN }
        """;

    private static ScenarioLoadResult Read(string returnVia) =>
        ScenarioReader.Read(new StringReader(BothWays.Replace("RETURN", returnVia, StringComparison.Ordinal)), "test.yaml");

    [Test]
    public void Empties_over_part_of_the_other_direction_keep_their_entry_and_exit_and_close_no_cycle()
    {
        var result = Read("{ direction: export, from: freight_road, to: cn_inspection }");

        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty, "leaving before cn_yard, the empties never return again");
        var yard = (YardStageSpec)result.Scenario!.Directions.Single(d => d.Name == "import").Stages[^1];
        Assert.Multiple(() =>
        {
            Assert.That(yard.ReturnEmptyVia, Is.EqualTo("export"));
            Assert.That(yard.ReturnEmptyFrom, Is.EqualTo("freight_road"));
            Assert.That(yard.ReturnEmptyTo, Is.EqualTo("cn_inspection"));
        });
    }

    [TestCase("{ direction: export, from: freight_road }", "empty trucks would circulate for ever")]
    [TestCase("export", "empty trucks would circulate for ever")]
    [TestCase("{ direction: export, from: freight_road, to: cn_yard }", "empty trucks would circulate for ever")]
    [TestCase("{ direction: export, to: vn_customs }", "test.yaml:22:97: directions.import.stages[2].yard.return_empty_via.to: 'vn_customs' is not a stage of direction 'export'")]
    [TestCase("{ direction: export, from: cn_inspection, to: freight_road }", "empty trucks would leave 'export' at 'freight_road' before they join it at 'cn_inspection'")]
    [TestCase("{ direction: export, via: freight_road }", "via")]
    [TestCase("{ from: freight_road }", "direction")]
    public void A_return_over_the_whole_route_or_to_its_last_stage_still_closes_the_cycle_and_bad_stages_are_named(string returnVia, string expected)
    {
        var result = Read(returnVia);

        Assert.That(result.Errors.Select(e => e.ToString()), Has.Some.Contains(expected));
    }

    [TestCase("{ direction: export, from: freight_road, to: cn_inspection, share: 0.25 }", 0.25)]
    [TestCase("{ direction: export, from: freight_road, to: cn_inspection, share: 0 }", 0.0)]
    [TestCase("{ direction: export, from: freight_road, to: cn_inspection }", 1.0)]
    public void A_share_of_the_trucks_returns_empty_and_all_do_when_none_is_given(string returnVia, double share)
    {
        var result = Read(returnVia);

        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        var yard = (YardStageSpec)result.Scenario!.Directions.Single(d => d.Name == "import").Stages[^1];
        Assert.That(yard.ReturnEmptyShare, Is.EqualTo(share));
    }

    [TestCase("1.5", "test.yaml:22:139: directions.import.stages[2].yard.return_empty_via.share: must be at most 1, found 1.5")]
    [TestCase("-0.1", "test.yaml:22:139: directions.import.stages[2].yard.return_empty_via.share: must be at least 0, found -0.1")]
    [TestCase("half", "test.yaml:22:139: directions.import.stages[2].yard.return_empty_via.share:")]
    public void A_share_outside_zero_to_one_is_refused_at_its_place(string share, string expected)
    {
        var result = Read("{ direction: export, from: freight_road, to: cn_inspection, share: " + share + " }");

        Assert.That(result.Errors.Select(e => e.ToString()), Has.Some.StartsWith(expected));
    }
}
