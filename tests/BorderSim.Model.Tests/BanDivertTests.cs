using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using MathNet.Numerics.Distributions;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>A ban that diverts: of the trucks an origin sends to the banned route, a share take a named other route, the others turn back.</summary>
public class BanDivertTests
{
    private static readonly CargoClassSpec[] Classes = [new("fruit", 0.5, null, 19, 6, null), SpecBuilder.General(0.5)];
    private static readonly Dictionary<string, double> Mix = new() { ["fruit"] = 0.5, ["general"] = 0.5 };

    private static double Value(ReplicationResult replication, string id) => replication.Metrics.Single(m => m.Key.Id == id).Value;

    /// <summary>A metric the scenario may not report (turned_away of a route without a ban that turns trucks away) reads 0.</summary>
    private static double ValueOrZero(ReplicationResult replication, string id) => replication.Metrics.Where(m => m.Key.Id == id).Select(m => m.Value).DefaultIfEmpty(0).Single();

    /// <summary>
    /// An origin of 240 trucks a day whose rule sends every truck to route a (overflow to b never triggers), and route a's
    /// own 24 a day; each route one check with booths to spare. The ban diverts fruit from a to b.
    /// </summary>
    private static ScenarioSpec Scenario(BanSpec ban, int days, int replications, double warmUpHours, double ownPerDay = 24) =>
        SpecBuilder.Scenario(
            [
                new DirectionSpec("a", SpecBuilder.Flat(ownPerDay, Mix), [SpecBuilder.Check("booth_a", 20, new ExponentialDistribution(0.1))]),
                new DirectionSpec("b", SpecBuilder.Flat(0, Mix), [SpecBuilder.Check("booth_b", 20, new ExponentialDistribution(0.1))]),
            ],
            days: days,
            warmUpHours: warmUpHours,
            replications: replications,
            classes: Classes) with
        {
            Origins = [new OriginSpec("province", SpecBuilder.Flat(240, Mix), [new RoutingRuleSpec("all", RoutingKind.Overflow, ["a", "b"], [], int.MaxValue)], [])],
            Bans = [ban],
        };

    private static void AssertBooks(ReplicationResult replication)
    {
        Assert.That(Value(replication, "origin_arrived/province"),
            Is.EqualTo(Value(replication, "origin_turned_back/province") + Value(replication, "origin_routed/a/all/province") + Value(replication, "origin_routed/b/all/province")),
            "the origin: arrived = turned back + routed");
        Assert.That(Value(replication, "origin_routed/b/all/province"), Is.EqualTo(Value(replication, "arrived/b/all")), "b has no trucks of its own");
        double inSystemAtEnd = 0;
        foreach (var route in new[] { "a", "b" })
        {
            Assert.That(
                Value(replication, $"in_system_at_warm_up/{route}/all") + Value(replication, $"arrived/{route}/all"),
                Is.EqualTo(Value(replication, $"served/{route}/all") + Value(replication, $"gave_up/{route}/all") + ValueOrZero(replication, $"turned_away/{route}/all")
                    + Value(replication, $"in_system_at_end/{route}/all")),
                $"route {route}: conservation");
            inSystemAtEnd += Value(replication, $"in_system_at_end/{route}/all");
        }

        Assert.That(Value(replication, "network_in_system_at_end"), Is.EqualTo(inSystemAtEnd), "the network: the routes together");
    }

    [Test]
    public void During_a_ban_that_diverts_every_driver_the_banned_class_reaches_the_other_route_and_nothing_else_changes()
    {
        // Fruit banned from a on 3-4 June (48 h to 96 h), all diverted to b. Counted by hand: b receives exactly the
        // origin's fruit trucks of those two days and nothing else; a receives none of them, but keeps the origin's
        // general trucks and every truck before and after; a's own fruit trucks of those days have nowhere to go
        // and are turned away; nobody turns back at the origin.
        var ban = new BanSpec(new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 4), "a", ["fruit"], BanAction.Divert, null, "") { DivertTo = "b" };
        var scenario = Scenario(ban, days: 6, replications: 1, warmUpHours: 0);
        var observer = new Recorder();
        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();

