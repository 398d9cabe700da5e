using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

/// <summary>
/// The truck trace (trucks.csv): each truck's times at every stage of its route, handed to the observer when it
/// leaves or when the run ends with it still in the system. Without an observer nothing is recorded.
/// </summary>
internal sealed class TruckTrace(CrossingModel model, CrossingRuntime runtime, RunClock clock, int replication, ITruckObserver? observer)
{
    public bool IsOn => observer is not null;

    /// <summary>A new truck's empty visits, one per stage of its route (only when tracing).</summary>
    public void Begin(Truck truck)
    {
        if (observer is null)
        {
            return;
        }

        var stages = runtime.Stages[truck.Direction];
        truck.Visits = new StageVisit[stages.Length];
        for (var s = 0; s < stages.Length; s++)
        {
            truck.Visits[s] = new StageVisit(stages[s].Stage.Name, double.NaN, double.NaN, double.NaN);
        }
    }

    /// <summary>The truck joined stage <paramref name="stage"/> now.</summary>
    public void Entered(Truck truck, int stage) => Mark(truck, stage, entered: true);

    /// <summary>The truck's service (or crossing) at stage <paramref name="stage"/> starts now.</summary>
    public void ServiceStarted(Truck truck, int stage) => Mark(truck, stage, entered: false);

    /// <summary>
    /// Records that the truck leaves stage <paramref name="stage"/> − 1 now, if that is the stage where it
    /// stands. Called where the truck lets its previous place go, which for a stage without places of its
    /// own is when its service starts, not when it begins to wait for it.
    /// </summary>
    public void LeftPrevious(Truck truck, int stage)
    {
        if (truck.Visits is not null && stage > 0 && truck.Held.Stage is not null && truck.Held.StageIndex == stage - 1)
        {
            truck.Visits[stage - 1] = truck.Visits[stage - 1] with { LeftHours = clock.NowHours };
        }
    }

    /// <summary>The truck leaves the system now: it leaves the last stage it entered, and the observer hears of it.</summary>
    public void Left(Truck truck, TruckOutcome outcome, double waitHours, bool isPastShelfLife)
    {
        if (observer is null)
        {
            return;
        }

        var now = clock.NowHours;
        var lastVisited = Array.FindLastIndex(truck.Visits!, v => !double.IsNaN(v.EnteredHours));
        if (lastVisited >= 0)
        {
            truck.Visits![lastVisited] = truck.Visits[lastVisited] with { LeftHours = now };
        }

        observer.OnTruckLeft(ToRecord(truck, now, outcome, waitHours, isPastShelfLife));
    }

    /// <summary>The trucks still in the system when the run ends, in the order they entered, with their waits so far.</summary>
    public void StillInSystem(LiveTrucks live, double now)
    {
        if (observer is null)
        {
            return;
        }

        foreach (var truck in live.NewestFirst().OrderBy(t => t.Id))
        {
            var isPastShelfLife = truck.IsPastShelfLife(runtime.Classes[truck.CargoClass].Spec.ShelfLifeHours, now);
            var outcome = truck.IsHeldAtOrigin ? TruckOutcome.HeldAtOriginAtEnd : TruckOutcome.InSystemAtEnd;
            observer.OnTruckLeft(ToRecord(truck, double.NaN, outcome, truck.WaitedHoursAt(now), isPastShelfLife));
        }
    }

    private void Mark(Truck truck, int stage, bool entered)
    {
        if (truck.Visits is null)
        {
            return;
        }

        var visit = truck.Visits[stage];
        truck.Visits[stage] = entered ? visit with { EnteredHours = clock.NowHours } : visit with { ServiceStartHours = clock.NowHours };
    }

    private TruckRecord ToRecord(Truck truck, double now, TruckOutcome outcome, double wait, bool isPastShelfLife)
    {
        var table = runtime.Stages[truck.Direction]
            .Select((stage, s) => (stage, s))
            .FirstOrDefault(p => p.stage.Stage.Kind == StageKind.Check);
        var channel = table.stage is null ? "" : table.stage.Stage.ChannelsByClass[truck.CargoClass].Names[truck.Channels[table.s]];
        return new TruckRecord(
            replication,
            truck.Id,
            model.Directions[truck.Direction].Name,
            model.ClassNames[truck.CargoClass],
            channel,
            truck.ArrivedHours,
            now,
            outcome,
            wait,
            isPastShelfLife,
            truck.Visits ?? []);
    }
}
