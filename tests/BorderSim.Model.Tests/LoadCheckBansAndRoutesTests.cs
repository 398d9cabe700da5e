using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>
/// The load check counts the trucks that reach a stage as the model admits them: a ban that turns trucks away or
/// holds them past the end of the run takes them off, a ban that diverts or a suspension moves them to the other route.
/// Every expected value is counted by hand from flat arrivals over a 6-day run (bans on 3 and 4 June: 2 days of 6).
/// </summary>
public class LoadCheckBansAndRoutesTests
{
    private static readonly CargoClassSpec[] Classes = [new("fruit", 0.5, null, 19, 6, null), SpecBuilder.General(0.5)];
    private static readonly Dictionary<string, double> Mix = new() { ["fruit"] = 0.5, ["general"] = 0.5 };
    private static readonly LocalDate June3 = new(2026, 6, 3);
    private static readonly LocalDate June4 = new(2026, 6, 4);

    private static StageLoad Load(ScenarioSpec scenario, string stage) => LoadCheck.For(new CrossingModel(scenario)).Single(l => l.Stage == stage);

    /// <summary>96 trucks a day, half fruit, at 4 booths of 15 minutes (384 a day).</summary>
    private static ScenarioSpec OneDirection(BanSpec ban) =>
        SpecBuilder.Scenario([new DirectionSpec("export", SpecBuilder.Flat(96, Mix), [SpecBuilder.Check("booth", 4, new ExponentialDistribution(0.25))])], days: 6, classes: Classes)
            with
        { Bans = [ban] };

    [Test]
    public void Trucks_a_ban_turns_away_do_not_load_the_gate_while_it_lasts()
    {
        // 48 fruit a day turned away on 2 of the 6 days: 96 − 48 × 2 / 6 = 80 a day.
        var ban = new BanSpec(June3, June4, "export", ["fruit"], BanAction.TurnAway, null, "");

        Assert.That(Load(OneDirection(ban), "booth").DemandTrucksPerDay, Is.EqualTo(80).Within(1e-9));
    }

    [Test]
    public void Trucks_held_at_their_origin_load_the_gate_when_the_ban_ends_and_not_at_all_when_it_outlasts_the_run()
    {
        // Held on 3-4 June: they arrive on 5 June, within the run: still 96 a day on average. Held from 3 June with no
        // end: the fruit of the last 4 days never arrive: 96 − 48 × 4 / 6 = 64 a day.
        var ending = new BanSpec(June3, June4, "export", ["fruit"], BanAction.HoldAtOrigin, null, "");
        var endless = new BanSpec(June3, null, "export", ["fruit"], BanAction.HoldAtOrigin, null, "");

        Assert.Multiple(() =>
        {
            Assert.That(Load(OneDirection(ending), "booth").DemandTrucksPerDay, Is.EqualTo(96).Within(1e-9));
            Assert.That(Load(OneDirection(endless), "booth").DemandTrucksPerDay, Is.EqualTo(64).Within(1e-9));
        });
    }

    [Test]
    public void The_share_a_ban_lets_through_loads_the_gate_as_if_there_were_no_ban()
    {
        // 30 % of the 48 fruit a day let through on 2 of the 6 days: 96 − 48 × 0.7 × 2 / 6 = 84.8 a day.
        var ban = new BanSpec(June3, June4, "export", ["fruit"], BanAction.TurnAway, null, "") { LetThrough = 0.3 };

        Assert.That(Load(OneDirection(ban), "booth").DemandTrucksPerDay, Is.EqualTo(84.8).Within(1e-9));
    }

    /// <summary>Route a: its own 24 a day and an origin's 240 a day (all to a by the rule's shares); route b: only what is diverted to it.</summary>
    private static ScenarioSpec TwoRoutes(BanSpec? ban = null, RouteSuspensionSpec? suspension = null) =>
        SpecBuilder.Scenario(
            [
                new DirectionSpec("a", SpecBuilder.Flat(24, Mix), [SpecBuilder.Check("booth_a", 20, new ExponentialDistribution(0.1))]),
                new DirectionSpec("b", SpecBuilder.Flat(0, Mix), [SpecBuilder.Check("booth_b", 20, new ExponentialDistribution(0.1))]),
            ],
            days: 6,
            classes: Classes) with
        {
            Origins = [new OriginSpec("province", SpecBuilder.Flat(240, Mix), [new RoutingRuleSpec("all", RoutingKind.Shares, ["a", "b"], [1, 0])], suspension is null ? [] : [suspension])],
            Bans = ban is null ? [] : [ban],
        };

    [Test]
    public void A_ban_that_diverts_moves_the_origins_trucks_to_the_other_route_and_turns_the_routes_own_away()
    {
        // Fruit banned from a on 2 of 6 days, 75 % diverted to b: a = 24 + 240 − (12 + 120) × 2 / 6 = 220 a day;
        // b = 120 × 0.75 × 2 / 6 = 30 a day (the other 25 % turn back at the origin).
        var ban = new BanSpec(June3, June4, "a", ["fruit"], BanAction.Divert, null, "") { DivertTo = "b", DivertShare = 0.75 };
        var scenario = TwoRoutes(ban);

        Assert.Multiple(() =>
        {
            Assert.That(Load(scenario, "booth_a").DemandTrucksPerDay, Is.EqualTo(220).Within(1e-9));
            Assert.That(Load(scenario, "booth_b").DemandTrucksPerDay, Is.EqualTo(30).Within(1e-9));
        });
    }

    [Test]
    public void A_suspended_route_sends_its_divert_share_to_the_open_route_and_the_others_back()
    {
        // a suspended for the origin on 2 of 6 days, 60 % take b: a = 24 + 240 × 4 / 6 = 184 a day; b = 240 × 0.6 × 2 / 6 = 48.
        var scenario = TwoRoutes(suspension: new RouteSuspensionSpec("a", June3, June4, 0.6, ""));

        Assert.Multiple(() =>
        {
            Assert.That(Load(scenario, "booth_a").DemandTrucksPerDay, Is.EqualTo(184).Within(1e-9));
            Assert.That(Load(scenario, "booth_b").DemandTrucksPerDay, Is.EqualTo(48).Within(1e-9));
        });
    }

    [Test]
    public void Without_bans_or_suspensions_the_check_sees_every_arrival()
    {
        Assert.That(Load(TwoRoutes(), "booth_a").DemandTrucksPerDay, Is.EqualTo(264).Within(1e-9));
    }

    [Test]
    public void A_diverting_ban_that_lets_half_through_keeps_that_half_on_its_route_and_diverts_only_the_rest()
    {
        // Half the fruit let through (the origin's at the origin, a's own at a): a = 24 + 240 − (12 + 120) × 0.5 × 2 / 6
        // = 242 a day; b = 120 × 0.5 × 0.75 × 2 / 6 = 15 a day.
        var ban = new BanSpec(June3, June4, "a", ["fruit"], BanAction.Divert, null, "") { DivertTo = "b", DivertShare = 0.75, LetThrough = 0.5 };
        var scenario = TwoRoutes(ban);

        Assert.Multiple(() =>
        {
            Assert.That(Load(scenario, "booth_a").DemandTrucksPerDay, Is.EqualTo(242).Within(1e-9));
            Assert.That(Load(scenario, "booth_b").DemandTrucksPerDay, Is.EqualTo(15).Within(1e-9));
        });
    }
}
