using BorderSim.Engine;
using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

/// <summary>
/// The books of the replication: who is in the system and waiting, and how each truck left (served or gave up),
/// per direction, class and local day; counts and statistics after the warm-up, day counts throughout.
/// </summary>
internal sealed class OutcomeLedger(CrossingRuntime runtime, RunClock clock, LiveTrucks live, TruckTrace trace)
{
    private readonly int _runDayCount = Enumerable.Range(0, clock.Days.Count).Count(d => clock.Days.StartOf(d) < clock.RunHours);

    /// <summary>Local days of the scenario zone the run touches.</summary>
    public int RunDayCount => _runDayCount;

    /// <summary>A truck enters the system now, waiting; one of the starting backlog is in it, not an arrival.</summary>
    public void Entered(Truck truck, bool isArrival)
    {
        if (live.IsFull)
        {
            throw LimitReached();
        }

        live.Add(truck);
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

    /// <summary>A truck arriving now is turned away by a ban (it also leaves as given up).</summary>
    public void TurnedAway(Truck truck)
    {
        runtime.Directions[truck.Direction].TurnedAway[truck.CargoClass] += clock.IsMeasured ? 1 : 0;
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
        var timeInSystem = now - truck.ArrivedHours;
        var wait = truck.WaitedHoursAt(now);
        var cargoClass = runtime.Classes[truck.CargoClass];
        var isPastShelfLife = cargoClass.Spec.ShelfLifeHours is { } shelfLife && timeInSystem > shelfLife;
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
        else
        {
            today.GaveUp++;
        }

        trace.Left(truck, outcome, wait, isPastShelfLife);
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
                direction.Day(day, c).BacklogAtEnd = direction.InSystemByClass[c];
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

        direction.Served[truck.CargoClass]++;
        direction.ServedTonnes += cargoClass.Spec.Tonnes;
        direction.WaitHours.Add(wait);
        direction.TimeInSystemHours.Add(timeInSystem);
        direction.DelayCostUsd += wait * cargoClass.Spec.DelayCostUsdPerHour;
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
