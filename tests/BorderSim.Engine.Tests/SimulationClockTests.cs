using BorderSim.Engine;

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
}
