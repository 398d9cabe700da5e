using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

/// <summary>What a truck holds is given back through Holding.Release, and each reason gives back what it says, no more.</summary>
public class HoldingTests
{
    /// <summary>
    /// A staging yard (2 places, a release quota), check a fed from it (no places of its own, one server, a pool unit
    /// held through a, returning in 1 h), check b (one buffer place, one server), and a delivery yard.
    /// </summary>
    private static ReplicationParts Parts() => new(SpecBuilder.Scenario(
        [
            new DirectionSpec("export", SpecBuilder.Flat(0),
            [
                SpecBuilder.Yard("staging", 2, releaseQuota: 5),
                SpecBuilder.Check("a", 1, new Deterministic(0.5)) with { Pool = new PoolUseSpec("drivers", "a") },
                SpecBuilder.Check("b", 1, new Deterministic(0.5), buffer: 1),
                SpecBuilder.Yard("delivery", null),
            ]),
        ],
        days: 3,
        warmUpHours: 0) with
    {
        Pools = [new PoolSpec("drivers", 1, null, new Deterministic(1))],
    });

    /// <summary>The truck stands in the staging yard (counted in it), holds its exit turn and a pool unit, and is in a's queue (which stands in the yard), as its phases would leave it.</summary>
    private static (Truck Truck, StageRuntime Staging, StageRuntime A, PoolRuntime Pool) StandingInStaging(ReplicationParts parts)
    {
        var truck = parts.NewTruck();
        var staging = parts.Stage("staging");
        var a = parts.Stage("a");
        var pool = parts.Runtime.Pools[0];
        truck.Held.MoveTo(0, staging, truck.Held.Ask(staging.Places!.Request()), isServer: false);
        staging.Waiting.Add(0, 1);
        truck.Held.TakeTurn(staging, truck.Held.Ask(staging.ExitTurn!.Request()));
        a.Waiting.Add(0, 1);
        staging.QueuedOnward++;
        truck.Held.Queue(a, staging, onHighway: false);
        var unit = truck.Held.Ask(pool.Units.Request());
        pool.Take();
        truck.Held.TakeUnit(pool, unit, throughStage: 1, returnHours: 1);
        return (truck, staging, a, pool);
    }

    [Test]
    public void Moving_on_gives_back_the_place_and_the_yard_turn_and_counts_a_release_of_the_yard_today()
    {
        var parts = Parts();
        var (truck, staging, _, pool) = StandingInStaging(parts);
        var b = parts.Stage("b");

        truck.Held.MoveTo(2, b, truck.Held.Ask(b.Places!.Request()), isServer: false);

        Assert.Multiple(() =>
        {
            Assert.That(staging.Places!.InUse, Is.Zero);
            Assert.That(staging.Waiting.Current, Is.Zero, "counted out of the yard");
            Assert.That(staging.ExitTurn!.InUse, Is.Zero);
            Assert.That(staging.ReleasedPerDay[0], Is.EqualTo(1));
            Assert.That(truck.Held.Stage, Is.SameAs(b));
            Assert.That(truck.Held.Pending, Is.Null);

            // Past the pool's last stage (a): the unit went back after its trip and is returning for 1 h.
            Assert.That(truck.Held.PoolUnit, Is.Null);
            Assert.That(pool.Units.InUse, Is.EqualTo(1));
            Assert.That(pool.Trips, Is.EqualTo(1));
        });

        parts.Simulation.Run(1.5);
        Assert.That(pool.Units.InUse, Is.Zero, "back after its 1 h return");
    }

    [Test]
    public void A_truck_refused_for_the_day_gives_back_its_server_its_unit_at_once_and_its_turn_but_keeps_its_place_and_its_queue()
    {
        var parts = Parts();
        var (truck, staging, a, pool) = StandingInStaging(parts);
        truck.Held.Ask(a.Servers!.Request());

        truck.Held.Release(ReleaseReason.RefusedForTheDay);

        Assert.Multiple(() =>
        {
            Assert.That(a.Servers!.InUse, Is.Zero);
            Assert.That(pool.Units.InUse, Is.Zero, "free at once: no trip was made");
            Assert.That(pool.Trips, Is.Zero);
            Assert.That(staging.ExitTurn!.InUse, Is.Zero);
            Assert.That(staging.ReleasedPerDay, Is.Empty, "not a release of the yard");
            Assert.That(staging.Places!.InUse, Is.EqualTo(1), "still stands in the yard");
            Assert.That(a.Waiting.Current, Is.EqualTo(1), "still in a's queue");
            Assert.That(truck.Held.QueuedAt, Is.SameAs(a));
        });
    }

    [Test]
    public void A_truck_that_gives_up_withdraws_what_it_waits_for_and_gives_back_everything()
    {
        var parts = Parts();
        var (truck, staging, a, pool) = StandingInStaging(parts);
        var b = parts.Stage("b");
        var other = b.Places!.Request(); // b's only buffer place is taken
        var pending = truck.Held.Ask(b.Places.Request());
        Assert.That(pending.IsGranted, Is.False);

        truck.Held.Release(ReleaseReason.GaveUp);
        b.Places.Release(other);

        Assert.Multiple(() =>
        {
            Assert.That(b.Places.InUse, Is.Zero, "the withdrawn request did not take the freed place");
            Assert.That(b.Places.QueueLength, Is.Zero);
            Assert.That(a.Waiting.Current, Is.Zero, "left a's queue");
            Assert.That(staging.QueuedOnward, Is.Zero);
            Assert.That(staging.Places!.InUse, Is.Zero);
            Assert.That(staging.Waiting.Current, Is.Zero);
            Assert.That(staging.ExitTurn!.InUse, Is.Zero);
            Assert.That(staging.ReleasedPerDay, Is.Empty, "giving up is no release of the yard");
            Assert.That(pool.Units.InUse, Is.Zero, "free at once");
            Assert.That(pool.Trips, Is.Zero);
            Assert.That(truck.Held.Pending, Is.Null);
        });
    }

    [Test]
    public void Getting_a_server_leaves_the_queue_and_nothing_else()
    {
        var parts = Parts();
        var (truck, staging, a, pool) = StandingInStaging(parts);

        truck.Held.Release(ReleaseReason.LeftQueue);

        Assert.Multiple(() =>
        {
            Assert.That(a.Waiting.Current, Is.Zero);
            Assert.That(staging.QueuedOnward, Is.Zero);
            Assert.That(truck.Held.QueuedAt, Is.Null);
            Assert.That(staging.Places!.InUse, Is.EqualTo(1));
            Assert.That(staging.ExitTurn!.InUse, Is.EqualTo(1));
            Assert.That(pool.Units.InUse, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_truck_that_finishes_gives_back_where_it_stands_its_turn_as_a_release_and_its_unit_after_its_trip()
    {
        var parts = Parts();
        var (truck, staging, _, pool) = StandingInStaging(parts);

        truck.Held.Release(ReleaseReason.Finished);

        Assert.Multiple(() =>
        {
            Assert.That(staging.Places!.InUse, Is.Zero);
            Assert.That(staging.ExitTurn!.InUse, Is.Zero);
            Assert.That(staging.ReleasedPerDay[0], Is.EqualTo(1));
            Assert.That(pool.Trips, Is.EqualTo(1));
            Assert.That(pool.Units.InUse, Is.EqualTo(1), "returning");
        });
    }
}
