using BorderSim.Engine;

namespace BorderSim.Model.Crossing;

/// <summary>Why a truck gives something back, which says what it gives back.</summary>
internal enum ReleaseReason
{
    /// <summary>It took its next place or server: it gives back where it stood and its yard turn, a release of that yard today.</summary>
    MovedOn,

    /// <summary>It passed the last stage its pool unit covers: the unit returns for its return time before another truck can take it.</summary>
    UnitTripDone,

    /// <summary>It got its server and leaves the queue it joined.</summary>
    LeftQueue,

    /// <summary>
    /// It was refused service for the day: it gives back the server it was just granted, its pool unit (free at once)
    /// and its yard turn (no release of the yard); it keeps where it stands and its place in the queue.
    /// </summary>
    RefusedForTheDay,

    /// <summary>It gave up: it withdraws what it asked for and gives back everything; its yard turn is no release, its unit is free at once.</summary>
    GaveUp,

    /// <summary>Served at its last stage, it leaves: where it stands, its yard turn (a release) and its unit (after a trip).</summary>
    Finished,
}

/// <summary>
/// What a truck holds at a moment of its journey: what it has asked for and waits on, where it stands (a place or
/// a server of one stage), its turn at a staging yard's exit, the queue counts it is in, and the pool unit it holds
/// over several stages. Everything it holds is given back through <see cref="Release"/>, for a reason.
/// </summary>
internal sealed class Holding(RunClock clock, DirectionRuntime direction)
{
    /// <summary>What the truck asked for last and has not taken yet (a place, turn, unit or server); null otherwise.</summary>
    public Request? Pending { get; private set; }

    /// <summary>The stage where the truck stands (null before its first place).</summary>
    public StageRuntime? Stage { get; private set; }

    /// <summary>Index of <see cref="Stage"/> in the truck's route.</summary>
    public int StageIndex { get; private set; }

    /// <summary>The place or server the truck occupies there; null for a place in an unbounded yard or buffer.</summary>
    public Request? Unit { get; private set; }

    /// <summary>Whether <see cref="Unit"/> is a server (the truck is in or after service) rather than a place.</summary>
    public bool IsServer { get; private set; }

    /// <summary>The staging yard whose exit turn the truck holds, and that turn.</summary>
    public StageRuntime? TurnYard { get; private set; }

    public Request? Turn { get; private set; }

    /// <summary>The check or road in whose queue the truck counts (joined, no server yet).</summary>
    public StageRuntime? QueuedAt { get; private set; }

    /// <summary>The yard in which that queue stands (the check has no places of its own), counted as queued onward.</summary>
    public StageRuntime? QueuedInYard { get; private set; }

    /// <summary>Whether that queue stands on the highway (a first check or road with unbounded places).</summary>
    public bool QueuedOnHighway { get; private set; }

    /// <summary>The pool whose unit the truck holds, and that unit.</summary>
    public PoolRuntime? Pool { get; private set; }

    public Request? PoolUnit { get; private set; }

    /// <summary>The last stage (route index) the unit is held over.</summary>
    public int PoolThroughStage { get; private set; }

    /// <summary>How long the unit takes to return after its trip (drawn on arrival for the stage it was taken at).</summary>
    public double PoolReturnHours { get; private set; }

    /// <summary>The truck asks for <paramref name="request"/>; until it takes it, giving up withdraws it.</summary>
    public Request Ask(Request request)
    {
        Pending = request;
        return request;
    }

    /// <summary>
    /// The truck moves to stage <paramref name="s"/>, onto <paramref name="unit"/> (a place, a server, or null for an
    /// unbounded place): it gives back where it stood and its yard turn, and its pool unit past the unit's last stage.
    /// </summary>
    public void MoveTo(int s, StageRuntime stage, Request? unit, bool isServer)
    {
        Release(ReleaseReason.MovedOn);
        if (PoolUnit is not null && s > PoolThroughStage)
        {
            Release(ReleaseReason.UnitTripDone);
        }

        Pending = null;
        Stage = stage;
        StageIndex = s;
        Unit = unit;
        IsServer = isServer;
    }

    /// <summary>The truck joined the queue of <paramref name="stage"/> (a check or road), standing in <paramref name="yard"/> or on the highway.</summary>
    public void Queue(StageRuntime stage, StageRuntime? yard, bool onHighway)
    {
        QueuedAt = stage;
        QueuedInYard = yard;
        QueuedOnHighway = onHighway;
    }

