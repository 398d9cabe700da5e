namespace BorderSim.Model.Experiments;

/// <summary>
/// How to run a scenario. Null fields keep the scenario's own values.
/// </summary>
/// <param name="Replications">Replications to run (the minimum when <paramref name="Precision"/> is set).</param>
/// <param name="Seed">Master seed.</param>
/// <param name="Days">Length of the run in days.</param>
/// <param name="Threads">Replications run at once; null = all cores. Results do not depend on it.</param>
/// <param name="Precision">Relative precision wanted: keep adding replications until the 95% half-width of <paramref name="PrecisionMetric"/> is at most this share of its mean (Law's sequential procedure).</param>
/// <param name="PrecisionMetric">Metric id for <paramref name="Precision"/>, e.g. <c>wait_hours_mean/all/fruit</c>.</param>
/// <param name="MaxReplications">Upper bound on replications for the sequential procedure.</param>
/// <param name="FirstReplication">Index of the first replication run (its random streams are those of that replication), so one
/// configuration's replications can be run in pieces (capacity, optimize) and give what one run of them all gives.</param>
/// <param name="MaxWorkTruckStages">Largest run accepted, in truck-stages (<see cref="WorkEstimate"/>); a run estimated above it is refused before it starts.</param>
public sealed record RunOptions(
    int? Replications = null,
    ulong? Seed = null,
    int? Days = null,
    int? Threads = null,
    double? Precision = null,
    string? PrecisionMetric = null,
    int MaxReplications = 200,
    double MaxWorkTruckStages = RunOptions.DefaultMaxWorkTruckStages,
    int FirstReplication = 0)
{
    /// <summary>
    /// About 800 times the largest shipped scenario (china-clearance-squeeze.yaml, 1,248,000 truck-stages): a run of about a quarter of an hour on one core. It bounds the
    /// time; <see cref="MaxTrucksInSystem"/> bounds the memory.
    /// </summary>
    public const double DefaultMaxWorkTruckStages = 1e9;

    /// <summary>
    /// Trucks one replication holds in the system at once; one more stops the run (exit 2) with the numbers to lower.
    /// A million trucks take about 620 MB (some 620 bytes a truck, measured on scenarios/validation/mmc.yaml at 1e7
    /// trucks a day); the shipped scenarios end with at most about 2,000 in the system.
    /// </summary>
    public const int MaxTrucksInSystem = 1_000_000;
}
