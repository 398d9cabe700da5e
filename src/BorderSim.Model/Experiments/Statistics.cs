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

    /// <summary>
    /// The Student-t quantile with <paramref name="degreesOfFreedom"/> at <paramref name="probability"/>, however far in
    /// the tail. MathNet's <see cref="StudentT.InvCDF"/> searches a fixed bracket and throws beyond it (one degree of
    /// freedom at p = 0.9998 already), so ν = 1 and 2 use their closed forms (Johnson, Kotz and Balakrishnan,
    /// Continuous Univariate Distributions vol. 2, ch. 28: the Cauchy tan(π(p − ½)); (2p − 1) / √(2p(1 − p))), and a
    /// larger ν that MathNet cannot reach is found by bisection on the distribution function.
    /// </summary>
    public static double StudentQuantile(int degreesOfFreedom, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (!(probability is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "a probability strictly between 0 and 1");
        }

        switch (degreesOfFreedom)
        {
            case 1:
                return Math.Tan(Math.PI * (probability - 0.5));
            case 2:
                return ((2 * probability) - 1) / Math.Sqrt(2 * probability * (1 - probability));
        }

        try
        {
            return StudentT.InvCDF(0, 1, degreesOfFreedom, probability);
        }
        catch (MathNet.Numerics.NonConvergenceException)
        {
            return probability < 0.5 ? -UpperTail(degreesOfFreedom, 1 - probability) : UpperTail(degreesOfFreedom, probability);
        }
    }

    /// <summary>The quantile at <paramref name="probability"/> ≥ ½ by bisection: the bracket doubled until it holds it, then halved.</summary>
    private static double UpperTail(int degreesOfFreedom, double probability)
    {
        double low = 0;
        double high = 1;
        while (StudentT.CDF(0, 1, degreesOfFreedom, high) < probability && high < double.MaxValue / 2)
        {
            low = high;
            high *= 2;
        }

        for (var i = 0; i < 200 && high - low > 1e-15 * high; i++)
        {
            var middle = 0.5 * (low + high);
            if (StudentT.CDF(0, 1, degreesOfFreedom, middle) < probability)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return 0.5 * (low + high);
    }

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
