using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Studies;

/// <summary>Why a candidate was evaluated: the start (the scenario's values), the search, or a profile's slice.</summary>
public enum CalibrationPhase
{
    Start,
    Search,
    Profile,
}

/// <summary>
/// One candidate evaluated: its values (in the order of the parameters) and, for each observation compared, the value
/// of each replication (common random numbers: replication r of every candidate has the same seed and streams).
/// </summary>
public sealed record CalibrationPoint(int Number, CalibrationPhase Phase, double[] Values, double[][] ObservationValues)
{
    /// <summary>The mean over replications of observation <paramref name="i"/>.</summary>
    public double MeanOf(int i) => ObservationValues[i].Average();

    /// <summary>The sample standard deviation over replications of observation <paramref name="i"/>.</summary>
    public double SdOf(int i)
    {
        double[] v = ObservationValues[i];
        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }
}

/// <summary>A fitted value with its 95 % profile interval, and whether the observations identify it.</summary>
/// <param name="Parameter">The unknown.</param>
/// <param name="Value">The fitted value: the candidate of least discrepancy.</param>
/// <param name="Low">Low end of the interval (LOW when <paramref name="LowAtBound"/>).</param>
/// <param name="High">High end of the interval (HIGH when <paramref name="HighAtBound"/>).</param>
/// <param name="LowAtBound">The discrepancy stays within the threshold down to LOW: the interval may go on below it.</param>
/// <param name="HighAtBound">The discrepancy stays within the threshold up to HIGH.</param>
/// <param name="IsIdentified">False when the discrepancy stays within the threshold across the whole range (flat).</param>
public sealed record FittedValue(CalibrationParameter Parameter, double Value, double Low, double High, bool LowAtBound, bool HighAtBound, bool IsIdentified);

/// <summary>The observations a calibration compares, as rows of a run's part, and as observed.csv at a candidate.</summary>
public static class CalibrationObservations
{
    /// <summary>
    /// The id of an observation's row in a part: its series, time, kind, directions and classes, so a part written for
    /// other observations (the file changed between two runs in one folder) is not mistaken for this one.
    /// </summary>
    public static string IdOf(ObservationSpec observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return $"observation:{observation.Series}@{observation.TimeLabel}:{ObservationSpec.KindName(observation.Kind)}:{string.Join('+', observation.Directions)}:{string.Join('+', observation.CargoClasses)}";
    }

    /// <summary>One row per observation of the run's scenario: the value of the run's (single) replication, NaN when the run does not cover it.</summary>
    public static IReadOnlyList<MetricSummary> Rows(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = new List<MetricSummary>();
        foreach (ObservationSpec observation in result.Scenario.Observations)
        {
            double value = ObservationComparison.ModelValue(result.Scenario, result.Replications[0], observation) ?? double.NaN;
            rows.Add(new MetricSummary(new MetricKey(IdOf(observation), ObservationSpec.UnitOf(observation.Kind)), 1, value, double.NaN, double.NaN, value, value));
        }

        return rows;
    }

    /// <summary>The observations beside the model at <paramref name="point"/>, as <c>run</c> compares them (observed.csv and its table).</summary>
    public static ObservationComparison Compare(IReadOnlyList<ObservationSpec> observations, CalibrationPoint point, string label)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(point);
        var points = new List<ObservedPoint>();
        for (int i = 0; i < observations.Count; i++)
        {
            (double mean, double low, double high) = ObservationComparison.PredictionBand95(point.ObservationValues[i]);
            points.Add(new ObservedPoint(observations[i], mean, low, high));
        }

        return new ObservationComparison(points, [], point.ObservationValues.Length == 0 ? 0 : point.ObservationValues[0].Length) { ScenarioLabel = label };
    }
}
