using BorderSim.Engine;

namespace BorderSim.Engine.Tests;

public class ResourceTests
{
    private static IEnumerable<SimEvent> Truck(Simulation sim, Resource lanes, string name, double serviceHours, List<(string Truck, double StartHours)> starts)
    {
        var lane = lanes.Request();
        yield return lane;
        starts.Add((name, sim.NowHours));
        yield return sim.Timeout(serviceHours);
        lanes.Release(lane);
    }

    [Test]
    public void Waiting_trucks_are_served_first_come_first_served()
    {
        var sim = new Simulation();
        var lanes = new Resource(sim, 2);
        var starts = new List<(string, double)>();
        foreach (var name in new[] { "A", "B", "C", "D", "E" })
        {
            sim.Start(Truck(sim, lanes, name, 1, starts));
        }

        sim.Run();

        Assert.That(starts, Is.EqualTo(new[] { ("A", 0.0), ("B", 0.0), ("C", 1.0), ("D", 1.0), ("E", 2.0) }));
        Assert.That(lanes.InUse, Is.Zero);
        Assert.That(lanes.QueueLength, Is.Zero);
    }

    [Test]
    public void InUse_and_QueueLength_count_holders_and_waiters()
    {
        var sim = new Simulation();
        var lanes = new Resource(sim, 2);
        var starts = new List<(string, double)>();
        for (var i = 0; i < 5; i++)
        {
            sim.Start(Truck(sim, lanes, $"T{i}", 4, starts));
        }

        sim.Run(1);

        Assert.That(lanes.InUse, Is.EqualTo(2));
        Assert.That(lanes.QueueLength, Is.EqualTo(3));
    }

    [Test]
    public void Changed_is_raised_on_every_request_and_release()
    {
        var sim = new Simulation();
        var lanes = new Resource(sim, 1);
        var seen = new List<(double AtHours, int InUse, int Queue)>();
        lanes.Changed += r => seen.Add((sim.NowHours, r.InUse, r.QueueLength));
        var starts = new List<(string, double)>();
        sim.Start(Truck(sim, lanes, "A", 1, starts));
        sim.Start(Truck(sim, lanes, "B", 1, starts));
        sim.Run();

        Assert.That(seen, Is.EqualTo(new[] { (0.0, 1, 0), (0.0, 1, 1), (1.0, 1, 0), (2.0, 0, 0) }));
    }

    [Test]
    public void After_a_capacity_drop_work_in_service_finishes_and_no_new_work_starts_until_below_capacity()
    {
        var sim = new Simulation();
        var lanes = new Resource(sim, 2);
        var starts = new List<(string, double)>();
        foreach (var name in new[] { "A", "B", "C", "D" })
        {
            sim.Start(Truck(sim, lanes, name, 5, starts));
        }

        IEnumerable<SimEvent> NightShift()
        {
            yield return sim.Timeout(1);
            lanes.SetCapacity(1);
            Assert.That(lanes.InUse, Is.EqualTo(2), "nobody is sent away from a lane");
        }

        sim.Start(NightShift());
        sim.Run(5.5);

        // A and B finish at 5; after the first release InUse = 1 = capacity, so only one new truck starts.
        Assert.That(lanes.InUse, Is.EqualTo(1));
        Assert.That(lanes.QueueLength, Is.EqualTo(1));
        sim.Run();
        Assert.That(starts, Is.EqualTo(new[] { ("A", 0.0), ("B", 0.0), ("C", 5.0), ("D", 10.0) }));
    }

    [Test]
    public void After_a_capacity_rise_waiting_trucks_are_granted_at_once()
    {
        var sim = new Simulation();
        var lanes = new Resource(sim, 1);
        var starts = new List<(string, double)>();
        foreach (var name in new[] { "A", "B", "C", "D" })
        {
            sim.Start(Truck(sim, lanes, name, 5, starts));
        }

        IEnumerable<SimEvent> ExtraLanes()
        {
            yield return sim.Timeout(2);
            lanes.SetCapacity(3);
        }

        sim.Start(ExtraLanes());
        sim.Run();

        Assert.That(starts, Is.EqualTo(new[] { ("A", 0.0), ("B", 2.0), ("C", 2.0), ("D", 5.0) }));
    }

    [Test]
    public void Capacity_zero_holds_everyone_until_it_opens()
    {
        var sim = new Simulation();
        var lanes = new Resource(sim, 0);
        var starts = new List<(string, double)>();
        sim.Start(Truck(sim, lanes, "A", 1, starts));
        IEnumerable<SimEvent> Opening()
        {
            yield return sim.Timeout(6);
            lanes.SetCapacity(1);
        }

        sim.Start(Opening());
        sim.Run();

        Assert.That(starts, Is.EqualTo(new[] { ("A", 6.0) }));
    }

