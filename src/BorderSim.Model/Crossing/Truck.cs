namespace BorderSim.Model.Crossing;

/// <summary>One truck in one replication. Its random draws are made on arrival, so alternatives run
/// on common random numbers see the same truck whatever order it meets the stages in.</summary>
internal sealed class Truck
{
    public long Id;
    public int Direction;
    public int CargoClass;
    public double ArrivedHours;
    public double PatienceDeadlineHours = double.PositiveInfinity;

    /// <summary>Held at its origin by a ban until then (hours; 0 = not held, or no longer: it has set out).</summary>
    public double HeldUntilHours;

    /// <summary>Whether a ban holds it at its origin now: off the road, in no queue of the route, so not waiting there.</summary>
    public bool IsHeldAtOrigin => HeldUntilHours > 0;

    /// <summary>
    /// When it reached the route: its arrival (the starting backlog's age included), or when the ban that held it at its
    /// origin let it set out. Its time in the system counts from then, as its wait does (<see cref="FreeSinceHours"/>).
    /// </summary>
    public double ReachedRouteHours;

    /// <summary>
    /// Since when its load has aged, for the shelf life: its arrival, or, for a truck its origin's park released, its arrival
    /// at the park (the load ages there, though its wait on the route starts at the release).
    /// </summary>
    public double LoadAgedSinceHours;

    /// <summary>Hours its load waited before the truck reached the route: held at its origin by a ban, or in its origin's park (0 for any other truck).</summary>
    public double WaitedBeforeRouteHours => ReachedRouteHours - LoadAgedSinceHours;

    /// <summary>Whether its load has passed <paramref name="shelfLifeHours"/> at <paramref name="nowHours"/> (strictly beyond).</summary>
    public bool IsPastShelfLife(double? shelfLifeHours, double nowHours) => shelfLifeHours is { } shelfLife && nowHours - LoadAgedSinceHours > shelfLife;

    /// <summary>Its lot against a ban that lets a share through, drawn the first time such a ban meets it (NaN: not yet): it passes a ban whose share is above it.</summary>
    public double LetThroughLot = double.NaN;

    /// <summary>Service (or crossing, or dwell) hours per stage of the route, drawn on arrival.</summary>
    public double[] ServiceHours = [];

    /// <summary>Return hours of the pool unit taken at each stage of the route, drawn on arrival (empty if the route uses no pool).</summary>
    public double[] PoolReturnHours = [];

    /// <summary>Channel index per stage of the route (0 for yards and roads).</summary>
    public byte[] Channels = [];

    /// <summary>
    /// Hours waited so far: the sum of the gaps between each moment the truck became free (arrival, end of
    /// a service or dwell) and the start of its next service or dwell. Summed gap by gap, not as time in
    /// system minus service, so a truck that never waits has exactly 0 (no round-off of either sign).
    /// </summary>
    public double WaitedHours;

    /// <summary>When the truck last became free to move on; NaN while it is in service or dwelling, or held at its origin.</summary>
    public double FreeSinceHours;

    /// <summary>Hours waited up to <paramref name="nowHours"/>, including the gap still open.</summary>
    public double WaitedHoursAt(double nowHours) => double.IsNaN(FreeSinceHours) ? WaitedHours : WaitedHours + (nowHours - FreeSinceHours);

    public void StartService(double nowHours)
    {
        WaitedHours += nowHours - FreeSinceHours;
        FreeSinceHours = double.NaN;
    }

    public void EndService(double nowHours) => FreeSinceHours = nowHours;

    /// <summary>The ban that held it at its origin ends now: it reaches the route, and its wait and time there start.</summary>
    public void SetOut(double nowHours)
    {
        HeldUntilHours = 0;
        ReachedRouteHours = nowHours;
        FreeSinceHours = nowHours;
    }

    /// <summary>Indices of the calendars whose appointment quota admitted this truck (null until one does;
    /// a set, not a 64-bit mask, so any number of calendars stay apart).</summary>
    public HashSet<int>? AdmittedCalendars;

    /// <summary>Once its first check or road service starts, a truck no longer gives up.</summary>
    public bool IsCommitted;

    /// <summary>The origin (index) that routed the truck to its direction; −1 for the direction's own arrivals, empties and the starting backlog.</summary>
    public int OriginIndex = -1;

    /// <summary>Set when an event (a suspension, a ban, an advisory) made the truck leave the line: its wait wakes and it leaves.</summary>
    public EventDeparture DepartsOnEvent;

    /// <summary>Everything the truck holds now; given back in one place (<see cref="Holding.Release"/>).</summary>
    public required Holding Held;

    /// <summary>Where the truck is inside the phase of its journey it is in.</summary>
    public PhaseCursor Cursor;

    public Results.StageVisit[]? Visits;

    // Live trucks form a list: the ones still in the system at the end are reported (counts, waits so far, trucks.csv).
    public Truck? PreviousLive;
    public Truck? NextLive;
}
