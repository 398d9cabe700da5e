using BorderSim.Engine;

namespace BorderSim.Engine.Tests;

public class StoreTests
{
    [Test]
    public void Get_takes_the_oldest_item()
    {
        var sim = new Simulation();
        var yard = new Store<string>(sim);
        yard.Put("first");
        yard.Put("second");

        var get = yard.Get();

        Assert.That(get.IsTriggered, Is.True);
        Assert.That(get.Item, Is.EqualTo("first"));
        Assert.That(yard.Items, Is.EqualTo(new[] { "second" }));
    }

    [Test]
    public void A_filtered_get_takes_the_oldest_matching_item_and_leaves_the_rest()
    {
        var sim = new Simulation();
        var yard = new Store<int>(sim);
        foreach (var item in new[] { 1, 3, 4, 6, 7 })
        {
            yard.Put(item);
        }

        var even = yard.Get(i => i % 2 == 0);

        Assert.That(even.Item, Is.EqualTo(4));
        Assert.That(yard.Items, Is.EqualTo(new[] { 1, 3, 6, 7 }));
    }

    [Test]
    public void A_filtered_get_waits_for_a_matching_item_and_lets_others_pass()
    {
        var sim = new Simulation();
        var yard = new Store<int>(sim);
        int? taken = null;
        double takenAt = double.NaN;
        IEnumerable<SimEvent> RefrigeratedTruck()
        {
            var get = yard.Get(i => i > 10);
            yield return get;
            taken = get.Item;
            takenAt = sim.NowHours;
        }

        IEnumerable<SimEvent> Supplier()
        {
            yield return sim.Timeout(1);
            yield return yard.Put(3);
            yield return sim.Timeout(1);
            yield return yard.Put(12);
        }

        sim.Start(RefrigeratedTruck());
        sim.Start(Supplier());
        sim.Run();

        Assert.That(taken, Is.EqualTo(12));
        Assert.That(takenAt, Is.EqualTo(2.0));
        Assert.That(yard.Items, Is.EqualTo(new[] { 3 }));
    }

    [Test]
    public void Put_waits_while_the_store_is_full()
    {
        var sim = new Simulation();
        var yard = new Store<string>(sim, capacity: 1);
        double secondPutAt = double.NaN;
        IEnumerable<SimEvent> Arrivals()
        {
            yield return yard.Put("A");
            yield return yard.Put("B");
            secondPutAt = sim.NowHours;
        }

        IEnumerable<SimEvent> Departures()
        {
            yield return sim.Timeout(5);
            yield return yard.Get();
        }

        sim.Start(Arrivals());
        sim.Start(Departures());
        sim.Run();

        Assert.That(secondPutAt, Is.EqualTo(5.0));
        Assert.That(yard.Items, Is.EqualTo(new[] { "B" }));
    }

    [Test]
    public void A_cancelled_get_does_not_take_a_later_item()
    {
        var sim = new Simulation();
        var yard = new Store<int>(sim);
        var get = yard.Get();

        Assert.That(yard.Cancel(get), Is.True);
        yard.Put(5);

        Assert.That(get.IsTriggered, Is.False);
        Assert.That(yard.Count, Is.EqualTo(1));
    }
}
