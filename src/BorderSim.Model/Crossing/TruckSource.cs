using BorderSim.Engine;
using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

/// <summary>
/// Where trucks come from: each direction's own arrivals (a non-homogeneous Poisson stream with its class mix), the
/// trucks already waiting when the run starts, and the trucks an origin routes to a direction; every one sets out on
/// its journey unless a ban turns it away.
/// </summary>
internal sealed class TruckSource(CrossingRuntime runtime, RunClock clock, TruckFactory trucks, Admission admission, OutcomeLedger ledger, Journey journey)
{
    private Simulation Sim => clock.Simulation;

    /// <summary>Starts the starting backlog and the arrivals of every direction.</summary>
    public void Start()
    {
        StartBacklog();
        foreach (var direction in runtime.Directions)
        {
            Sim.Start(Arrivals(direction));
        }
    }

    /// <summary>
    /// A truck arrives in a direction and sets out, unless a ban turns it away or holds it at its origin (it sets out
    /// when the ban ends); <paramref name="letThroughLot"/> is its lot if its origin already drew one against a ban (NaN: none);
    /// <paramref name="originIndex"/> the origin that routed it (−1: the direction's own arrivals); <paramref name="parked"/>
    /// the truck as its origin's park released it (its patience runs from when it reached the park), or null.
    /// </summary>
    public void Arrive(DirectionRuntime direction, int cargoClass, double letThroughLot = double.NaN, int originIndex = -1, ParkedTruck? parked = null)
    {
        var ban = admission.BanOnArrival(direction.Direction, cargoClass, ref letThroughLot);
        var isTurnedAway = ban is { TurnsAway: true };
        var heldUntilHours = ban is { TurnsAway: false } ? ban.UntilHours : 0;
        var truck = parked is null
            ? trucks.Enter(direction.Direction.Index, cargoClass, TruckOrigin.Arrival, heldUntilHours: heldUntilHours)
            : trucks.EnterFromPark(direction.Direction.Index, parked, heldUntilHours);
        truck.LetThroughLot = letThroughLot;
        truck.OriginIndex = originIndex;
        if (isTurnedAway)
        {
            ledger.Left(truck, TruckOutcome.TurnedAway);
            return;
        }

        Sim.Start(journey.Of(truck));
    }

    private IEnumerable<SimEvent> Arrivals(DirectionRuntime direction)
    {
        var rates = direction.Direction.Arrivals;
        while (true)
        {
            var next = rates.NextArrival(Sim.NowHours, direction.ArrivalStream.NextExponential());
            if (double.IsPositiveInfinity(next))
            {
                yield break;
            }

            yield return Sim.Timeout(next - Sim.NowHours);
            var cargoClass = rates.ClassAt(Sim.NowHours, direction.ClassStream.NextDouble());
            Arrive(direction, cargoClass);
        }
    }

    /// <summary>
    /// Trucks already waiting when the run starts, oldest first in each direction, ahead of every arrival:
    /// each starts its journey at the stage where it waits (or on the highway, at the first stage).
    /// </summary>
    private void StartBacklog()
    {
        foreach (var direction in runtime.Directions)
        {
            var backlog = direction.Direction.Backlog;
            if (backlog.Length == 0)
            {
                continue;
            }

            // Ages come from their own stream, so the trucks that arrive during the run draw what they would without a backlog.
            var ages = new List<(double AgeHours, int Order, CompiledBacklog Group)>();
            foreach (var group in backlog)
            {
                for (var i = 0; i < group.Trucks; i++)
                {
                    ages.Add((group.AgeHours?.Sample(direction.BacklogStream) ?? 0, ages.Count, group));
                }
            }

            ages.Sort((a, b) => a.AgeHours != b.AgeHours ? b.AgeHours.CompareTo(a.AgeHours) : a.Order.CompareTo(b.Order));
            foreach (var (age, _, group) in ages)
            {
                var truck = trucks.Enter(direction.Direction.Index, group.CargoClass, TruckOrigin.Backlog, age);
                truck.IsCommitted = group.IsCommitted;
                Sim.Start(journey.Of(truck, group.FirstPhase));
            }

            direction.HasStartingBacklog = true;
            if (clock.WarmUpHours <= 0)
            {
                direction.ResetStatistics(Sim.NowHours);
            }
        }
    }
}
