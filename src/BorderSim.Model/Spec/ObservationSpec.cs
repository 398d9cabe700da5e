using NodaTime;

namespace BorderSim.Model.Spec;

/// <summary>What an observation counts, and so which of a replication's records it is compared with.</summary>
public enum ObservationKind
{
    /// <summary>Trucks that left the system (were cleared) on a local day: <c>cleared_per_day</c>, unit trucks.</summary>
    ClearedPerDay,

    /// <summary>Trucks that arrived on a local day: <c>arrived_per_day</c>, unit trucks.</summary>
    ArrivedPerDay,

    /// <summary>Trucks in the system (arrived, not yet cleared) at a local date and time: <c>waiting_trucks</c>, unit trucks.</summary>
    WaitingTrucks,

    /// <summary>Length of the highway queue at a local date and time: <c>queue_km</c>, unit km.</summary>
    QueueKm,
}

/// <summary>
/// One observed figure, validated against its scenario: a daily count (<see cref="Time"/> at midnight of the day)
/// or a snapshot at <see cref="Time"/>, both local to the scenario's time zone.
/// </summary>
/// <param name="Series">The observer's name for the figure's series (rows of one series are one line in the plot).</param>
/// <param name="Kind">What is counted.</param>
/// <param name="Time">The local day (at 00:00) of a daily count, or the local date-time of a snapshot, in the scenario's zone.</param>
/// <param name="Directions">The directions (routes) summed; empty = every direction.</param>
/// <param name="CargoClasses">The classes summed; empty = every class (the empty trucks of returns included).</param>
/// <param name="Value">The observed figure, in trucks (km for <see cref="ObservationKind.QueueKm"/>).</param>
/// <param name="Source">Where the figure was published.</param>
public sealed record ObservationSpec(string Series, ObservationKind Kind, LocalDateTime Time, IReadOnlyList<string> Directions, IReadOnlyList<string> CargoClasses, double Value, string Source)
{
    /// <summary>Whether the figure is a count over a local day rather than a snapshot at a time.</summary>
    public bool IsDaily => Kind is ObservationKind.ClearedPerDay or ObservationKind.ArrivedPerDay;

    /// <summary>The time as observed.csv writes it: <c>2024-08-22</c> for a day, <c>2024-08-22T20:00</c> for a snapshot.</summary>
    public string TimeLabel => IsDaily
        ? Time.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : Time.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The kind as the CSV names it.</summary>
    public static string KindName(ObservationKind kind) => kind switch
    {
        ObservationKind.ClearedPerDay => "cleared_per_day",
        ObservationKind.ArrivedPerDay => "arrived_per_day",
        ObservationKind.WaitingTrucks => "waiting_trucks",
        _ => "queue_km",
    };

    /// <summary>The unit a kind's value is in.</summary>
    public static string UnitOf(ObservationKind kind) => kind == ObservationKind.QueueKm ? "km" : "trucks";
}
