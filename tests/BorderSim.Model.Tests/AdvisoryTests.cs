using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>
/// An advisory (issue 25, item 5: trucks already waiting react when "an advisory is issued"): nothing closes, but a
/// stated share of the trucks already in line leaves. Counted by hand on the backlog of <see cref="WaitingReactionTests"/>:
/// ten general trucks wait at one booth (5 h each, fixed), nothing arrives; at 24 h trucks 1-4 are served, truck 5 is in
/// service (20-25 h), trucks 6-10 wait.
/// </summary>
public class AdvisoryTests
{
    private static double Value(ReplicationResult replication, string id) => replication.Metrics.Single(m => m.Key.Id == id).Value;

    private static (ReplicationResult Replication, List<TruckRecord> Trucks) Run(params AdvisorySpec[] advisories)
    {
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [SpecBuilder.Check("booth", 1, new Deterministic(5))])
        {
            Backlog = [new BacklogSpec(null, "general", 10, null)],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 4, warmUpHours: 0, replications: 1) with { Advisories = advisories };
        var observer = new TruckRecorder();
        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();
        return (replication, observer.Trucks);
    }

    private static AdvisorySpec Advisory(double leave, params string[] classes) =>
        new(new LocalDate(2026, 6, 2), "export", classes, new WaitingReactionSpec(leave), "advised");

    [Test]
    public void An_advisory_whose_share_is_one_makes_every_truck_in_line_leave_and_nothing_closes()
    {
        var (replication, trucks) = Run(Advisory(1));

        Assert.Multiple(() =>
        {
            Assert.That(trucks.Where(t => t.Outcome == TruckOutcome.LeftOnEvent).Select(t => t.LeftHours), Is.EqualTo(new[] { 24.0, 24, 24, 24, 24 }));
            Assert.That(trucks.Where(t => t.Outcome == TruckOutcome.Served).Select(t => t.LeftHours), Is.EqualTo(new[] { 5.0, 10, 15, 20, 25 }), "the truck in service is served");
            Assert.That(Value(replication, "left_on_event/export/all"), Is.EqualTo(5));
            Assert.That(replication.Metrics.Select(m => m.Key.Id), Has.None.StartsWith("turned_away"), "an advisory turns nobody away");
            Assert.That(Value(replication, "in_system_at_end/export/all"), Is.Zero);
        });
    }

    [Test]
    public void An_advisory_with_a_share_of_zero_or_for_another_class_changes_nothing()
    {
        var (none, noneTrucks) = Run();
        var (zero, zeroTrucks) = Run(Advisory(0));
        var (otherClass, otherTrucks) = Run(Advisory(1, "fruit"));

        // A share of 0 compiles to no reaction; one for a class not in line reacts with no truck (its count, 0, is keyed).
        Assert.Multiple(() =>
        {
            Assert.That(zero.Metrics, Is.EqualTo(none.Metrics));
            Assert.That(Value(otherClass, "left_on_event/export/all"), Is.Zero);
            Assert.That(otherClass.Metrics.Where(m => m.Key.Name != "left_on_event"), Is.EqualTo(none.Metrics));
            Assert.That(zeroTrucks.Select(t => (t.Outcome, t.LeftHours)), Is.EqualTo(noneTrucks.Select(t => (t.Outcome, t.LeftHours))));
            Assert.That(otherTrucks.Select(t => (t.Outcome, t.LeftHours)), Is.EqualTo(noneTrucks.Select(t => (t.Outcome, t.LeftHours))));
            Assert.That(noneTrucks.Count(t => t.Outcome == TruckOutcome.Served), Is.EqualTo(10), "without it the backlog is served, one every 5 h");
        });
    }

    [Test]
    public void Each_truck_in_line_draws_its_lot_from_the_advisorys_own_stream_in_the_order_it_arrived()
    {
        // Half of them: the trucks that leave are those whose lot, drawn in order from the stream of advisory 0, is below 0.5.
        var (replication, trucks) = Run(Advisory(0.5));
        var lots = new RandomStreams(20260601, 0)[WaitingReactions.StreamName(WaitingReactions.AdvisoryKind, 0)];
        var expected = Enumerable.Range(5, 5).Where(_ => lots.NextDouble() < 0.5).Select(id => (long)id).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(expected, Is.Not.Empty.And.Count.LessThan(5), "this seed's draws put some trucks on each side of 0.5");
            Assert.That(trucks.Where(t => t.Outcome == TruckOutcome.LeftOnEvent).Select(t => t.TruckId).Order(), Is.EqualTo(expected));
            Assert.That(Value(replication, "left_on_event/export/all") + Value(replication, "served/export/all") + Value(replication, "in_system_at_end/export/all"), Is.EqualTo(10), "the books balance");
        });
    }
}
