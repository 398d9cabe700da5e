using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>
/// Patience of trucks a ban holds off the road (issue 25, item 5): at their origin (a province's parking area) or in a
/// staging yard, a driver whose patience runs out gives up then, not only once the hold ends.
/// </summary>
public class HeldTrucksPatienceTests
{
    private static readonly Dictionary<string, double> Mix = new() { ["fruit"] = 0.5, ["general"] = 0.5 };

    private static double Value(ReplicationResult replication, string id) => replication.Metrics.Single(m => m.Key.Id == id).Value;

    private static (ReplicationResult Replication, List<TruckRecord> Trucks) Run(
        BanSpec ban, Distribution fruitPatience, IReadOnlyList<StageSpec> stages, double trucksPerDay = 96, IReadOnlyList<BacklogSpec>? backlog = null, int days = 6)
    {
        CargoClassSpec[] classes = [new("fruit", 0.5, null, 19, 6, fruitPatience), SpecBuilder.General(0.5)];
        var direction = new DirectionSpec("export", SpecBuilder.Flat(trucksPerDay, Mix), stages) { Backlog = backlog ?? [] };
        var scenario = SpecBuilder.Scenario([direction], days: days, warmUpHours: 0, replications: 1, classes: classes) with { Bans = [ban] };
        var observer = new Recorder();
        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();
        return (replication, observer.Trucks);
    }

    private static StageSpec[] Booths() => [SpecBuilder.Check("booth", 4, new ExponentialDistribution(0.1))];

    private static StageSpec[] YardThenBooth() => [SpecBuilder.Yard("staging", null), SpecBuilder.Check("booth", 1, new Deterministic(1), buffer: 10)];

    [Test]
    public void A_truck_held_at_its_origin_gives_up_there_when_its_patience_runs_out_before_the_ban_ends()
    {
        // Fruit held at its origin from 3 June (48 h) to the end of 4 June (96 h); a fruit driver waits a fixed 2 h.
        // By hand: exactly the fruit trucks that reach their origin in [48 h, 94 h) would be held longer than 2 h, so
        // they give up at arrival + 2 h, having waited nothing on the route they never reached (the 2 h were at their
        // origin); those of [94 h, 96 h) set out at 96 h within their patience.
        // Before the fix they waited until 96 h and gave up only when they first queued (or not at all).
        var ban = new BanSpec(new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 4), "export", ["fruit"], BanAction.HoldAtOrigin, null, "");
        var (replication, trucks) = Run(ban, new Deterministic(2), Booths());

        var fruit = trucks.Where(t => t.CargoClass == "fruit").ToList();
        var expected = fruit.Where(t => t.ArrivedHours is >= 48 and < 94).Select(t => t.ArrivedHours).Order().ToList();
        var gaveUp = fruit.Where(t => t.Outcome == TruckOutcome.GaveUp).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(expected, Has.Count.GreaterThan(40), "about 48 fruit trucks a day reach the origin during the hold");
            Assert.That(gaveUp.Select(t => t.ArrivedHours).Order(), Is.EqualTo(expected), "exactly those held longer than their patience");
            Assert.That(gaveUp.Select(t => t.LeftHours - t.ArrivedHours), Is.All.EqualTo(2).Within(1e-9), "each gives up when its patience runs out");
            Assert.That(gaveUp.Select(t => t.WaitHours), Is.All.EqualTo(0), "no wait on the route (HeldAtOriginWaitTests)");
            Assert.That(gaveUp.Select(t => t.Stages[0].EnteredHours), Is.All.NaN, "none reached the booth");
            Assert.That(Value(replication, "gave_up/export/all"), Is.EqualTo(expected.Count));
            Assert.That(
                Value(replication, "arrived/export/all"),
                Is.EqualTo(Value(replication, "served/export/all") + Value(replication, "gave_up/export/all") + Value(replication, "in_system_at_end/export/all")),
                "conservation: a driver who gives up at the origin counts as arrived and given up");
        });
    }

    [Test]
    public void A_truck_held_at_its_origin_whose_patience_outlasts_the_ban_sets_out_and_is_served()
    {
        // The zero boundary: patience 49 h against a hold of at most 48 h: nobody gives up.
        var ban = new BanSpec(new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 4), "export", ["fruit"], BanAction.HoldAtOrigin, null, "");
        var (replication, trucks) = Run(ban, new Deterministic(49), Booths());

        Assert.Multiple(() =>
        {
            Assert.That(Value(replication, "gave_up/export/all"), Is.Zero);
            Assert.That(trucks.Where(t => t.CargoClass == "fruit" && t.ArrivedHours is >= 48 and < 96).Select(t => t.Outcome), Is.All.EqualTo(TruckOutcome.Served));
        });
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(5)]
    public void Backlog_trucks_a_ban_holds_in_a_staging_yard_give_up_together_when_their_patience_runs_out(int backlogTrucks)
    {
        // No arrivals; n fruit trucks (aged 10 h) wait in the staging yard when the run starts, and fruit is held in it
        // on 1 June (0-24 h). A backlog truck's patience (fixed 2 h) runs from the start of the run: all n give up at
        // exactly 2 h, none reaches the booth. Before the fix they waited until 24 h and were then served one an hour.
        var ban = new BanSpec(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 1), "export", ["fruit"], BanAction.HoldAtYard, "staging", "");
        BacklogSpec[] backlog = backlogTrucks == 0 ? [] : [new BacklogSpec("staging", "fruit", backlogTrucks, new Deterministic(10))];
        var (replication, trucks) = Run(ban, new Deterministic(2), YardThenBooth(), trucksPerDay: 0, backlog: backlog, days: 2);

        Assert.Multiple(() =>
        {
            Assert.That(Value(replication, "gave_up/export/all"), Is.EqualTo(backlogTrucks));
            Assert.That(Value(replication, "served/export/all"), Is.Zero);
            Assert.That(trucks.Select(t => t.LeftHours), Is.All.EqualTo(2).Within(1e-9));
            Assert.That(trucks.Select(t => t.WaitHours), Is.All.EqualTo(12).Within(1e-9), "their waits include their age");
        });
    }

    [Test]
    public void Backlog_trucks_held_in_a_staging_yard_within_their_patience_are_served_one_an_hour_once_the_ban_ends()
    {
        // Patience 30 h against a hold to 24 h: all 5 set out at 24 h and the single 1 h booth serves them at 24..28 h.
        var ban = new BanSpec(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 1), "export", ["fruit"], BanAction.HoldAtYard, "staging", "");
        BacklogSpec[] backlog = [new BacklogSpec("staging", "fruit", 5, new Deterministic(10))];
        var (replication, trucks) = Run(ban, new Deterministic(30), YardThenBooth(), trucksPerDay: 0, backlog: backlog, days: 2);

        Assert.Multiple(() =>
        {
            Assert.That(Value(replication, "gave_up/export/all"), Is.Zero);
            Assert.That(trucks.Select(t => t.LeftHours).Order(), Is.EqualTo(new[] { 25.0, 26, 27, 28, 29 }).Within(1e-9));
        });
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}
