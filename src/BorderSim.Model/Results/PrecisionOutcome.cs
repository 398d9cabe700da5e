namespace BorderSim.Model.Results;

/// <summary>Why a run with a precision target (<c>--precision</c>) stopped adding replications.</summary>
public enum PrecisionStop
{
    /// <summary>The 95% half-width came within the wanted share of the mean.</summary>
    TargetMet,

    /// <summary>
    /// The metric was exactly 0 in every replication (a class that never waits): the half-width is 0, so the
    /// estimate cannot get tighter, but a share of a mean of 0 is no measure of precision. Stopped at the minimum.
    /// </summary>
    AlwaysZero,

    /// <summary>The target was not met by the largest number of replications allowed (<c>--max-replications</c>).</summary>
    MaxReplications,
}

/// <summary>
/// The outcome of a precision target: the metric, the half-width wanted and reached (as shares of the mean;
/// NaN where the mean is 0 or the metric has no value), the replications run, and why the run stopped.
/// </summary>
public sealed record PrecisionOutcome(
    string MetricId,
    double WantedShare,
    double ReachedShare,
    double Mean,
    double HalfWidth95,
    int Replications,
    int ReplicationsWithValue,
    PrecisionStop Stop)
{
    /// <summary>True unless the run stopped at the replication limit short of the target.</summary>
    public bool IsMet => Stop != PrecisionStop.MaxReplications;
}
