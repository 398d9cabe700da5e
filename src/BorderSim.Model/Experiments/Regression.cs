using BorderSim.Model.Results;
using MathNet.Numerics.Distributions;

namespace BorderSim.Model.Experiments;

/// <summary>A metric as stored in a baseline: its replication mean, standard deviation and count.</summary>
public sealed record BaselineMetric(string Metric, int Replications, double Mean, double StandardDeviation);

/// <summary>One metric checked against its baseline.</summary>
/// <param name="PValue">Two-sided p-value of Welch's t-test (NaN when it cannot be computed).</param>
/// <param name="IsRegression">The metric moved: p below the Bonferroni threshold, or (exact mode) any bit changed.</param>
public sealed record RegressionFinding(
    string Metric,
    double BaselineMean,
    double NewMean,
    double Difference,
    double RelativeChange,
    double PValue,
    bool IsRegression,
    string Reason);

/// <summary>
/// Decides whether a run moved away from its baseline. For each metric, Welch's two-sample t-test
/// (unequal variances, Welch–Satterthwaite degrees of freedom) of the new replication mean against the
/// stored one; the family of m metrics is held at 5% false alarms with Bonferroni (each at 0.05/m).
/// A metric with zero variance on both sides moves only if its mean moves. With <c>exact</c>, any
/// difference in any mean is a regression (same seed and version must reproduce bit for bit).
/// </summary>
public static class Regression
{
    public const double FamilyAlpha = 0.05;

    public static IReadOnlyList<RegressionFinding> Check(IReadOnlyList<BaselineMetric> baseline, IReadOnlyList<MetricSummary> current, bool exact)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var now = current.ToDictionary(m => m.Key.Id, StringComparer.Ordinal);
        var tested = baseline.Count(b => now.ContainsKey(b.Metric));
        var alpha = FamilyAlpha / Math.Max(1, tested);
        var findings = new List<RegressionFinding>();
        foreach (var old in baseline)
        {
            if (!now.TryGetValue(old.Metric, out var fresh))
            {
                findings.Add(new RegressionFinding(old.Metric, old.Mean, double.NaN, double.NaN, double.NaN, double.NaN, true, "metric missing from the new run"));
                continue;
            }

            var difference = fresh.Mean - old.Mean;
            var relative = old.Mean != 0 ? difference / Math.Abs(old.Mean) : double.NaN;
            if (double.IsNaN(old.Mean) && double.IsNaN(fresh.Mean))
            {
                findings.Add(new RegressionFinding(old.Metric, old.Mean, fresh.Mean, 0, double.NaN, double.NaN, false, "no observations in either"));
                continue;
            }

            if (exact && !old.Mean.Equals(fresh.Mean))
            {
                findings.Add(new RegressionFinding(old.Metric, old.Mean, fresh.Mean, difference, relative, double.NaN, true, "not bit-identical"));
                continue;
            }

            var p = WelchPValue(old.Mean, old.StandardDeviation, old.Replications, fresh.Mean, fresh.StandardDeviation, fresh.Replications);
            var moved = p < alpha;
            findings.Add(new RegressionFinding(old.Metric, old.Mean, fresh.Mean, difference, relative, p, moved, moved ? $"Welch p = {p:G3} < {alpha:G3}" : "consistent"));
        }

        foreach (var fresh in current.Where(c => baseline.All(b => b.Metric != c.Key.Id)))
        {
            findings.Add(new RegressionFinding(fresh.Key.Id, double.NaN, fresh.Mean, double.NaN, double.NaN, double.NaN, exact, "metric not in the baseline"));
        }

        return findings;
    }

    /// <summary>Two-sided p-value of Welch's t-test from summary statistics.</summary>
    public static double WelchPValue(double mean1, double sd1, int n1, double mean2, double sd2, int n2)
    {
        if (double.IsNaN(mean1) != double.IsNaN(mean2))
        {
            return 0;
        }

        var v1 = n1 > 1 && double.IsFinite(sd1) ? sd1 * sd1 / n1 : 0;
        var v2 = n2 > 1 && double.IsFinite(sd2) ? sd2 * sd2 / n2 : 0;
        var se = Math.Sqrt(v1 + v2);
        if (se == 0)
        {
            return mean1.Equals(mean2) || Math.Abs(mean1 - mean2) <= 1e-12 * Math.Max(1, Math.Abs(mean1)) ? 1 : 0;
        }

        var t = Math.Abs(mean1 - mean2) / se;
        var dof = ((v1 + v2) * (v1 + v2)) / ((n1 > 1 ? v1 * v1 / (n1 - 1) : 0) + (n2 > 1 ? v2 * v2 / (n2 - 1) : 0));
        return 2 * (1 - StudentT.CDF(0, 1, Math.Max(1, dof), t));
    }
}
