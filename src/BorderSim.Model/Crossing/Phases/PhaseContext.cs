using BorderSim.Engine;
using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

/// <summary>What the phases of every route share: the clock, the rules of admission, the books and the trace, and the moves every phase makes the same way.</summary>
internal sealed class PhaseContext(CrossingRuntime runtime, RunClock clock, Admission admission, OutcomeLedger ledger, TruckTrace trace)
{
    public CrossingRuntime Runtime { get; } = runtime;

    public RunClock Clock { get; } = clock;

    public Admission Admission { get; } = admission;

    public OutcomeLedger Ledger { get; } = ledger;

    public TruckTrace Trace { get; } = trace;

    /// <summary>The event a truck waits on for <paramref name="request"/>: with its patience unless it is committed.</summary>
    public SimEvent Await(Truck truck, Request request)
    {
        if (truck.IsCommitted || truck.PatienceDeadlineHours == double.PositiveInfinity)
        {
            return request;
        }

        var sim = Clock.Simulation;
        var left = Math.Max(0, truck.PatienceDeadlineHours - sim.NowHours);
        return sim.AnyOf(request, sim.Timeout(left));
    }

    /// <summary>
    /// The truck's wait ended without what it asked for: it gave up (its patience ran out) or an event made it leave the
    /// line (<see cref="Truck.DepartsOnEvent"/>). Either way it gives back everything it holds or asked for, and leaves.
    /// </summary>
    public PhaseStep GiveUp(Truck truck)
    {
        truck.Held.Release(ReleaseReason.GaveUp);
        Ledger.Left(truck, truck.DepartsOnEvent switch
        {
            EventDeparture.Moves => TruckOutcome.MovedOnEvent,
            EventDeparture.Leaves => TruckOutcome.LeftOnEvent,
            _ => TruckOutcome.GaveUp,
        });
        return PhaseStep.Left;
    }

    /// <summary>The truck moves to stage <paramref name="s"/>, onto <paramref name="unit"/> (a place, a server, or null for an unbounded place).</summary>
    public void MoveTo(Truck truck, int s, StageRuntime stage, Request? unit, bool isServer)
    {
        Trace.LeftPrevious(truck, s);
        truck.Held.MoveTo(s, stage, unit, isServer);
    }
}
