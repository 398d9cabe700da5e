using BorderSim.Engine;
using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

/// <summary>
/// The books of the replication: who is in the system and waiting, who a ban holds at their origin, and how each
/// truck left (served, gave up waiting, turned away by a ban, or left the line when an event started),
/// per direction, class and local day; counts and statistics after the warm-up, day counts throughout.
/// </summary>
internal sealed class OutcomeLedger(CrossingRuntime runtime, RunClock clock, LiveTrucks live, TruckTrace trace)
{
    private readonly int _runDayCount = Enumerable.Range(0, clock.Days.Count).Count(d => clock.Days.StartOf(d) < clock.RunHours);

    /// <summary>Local days of the scenario zone the run touches.</summary>
    public int RunDayCount => _runDayCount;

    /// <summary>
    /// A truck enters the replication now: one of the starting backlog is in the system, not an arrival; one a ban
    /// holds at its origin (<see cref="Truck.HeldUntilHours"/>) is counted there and arrives when it sets out.
    /// </summary>
    public void Entered(Truck truck, bool isArrival)
    {
        if (live.IsFull)
        {
            throw LimitReached();
        }

        live.Add(truck);
        if (truck.IsHeldAtOrigin)
        {
            runtime.Directions[truck.Direction].HeldAtOriginByClass[truck.CargoClass]++;
            return;
        }

        Arrives(truck, isArrival);
    }

    /// <summary>
    /// A truck a ban held at its origin sets out now: it arrives at the route, its wait and time in the system there start
    /// now. The hours it was held are counted apart (after the warm-up), as an origin's park counts the time before its
    /// release, unless <paramref name="givesUp"/>: its patience ran out at its origin (the park counts no give-up's wait).
    /// </summary>
    public void SetsOut(Truck truck, bool givesUp)
    {
        var direction = runtime.Directions[truck.Direction];
        direction.HeldAtOriginByClass[truck.CargoClass]--;
        truck.SetOut(clock.NowHours);
        if (!givesUp && clock.IsMeasured)
        {
            direction.HeldAtOriginHours.Add(clock.NowHours - truck.ArrivedHours);
        }

        Arrives(truck, isArrival: true);
    }

    /// <summary>A truck an origin's rule sent to <paramref name="chosenRoute"/> took another route now.</summary>
    public void Diverted(int chosenRoute, int cargoClass)
    {
        var direction = runtime.Directions[chosenRoute];
        direction.Day(clock.Today, cargoClass).Diverted++;
        if (clock.IsMeasured)
        {
            direction.Diverted[cargoClass]++;
        }
    }

    private void Arrives(Truck truck, bool isArrival)
    {
        var direction = runtime.Directions[truck.Direction];
        direction.InSystem.Add(clock.NowHours, 1);
        direction.InSystemByClass[truck.CargoClass]++;
        direction.WaitingTrucks++;
        if (!isArrival)
        {
            return;
        }

        direction.Day(clock.Today, truck.CargoClass).Arrived++;
        if (clock.IsMeasured)
        {
            direction.Arrived[truck.CargoClass]++;
        }
    }

    /// <summary>The replication holds as many trucks as it may: which direction holds the most, and when.</summary>
    private TrucksInSystemLimitException LimitReached()
    {
        var fullest = runtime.Directions.MaxBy(d => d.InSystemByClass.Sum())!;
        return new TrucksInSystemLimitException(
            live.Limit, clock.NowHours, clock.Days.DateOf(clock.Today), fullest.Direction.Name, fullest.InSystemByClass.Sum());
    }

    /// <summary>The truck stops waiting: its service, crossing or dwell starts.</summary>
    public void StartService(Truck truck)
    {
        truck.StartService(clock.NowHours);
        StopWaiting(runtime.Directions[truck.Direction]);
    }

    /// <summary>The truck is free to move on again: it waits until it has its next place or leaves.</summary>
    public void EndService(Truck truck)
    {
        truck.EndService(clock.NowHours);
        runtime.Directions[truck.Direction].WaitingTrucks++;
    }

