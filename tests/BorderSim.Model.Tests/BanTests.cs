using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>From a date a class is not admitted: turned away, held at its origin, or held at a staging yard.</summary>
public class BanTests
{
    private static readonly CargoClassSpec[] Classes = [new("fruit", 0.5, null, 19, 6, null), SpecBuilder.General(0.5)];
    private static readonly Dictionary<string, double> Mix = new() { ["fruit"] = 0.5, ["general"] = 0.5 };

    private static double Value(ReplicationResult replication, string id) => replication.Metrics.Single(m => m.Key.Id == id).Value;

    private static (ReplicationResult Replication, List<TruckRecord> Trucks) Run(BanSpec ban, IReadOnlyList<StageSpec>? stages = null, double trucksPerDay = 96)
    {
        var direction = new DirectionSpec("export", SpecBuilder.Flat(trucksPerDay, Mix), stages ?? [SpecBuilder.Check("booth", 4, new ExponentialDistribution(0.1))]);
        var scenario = SpecBuilder.Scenario([direction], days: 6, warmUpHours: 0, replications: 1, classes: Classes) with { Bans = [ban] };
        var observer = new Recorder();
        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();
        return (replication, observer.Trucks);
    }

    [Test]
    public void A_class_turned_away_from_a_date_counts_as_arrived_and_turned_away_not_as_given_up_and_nothing_else_changes()
    {
        // Fruit turned away from 3 June (48 h) to the end of 4 June (96 h).
        var ban = new BanSpec(new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 4), "export", ["fruit"], BanAction.TurnAway, null, "");
        var (replication, trucks) = Run(ban);

