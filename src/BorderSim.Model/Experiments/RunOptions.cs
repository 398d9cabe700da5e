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
public sealed record RunOptions(
    int? Replications = null,
    ulong? Seed = null,
    int? Days = null,
    int? Threads = null,
    double? Precision = null,
    string? PrecisionMetric = null,
    int MaxReplications = 200);
