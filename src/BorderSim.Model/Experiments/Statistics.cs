using MathNet.Numerics.Distributions;

namespace BorderSim.Model.Experiments;

/// <summary>Mean, sample standard deviation, Student-t 95% half-width, min and max of replication values.</summary>
public readonly record struct SampleSummary(int Count, double Mean, double StandardDeviation, double HalfWidth95, double Min, double Max);

public static class Statistics
{
    /// <summary>Summarises the finite values; NaN (a metric with no observations in a replication) is left out.</summary>
    public static SampleSummary Summarise(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return new SampleSummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var mean = finite.Average();
        var sd = finite.Length > 1 ? Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1)) : double.NaN;
        return new SampleSummary(finite.Length, mean, sd, HalfWidth95(sd, finite.Length), finite.Min(), finite.Max());
    }

    /// <summary>t_{0.975, n−1} × s / √n.</summary>
    public static double HalfWidth95(double standardDeviation, int count) =>
        count > 1 ? StudentT.InvCDF(0, 1, count - 1, 0.975) * standardDeviation / Math.Sqrt(count) : double.NaN;

    /// <summary>Linear-interpolated percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double probability)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = probability * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(sorted.Length - 1, low + 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
