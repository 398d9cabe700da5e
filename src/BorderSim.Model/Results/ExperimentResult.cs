using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Results;

/// <summary>A metric over replications: mean, sample standard deviation, 95% Student-t half-width, min, max.</summary>
public sealed record MetricSummary(MetricKey Key, int Replications, double Mean, double StandardDeviation, double HalfWidth95, double Min, double Max);

/// <summary>
/// A time series over replications: at each sample time (hours from the start) the mean and a band
/// holding the middle 90% of replications (5th to 95th percentile across replications).
/// </summary>
public sealed record SeriesSummary(string Id, string Name, string Unit, string Direction, string Stage, double StepHours, double[] Mean, double[] Lower, double[] Upper);

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
    /// <summary>The local date and time, in the scenario's zone, of <paramref name="hours"/> after the start.</summary>
    public LocalDateTime LocalTimeAt(double hours) =>
        Scenario.StartInstant.Plus(Duration.FromSeconds(Math.Round(hours * 3600))).InZone(Scenario.TimeZone).LocalDateTime;
}
