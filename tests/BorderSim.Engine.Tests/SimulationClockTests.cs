using BorderSim.Engine;
using BorderSim.Engine.Randomness;

namespace BorderSim.Engine.Tests;

public class SimulationClockTests
{
    [Test]
    public void Events_at_equal_times_fire_in_the_order_they_were_scheduled()
    {
        var sim = new Simulation();
        var fired = new List<int>();
        IEnumerable<SimEvent> Waiter(int id, double delay)
        {
            yield return sim.Timeout(delay);
            fired.Add(id);
        }

        for (var i = 0; i < 50; i++)
        {
            sim.Process(Waiter(i, i % 2 == 0 ? 1.0 : 1.0));
        }

        sim.Run();
        Assert.That(fired, Is.EqualTo(Enumerable.Range(0, 50)));
        Assert.That(sim.NowHours, Is.EqualTo(1.0));
    }

    [Test]
    public void Many_events_fire_in_time_order_and_ties_in_scheduling_order()
    {
        // 20,000 timeouts on a coarse grid of times, so most times are shared: the calendar must grow
        // and still order by (time, scheduling order).
        var sim = new Simulation();
        var stream = new RandomStream(17);
        var scheduled = new List<(double AtHours, int Order)>();
        var fired = new List<(double AtHours, int Order)>();
        IEnumerable<SimEvent> Waiter(int order, double delayHours)
        {
            yield return sim.Timeout(delayHours);
            fired.Add((sim.NowHours, order));
        }

        for (var i = 0; i < 20_000; i++)
        {
            var delayHours = stream.Next(0, 50) * 0.5;
            scheduled.Add((delayHours, i));
            sim.Start(Waiter(i, delayHours));
        }

        sim.Run();

        Assert.That(fired, Is.EqualTo(scheduled.OrderBy(e => e.AtHours).ThenBy(e => e.Order)));
        Assert.That(sim.PendingEventCount, Is.Zero);
    }

    [Test]
    public void Ties_fire_in_scheduling_order_when_the_calendar_reuses_its_slots_out_of_order()
    {
        // The calendar keeps each event in a slot and orders ties by a key that packs the sequence number above
        // the slot. 2,000 timeouts at random times fire and free their slots in a scrambled order; then 2,000
        // more, all at one time, take those slots in that order: they must still fire as they were scheduled.
        var sim = new Simulation();
        var stream = new RandomStream(23);
        var fired = new List<int>();
        IEnumerable<SimEvent> Waiter(int order, double delayHours)
        {
            yield return sim.Timeout(delayHours);
            if (order >= 0)
            {
                fired.Add(order);
            }
        }

        IEnumerable<SimEvent> Second()
        {
            yield return sim.Timeout(10);
            for (var i = 0; i < 2_000; i++)
            {
                sim.Start(Waiter(i, 5));
            }
        }

        for (var i = 0; i < 2_000; i++)
        {
            sim.Start(Waiter(-1, stream.NextDouble() * 9));
        }

        sim.Start(Second());
        sim.Run();

        Assert.That(fired, Is.EqualTo(Enumerable.Range(0, 2_000)));
        Assert.That(sim.NowHours, Is.EqualTo(15.0));
    }

    [Test]
    public void Run_until_stops_before_events_due_at_that_time_and_sets_the_clock()
    {
        var sim = new Simulation();
        var fired = new List<double>();
        IEnumerable<SimEvent> Ticker()
        {
            for (var i = 1; i <= 5; i++)
            {
                yield return sim.Timeout(1);
                fired.Add(sim.NowHours);
            }
        }

        sim.Start(Ticker());
        sim.Run(3);

        Assert.That(fired, Is.EqualTo(new[] { 1.0, 2.0 }));
        Assert.That(sim.NowHours, Is.EqualTo(3.0));
        sim.Run();
        Assert.That(fired, Is.EqualTo(new[] { 1.0, 2.0, 3.0, 4.0, 5.0 }));
        Assert.That(() => sim.Run(1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Step_processes_one_event_at_a_time()
    {
        var sim = new Simulation();
        IEnumerable<SimEvent> Twice()
        {
            yield return sim.Timeout(2);
            yield return sim.Timeout(3);
        }

        sim.Start(Twice());

        Assert.That(sim.Step(), Is.True); // the process starts
        Assert.That(sim.Step(), Is.True);
        Assert.That(sim.NowHours, Is.EqualTo(2.0));
        Assert.That(sim.Step(), Is.True);
        Assert.That(sim.NowHours, Is.EqualTo(5.0));
        Assert.That(sim.Step(), Is.False);
        Assert.That(sim.ProcessedEventCount, Is.EqualTo(3));
    }
}
