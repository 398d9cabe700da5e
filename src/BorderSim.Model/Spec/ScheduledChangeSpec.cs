using BorderSim.Engine.Randomness;
using NodaTime;

namespace BorderSim.Model.Spec;

/// <summary>
/// From local midnight of <see cref="From"/> (scenario time zone) on, something changes: a stage gets
/// other servers, a road other lanes, a calendar other hours, an appointment quota another value, a class
/// another patience, a pool another number of units. Exactly one target (stage, road, calendar, class or pool) is set.
/// </summary>
public sealed record ScheduledChangeSpec(
    LocalDate From,
    string? Stage,
    string? Road,
    string? Calendar,
    int? Servers,
    IReadOnlyDictionary<string, int>? Lanes,
    WeeklyHours? Hours,
    int? QuotaPerDay,
    string Reason)
{
    /// <summary>A check's new clearance cap (<see cref="ClearanceCapSpec.None"/> lifts it).</summary>
    public ClearanceCapSpec? CapPerDay { get; init; }

    /// <summary>A road's new clearance caps, per direction.</summary>
    public IReadOnlyDictionary<string, ClearanceCapSpec>? CapPerDayByDirection { get; init; }

    /// <summary>A check's or road's new priority order of classes (empty = none).</summary>
    public IReadOnlyList<string>? Priority { get; init; }

    /// <summary>A check's or road's new reserved booths or lanes per class (empty = none).</summary>
    public IReadOnlyList<ReservedServers>? Reserved { get; init; }

    /// <summary>The class whose patience changes (the target of a patience change).</summary>
    public string? CargoClass { get; init; }

    /// <summary>The class's new patience: drawn by the trucks that arrive from the change on.</summary>
    public PatienceChangeSpec? Patience { get; init; }

    /// <summary>The pool whose number of units changes (the target of a units change).</summary>
    public string? Pool { get; init; }

    /// <summary>The pool's new number of units: more are on duty at once; of fewer, those in use finish their cycle first.</summary>
    public int? Units { get; init; }
}

/// <summary>A class's patience from a date: <paramref name="PatienceHours"/> (null = its trucks never give up).</summary>
public sealed record PatienceChangeSpec(Distribution? PatienceHours);
