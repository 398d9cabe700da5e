using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using MathNet.Numerics.Distributions;
using NodaTime;

namespace BorderSim.Model.Experiments;

/// <summary>One observation beside the model: the observed figure, the replications' mean and the 95 % prediction band.</summary>
/// <param name="Observation">The observed figure.</param>
/// <param name="ModelMean">Mean over replications of the same quantity.</param>
/// <param name="ModelLow">Lower end of the 95 % prediction band (NaN with fewer than two replications).</param>
/// <param name="ModelHigh">Upper end of the 95 % prediction band (NaN with fewer than two replications).</param>
public sealed record ObservedPoint(ObservationSpec Observation, double ModelMean, double ModelLow, double ModelHigh)
{
    /// <summary>Whether the band was computed (two replications or more).</summary>
    public bool HasBand => double.IsFinite(ModelLow) && double.IsFinite(ModelHigh);

    /// <summary>Whether the observed figure lies in the band, ends included.</summary>
    public bool IsInBand => HasBand && Observation.Value >= ModelLow && Observation.Value <= ModelHigh;

    /// <summary>|observed − model mean| / observed, as a share; NaN when the observed figure is 0.</summary>
    public double AbsolutePercentageError => Observation.Value == 0 ? double.NaN : Math.Abs(Observation.Value - ModelMean) / Observation.Value;
}

/// <summary>The observations of a run beside the model, and those the run did not cover.</summary>
public sealed record ObservationComparison(IReadOnlyList<ObservedPoint> Points, IReadOnlyList<ObservationSpec> OutsideRun, int Replications)
{
    /// <summary>The scenario's label, for titles.</summary>
    public string ScenarioLabel { get; init; } = "";

    /// <summary>Observations whose figure lies in the model's band.</summary>
    public int InBand => Points.Count(p => p.IsInBand);

    /// <summary>Mean absolute percentage error over the points with a non-zero observed figure, as a share; NaN when there is none.</summary>
    public double MeanAbsolutePercentageError
    {
        get
        {
            var errors = Points.Select(p => p.AbsolutePercentageError).Where(double.IsFinite).ToArray();
            return errors.Length == 0 ? double.NaN : errors.Average();
        }
    }

    /// <summary>
    /// Compares every observation of the run's scenario with the replications. Daily counts sum
    /// <see cref="ReplicationResult.Days"/> over the day, directions and classes named (warm-up days included:
    /// the records exist, and an observed day in the warm-up is the user's choice). A snapshot reads the time series
    /// (<c>in_system_trucks</c> or <c>highway_queue_km</c>) at the last sample at or before its time (sample i is at
    /// i × step from the start; the step is the scenario's <c>timeseries_step</c>, 15 min by default), summed over
    /// the directions (and classes) named. Observations outside the run (after --days, say) are listed apart, not compared.
    /// </summary>
    public static ObservationComparison Compare(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var points = new List<ObservedPoint>();
        var outside = new List<ObservationSpec>();
        foreach (var observation in result.Scenario.Observations)
        {
            var values = new double[result.Replications.Count];
            var covered = true;
            for (var r = 0; r < values.Length && covered; r++)
            {
                var value = ModelValue(result.Scenario, result.Replications[r], observation);
                covered = value is not null;
                values[r] = value ?? double.NaN;
            }

            if (!covered || values.Length == 0)
            {
                outside.Add(observation);
                continue;
            }

            var (mean, low, high) = PredictionBand95(values);
            points.Add(new ObservedPoint(observation, mean, low, high));
        }

        return new ObservationComparison(points, outside, result.Replications.Count) { ScenarioLabel = result.Scenario.Label };
    }

    /// <summary>
    /// The mean of the replications' values and the 95 % prediction interval for one more replication:
    /// mean ± t(0.975, R−1) · s · √(1 + 1/R), s the sample standard deviation (e.g. Montgomery &amp; Runger,
    /// Applied Statistics, "prediction interval on a single future observation"). Chosen over the empirical
    /// 2.5 % / 97.5 % quantiles because a run has few replications (5 to 10): the empirical quantiles of 5 values are
    /// their minimum and maximum, which hold a new replication only about 4 times in 6. The t interval assumes the
    /// replications' values are about normal, fair for daily counts and queue sizes that sum many trucks. The low end
    /// is not let below 0 (counts and lengths are not negative). Fewer than two replications: no band (NaN).
    /// </summary>
    public static (double Mean, double Low, double High) PredictionBand95(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = values.Count;
        if (count == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var mean = values.Average();
        if (count < 2)
        {
            return (mean, double.NaN, double.NaN);
        }

        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (count - 1));
        var halfWidth = StudentT.InvCDF(0, 1, count - 1, 0.975) * sd * Math.Sqrt(1 + (1.0 / count));
        return (mean, Math.Max(0, mean - halfWidth), mean + halfWidth);
    }

    /// <summary>The replication's value of what <paramref name="observation"/> counts; null when the run does not cover its time.</summary>
    public static double? ModelValue(ScenarioSpec scenario, ReplicationResult replication, ObservationSpec observation)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(replication);
        ArgumentNullException.ThrowIfNull(observation);
        return observation.IsDaily ? DailyValue(scenario, replication, observation) : SnapshotValue(scenario, replication, observation);
    }

    private static double? DailyValue(ScenarioSpec scenario, ReplicationResult replication, ObservationSpec observation)
    {
        var day = observation.Time.Date;
        if (day < scenario.Start.Date || day >= scenario.Start.Date.PlusDays(scenario.Days))
        {
            return null;
        }

        var sum = 0;
        foreach (var record in replication.Days)
        {
            if (record.Date == day && Matches(observation, record.Direction, record.CargoClass))
            {
                sum += observation.Kind == ObservationKind.ClearedPerDay ? record.Served : record.Arrived;
            }
        }

        return sum;
    }

    private static double? SnapshotValue(ScenarioSpec scenario, ReplicationResult replication, ObservationSpec observation)
    {
        var hours = HoursFromStart(scenario, observation.Time);
        var step = replication.TimeSeries.StepHours;

        // The last sample at or before the time; the small allowance keeps 20:00 on its own sample despite rounding.
        var index = (int)Math.Floor((hours / step) + 1e-9);
        var name = observation.Kind == ObservationKind.QueueKm ? "highway_queue_km" : "in_system_trucks";
        if (hours < 0 || hours > scenario.RunHours)
        {
            return null;
        }

        var sum = 0.0;
        foreach (var series in replication.TimeSeries.Series)
        {
            // Every class: the direction's total series; some classes: their per-class series.
            var isWanted = observation.CargoClasses.Count == 0 ? series.CargoClass.Length == 0 : series.CargoClass.Length > 0;
            if (series.Name == name && series.Stage.Length == 0 && isWanted && Matches(observation, series.Direction, series.CargoClass))
            {
                if (index >= series.Values.Length)
                {
                    return null;
                }

                sum += series.Values[index];
            }
        }

        return sum;
    }

    private static bool Matches(ObservationSpec observation, string direction, string cargoClass) =>
        (observation.Directions.Count == 0 || observation.Directions.Contains(direction, StringComparer.Ordinal))
        && (observation.CargoClasses.Count == 0 || observation.CargoClasses.Contains(cargoClass, StringComparer.Ordinal));

    /// <summary>Hours from the start of <paramref name="scenario"/> to <paramref name="time"/>, local to its zone.</summary>
    public static double HoursFromStart(ScenarioSpec scenario, LocalDateTime time)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return (time.InZoneLeniently(scenario.TimeZone).ToInstant() - scenario.StartInstant).TotalHours;
    }
}
