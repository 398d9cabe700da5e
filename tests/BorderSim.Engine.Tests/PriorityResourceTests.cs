using BorderSim.Engine;

namespace BorderSim.Engine.Tests;

public class PriorityResourceTests
{
    [Test]
    public void Lower_priority_numbers_are_served_first_and_equal_ones_in_arrival_order()
    {
        var sim = new Simulation();
        var booth = new PriorityResource(sim, 1);
        var served = new List<string>();
        IEnumerable<SimEvent> Truck(string name, int priority, double arriveHours)
        {
            yield return sim.Timeout(arriveHours);
            var request = booth.Request(priority);
            yield return request;
            served.Add(name);
            yield return sim.Timeout(1);
            booth.Release(request);
        }

        // "first" takes the booth at once; the others queue while it is busy.
        sim.Start(Truck("first", 9, 0));
        sim.Start(Truck("low-1", 5, 0.1));
        sim.Start(Truck("high-1", 1, 0.2));
        sim.Start(Truck("low-2", 5, 0.3));
        sim.Start(Truck("mid", 3, 0.4));
        sim.Start(Truck("high-2", 1, 0.5));
        sim.Run();

        Assert.That(served, Is.EqualTo(new[] { "first", "high-1", "high-2", "mid", "low-1", "low-2" }));
    }

    [Test]
    public void Reprioritize_gives_waiting_requests_new_ranks_and_keeps_arrival_order_among_equals()
    {
        var sim = new Simulation();
        var booth = new PriorityResource(sim, 1);
        var holder = booth.Request(0);

        // Tags 0 and 1 alternate, all at priority 0 (arrival order); then tag 1 is put first.
        var requests = Enumerable.Range(0, 6).Select(i =>
        {
            var request = booth.Request(0);
            request.Tag = i % 2;
            return request;
        }).ToList();
        booth.Reprioritize(r => r.Tag == 1 ? 0 : 1);

        var grantedOrder = new List<int>();
        booth.Release(holder);
        for (var step = 0; step < 6; step++)
        {
            var granted = requests.FindIndex(r => r.IsGranted);
            grantedOrder.Add(granted);
            booth.Release(requests[granted]);
            requests[granted] = booth.Request(99); // keep the index taken by an ungranted request far behind
        }

        Assert.That(grantedOrder, Is.EqualTo(new[] { 1, 3, 5, 0, 2, 4 }));
    }

    [Test]
    public void A_withdrawn_priority_request_keeps_the_order_of_the_others()
    {
        var sim = new Simulation();
        var booth = new PriorityResource(sim, 1);
        var holder = booth.Request(0);
        var requests = Enumerable.Range(0, 8).Select(i => booth.Request(i % 3)).ToList();
        booth.Release(requests[3]);
        Assert.That(booth.QueueLength, Is.EqualTo(7));
        Assert.That(booth.InUse, Is.EqualTo(1));

        var grantedOrder = new List<int>();
        booth.Release(holder);
        for (var step = 0; step < 7; step++)
        {
            var granted = requests.FindIndex(r => r.IsGranted);
            grantedOrder.Add(granted);
            booth.Release(requests[granted]);
        }

        // Priorities i % 3: 0 → {0, 6}, 1 → {1, 4, 7}, 2 → {2, 5}; request 3 (priority 0) withdrew.
        Assert.That(grantedOrder, Is.EqualTo(new[] { 0, 6, 1, 4, 7, 2, 5 }));
    }
}

public class PreemptiveResourceTests
{
    [Test]
    public void A_preempting_request_takes_the_unit_and_the_holder_is_interrupted_with_Preempted()
    {
        var sim = new Simulation();
        var team = new PreemptiveResource(sim, 1);
        Preempted? cause = null;
        double interruptedAt = double.NaN;
        Request? urgent = null;
        double urgentGrantedAt = double.NaN;
        IEnumerable<SimEvent> RoutineInspection()
        {
            var request = team.Request(priority: 5, preempt: false);
            yield return request;
            yield return sim.Timeout(10);
            if (sim.ActiveProcess!.HandleInterrupt())
            {
                cause = (Preempted?)sim.ActiveProcess.InterruptCause;
                interruptedAt = sim.NowHours;
            }

            team.Release(request);
        }

        IEnumerable<SimEvent> PerishableCargo()
        {
            yield return sim.Timeout(3);
            urgent = team.Request(priority: 0, preempt: true);
            yield return urgent;
            urgentGrantedAt = sim.NowHours;
            yield return sim.Timeout(1);
            team.Release(urgent);
        }

        sim.Process(RoutineInspection());
        sim.Process(PerishableCargo());
        sim.Run();

        Assert.That(interruptedAt, Is.EqualTo(3.0));
        Assert.That(urgentGrantedAt, Is.EqualTo(3.0));
        Assert.That(cause, Is.Not.Null);
        Assert.That(cause!.By, Is.SameAs(urgent));
        Assert.That(cause.UsageSinceHours, Is.EqualTo(0.0));
        Assert.That(cause.Resource, Is.SameAs(team));
        Assert.That(team.InUse, Is.Zero);
    }

    [Test]
    public void A_preempting_request_does_not_push_out_an_equal_or_higher_priority()
    {
        var sim = new Simulation();
        var team = new PreemptiveResource(sim, 1);
        var holder = team.Request(priority: 1, preempt: false);
        var rival = team.Request(priority: 1, preempt: true);

        Assert.That(holder.IsGranted, Is.True);
        Assert.That(holder.WasPreempted, Is.False);
        Assert.That(rival.IsWaiting, Is.True);
    }

    [Test]
    public void The_lowest_priority_holder_is_the_one_preempted()
    {
        var sim = new Simulation();
        var team = new PreemptiveResource(sim, 2);
        var important = team.Request(priority: 1, preempt: false);
        var routine = team.Request(priority: 4, preempt: false);
        var urgent = team.Request(priority: 0, preempt: true);

        Assert.That(routine.WasPreempted, Is.True);
        Assert.That(important.IsGranted, Is.True);
        Assert.That(urgent.IsGranted, Is.True);
        Assert.That(team.InUse, Is.EqualTo(2));
        Assert.That(team.Holders, Is.EquivalentTo(new[] { important, urgent }));
    }

    [Test]
    public void Preempting_a_holder_that_cannot_be_interrupted_is_refused_before_anything_changes()
    {
        // The holder runs as a pooled process (Simulation.Start), which cannot be interrupted: the
        // preempting request must fail before it evicts the holder or takes the unit, not after.
        var sim = new Simulation();
        var team = new PreemptiveResource(sim, 1);
        Request? routine = null;
        IEnumerable<SimEvent> RoutineInspection()
        {
            routine = team.Request(priority: 5, preempt: false);
            yield return routine;
            yield return sim.Timeout(10);
            team.Release(routine);
        }

        sim.Start(RoutineInspection());
        sim.Run(1);

        Assert.That(() => team.Request(priority: 0, preempt: true), Throws.InvalidOperationException);
        Assert.That(routine!.IsGranted, Is.True);
        Assert.That(routine.WasPreempted, Is.False);
        Assert.That(team.InUse, Is.EqualTo(1));
        Assert.That(team.QueueLength, Is.Zero);
        Assert.That(team.Holders, Is.EqualTo(new[] { routine }));

        sim.Run();
        Assert.That(team.InUse, Is.Zero, "the holder finishes and releases as if nothing happened");
    }
}
