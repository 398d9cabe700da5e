using BorderSim.Engine;
using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

/// <summary>
/// The story of one truck: the phases of its route in order (<see cref="Route.Phases"/>: take a place, wait for a
/// release, join, take a pool unit, take a server, be served, dwell), each a small state machine that says after each
/// step whether the truck waits, goes on, goes back to another phase or has left. What the truck holds is in
/// <see cref="Truck.Held"/> and given back through <see cref="Holding.Release"/>.
/// </summary>
internal sealed class Journey
{
    private readonly CrossingModel _model;
    private readonly PhaseContext _context;
    private readonly TruckFactory _trucks;
    private readonly Phase[][] _phasesByDirection;

    /// <summary>Per direction whose destination yard returns trucks empty: the phases of the return route they enter at and stop before.</summary>
    private readonly (int First, int End)[] _returnPhases;

    public Journey(CrossingModel model, PhaseContext context, TruckFactory trucks)
    {
        _model = model;
        _context = context;
        _trucks = trucks;
        _phasesByDirection = [.. model.Directions.Select(d => d.Phases.Select(p => Compose(p, context.Runtime.Stages[d.Index])).ToArray())];
        _returnPhases = [.. model.Directions.Select(d => ReturnPhases(model, d.Stages[^1]))];
    }

    private static (int First, int End) ReturnPhases(CrossingModel model, CompiledStage last) =>
        last.EmptyReturn is { } back ? back.PhaseRange(model.Directions[back.Direction].Phases) : (0, int.MaxValue);

    /// <summary>
    /// The truck's journey from phase <paramref name="firstPhase"/> of its route (a truck of the starting backlog starts
    /// where it waits) to the phase before <paramref name="endPhase"/> (an empty truck may leave its return route early).
    /// </summary>
    public IEnumerable<SimEvent> Of(Truck truck, int firstPhase = 0, int endPhase = int.MaxValue)
    {
        if (truck.IsHeldAtOrigin)
        {
            // Held at its origin by a ban: it waits off the road, in no queue of the route (its wait there starts when it
            // sets out; the hold is counted apart), and sets out when the ban ends, unless its patience runs out first:
            // then it gives up at its origin (it counts as arrived and as given up, having waited nothing on the route).
            var givesUp = truck.PatienceDeadlineHours < truck.HeldUntilHours;
            yield return _context.Clock.Until(givesUp ? truck.PatienceDeadlineHours : truck.HeldUntilHours);
            _context.Ledger.SetsOut(truck, givesUp);
            if (givesUp)
            {
                _context.GiveUp(truck);
                yield break;
            }
        }

        var phases = _phasesByDirection[truck.Direction];
        var end = Math.Min(endPhase, phases.Length);
        var p = firstPhase;
        while (p < end)
        {
            truck.Cursor = default;
            var step = phases[p].Step(truck);
            while (step.WaitFor is { } waitFor)
            {
                yield return waitFor;
                step = phases[p].Step(truck);
            }

            if (step.HasLeft)
            {
                yield break;
            }

            p = step.NextPhase(p);
        }

        Finish(truck, reachedDestination: p >= phases.Length);
    }

    /// <summary>
    /// Served at its last stage (or an empty truck at the last stage of its return), the truck gives back all it holds and
    /// leaves; from a delivery yard it returns empty if its lot (one draw per truck, from the direction's own stream, so
    /// the share moves no other draw) falls below the yard's share, else it stays on the far side (not_returned_empty).
    /// </summary>
    private void Finish(Truck truck, bool reachedDestination)
    {
        truck.Held.Release(ReleaseReason.Finished);
        _context.Ledger.Left(truck, TruckOutcome.Served);
        var last = _context.Runtime.Stages[truck.Direction][^1];
        if (reachedDestination && last.Stage.EmptyReturn is { } back && _model.EmptyClassIndex >= 0)
        {
            if (!back.Returns(_context.Runtime.Directions[truck.Direction].EmptyReturnStream.NextDouble()))
            {
                _context.Ledger.NotReturnedEmpty(truck);
                return;
            }

            var empty = _trucks.Enter(back.Direction, _model.EmptyClassIndex, TruckOrigin.EmptyReturn);
            var (first, end) = _returnPhases[truck.Direction];
            _context.Clock.Simulation.Start(Of(empty, first, end));
        }
    }

    private Phase Compose(RoutePhase phase, StageRuntime[] stages)
    {
        var s = phase.Stage;
        var stage = stages[s];
        return phase.Kind switch
        {
            PhaseKind.AwaitRelease => new AwaitRelease(_context, s, stage),
            PhaseKind.TakePlace => new TakePlace(_context, s, stage),
            PhaseKind.Join => new Join(_context, s, stage),
            PhaseKind.Dwell => new Dwell(_context, s, stage),
            PhaseKind.AwaitBanEnd => new AwaitBanEnd(_context, s, stage),
            PhaseKind.TakeUnit => new TakeUnit(_context, s, stage, _context.Runtime.Pools[stage.Stage.PoolIndex]),
            PhaseKind.TakeServer => new TakeServer(_context, s, stage, phase.RetryFrom),
            PhaseKind.Serve => new Serve(_context, s, stage),
            _ => throw new InvalidOperationException($"unknown phase {phase.Kind}"),
        };
    }
}
