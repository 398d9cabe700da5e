using BorderSim.Engine;

namespace BorderSim.Engine.Tests;

/// <summary>A waiting request cancelled by someone else: it leaves the queue and its waiter wakes, without a unit.</summary>
public class ResourceCancelTests
{
    private static IEnumerable<SimEvent> Truck(Simulation sim, Resource lanes, string name, double serviceHours, List<(string Truck, double AtHours, bool Granted)> seen, Dictionary<string, Request> asked)
    {
        var lane = lanes.Request();
        asked[name] = lane;
        yield return lane;
        seen.Add((name, sim.NowHours, lane.IsGranted));
        if (!lane.IsGranted)
        {
            lanes.Release(lane); // give the cancelled request back, as a withdrawn one
            yield break;
        }

        yield return sim.Timeout(serviceHours);
        lanes.Release(lane);
    }

    private static IEnumerable<SimEvent> CancelAt(Simulation sim, Resource lanes, double hours, Func<Request> request)
    {
        yield return sim.Timeout(hours);
        lanes.Cancel(request());
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_cancelled_request_wakes_its_waiter_at_once_without_a_unit_and_the_others_keep_their_order(bool priority)
    {
        // One lane, A served 0-2, B and C wait; B is cancelled at 0.5: B wakes at 0.5 ungranted, C starts at 2 (not 4).
        var sim = new Simulation();
        var lanes = priority ? new PriorityResource(sim, 1) : new Resource(sim, 1);
        var seen = new List<(string, double, bool)>();
        var asked = new Dictionary<string, Request>();
        foreach (var name in new[] { "A", "B", "C" })
        {
            sim.Start(Truck(sim, lanes, name, 2, seen, asked));
        }

        sim.Start(CancelAt(sim, lanes, 0.5, () => asked["B"]));
        sim.Run(1);
        Assert.That(lanes.QueueLength, Is.EqualTo(1), "only C still waits");
        sim.Run();

        Assert.That(seen, Is.EqualTo(new[] { ("A", 0.0, true), ("B", 0.5, false), ("C", 2.0, true) }));
        Assert.That(asked["B"].WasCancelled, Is.False, "a request given back is cleared for reuse");
        Assert.That(lanes.InUse, Is.Zero);
        Assert.That(lanes.QueueLength, Is.Zero);
    }

    [Test]
    public void A_cancelled_request_wakes_a_waiter_that_waits_on_it_with_a_timeout()
    {
        var sim = new Simulation();
        var lanes = new Resource(sim, 1);
        var blocker = lanes.Request();
        Request? asked = null;
        var wokeAt = double.NaN;
        IEnumerable<SimEvent> Patient()
        {
            asked = lanes.Request();
            yield return sim.AnyOf(asked, sim.Timeout(10));
            wokeAt = sim.NowHours;
            Assert.That(asked.IsGranted, Is.False);
            lanes.Release(asked);
        }

        sim.Start(Patient());
        sim.Start(CancelAt(sim, lanes, 3, () => asked!));
        sim.Run();

        Assert.That(wokeAt, Is.EqualTo(3.0));
        Assert.That(lanes.InUse, Is.EqualTo(1), "the blocker still holds its lane");
        lanes.Release(blocker);
    }

    [Test]
    public void Only_a_waiting_request_can_be_cancelled()
    {
        var sim = new Simulation();
        var lanes = new Resource(sim, 1);
        var granted = lanes.Request();

        Assert.That(() => lanes.Cancel(granted), Throws.InvalidOperationException.With.Message.Contains("waiting"));
    }
}
