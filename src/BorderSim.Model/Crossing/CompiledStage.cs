using BorderSim.Engine.Randomness;
using BorderSim.Model.Calendars;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Crossing;

public enum StageKind
{
    Yard,
    Check,
    Road,
}

/// <summary>Servers (booths, lanes, pool units) in force: those open now, and those the stage has whether open or closed.</summary>
public readonly record struct ServerCount(int Open, int Nominal);

/// <summary>A stage compiled for simulation.</summary>
/// <param name="Name">Stage name.</param>
/// <param name="Kind">Yard, check or road.</param>
/// <param name="Places">Places in front (yard capacity or buffer); null = unbounded; 0 = none, the truck waits where it is.</param>
/// <param name="ServersInForce">Servers over time (null for yards): open (zero while its calendar is closed) and nominal.</param>
/// <param name="AppointmentCalendar">The calendar whose appointment-only days gate this stage, if any.</param>
/// <param name="ChannelsByClass">Service channels per class index (empty for yards).</param>
public sealed record CompiledStage(
    string Name,
    StageKind Kind,
    int? Places,
    Schedule<ServerCount>? ServersInForce,
    GateCalendar? AppointmentCalendar,
    ChannelTable[] ChannelsByClass)
{
    public bool HasServers => Kind != StageKind.Yard;

    public double RoadPerTruckMetres { get; init; } = 19;

    /// <summary>Whether trucks waiting for a place here count as a highway queue (first stage only; checks and roads always do).</summary>
    public bool OverflowToHighway { get; init; } = true;

    public int? ReleaseQuotaPerDay { get; init; }

    public Distribution? Dwell { get; init; }

    /// <summary>Whether this is the yard that ends the route (<see cref="DirectionSpec.DestinationYard"/>).</summary>
    public bool IsDestinationYard { get; init; }

    /// <summary>For a destination yard whose trucks return empty: where they return; null = they leave at the yard.</summary>
    public CompiledEmptyReturn? EmptyReturn { get; init; }

    /// <summary>Index of the pool (<see cref="CrossingModel.Pools"/>) whose unit a truck takes before this stage's server; −1 = none.</summary>
    public int PoolIndex { get; init; } = -1;

    /// <summary>The last stage of the route over which the pool unit is held (index in the route; this stage or a later one).</summary>
    public int PoolThroughStage { get; init; } = -1;

    /// <summary>Clearance caps over time (a null cap = none); null = never capped.</summary>
    public Schedule<CompiledCap?>? CapsInForce { get; init; }

    /// <summary>The local days a cap counts in: the stage calendar's zone, else the scenario's.</summary>
    public LocalDays? CapDays { get; init; }

    /// <summary>The daily allowance this check shares with others, if any; it holds trucks as a cap of its own would.</summary>
    public CompiledSharedCap? SharedCap { get; init; }

    /// <summary>For a yard: bans that hold trucks of their classes in it.</summary>
    public CompiledBan[] BanHolds { get; init; } = [];

    /// <summary>Priority order over time: the rank of each class index (lower first); null = first come, first served, always.</summary>
    public Schedule<int[]>? PriorityInForce { get; init; }

    /// <summary>Servers kept per class over time: (class index, servers) in the order written; null = none ever.</summary>
    public Schedule<(int CargoClass, int Servers)[]>? ReservedInForce { get; init; }

    /// <summary>Whether a class with servers kept for it uses only those.</summary>
    public bool ReservedOnly { get; init; }
}

/// <summary>A clearance cap compiled: the total and the cap of each class index (null = none).</summary>
public sealed record CompiledCap(TrucksPerDayRange? Total, TrucksPerDayRange?[] ByClass);

/// <summary>A pool compiled for simulation: its units over time (none open while its calendar is closed) and its return time.</summary>
public sealed record CompiledPool(string Name, int Index, Schedule<ServerCount> UnitsInForce, Distribution? ReturnHours);
