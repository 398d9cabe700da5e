namespace BorderSim.Model.Crossing;

/// <summary>
/// The truck waits in the stage's queue for a unit of its pool (a hand-over driver, an automated vehicle) and keeps
/// it over the stages the pool covers: a unit waiting with its truck is held, a server is not kept idle for a unit.
/// </summary>
internal sealed class TakeUnit(PhaseContext context, int stageIndex, StageRuntime stage, PoolRuntime pool) : Phase(context, stageIndex, stage)
{
    private const int Ask = 0, Answered = 1;

    public override PhaseStep Step(Truck truck)
    {
        var clock = Context.Clock;
        if (truck.Cursor.Step == Ask)
        {
            var unit = truck.Held.Ask(pool.Units.Request());
            if (!unit.IsProcessed)
            {
                truck.Cursor.SinceHours = clock.NowHours;
                pool.Waiting.Add(clock.NowHours, 1);
                truck.Cursor.Step = Answered;
                return PhaseStep.Wait(Context.Await(truck, unit));
            }

            if (clock.IsMeasured)
            {
                pool.WaitHours.Add(0);
            }

            return Take(truck, unit);
        }

        pool.Waiting.Add(clock.NowHours, -1);
        var granted = truck.Held.Pending!;
        if (!granted.IsGranted)
        {
            return Context.GiveUp(truck);
        }

        if (truck.Cursor.SinceHours >= clock.WarmUpHours)
        {
            pool.WaitHours.Add(clock.NowHours - truck.Cursor.SinceHours);
        }

        return Take(truck, granted);
    }

    private PhaseStep Take(Truck truck, Engine.Request unit)
    {
        pool.Take();
        var returnHours = truck.PoolReturnHours.Length > 0 ? truck.PoolReturnHours[StageIndex] : 0;
        truck.Held.TakeUnit(pool, unit, Stage.Stage.PoolThroughStage, returnHours);
        return PhaseStep.Next;
    }
}

/// <summary>
/// The truck takes a server (booth, team, lane) in its place in the queue. On appointment-only days it may start
/// only within the day's quota and if its class is not excluded, and a capped stage starts at most its cap a local
/// day: a truck refused gives the server back (and its pool unit and yard turn), waits for the day it may ask again,
/// letting the trucks behind it pass, and then goes back to <paramref name="retryPhase"/> (its staging yard's turn,
/// its pool unit, or this phase).
/// </summary>
internal sealed class TakeServer(PhaseContext context, int stageIndex, StageRuntime stage, int retryPhase) : Phase(context, stageIndex, stage)
{
    private const int Ask = 0, Answered = 1, Refused = 2;

    public override PhaseStep Step(Truck truck)
    {
        switch (truck.Cursor.Step)
        {
            case Ask:
                var server = truck.Held.Ask(Context.Admission.RequestServer(truck, Stage));
                if (!server.IsProcessed)
                {
                    truck.Cursor.Step = Answered;
                    return PhaseStep.Wait(Context.Await(truck, server));
                }

                return Admit(truck);
            case Answered:
                return truck.Held.Pending!.IsGranted ? Admit(truck) : Context.GiveUp(truck);
            default:
                Stage.CountRefused(-1);
                return PhaseStep.GoTo(retryPhase);
        }
    }

    private PhaseStep Admit(Truck truck)
    {
        var clock = Context.Clock;
        var refusedUntil = Context.Admission.RefusedUntilHours(truck, Stage);
        if (!double.IsNaN(refusedUntil))
        {
            truck.Held.Release(ReleaseReason.RefusedForTheDay);
            Stage.CountRefused(1);
            truck.Cursor.Step = Refused;
            return PhaseStep.Wait(clock.Simulation.Timeout(refusedUntil - clock.NowHours));
        }

        var server = truck.Held.Pending!;
        truck.Held.Release(ReleaseReason.LeftQueue);
        Context.MoveTo(truck, StageIndex, Stage, server, isServer: true);
        truck.IsCommitted = true;
        Context.Trace.ServiceStarted(truck, StageIndex);
        return PhaseStep.Next;
    }
}

/// <summary>The truck is served; afterwards the server holds the finished truck until it gets a place downstream (blocked).</summary>
internal sealed class Serve(PhaseContext context, int stageIndex, StageRuntime stage) : Phase(context, stageIndex, stage)
{
    private const int Begin = 0, Served = 1;

    public override PhaseStep Step(Truck truck)
    {
        if (truck.Cursor.Step == Begin)
        {
            Context.Ledger.StartService(truck);
            truck.Cursor.Step = Served;
            return PhaseStep.Wait(Context.Clock.Simulation.Timeout(truck.ServiceHours[StageIndex]));
        }

        Context.Ledger.EndService(truck);
        Stage.BlockServer();
        return PhaseStep.Next;
    }
}
