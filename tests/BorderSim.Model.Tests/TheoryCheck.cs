using BorderSim.Model.Results;
using MathNet.Numerics.Distributions;

namespace BorderSim.Model.Tests;

/// <summary>
/// How a model metric is checked against a known answer: the plain two-sided Student-t interval over the
/// replications, at <see cref="Level"/>, must contain the exact value, and must be narrow enough (half-width
/// below <see cref="MaxRelativeHalfWidth"/> of the exact value) that a model 5 % off would fall outside it.
/// Seeds are fixed, so each check is deterministic.
/// </summary>
internal static class TheoryCheck
{
    public const double Level = 0.99;

    public const double MaxRelativeHalfWidth = 0.05;

    /// <summary>Half-width of the Student-t interval at <paramref name="level"/> over the replications of a metric.</summary>
    public static double HalfWidth(MetricSummary metric, double level = Level) =>
        StudentT.InvCDF(0, 1, metric.Replications - 1, 0.5 + (level / 2)) * metric.StandardDeviation / Math.Sqrt(metric.Replications);

    /// <summary>
    /// Asserts that the interval contains <paramref name="exact"/> (widened only by <paramref name="knownBias"/>,
    /// e.g. the quantile sketch's relative accuracy) and is narrow enough to catch a 5 % error.
    /// </summary>
    public static void Contains(MetricSummary metric, double exact, double knownBias = 0)
    {
        var halfWidth = HalfWidth(metric);
        TestContext.Out.WriteLine($"{metric.Key.Id}: {metric.Mean:G5} ± {halfWidth:G3} ({Level:P0}, {metric.Replications} replications; {halfWidth / exact:P1} of exact) vs exact {exact:G5}");
        Assert.That(exact, Is.EqualTo(metric.Mean).Within(halfWidth + knownBias), $"{metric.Key.Id}: the {Level:P0} interval misses the exact value");
        Assert.That(halfWidth, Is.LessThan(MaxRelativeHalfWidth * exact), $"{metric.Key.Id}: the interval is too wide to catch a 5 % error");
    }
}
