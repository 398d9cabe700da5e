using BorderSim.Engine;

namespace BorderSim.Engine.Tests;

public class ContainerTests
{
    [Test]
    public void Put_and_get_change_the_level()
    {
        var sim = new Simulation();
        var fuel = new Container(sim, capacity: 100, initialLevel: 40);
        fuel.Put(25);
        fuel.Get(10);

        Assert.That(fuel.Level, Is.EqualTo(55.0).Within(1e-12));
    }

    [Test]
    public void A_get_waits_until_the_level_suffices()
    {
        var sim = new Simulation();
        var yardPlaces = new Container(sim, capacity: 20, initialLevel: 10);
        double gotAt = double.NaN;
        IEnumerable<SimEvent> Convoy()
        {
            yield return yardPlaces.Get(15);
            gotAt = sim.NowHours;
        }

        IEnumerable<SimEvent> Departures()
        {
            yield return sim.Timeout(2);
            yield return yardPlaces.Put(4);
            yield return sim.Timeout(1);
            yield return yardPlaces.Put(6);
        }

        sim.Start(Convoy());
        sim.Start(Departures());
        sim.Run();

        Assert.That(gotAt, Is.EqualTo(3.0));
        Assert.That(yardPlaces.Level, Is.EqualTo(5.0).Within(1e-12));
    }

    [Test]
    public void A_put_waits_while_it_would_overflow()
    {
        var sim = new Simulation();
        var tank = new Container(sim, capacity: 10, initialLevel: 8);
        var put = tank.Put(5);

        Assert.That(put.IsTriggered, Is.False);
        tank.Get(4);
        Assert.That(put.IsTriggered, Is.True);
        Assert.That(tank.Level, Is.EqualTo(9.0).Within(1e-12));
    }

    [Test]
    public void Gets_are_served_strictly_in_arrival_order()
    {
        var sim = new Simulation();
        var tank = new Container(sim, capacity: 100, initialLevel: 0);
        var big = tank.Get(50);
        var small = tank.Get(1);
        tank.Put(10);

        Assert.That(big.IsTriggered, Is.False);
        Assert.That(small.IsTriggered, Is.False, "the small get waits behind the big one");
        Assert.That(tank.Level, Is.EqualTo(10.0));
    }

    [Test]
    public void An_amount_above_the_capacity_is_refused()
    {
        var sim = new Simulation();
        var tank = new Container(sim, capacity: 10);

        Assert.That(() => tank.Put(11), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new Container(sim, capacity: 10, initialLevel: 11), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