    /// <summary>The truck has its turn at the exit of <paramref name="yard"/>.</summary>
    public void TakeTurn(StageRuntime yard, Request turn)
    {
        Pending = null;
        TurnYard = yard;
        Turn = turn;
    }

    /// <summary>The truck has a unit of <paramref name="pool"/>, held through stage <paramref name="throughStage"/>; after its trip it returns for <paramref name="returnHours"/>.</summary>
    public void TakeUnit(PoolRuntime pool, Request unit, int throughStage, double returnHours)
    {
        Pending = null;
        Pool = pool;
        PoolUnit = unit;
        PoolThroughStage = throughStage;
        PoolReturnHours = returnHours;
    }

    /// <summary>The one place where what a truck holds is given back; <paramref name="reason"/> says what goes.</summary>
    public void Release(ReleaseReason reason)
    {
        switch (reason)
        {
            case ReleaseReason.MovedOn:
                GiveBackStand();
                GiveBackTurn(leftYard: true);
                break;
            case ReleaseReason.UnitTripDone:
                GiveBackUnit(trip: true);
                break;
            case ReleaseReason.LeftQueue:
                LeaveQueue();
                break;
            case ReleaseReason.RefusedForTheDay:
                WithdrawPending();
                GiveBackUnit(trip: false);
                GiveBackTurn(leftYard: false);
                break;
            case ReleaseReason.GaveUp:
                WithdrawPending();
                LeaveQueue();
                GiveBackStand();
                GiveBackTurn(leftYard: false);
                GiveBackUnit(trip: false);
                break;
            case ReleaseReason.Finished:
                GiveBackStand();
                GiveBackTurn(leftYard: true);
                GiveBackUnit(trip: true);
                break;
        }
    }

    private void WithdrawPending()
    {
        if (Pending is { } pending)
        {
            pending.Resource.Release(pending);
            Pending = null;
        }
    }

    /// <summary>Where the truck stands: its place or server (a server is no longer blocked), and a yard counts it out.</summary>
    private void GiveBackStand()
    {
        if (Stage is not { } stage)
        {
            return;
        }

        if (Unit is { } unit)
        {
            if (IsServer)
            {
                stage.UnblockServer();
            }

            (IsServer ? stage.Servers! : stage.Places!).Release(unit);
        }

        if (!IsServer && !stage.Stage.HasServers)
        {
            stage.Waiting.Add(clock.NowHours, -1); // left the yard
        }

        Stage = null;
        Unit = null;
    }

    /// <summary>The truck's turn at a staging yard's exit; one that <paramref name="leftYard"/> counts against the quota of the local day it leaves.</summary>
    private void GiveBackTurn(bool leftYard)
    {
        if (Turn is not { } turn)
        {
            return;
        }

        var yard = TurnYard!;
        yard.ExitTurn!.Release(turn);
        Turn = null;
        if (leftYard)
        {
            var day = clock.Today;
            yard.ReleasedPerDay[day] = yard.ReleasedPerDay.GetValueOrDefault(day) + 1;
        }
    }

    /// <summary>
    /// The truck's pool unit. After a <paramref name="trip"/> the unit returns for its return time before another
    /// truck can take it; given back unused (the truck gave up, or was refused for the day) it is free at once.
    /// </summary>
    private void GiveBackUnit(bool trip)
    {
        if (PoolUnit is not { } unit)
        {
            return;
        }

        var pool = Pool!;
        var returnHours = trip ? PoolReturnHours : 0;
        if (trip && clock.IsMeasured)
        {
            pool.Trips++;
        }

        Pool = null;
        PoolUnit = null;
        pool.GiveBack(unit, returnHours);
    }

    private void LeaveQueue()
    {
        if (QueuedAt is null)
        {
            return;
        }

        QueuedAt.Waiting.Add(clock.NowHours, -1);
        QueuedAt = null;
        if (QueuedInYard is { } yard)
        {
            yard.QueuedOnward--;
            QueuedInYard = null;
        }

        if (QueuedOnHighway)
        {
            direction.HighwayQueue.Add(clock.NowHours, -1);
            QueuedOnHighway = false;
        }
    }
}
