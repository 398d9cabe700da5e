using NodaTime;

namespace BorderSim.Model.Spec;

/// <summary>
/// From local midnight of <see cref="From"/> (scenario time zone) on, something changes: a stage gets
/// other servers, a road other lanes, a calendar other hours, an appointment quota another value.
/// Exactly one target (stage, road or calendar) is set.
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
}
