using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Results;

/// <summary>A metric over replications: mean, sample standard deviation, 95% Student-t half-width, min, max.</summary>
public sealed record MetricSummary(MetricKey Key, int Replications, double Mean, double StandardDeviation, double HalfWidth95, double Min, double Max);

/// <summary>
/// A time series over replications: at each sample time (hours from the start) the mean and a band
/// holding the middle 90% of replications (5th to 95th percentile across replications).
/// </summary>
public sealed record SeriesSummary(string Id, string Name, string Unit, string Direction, string Stage, double StepHours, double[] Mean, double[] Lower, double[] Upper)
{
    /// <summary>The cargo class of a per-class series; "" otherwise.</summary>
    public string CargoClass { get; init; } = "";
}

/// <summary>A mean over replications with its Student-t 95% half-width (NaN with fewer than two values) and the number of replications it is over.</summary>
public readonly record struct MeanEstimate(double Mean, double HalfWidth95, int Replications);

/// <summary>
/// One local day, direction and class ("all" = every class) over replications: trucks that arrived, were
/// served, gave up waiting, were turned away by a ban and were diverted to another route that day, trucks in the
/// system and trucks held at their origin by a ban when the day ended, and the mean wait of the trucks served that
/// day (over the replications that served at least one).
/// </summary>
public sealed record DaySummary(
    NodaTime.LocalDate Date, string Direction, string CargoClass, bool InWarmUp, MeanEstimate Arrived, MeanEstimate Served, MeanEstimate GaveUp,
    MeanEstimate TurnedAway, MeanEstimate Diverted, MeanEstimate BacklogAtEnd, MeanEstimate HeldAtOriginAtEnd, MeanEstimate WaitHours)
{
    /// <summary>Trucks already in line that left when a suspension or ban started that day (not in <see cref="GaveUp"/>).</summary>
    public MeanEstimate LeftOnEvent { get; init; }

    /// <summary>Trucks already in line that moved to another route when their origin's route was suspended that day.</summary>
    public MeanEstimate MovedOnEvent { get; init; }
}

/// <summary>Trucks served on one local day: mean over replications with its 95% half-width.</summary>
public sealed record DailySummary(LocalDate Date, string Direction, double MeanTrucks, double HalfWidth95);

/// <summary>Pooled waiting-time quantiles of one class: (probability, hours) points of the distribution.</summary>
public sealed record WaitDistribution(string CargoClass, long Trucks, IReadOnlyList<(double Probability, double Hours)> Quantiles);

/// <summary>The result of running a scenario's replications.</summary>
public sealed record ExperimentResult(
    ScenarioSpec Scenario,
    double WarmUpHours,
    string WarmUpMethod,
    IReadOnlyList<MetricSummary> Summary,
    IReadOnlyList<SeriesSummary> TimeSeries,
    IReadOnlyList<DailySummary> ServedPerDay,
    IReadOnlyList<WaitDistribution> WaitByClass,
    IReadOnlyList<ReplicationResult> Replications)
{
    /// <summary>Per local day, direction and class: arrivals, departures, backlog and wait (daily.csv).</summary>
    public IReadOnlyList<DaySummary> Daily { get; init; } = [];

    /// <summary>Demand against capacity of every stage with a limit, computed before running.</summary>
    public IReadOnlyList<StageLoad> StageLoads { get; init; } = [];

    /// <summary>Per direction: overloaded or not, the growth of its backlog, its binding stage.</summary>
    public IReadOnlyList<DirectionLoad> DirectionLoads { get; init; } = [];

    /// <summary>How a run with a precision target (<c>--precision</c>) ended; null without one.</summary>
    public PrecisionOutcome? Precision { get; init; }

    /// <summary>The scenario's dated events that the run's horizon ends before they end (<see cref="HorizonCheck"/>).</summary>
    public IReadOnlyList<HorizonCut> HorizonCuts => HorizonCheck.CutsOf(Scenario);

    /// <summary>The local date and time, in the scenario's zone, of <paramref name="hours"/> after the start.</summary>
    public LocalDateTime LocalTimeAt(double hours) =>
        Scenario.StartInstant.Plus(Duration.FromSeconds(Math.Round(hours * 3600))).InZone(Scenario.TimeZone).LocalDateTime;
}
