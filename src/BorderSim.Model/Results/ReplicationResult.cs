using BorderSim.Engine.Statistics;
using NodaTime;

namespace BorderSim.Model.Results;

/// <summary>Everything one replication measured after its warm-up.</summary>
/// <param name="Replication">0-based replication number.</param>
/// <param name="WarmUpHours">Hours discarded at the start.</param>
/// <param name="Metrics">Scalar metrics in a stable order.</param>
/// <param name="TimeSeries">Queue lengths and the like sampled on a fixed step over the whole run.</param>
/// <param name="ServedPerDay">Trucks that left the system, per local day of the scenario zone, direction and class.</param>
/// <param name="WaitHoursByClass">Waiting hours of every truck served after warm-up, per class (mergeable sketches).</param>
public sealed record ReplicationResult(
    int Replication,
    double WarmUpHours,
    IReadOnlyList<MetricValue> Metrics,
    TimeSeriesSet TimeSeries,
    IReadOnlyList<DailyCount> ServedPerDay,
    IReadOnlyDictionary<string, QuantileSketch> WaitHoursByClass)
{
    /// <summary>Per local day of the scenario zone, direction and class (every day of the run, warm-up included): arrivals, departures, waits, backlog.</summary>
    public IReadOnlyList<DayRecord> Days { get; init; } = [];
}

/// <summary>Series sampled every <see cref="StepHours"/> from simulation time 0; sample i is at i × step.</summary>
public sealed record TimeSeriesSet(double StepHours, IReadOnlyList<NamedSeries> Series);

/// <summary>One sampled series, e.g. <c>queue_trucks</c> at stage <c>vn_customs</c>, or <c>highway_queue_km</c>.</summary>
public sealed record NamedSeries(string Name, string Unit, string Direction, string Stage, double[] Values)
{
    /// <summary>The cargo class of a per-class series (e.g. <c>in_system_trucks/import/fruit</c>); "" otherwise.</summary>
    public string CargoClass { get; init; } = "";

    public string Id => string.Join('/', new[] { Name, Direction, CargoClass, Stage }.Where(p => p.Length > 0));
}

/// <summary>Trucks counted on one local day.</summary>
public readonly record struct DailyCount(LocalDate Date, string Direction, string CargoClass, int Trucks);

/// <summary>
/// One direction and class on one local day of one replication: trucks that arrived, were served, gave up waiting
/// and were turned away by a ban that day, the sum of the waits of the trucks served that day, and the trucks in the
/// system when the day ended.
/// </summary>
/// <param name="GaveUp">Trucks that gave up waiting (their patience ran out); not those a ban turned away.</param>
/// <param name="InWarmUp">The day began before the warm-up ended (its counts are outside the summary statistics).</param>
/// <param name="TurnedAway">Trucks a ban turned away on arrival.</param>
/// <param name="Diverted">Trucks an origin's rule sent to this route that went to another (a ban that diverts, a suspension, an overflow).</param>
/// <param name="HeldAtOriginAtEnd">Trucks a ban held at their origin when the day ended: not yet at the route, so not in <paramref name="BacklogAtEnd"/>.</param>
/// <param name="LeftOnEvent">Trucks already in line that left when a suspension or ban started that day (not in <paramref name="GaveUp"/>).</param>
/// <param name="MovedOnEvent">Trucks already in line that moved to another route when their origin's route was suspended that day.</param>
public readonly record struct DayRecord(
    LocalDate Date, string Direction, string CargoClass, int Arrived, int Served, int GaveUp, double WaitHoursSum, int BacklogAtEnd, bool InWarmUp,
    int TurnedAway = 0, int Diverted = 0, int HeldAtOriginAtEnd = 0, int LeftOnEvent = 0, int MovedOnEvent = 0);