    [Test]
    public void A_withdrawn_request_leaves_the_queue_and_releases_nothing()
    {
        var sim = new Simulation();
        var lanes = new Resource(sim, 1);
        var starts = new List<(string, double)>();
        sim.Start(Truck(sim, lanes, "A", 4, starts));
        sim.Start(Truck(sim, lanes, "B", 1, starts));
        Request? reneging = null;
        var renegerGotTheLane = false;
        IEnumerable<SimEvent> Reneger()
        {
            reneging = lanes.Request();
            yield return sim.AnyOf(reneging, sim.Timeout(1));
            if (!reneging.IsGranted)
            {
                lanes.Release(reneging);
            }
            else
            {
                renegerGotTheLane = true;
            }
        }

        sim.Start(Reneger());
        sim.Start(Truck(sim, lanes, "D", 1, starts));
        sim.Run(2);

        Assert.That(lanes.InUse, Is.EqualTo(1), "withdrawing released nothing");
        Assert.That(lanes.QueueLength, Is.EqualTo(2));
        Assert.That(reneging!.IsWaiting, Is.False);
        sim.Run();
        Assert.That(renegerGotTheLane, Is.False);
        Assert.That(starts, Is.EqualTo(new[] { ("A", 0.0), ("B", 4.0), ("D", 5.0) }));
    }

    [Test]
    public void Releasing_a_request_twice_is_an_error()
    {
        var sim = new Simulation();
        var lanes = new Resource(sim, 1);
        var request = lanes.Request();
        lanes.Release(request);

        Assert.That(() => lanes.Release(request), Throws.InvalidOperationException);
        Assert.That(lanes.InUse, Is.Zero);
    }

    [Test]
    public void A_request_cannot_be_released_on_another_resource()
    {
        var sim = new Simulation();
        var exportLanes = new Resource(sim, 1);
        var importLanes = new Resource(sim, 1);
        var request = exportLanes.Request();

        Assert.That(() => importLanes.Release(request), Throws.ArgumentException);
    }

    [Test]
    public void A_request_records_when_it_was_made_and_granted()
    {
        var sim = new Simulation();
        var lanes = new Resource(sim, 1);
        var starts = new List<(string, double)>();
        sim.Start(Truck(sim, lanes, "A", 3, starts));
        Request? second = null;
        IEnumerable<SimEvent> Late()
        {
            yield return sim.Timeout(1);
            second = lanes.Request();
            yield return second;
            Assert.That(second.RequestedAtHours, Is.EqualTo(1.0));
            Assert.That(second.GrantedAtHours, Is.EqualTo(3.0));
            Assert.That(second.IsGranted, Is.True);
            lanes.Release(second);
        }

        sim.Start(Late());
        sim.Run();

        Assert.That(second, Is.Not.Null);
    }

    [Test]
    public void A_long_queue_with_withdrawals_is_still_served_in_order()
    {
        // 10,000 waiting trucks, every seventh of which gives up: exercises the queue far from its
        // head (and the kernel's prefetching of the trucks next in line).
        var sim = new Simulation();
        var lanes = new Resource(sim, 3);
        var starts = new List<(string Truck, double StartHours)>();
        var requests = new List<Request>();
        IEnumerable<SimEvent> Truck(int id)
        {
            var lane = lanes.Request();
            requests.Add(lane);
            yield return lane;
            starts.Add((id.ToString(System.Globalization.CultureInfo.InvariantCulture), sim.NowHours));
            yield return sim.Timeout(1);
            lanes.Release(lane);
        }

        for (var i = 0; i < 10_000; i++)
        {
            sim.Start(Truck(i));
        }

        sim.Run(0.5);
        for (var i = 0; i < requests.Count; i += 7)
        {
            if (requests[i].IsWaiting)
            {
                lanes.Release(requests[i]);
            }
        }

        sim.Run();

        var expected = Enumerable.Range(0, 10_000).Where(i => i < 3 || i % 7 != 0).ToList();
        Assert.That(starts.Select(s => int.Parse(s.Truck, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));
        Assert.That(starts.Select(s => s.StartHours), Is.EqualTo(expected.Select((_, position) => (double)(position / 3))));
    }

    [Test]
    public void Trucks_that_give_up_do_not_lend_their_place_in_line_to_the_trucks_that_reuse_their_requests()
    {
        // Requests are pooled: a truck that gives up hands its request object to a later truck while
        // its old place in the queue is still there. The later truck must queue at the back.
        var sim = new Simulation();
        var lanes = new Resource(sim, 1);
        var served = new List<string>();
        IEnumerable<SimEvent> Truck(string name, double patienceHours, double serviceHours = 1)
        {
            var lane = lanes.Request();
            yield return sim.AnyOf(lane, sim.Timeout(patienceHours));
            if (!lane.IsGranted)
            {
                lanes.Release(lane); // gives up: withdraws from the queue
                yield break;
            }

            served.Add(name);
            yield return sim.Timeout(serviceHours);
            lanes.Release(lane);
        }

        IEnumerable<SimEvent> LaterArrivals()
        {
            yield return sim.Timeout(2);
            for (var i = 0; i < 200; i++)
            {
                sim.Start(Truck($"B{i}", 1_000));
            }
        }

        sim.Start(Truck("holder", 1_000, serviceHours: 10));
        for (var i = 0; i < 100; i++)
        {
            sim.Start(Truck($"A{i}", i < 90 ? 1 : 1_000)); // the first 90 give up after an hour
        }

        sim.Start(LaterArrivals());
        sim.Run(3);
        Assert.That(lanes.QueueLength, Is.EqualTo(210));

        sim.Run();

        var expected = new[] { "holder" }
            .Concat(Enumerable.Range(90, 10).Select(i => $"A{i}"))
            .Concat(Enumerable.Range(0, 200).Select(i => $"B{i}"));
        Assert.That(served, Is.EqualTo(expected));
    }
}