    /// <summary>The truck leaves the system now, <paramref name="outcome"/> (it has given back all it held).</summary>
    public void Left(Truck truck, TruckOutcome outcome)
    {
        var now = clock.NowHours;
        var direction = runtime.Directions[truck.Direction];
        if (!double.IsNaN(truck.FreeSinceHours))
        {
            StopWaiting(direction);
        }

        direction.InSystem.Add(now, -1);
        direction.InSystemByClass[truck.CargoClass]--;
        live.Remove(truck);
        var timeInSystem = now - truck.ReachedRouteHours;
        var wait = truck.WaitedHoursAt(now);
        var cargoClass = runtime.Classes[truck.CargoClass];

        // The cargo ages from the truck's arrival, held at its origin or in its origin's park or not.
        var isPastShelfLife = truck.IsPastShelfLife(cargoClass.Spec.ShelfLifeHours, now);
        if (now >= clock.WarmUpHours)
        {
            Measure(truck, outcome, direction, cargoClass, timeInSystem, wait, isPastShelfLife);
        }

        ref var today = ref direction.Day(clock.Days.IndexAt(now), truck.CargoClass);
        if (outcome == TruckOutcome.Served)
        {
            direction.CountServedOn(clock.Days.IndexAt(now), truck.CargoClass);
            if (direction.HasStartingBacklog && double.IsNaN(direction.BacklogClearedAtHours))
            {
                direction.ServedWhileBacklog++;
            }

            today.Served++;
            today.WaitHoursSum += wait;
        }
        else if (outcome == TruckOutcome.TurnedAway)
        {
            today.TurnedAway++;
        }
        else if (outcome == TruckOutcome.LeftOnEvent)
        {
            today.LeftOnEvent++;
        }
        else if (outcome == TruckOutcome.MovedOnEvent)
        {
            today.MovedOnEvent++;
        }
        else
        {
            today.GaveUp++;
        }

        trace.Left(truck, outcome, wait, isPastShelfLife);
    }

    /// <summary>
    /// The truck, served at its destination yard, stays on the far side instead of returning empty (counted after the
    /// warm-up, as the empty's arrival would have been): served in its direction, it never arrives in the other.
    /// </summary>
    public void NotReturnedEmpty(Truck truck)
    {
        if (clock.IsMeasured)
        {
            runtime.Directions[truck.Direction].NotReturnedEmpty++;
        }
    }

    /// <summary>At each local midnight of the scenario zone, the backlog of the day that ends.</summary>
    public IEnumerable<SimEvent> DayEnds()
    {
        var sim = clock.Simulation;
        for (var day = 0; day + 1 < _runDayCount; day++)
        {
            var end = clock.Days.StartOf(day + 1);
            if (end > sim.NowHours)
            {
                yield return sim.Timeout(end - sim.NowHours);
            }

            RecordBacklog(day);
        }
    }

    /// <summary>The trucks in the system at the end of local day <paramref name="day"/>, per direction and class.</summary>
    public void RecordBacklog(int day)
    {
        if (day < 0)
        {
            return;
        }

        foreach (var direction in runtime.Directions)
        {
            for (var c = 0; c < direction.InSystemByClass.Length; c++)
            {
                ref var counts = ref direction.Day(day, c);
                counts.BacklogAtEnd = direction.InSystemByClass[c];
                counts.HeldAtOriginAtEnd = direction.HeldAtOriginByClass[c];
            }
        }
    }

    private static void Measure(Truck truck, TruckOutcome outcome, DirectionRuntime direction, ClassRuntime cargoClass, double timeInSystem, double wait, bool isPastShelfLife)
    {
        if (outcome == TruckOutcome.GaveUp)
        {
            direction.GaveUp[truck.CargoClass]++;
            return;
        }

        if (outcome == TruckOutcome.TurnedAway)
        {
            direction.TurnedAway[truck.CargoClass]++;
            return;
        }

        if (outcome == TruckOutcome.LeftOnEvent)
        {
            direction.LeftOnEvent[truck.CargoClass]++;
            return;
        }

        if (outcome == TruckOutcome.MovedOnEvent)
        {
            direction.MovedOnEvent[truck.CargoClass]++;
            return;
        }

        direction.Served[truck.CargoClass]++;
        direction.ServedTonnes += cargoClass.Spec.Tonnes;
        direction.WaitHours.Add(wait);
        direction.TimeInSystemHours.Add(timeInSystem);
        // Every hour its load waited for the crossing costs: on the route, and before it (a ban's hold, an origin's park).
        direction.DelayCostUsd += (wait + truck.WaitedBeforeRouteHours) * cargoClass.Spec.DelayCostUsdPerHour;
        cargoClass.WaitHours.Add(wait);
        cargoClass.TimeInSystemHours.Add(timeInSystem);
        if (isPastShelfLife)
        {
            cargoClass.PastShelfLife++;
        }
    }

    /// <summary>One truck fewer waits in the direction; the first time none does, a starting backlog has cleared.</summary>
    private void StopWaiting(DirectionRuntime direction)
    {
        if (--direction.WaitingTrucks == 0 && direction.HasStartingBacklog && double.IsNaN(direction.BacklogClearedAtHours))
        {
            direction.BacklogClearedAtHours = clock.NowHours;
        }
    }
}