        var atB = observer.Trucks.Where(t => t.Direction == "b").ToList();
        var atA = observer.Trucks.Where(t => t.Direction == "a").ToList();
        var turnedAway = atA.Where(t => t.Outcome == TruckOutcome.TurnedAway).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(atB, Has.Count.GreaterThan(200), "about 120 fruit trucks a day for two days");
            Assert.That(atB, Is.All.Matches<TruckRecord>(t => t.CargoClass == "fruit" && t.ArrivedHours >= 48 && t.ArrivedHours < 96));
            Assert.That(Value(replication, "origin_routed/b/all/province"), Is.EqualTo(atB.Count));
            Assert.That(Value(replication, "origin_diverted/a/all/province"), Is.EqualTo(atB.Count), "every truck at b was diverted from a");
            Assert.That(Value(replication, "origin_diverted/b/all/province"), Is.Zero);
            Assert.That(Value(replication, "diverted/a/all"), Is.EqualTo(atB.Count), "route a's own count of the trucks diverted from it");
            Assert.That(Value(replication, "diverted/b/all"), Is.Zero);
            Assert.That(replication.Days.Where(d => d.Direction == "a").Sum(d => d.Diverted), Is.EqualTo(atB.Count), "a's days add up to the run's");
            Assert.That(
                replication.Days.Where(d => d.Direction == "a").Select(d => d.Diverted),
                Is.EqualTo(replication.Days.Where(d => d.Direction == "a").Select(d => atB.Count(t => t.CargoClass == d.CargoClass && Day(t.ArrivedHours) == d.Date))),
                "each day: the fruit trucks that reached b that day, none of another class");
            Assert.That(Value(replication, "gave_up/a/all"), Is.Zero, "no patience: nobody gives up, the turned away are apart");
            Assert.That(Value(replication, "origin_turned_back/province"), Is.Zero);
            Assert.That(atA.Where(t => t.CargoClass == "fruit" && t.ArrivedHours is >= 48 and < 96), Is.EqualTo(turnedAway), "only a's own fruit trucks, turned away");
            Assert.That(turnedAway, Has.Count.InRange(1, 60), "a's own 12 fruit trucks a day");
            Assert.That(turnedAway.Select(t => t.WaitHours), Is.All.Zero);
            Assert.That(Value(replication, "turned_away/a/all"), Is.EqualTo(turnedAway.Count));
            Assert.That(Value(replication, "arrived/a/all") + Value(replication, "arrived/b/all"),
                Is.EqualTo(Value(replication, "origin_arrived/province") + (atA.Count - Value(replication, "origin_routed/a/all/province"))),
                "every truck of the origin reached a route; a's own trucks on top");
            AssertBooks(replication);
        });
    }

    [Test]
    public void The_share_that_diverts_matches_its_binomial_proportion_and_the_others_turn_back_at_the_origin()
    {
        // Fruit banned from a for the whole run, 70 % divert to b, the others turn back. Every fruit truck of the origin
        // is one Bernoulli(0.7) trial: diverted from a (= routed to b), the others = turned back (nothing else turns back). Over
        // 4 replications of 19 measured days, n ≈ 9,100 trials: the share must lie within the 99 % binomial interval
        // 0.7 ± 2.576 √(0.7 × 0.3 / n) (about ± 0.012); fixed seed.
        var ban = new BanSpec(new LocalDate(2026, 6, 1), null, "a", ["fruit"], BanAction.Divert, null, "") { DivertTo = "b", DivertShare = 0.7 };
        var scenario = Scenario(ban, days: 20, replications: 4, warmUpHours: 24);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));

        double diverted = 0, trials = 0;
        foreach (var replication in result.Replications)
        {
            diverted += Value(replication, "origin_diverted/a/all/province");
            trials += Value(replication, "origin_diverted/a/all/province") + Value(replication, "origin_turned_back/province");
            Assert.That(Value(replication, "origin_diverted/a/all/province"), Is.EqualTo(Value(replication, "origin_routed/b/all/province")), "b's trucks are a's diverted ones");
            AssertBooks(replication);
        }

        var share = diverted / trials;
        var halfWidth = Normal.InvCDF(0, 1, 0.995) * Math.Sqrt(0.7 * 0.3 / trials);
        TestContext.Out.WriteLine($"diverted {diverted} of {trials}: {share:F4} vs 0.7 ± {halfWidth:F4} (99 %)");
        Assert.That(trials, Is.GreaterThan(8000));
        Assert.That(share, Is.EqualTo(0.7).Within(halfWidth));
    }

    [Test]
    public void A_driver_a_diverting_ban_lets_through_keeps_to_the_banned_route_and_is_not_turned_away_there()
    {
        // Route a has no arrivals of its own; fruit banned from a on 3-4 June, half let through, the rest diverted to b.
        // A driver let through at the origin carries its lot to a, so the ban on a's arrivals lets the same truck
        // through: exactly none is turned away at a; fruit reaches a during the ban (about half of 240 a day).
        var ban = new BanSpec(new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 4), "a", ["fruit"], BanAction.Divert, null, "") { DivertTo = "b", LetThrough = 0.5 };
        var scenario = Scenario(ban, days: 6, replications: 1, warmUpHours: 0, ownPerDay: 0);
        var observer = new Recorder();
        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();

        var fruitAtADuringBan = observer.Trucks.Count(t => t.Direction == "a" && t.CargoClass == "fruit" && t.ArrivedHours is >= 48 and < 96);
        var atB = observer.Trucks.Count(t => t.Direction == "b");
        Assert.Multiple(() =>
        {
            Assert.That(Value(replication, "turned_away/a/all"), Is.Zero);
            Assert.That(fruitAtADuringBan, Is.InRange(80, 160), "about half of the origin's 240 fruit trucks of the two days");
            Assert.That(atB, Is.InRange(80, 160), "the other half diverted");
            Assert.That(Value(replication, "origin_diverted/a/all/province"), Is.EqualTo(atB));
            AssertBooks(replication);
        });
    }

    private static LocalDate Day(double hours) => new LocalDate(2026, 6, 1).PlusDays((int)Math.Floor(hours / 24));

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}
