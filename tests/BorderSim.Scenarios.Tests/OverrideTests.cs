using BorderSim.Model.Spec;

namespace BorderSim.Scenarios.Tests;

public class OverrideTests
{
    private static ScenarioLoadResult Read(params string[] sets) =>
        ScenarioReader.Read(new StringReader(ScenarioReaderTests.Sketch), "sketch.yaml", [.. sets.Select(ScenarioReader.ParseOverride)]);

    [Test]
    public void A_valid_override_changes_the_spec()
    {
        var result = Read("directions.export.arrivals.trucks_per_day=1500");
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Scenario!.Directions.Single(d => d.Name == "export").Arrivals.TrucksPerDay, Is.EqualTo(1500));
    }

    [Test]
    public void List_items_are_addressed_by_index_or_by_name()
    {
        var result = Read("directions.export.stages.1.check.servers=9", "directions.import.stages.vn_import_customs.servers=11");
        Assert.That(result.Errors, Is.Empty);
        var spec = result.Scenario!;
        Assert.That(((CheckStageSpec)spec.Directions[0].Stages[1]).Servers, Is.EqualTo(9));
        Assert.That(((CheckStageSpec)spec.Directions[1].Stages[2]).Servers, Is.EqualTo(11));
    }

    [Test]
    public void A_value_may_be_a_flow_mapping_or_a_distribution_call()
    {
        var result = Read("roads.freight_road_1119.lanes={ export: 2, import: 2 }", "roads.freight_road_1119.crossing=tri(1min, 2min, 6min)");
        Assert.That(result.Errors, Is.Empty);
        var road = result.Scenario!.Roads.Single();
        Assert.That(road.LanesByDirection, Is.EquivalentTo(new Dictionary<string, int> { ["export"] = 2, ["import"] = 2 }));
        Assert.That(road.CrossingHours.Mean, Is.EqualTo(3.0 / 60).Within(1e-12));
    }

    [Test]
    public void A_known_key_missing_from_the_file_can_be_added()
    {
        var result = Read("timeseries_step=5min");
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Scenario!.TimeseriesStepMinutes, Is.EqualTo(5).Within(1e-9));
    }

    [Test]
    public void An_unknown_path_errors_with_did_you_mean()
    {
        var result = Read("directions.exprt.arrivals.trucks_per_day=1500");
        Assert.That(result.IsValid, Is.False);
        var error = result.Errors.Single();
        Assert.That(error.ToString(), Is.EqualTo("--set:1:12: directions.exprt.arrivals.trucks_per_day: no key 'exprt' at 'directions' (did you mean 'export'?)"));
    }

    [Test]
    public void A_misspelt_last_key_is_caught_by_the_validation_of_its_mapping()
    {
        var result = Read("directions.export.arrivals.trucks_per_dy=1500");
        var error = result.Errors.Single();
        Assert.That(error.File, Is.EqualTo("--set"));
        Assert.That(error.Message, Is.EqualTo("unknown key 'trucks_per_dy'"));
        Assert.That(error.Hint, Is.EqualTo("did you mean 'trucks_per_day'?"));
    }

    [Test]
    public void An_overridden_value_is_validated_like_the_file_and_located_in_its_option()
    {
        var result = Read("seed=7", "directions.export.stages.vn_customs.servers=0");
        TestContext.Out.WriteLine(string.Join("\n", result.Errors));
        var error = result.Errors.Single();
        Assert.That(error.ToString(), Does.StartWith("--set:2:45: directions.export.stages[1].check.servers: must be at least 1, found 0"));
    }

    [Test]
    public void An_index_past_the_end_is_an_error()
    {
        var result = Read("directions.export.stages.7.check.servers=3");
        Assert.That(result.Errors.Single().Message, Is.EqualTo("'directions.export.stages' has 5 items; there is no item 7"));
        Assert.That(result.Errors.Single().Hint, Is.EqualTo("items are numbered 0 to 4; directions.export.stages.5=VALUE adds one"));
    }

    [Test]
    public void An_index_one_past_the_end_adds_an_item_to_the_list()
    {
        var result = Read("changes.4={ from: 2026-06-21, stage: cn_inspection, servers: 7 }");
        Assert.That(result.Errors, Is.Empty);
        var changes = result.Scenario!.Changes;
        Assert.That(changes, Has.Count.EqualTo(5));
        Assert.That(changes[^1], Is.EqualTo(new ScheduledChangeSpec(new NodaTime.LocalDate(2026, 6, 21), "cn_inspection", null, null, 7, null, null, null, "")));
    }

    [Test]
    public void Reserved_servers_on_a_check_a_road_and_a_dated_change_are_reachable_by_set()
    {
        var result = Read(
            "directions.export.stages.vn_customs.reserved={ fruit: 2 }",
            "directions.export.stages.vn_customs.reserved_only=true",
            "roads.freight_road_1119.reserved={ fruit: 1 }",
            "changes.4={ from: 2026-06-21, stage: vn_customs, reserved: { fruit: 3 } }");
        Assert.That(result.Errors, Is.Empty);
        var scenario = result.Scenario!;
        var customs = (CheckStageSpec)scenario.Directions.Single(d => d.Name == "export").Stages.Single(s => s.Name == "vn_customs");
        Assert.That(customs.Reserved, Is.EqualTo(new[] { new ReservedServers("fruit", 2) }));
        Assert.That(customs.ReservedOnly, Is.True);
        Assert.That(scenario.Roads.Single().Reserved, Is.EqualTo(new[] { new ReservedServers("fruit", 1) }));
        Assert.That(scenario.Changes[^1].Reserved, Is.EqualTo(new[] { new ReservedServers("fruit", 3) }));
    }

    [Test]
    public void A_reservation_set_beyond_the_servers_is_an_error_located_in_its_option()
    {
        var result = Read("directions.export.stages.vn_customs.reserved={ fruit: 7 }");
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Single().ToString(), Does.StartWith("--set:1:").And.Contains("7 kept for 'fruit' but check 'vn_customs' has 6 servers"));
    }

    [Test]
    public void A_dated_patience_change_is_reachable_by_set()
    {
        var result = Read("changes.4={ from: 2026-06-21, class: fruit, patience: exp(12h) }", "changes.5={ from: 2026-06-25, class: fruit, patience: none }");
        Assert.That(result.Errors, Is.Empty);
        var changes = result.Scenario!.Changes;
        Assert.That(changes[4].CargoClass, Is.EqualTo("fruit"));
        Assert.That(changes[4].Patience!.PatienceHours!.Mean, Is.EqualTo(12).Within(1e-12));
        Assert.That(changes[5].Patience, Is.EqualTo(new PatienceChangeSpec(null)), "none: fruit trucks no longer give up");
    }

    [Test]
    public void A_pool_and_its_use_on_a_stage_are_reachable_by_set()
    {
        var result = Read(
            "pools={ drivers: { units: 12, return: fixed(20min) } }",
            "directions.export.stages.cn_inspection.pool=drivers",
            "pools.drivers.units=14");
        Assert.That(result.Errors, Is.Empty);
        var scenario = result.Scenario!;
        Assert.That(scenario.Pools.Single(), Is.EqualTo(new PoolSpec("drivers", 14, null, new BorderSim.Engine.Randomness.Deterministic(20.0 / 60))));
        Assert.That(scenario.Directions.Single(d => d.Name == "export").Stages.Single(s => s.Name == "cn_inspection").Pool, Is.EqualTo(new PoolUseSpec("drivers", "cn_inspection")));
    }

    [Test]
    public void A_dated_change_of_a_pools_units_is_reachable_by_set()
    {
        var result = Read("pools={ drivers: { units: 12 } }", "directions.export.stages.cn_inspection.pool=drivers", "changes.4={ from: 2026-06-21, pool: drivers, units: 20 }");
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Scenario!.Changes[4], Is.EqualTo(new ScheduledChangeSpec(new NodaTime.LocalDate(2026, 6, 21), null, null, null, null, null, null, null, "") { Pool = "drivers", Units = 20 }));
    }

    [Test]
    public void A_ban_that_diverts_is_reachable_by_set()
    {
        var result = Read(
            "origins={ province: { arrivals: { trucks_per_day: 300 }, routing: { all: { shares: { export: 1 } }, fruit: { shares: { export: 0.5, import: 0.5 } } } } }",
            "bans=[ { from: 2026-06-10, direction: export, classes: [fruit], action: turn_away } ]",
            "bans.0.action=divert",
            "bans.0.to_route=import",
            "bans.0.divert_share=0.6");
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Scenario!.Bans.Single(), Is.EqualTo(new BanSpec(new NodaTime.LocalDate(2026, 6, 10), null, "export", ["fruit"], BanAction.Divert, null, "") { DivertTo = "import", DivertShare = 0.6 })
            .Using<BanSpec>((x, y) => x.Action == y.Action && x.DivertTo == y.DivertTo && x.DivertShare == y.DivertShare && x.Direction == y.Direction && x.Classes.SequenceEqual(y.Classes)));
    }

    [Test]
    public void A_ban_that_lets_a_share_through_is_read_and_reachable_by_set()
    {
        var result = Read("bans=[ { from: 2026-06-10, direction: export, classes: [fruit], action: turn_away, let_through: 0.3 } ]", "bans.0.let_through=0.25");
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Scenario!.Bans.Single().LetThrough, Is.EqualTo(0.25));
    }

    [Test]
    public void A_ban_without_let_through_lets_none_through()
    {
        var result = Read("bans=[ { from: 2026-06-10, direction: export, classes: [fruit], action: turn_away } ]");
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Scenario!.Bans.Single().LetThrough, Is.Zero);
    }

    [Test]
    public void The_waiting_share_of_a_ban_and_of_a_suspension_is_read_and_reachable_by_set_and_none_without_it()
    {
        var result = Read(
            "origins={ province: { arrivals: { trucks_per_day: 300 }, routing: { all: { shares: { export: 0.5, import: 0.5 } } }, suspensions: [ { route: export, from: 2026-06-05, to: 2026-06-08, waiting: { leave: 0.4 } } ] } }",
            "bans=[ { from: 2026-06-10, direction: export, classes: [fruit], action: turn_away, waiting: { leave: 0.3 } }, { from: 2026-06-12, direction: import, classes: [fruit], action: turn_away } ]",
            "bans.0.waiting.leave=0.25");
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Scenario!.Bans.Select(b => b.Waiting.Leave), Is.EqualTo(new[] { 0.25, 0 }));
        Assert.That(result.Scenario!.Origins.Single().Suspensions.Single().Waiting.Leave, Is.EqualTo(0.4));
    }

    [Test]
    public void The_move_share_of_a_suspension_is_read_and_reachable_by_set_and_none_without_it()
    {
        var result = Read(
            "origins={ province: { arrivals: { trucks_per_day: 300 }, routing: { all: { shares: { export: 0.5, import: 0.5 } } }, suspensions: [ { route: export, from: 2026-06-05, to: 2026-06-08, waiting: { leave: 0.4 } }, { route: import, from: 2026-06-09, to: 2026-06-10 } ] } }",
            "origins.province.suspensions.0.waiting.move=0.6");
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Scenario!.Origins.Single().Suspensions.Select(s => (s.Waiting.Leave, s.Waiting.Move)), Is.EqualTo(new[] { (0.4, 0.6), (0.0, 0.0) }));
    }

    [Test]
    public void An_unknown_item_name_is_an_error_with_did_you_mean()
    {
        var result = Read("directions.export.stages.vn_custom.servers=3");
        Assert.That(result.Errors.Single().Hint, Is.EqualTo("did you mean 'vn_customs'?"));
    }

    [Test]
    public void Stepping_into_a_single_value_is_an_error()
    {
        var result = Read("days.first=3");
        Assert.That(result.Errors.Single().Message, Is.EqualTo("'days' is a single value, so it has no 'first'"));
    }

    [Test]
    public void Same_text_and_overrides_give_the_same_hash_and_a_different_override_a_different_one()
    {
        var a = Read("seed=7");
        var b = Read("seed=7");
        var c = Read("seed=8");
        var none = Read();
        Assert.That(a.ContentSha256, Is.EqualTo(b.ContentSha256));
        Assert.That(a.ContentSha256, Is.Not.EqualTo(c.ContentSha256));
        Assert.That(a.ContentSha256, Is.Not.EqualTo(none.ContentSha256));
        Assert.That(a.ContentSha256, Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public void The_hash_of_a_file_without_overrides_is_the_SHA256_of_its_text()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ScenarioReaderTests.Sketch)));
        Assert.That(Read().ContentSha256, Is.EqualTo(expected));
    }

    [TestCase("no-equals-sign", "is not path=value")]
    [TestCase("=5", "is not a dotted path")]
    [TestCase("a..b=5", "is not a dotted path")]
    public void A_malformed_set_option_is_a_clear_format_error(string text, string message)
    {
        Assert.That(() => ScenarioReader.ParseOverride(text), Throws.TypeOf<FormatException>().With.Message.Contains(message).And.Message.StartsWith("--set:1:"));
        Assert.That(ScenarioReader.TryParseOverride(text, 3, out _, out var error), Is.False);
        Assert.That(error!.Line, Is.EqualTo(3));
    }

    [Test]
    public void The_value_is_everything_after_the_first_equals_sign()
    {
        Assert.That(ScenarioReader.ParseOverride("description=a=b"), Is.EqualTo(new ScenarioOverride("description", "a=b")));
    }
}
