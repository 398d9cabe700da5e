using BorderSim.Engine.Randomness;

namespace BorderSim.Model.Spec;

/// <summary>One stage a truck passes, in order. Every stage has a finite (or unbounded) buffer in front.</summary>
public abstract record StageSpec(string Name)
{
    /// <summary>Places in front of the stage; a truck that cannot get one keeps its place upstream (blocking). Null = unbounded.</summary>
    public abstract int? BufferTrucks { get; }

    /// <summary>The pool whose unit a truck must hold from this stage's service on (checks and roads only); null = none.</summary>
    public PoolUseSpec? Pool { get; init; }
}

/// <summary>
/// A yard or parking area with <paramref name="CapacityTrucks"/> places. When it is the first stage,
/// trucks that find it full queue on the highway (<paramref name="OverflowToHighway"/>), each taking
/// <paramref name="RoadPerTruckMetres"/> of road. A staging yard away from the gate may release trucks
/// only within a daily quota (<paramref name="ReleaseQuotaPerDay"/>, counted per local day). At the end
/// of a route, a yard holds trucks for <paramref name="DwellHours"/> (unloading, hand-over) and may send
/// them back empty through another direction (<paramref name="ReturnEmptyVia"/>).
/// </summary>
public sealed record YardStageSpec(
    string Name,
    int? CapacityTrucks,
    bool OverflowToHighway,
    double RoadPerTruckMetres,
    int? ReleaseQuotaPerDay,
    Distribution? DwellHours,
    string? ReturnEmptyVia) : StageSpec(Name)
{
    public override int? BufferTrucks => CapacityTrucks;

    /// <summary>The stage of <see cref="ReturnEmptyVia"/> where the empty trucks join it (null = its first stage).</summary>
    public string? ReturnEmptyFrom { get; init; }

    /// <summary>The stage of <see cref="ReturnEmptyVia"/> after which the empty trucks leave it (null = its last stage).</summary>
    public string? ReturnEmptyTo { get; init; }

    /// <summary>
    /// The share of the trucks leaving the yard that return empty through <see cref="ReturnEmptyVia"/> (1 = all); the
    /// others leave the system at the yard (handed over, reloaded on the far side), counted as not_returned_empty.
    /// </summary>
    public double ReturnEmptyShare { get; init; } = 1;

    /// <summary>
    /// Classes that take a free place of the yard first, in this order (for a first yard that overflows: the order of
    /// the highway queue), and, with a release quota, leave it first; the others after them, first come first served.
    /// Null or empty = none.
    /// </summary>
    public IReadOnlyList<string>? Priority { get; init; }
}

/// <summary>
/// A check (customs, border guard, quarantine, a hand-over point) with <paramref name="Servers"/>
/// booths or teams working to <paramref name="Calendar"/> (null = always open). Each truck is routed to
/// one channel (green / yellow / red) and served for that channel's time.
/// </summary>
public sealed record CheckStageSpec(
    string Name,
    int Servers,
    string? Calendar,
    IReadOnlyList<ChannelSpec> Channels,
    int? Buffer) : StageSpec(Name)
{
    public override int? BufferTrucks => Buffer;

    /// <summary>At most so many trucks start service a local day (the calendar's zone, else the scenario's); null = no cap.</summary>
    public ClearanceCapSpec? CapPerDay { get; init; }

    /// <summary>Classes served first, in this order (non-preemptive); the others after them, first come first served. Null or empty = none.</summary>
    public IReadOnlyList<string>? Priority { get; init; }

    /// <summary>Booths kept for a class, in the order written (a cut below their sum takes the last-named first); null or empty = none.</summary>
    public IReadOnlyList<ReservedServers>? Reserved { get; init; }

    /// <summary>Whether a class with booths kept for it uses only those (else it also takes any free unreserved booth).</summary>
    public bool ReservedOnly { get; init; }
}

/// <summary><paramref name="Servers"/> booths or lanes kept for the trucks of <paramref name="CargoClass"/> (reserved capacity).</summary>
public sealed record ReservedServers(string CargoClass, int Servers);

/// <summary>
/// An inspection channel. <paramref name="Probability"/> is the share of trucks routed to it, unless the
/// class has its own in <paramref name="ProbabilityByClass"/>; likewise the service time.
/// </summary>
public sealed record ChannelSpec(
    string Name,
    double Probability,
    Distribution ServiceHours,
    IReadOnlyDictionary<string, double> ProbabilityByClass,
    IReadOnlyDictionary<string, Distribution> ServiceHoursByClass)
{
    public double ProbabilityFor(string cargoClass) =>
        ProbabilityByClass.TryGetValue(cargoClass, out var p) ? p : Probability;

    public Distribution ServiceFor(string cargoClass) =>
        ServiceHoursByClass.TryGetValue(cargoClass, out var d) ? d : ServiceHours;
}

/// <summary>A direction's use of a shared freight road (<see cref="RoadSpec"/>).</summary>
public sealed record RoadStageSpec(string Name, string Road, int? Buffer) : StageSpec(Name)
{
    public override int? BufferTrucks => Buffer;
}

/// <summary>
/// A freight road such as the one at marker 1119–1120: lanes per direction, each lane carrying one
/// truck at a time through the controlled section in <paramref name="CrossingHours"/> (a lane's
/// capacity is 1 / crossing time), with <paramref name="BufferTrucks"/> places in front.
/// </summary>
public sealed record RoadSpec(
    string Name,
    IReadOnlyDictionary<string, int> LanesByDirection,
    Distribution CrossingHours,
    int? BufferTrucks,
    string? Calendar)
{
    /// <summary>Clearance caps per direction: at most so many trucks cross a local day (the calendar's zone, else the scenario's).</summary>
    public IReadOnlyDictionary<string, ClearanceCapSpec> CapPerDayByDirection { get; init; } = new Dictionary<string, ClearanceCapSpec>();

    /// <summary>Classes whose trucks take a free lane first, in this order (non-preemptive), in every direction. Null or empty = none.</summary>
    public IReadOnlyList<string>? Priority { get; init; }

    /// <summary>Lanes kept for a class in every direction, in the order written; null or empty = none.</summary>
    public IReadOnlyList<ReservedServers>? Reserved { get; init; }

    /// <summary>Whether a class with lanes kept for it uses only those.</summary>
    public bool ReservedOnly { get; init; }
}
