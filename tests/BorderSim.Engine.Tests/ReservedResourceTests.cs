using BorderSim.Engine;

namespace BorderSim.Engine.Tests;

public class ReservedResourceTests
{
    private const int Fruit = 0;
    private const int General = 1;

    [Test]
    public void A_reserved_unit_serves_only_its_group_and_the_group_also_takes_a_shared_unit()
    {
        var sim = new Simulation();
        var booths = new ReservedResource(sim, capacity: 3, groups: 2, confined: false);
        booths.SetReservation([(Fruit, 1)]);

        // Three general requests: two shared units, the reserved one stays free for fruit.
        var general = Enumerable.Range(0, 3).Select(_ => booths.Request(0, General)).ToList();
        Assert.That(general.Select(r => r.IsGranted), Is.EqualTo(new[] { true, true, false }));

        // Two fruit requests: the first takes its reserved unit, the second waits (the shared ones are busy).
        var fruit = new[] { booths.Request(0, Fruit), booths.Request(0, Fruit) };
        Assert.That(fruit.Select(r => r.IsGranted), Is.EqualTo(new[] { true, false }));
        Assert.That(booths.ReservedInUse, Is.EqualTo(1));

        // A shared unit frees: the oldest waiting request that may take it (general, asked before the fruit) gets it.
        booths.Release(general[0]);
        Assert.That(general[2].IsGranted, Is.True);
        Assert.That(fruit[1].IsGranted, Is.False);

        // Another shared unit frees: only fruit waits, and fruit may take a shared unit (the green lane).
        booths.Release(general[1]);
        Assert.That(fruit[1].IsGranted, Is.True);
        Assert.That(booths.InUse, Is.EqualTo(3));
        Assert.That(booths.ReservedInUse, Is.EqualTo(1));
    }

    [Test]
    public void A_confined_group_waits_for_its_own_units_while_a_shared_unit_is_free()
    {
        var sim = new Simulation();
        var booths = new ReservedResource(sim, capacity: 2, groups: 2, confined: true);
        booths.SetReservation([(Fruit, 1)]);

        var first = booths.Request(0, Fruit);
        var second = booths.Request(0, Fruit);

        Assert.That(first.IsGranted, Is.True);
        Assert.That(second.IsGranted, Is.False, "the shared unit is free but fruit keeps to its own");
        Assert.That(booths.Request(0, General).IsGranted, Is.True);
        booths.Release(first);
        Assert.That(second.IsGranted, Is.True);
    }

    [Test]
    public void A_cut_below_the_reservations_takes_the_shared_units_then_the_group_named_last()
    {
        var sim = new Simulation();
        var booths = new ReservedResource(sim, capacity: 4, groups: 3, confined: false);
        booths.SetReservation([(0, 2), (1, 1)]);
        Assert.That(booths.ReservedCapacity, Is.EqualTo(3));

        booths.SetCapacity(2);
        Assert.That(booths.ReservedCapacity, Is.EqualTo(2), "group 0 keeps its two, group 1 (named last) and the shared unit go");
        Assert.That(booths.Request(0, 1).IsGranted, Is.False);
        Assert.That(booths.Request(0, 2).IsGranted, Is.False);
        Assert.That(booths.Request(0, 0).IsGranted, Is.True);

        booths.SetCapacity(0);
        Assert.That(booths.ReservedCapacity, Is.Zero, "closed: nothing is kept");
    }

    [Test]
    public void Work_in_service_finishes_after_a_reservation_change_and_no_unit_starts_beyond_the_capacity()
    {
        var sim = new Simulation();
        var booths = new ReservedResource(sim, capacity: 2, groups: 2, confined: false);
        booths.SetReservation([(Fruit, 2)]);
        var fruit = new[] { booths.Request(0, Fruit), booths.Request(0, Fruit) };
        var general = booths.Request(0, General);
        Assert.That(general.IsGranted, Is.False, "both units are kept for fruit");

        // The reservation drops to one: the shared unit is busy with fruit, which finishes; nothing starts beyond 2.
        booths.SetReservation([(Fruit, 1)]);
        Assert.That(general.IsGranted, Is.False);
        Assert.That(booths.InUse, Is.EqualTo(2));

        booths.Release(fruit[1]);
        Assert.That(general.IsGranted, Is.True, "the freed unit is now shared");
    }

    [Test]
    public void A_withdrawn_request_is_skipped_and_priority_orders_the_shared_units_across_groups()
    {
        var sim = new Simulation();
        var booths = new ReservedResource(sim, capacity: 1, groups: 2, confined: false);
        booths.SetReservation([]);
        var holder = booths.Request(0, General);
        var gaveUp = booths.Request(5, General);
        var general = booths.Request(5, General);
        var fruit = booths.Request(1, Fruit);

        booths.Release(gaveUp); // withdrawn while waiting
        booths.Release(holder);
        Assert.That(fruit.IsGranted, Is.True, "priority 1 goes before 5 though it asked later");

        booths.Reprioritize(r => 0);
        booths.Release(fruit);
        Assert.That(general.IsGranted, Is.True);
        Assert.That(booths.QueueLength, Is.Zero);
    }
}
