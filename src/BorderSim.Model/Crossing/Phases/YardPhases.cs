namespace BorderSim.Model.Crossing;

/// <summary>
/// A staging yard releases trucks in turn and only within its daily quota. The turn is held until the truck has its
/// place downstream, and the release counts on the day it leaves the yard, never on a day it spent stuck in the yard.
/// </summary>
internal sealed class AwaitRelease(PhaseContext context, int stageIndex, StageRuntime yard) : Phase(context, stageIndex, yard)
{
    private const int AskForTurn = 0, AnsweredTurn = 1, AwaitQuota = 2;

    public override PhaseStep Step(Truck truck)
    {
        ref var cursor = ref truck.Cursor;
        switch (cursor.Step)
        {
            case AskForTurn:
                var turn = truck.Held.Ask(Context.Admission.RequestTurn(truck, Stage));
                if (!turn.IsProcessed)
                {
                    cursor.Step = AnsweredTurn;
                    return PhaseStep.Wait(Context.Await(truck, turn));
                }

                truck.Held.TakeTurn(Stage, turn);
                break;
            case AnsweredTurn:
                if (!truck.Held.Pending!.IsGranted)
                {
                    return Context.GiveUp(truck);
                }

                truck.Held.TakeTurn(Stage, truck.Held.Pending);
                break;
        }

        cursor.Step = AwaitQuota;
        return Context.Admission.IsReleaseQuotaUsedUp(Stage)
            ? PhaseStep.Wait(Context.Clock.Simulation.Timeout(Context.Clock.HoursToTomorrow()))
            : PhaseStep.Next;
    }
}

/// <summary>The truck takes a place in front of the stage; while it waits for one it keeps the one it holds (blocking).</summary>
internal sealed class TakePlace(PhaseContext context, int stageIndex, StageRuntime stage) : Phase(context, stageIndex, stage)
{
    private const int Ask = 0, Answered = 1;

    /// <summary>A first stage that overflows onto the highway: a truck waiting for a place there waits on the highway.</summary>
    private readonly bool _waitsOnHighway = stageIndex == 0 && stage.Stage.OverflowToHighway;

    public override PhaseStep Step(Truck truck)
    {
        var highway = Context.Runtime.Directions[truck.Direction].HighwayQueue;
        if (truck.Cursor.Step == Ask)
        {
            if (Stage.Places is null)
            {
                Context.MoveTo(truck, StageIndex, Stage, null, isServer: false);
                return PhaseStep.Next;
            }

            var place = truck.Held.Ask(Context.Admission.RequestPlace(truck, Stage));
            if (place.IsProcessed)
            {
                Context.MoveTo(truck, StageIndex, Stage, place, isServer: false);
                return PhaseStep.Next;
            }

            if (_waitsOnHighway)
            {
                highway.Add(Context.Clock.NowHours, 1);
            }

            // Its stand does not change while it waits: the same test counts it out when the answer comes.
            if (truck.Held.Stage is null)
            {
                Stage.WaitingForPlace++;
            }

            truck.Cursor.Step = Answered;
            return PhaseStep.Wait(Context.Await(truck, place));
        }

        if (_waitsOnHighway)
        {
            highway.Add(Context.Clock.NowHours, -1);
        }

        if (truck.Held.Stage is null)
        {
            Stage.WaitingForPlace--;
        }

        var granted = truck.Held.Pending!;
        if (!granted.IsGranted)
        {
            return Context.GiveUp(truck);
        }

        Context.MoveTo(truck, StageIndex, Stage, granted, isServer: false);
        return PhaseStep.Next;
    }
}

/// <summary>
/// The truck joins the stage: it counts in its queue (or in the yard). A truck refused service for the day that
/// comes back through its staging yard's turn is still in the queue: joining again changes nothing.
/// </summary>
internal sealed class Join(PhaseContext context, int stageIndex, StageRuntime stage) : Phase(context, stageIndex, stage)
{
    public override PhaseStep Step(Truck truck)
    {
        var held = truck.Held;
        if (held.QueuedAt == Stage)
        {
            return PhaseStep.Next;
        }

        Stage.Waiting.Add(Context.Clock.NowHours, 1);
        if (Stage.Stage.HasServers)
        {
            // A check fed straight from a yard (no places of its own) has its queue standing in that yard: the
            // yard counts those trucks as queued onward, so parked trucks and queues count each truck once.
            StageRuntime? inYard = null;
            if (Stage.Stage.Places == 0 && !held.IsServer && held.Stage is { Stage.HasServers: false } yard)
            {
                yard.QueuedOnward++;
                inYard = yard;
            }

            // A first check or road with no finite places in front: its queue stands on the approach road.
            var onHighway = StageIndex == 0 && Stage.Places is null;
            if (onHighway)
            {
                Context.Runtime.Directions[truck.Direction].HighwayQueue.Add(Context.Clock.NowHours, 1);
            }

            held.Queue(Stage, inYard, onHighway);
        }

        Context.Trace.Entered(truck, StageIndex);
        return PhaseStep.Next;
    }
}

/// <summary>The truck stays in a yard for its dwell time.</summary>
internal sealed class Dwell(PhaseContext context, int stageIndex, StageRuntime yard) : Phase(context, stageIndex, yard)
{
    private const int Begin = 0, Dwelt = 1;

    public override PhaseStep Step(Truck truck)
    {
        var hours = truck.ServiceHours[StageIndex];
        if (truck.Cursor.Step == Dwelt)
        {
            Context.Ledger.EndService(truck);
            return PhaseStep.Next;
        }

        if (truck.Cursor.Step != Begin || !(hours > 0))
        {
            return PhaseStep.Next;
        }

        Context.Ledger.StartService(truck);
        truck.Cursor.Step = Dwelt;
        return PhaseStep.Wait(Context.Clock.Simulation.Timeout(hours));
    }
}

/// <summary>
/// The truck stays in a yard while a ban on its class holds there (checked again after each wait: another ban may hold
/// it from then). A driver not yet committed whose patience runs out before the ban ends gives up then.
/// </summary>
internal sealed class AwaitBanEnd(PhaseContext context, int stageIndex, StageRuntime yard) : Phase(context, stageIndex, yard)
{
    public override PhaseStep Step(Truck truck)
    {
        var until = Context.Admission.BannedInYardUntilHours(truck, Stage);
        if (double.IsNaN(until))
        {
            return PhaseStep.Next;
        }

        if (!truck.IsCommitted && truck.PatienceDeadlineHours < until)
        {
            return Context.Clock.NowHours >= truck.PatienceDeadlineHours
                ? Context.GiveUp(truck)
                : PhaseStep.Wait(Context.Clock.Until(truck.PatienceDeadlineHours));
        }

        return PhaseStep.Wait(Context.Clock.Until(until));
    }
}