        var fruit = trucks.Where(t => t.CargoClass == "fruit").ToList();
        var turnedAway = fruit.Where(t => t.Outcome == TruckOutcome.TurnedAway).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(turnedAway, Is.Not.Empty);
            Assert.That(turnedAway.Select(t => t.ArrivedHours), Is.All.InRange(48.0, 96.0), "only during the ban");
            Assert.That(fruit.Where(t => t.ArrivedHours is >= 48 and < 96), Is.All.Matches<TruckRecord>(t => t.Outcome == TruckOutcome.TurnedAway));
            Assert.That(turnedAway.Select(t => t.WaitHours), Is.All.EqualTo(0), "turned away at once");
            Assert.That(Value(replication, "turned_away/export/all"), Is.EqualTo(turnedAway.Count));
            Assert.That(Value(replication, "gave_up/export/all"), Is.Zero, "no patience: nobody gives up waiting");
            Assert.That(trucks.Where(t => t.CargoClass == "general"), Is.All.Matches<TruckRecord>(t => t.Outcome != TruckOutcome.TurnedAway));
            Assert.That(
                Value(replication, "in_system_at_warm_up/export/all") + Value(replication, "arrived/export/all"),
                Is.EqualTo(Value(replication, "served/export/all") + Value(replication, "gave_up/export/all") + Value(replication, "turned_away/export/all")
                    + Value(replication, "in_system_at_end/export/all")));
        });
    }

    [Test]
    public void A_class_held_at_its_origin_sets_out_when_the_ban_ends_and_its_wait_on_the_route_starts_then()
    {
        var ban = new BanSpec(new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 4), "export", ["fruit"], BanAction.HoldAtOrigin, null, "");
        var (_, trucks) = Run(ban);

        var held = trucks.Where(t => t.CargoClass == "fruit" && t.ArrivedHours is >= 48 and < 96).ToList();
        Assert.That(held, Is.Not.Empty);
        Assert.That(held.Select(t => t.WaitHours - (t.Stages[0].ServiceStartHours - 96)), Is.All.EqualTo(0).Within(1e-9), "a single stage: each waited from the ban's end to its service");
        Assert.That(held.Select(t => t.Stages[0].EnteredHours), Is.All.GreaterThanOrEqualTo(96.0), "none reached the booth before the ban ended");
    }

    [Test]
    public void A_class_held_at_a_staging_yard_stays_in_it_until_the_ban_ends_and_others_pass()
    {
        // Yard then booth; fruit held in the yard from 3 June to the end of 4 June: fruit trucks in the yard then
        // (also those that came earlier and are still there) leave it only from 96 h.
        var stages = new StageSpec[] { SpecBuilder.Yard("staging", null), SpecBuilder.Check("booth", 4, new ExponentialDistribution(0.1), buffer: 10) };
        var ban = new BanSpec(new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 4), "export", ["fruit"], BanAction.HoldAtYard, "staging", "");
        var (_, trucks) = Run(ban, stages);

        var fruitDuringBan = trucks.Where(t => t.CargoClass == "fruit" && t.ArrivedHours is >= 48 and < 96).ToList();
        var generalDuringBan = trucks.Where(t => t.CargoClass == "general" && t.ArrivedHours is >= 48 and < 95).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(fruitDuringBan.Select(t => t.Stages[0].LeftHours), Is.All.GreaterThanOrEqualTo(96.0));
            Assert.That(generalDuringBan.Select(t => t.Stages[1].EnteredHours), Has.Some.LessThan(96.0), "other classes pass");
        });
    }

    [Test]
    public void A_ban_that_lets_30_percent_through_turns_away_a_binomial_share_of_the_banned_trucks()
    {
        // Fruit banned (turned away) from 1 to 5 June (0-120 h of 144 h, so every truck that came during the ban has
        // left by the end), 30 % let through: of the n fruit trucks that arrive, the number through is Binomial(n, 0.3);
        // with about 1,000 of them, 99.9 % of runs fall within ±3.29 sd of 0.3 n.
        var ban = new BanSpec(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 5), "export", ["fruit"], BanAction.TurnAway, null, "") { LetThrough = 0.3 };
        var (replication, trucks) = Run(ban, trucksPerDay: 400);

        double fruit = trucks.Count(t => t.CargoClass == "fruit" && t.ArrivedHours < 120);
        var turnedAway = Value(replication, "turned_away/export/all");
        var through = fruit - turnedAway;
        var halfWidth = 3.29 * Math.Sqrt(fruit * 0.3 * 0.7);
        Assert.Multiple(() =>
        {
            Assert.That(fruit, Is.GreaterThan(900));
            Assert.That(trucks.Count(t => t.CargoClass == "fruit" && t.Outcome == TruckOutcome.TurnedAway), Is.EqualTo(turnedAway), "each truck turned away is recorded as turned away");
            Assert.That(trucks.Count(t => t.Outcome == TruckOutcome.GaveUp), Is.Zero, "no truck gave up waiting");
            Assert.That(through, Is.InRange((0.3 * fruit) - halfWidth, (0.3 * fruit) + halfWidth), $"{through} of {fruit} through");
            Assert.That(trucks.Where(t => t.CargoClass == "general"), Is.All.Matches<TruckRecord>(t => t.Outcome != TruckOutcome.TurnedAway));
        });
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    public void A_ban_that_lets_none_or_all_through_turns_away_exactly_all_or_none(double letThrough)
    {
        var ban = new BanSpec(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 5), "export", ["fruit"], BanAction.TurnAway, null, "") { LetThrough = letThrough };
        var (replication, trucks) = Run(ban);

        var fruit = trucks.Count(t => t.CargoClass == "fruit" && t.ArrivedHours < 120);
        Assert.That(fruit, Is.GreaterThan(100));
        Assert.That(Value(replication, "turned_away/export/all"), Is.EqualTo(letThrough == 0 ? fruit : 0));
    }

    [Test]
    public void Letting_a_share_through_draws_from_a_stream_of_its_own_so_the_arrivals_stay_the_same()
    {
        // Common random numbers: the arrival times and classes are those of the run where the ban lets none through.
        var none = new BanSpec(new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 4), "export", ["fruit"], BanAction.TurnAway, null, "");
        var (_, without) = Run(none);
        var (_, with) = Run(none with { LetThrough = 0.5 });

        static IEnumerable<(double, string)> Arrivals(List<TruckRecord> trucks) =>
            trucks.Select(t => (t.ArrivedHours, t.CargoClass)).Order();
        Assert.That(Arrivals(with), Is.EqualTo(Arrivals(without)));
    }

    [Test]
    public void A_yard_ban_that_lets_all_through_holds_no_truck()
    {
        var stages = new StageSpec[] { SpecBuilder.Yard("staging", null), SpecBuilder.Check("booth", 4, new ExponentialDistribution(0.1), buffer: 10) };
        var ban = new BanSpec(new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 4), "export", ["fruit"], BanAction.HoldAtYard, "staging", "") { LetThrough = 1 };
        var (_, trucks) = Run(ban, stages);

        var fruitDuringBan = trucks.Where(t => t.CargoClass == "fruit" && t.ArrivedHours is >= 48 and < 95).ToList();
        Assert.That(fruitDuringBan.Select(t => t.Stages[1].EnteredHours), Has.Some.LessThan(96.0));
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}
