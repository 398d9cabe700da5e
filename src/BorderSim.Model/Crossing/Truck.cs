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

    /// <summary>Service (or crossing, or dwell) hours per stage of the route, drawn on arrival.</summary>
    public double[] ServiceHours = [];

    /// <summary>Channel index per stage of the route (0 for yards and roads).</summary>
    public byte[] Channels = [];

    /// <summary>Hours actually spent in service so far; the rest of the time in system is waiting.</summary>
    public double ServedHours;

    /// <summary>When the service (or dwell) under way started; NaN while the truck waits.</summary>
    public double InServiceSinceHours = double.NaN;

    /// <summary>Bit i set once calendar i's appointment quota admitted this truck.</summary>
    public ulong AdmittedCalendars;

    /// <summary>Once its first check or road service starts, a truck no longer gives up.</summary>
    public bool IsCommitted;

    public Results.StageVisit[]? Visits;

    // Live trucks form a list: the ones still in the system at the end are reported (counts, waits so far, trucks.csv).
    public Truck? PreviousLive;
    public Truck? NextLive;
}
