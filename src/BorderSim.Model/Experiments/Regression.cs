using BorderSim.Model.Results;
using MathNet.Numerics.Distributions;

namespace BorderSim.Model.Experiments;

/// <summary>One metric's value in every replication of a run (NaN where a replication had no observations).</summary>
public sealed record ReplicationValues(string Metric, string Unit, IReadOnlyList<double> Values);

/// <summary>
/// A stored baseline: the seed and replication count it was run with, the version that ran it, and every metric's
/// value replication by replication, so that a new run on the same seed can be paired with it.
/// </summary>
public sealed record Baseline(ulong Seed, int Replications, string Version, IReadOnlyList<ReplicationValues> Metrics);

/// <summary>One metric checked against its baseline.</summary>
/// <param name="Pairs">Replications compared (both runs observed the metric).</param>
/// <param name="BaselineMean">Baseline mean over the pairs.</param>
/// <param name="NewMean">New mean over the pairs.</param>
/// <param name="Difference">Mean paired difference, new − baseline.</param>
/// <param name="RelativeChange">Difference / |baseline mean| (NaN when the baseline mean is 0).</param>
/// <param name="PValue">Two-sided p-value of the paired t-test (0 or 1 when every pair differs by the same amount).</param>
/// <param name="AdjustedPValue">Holm-adjusted p-value over the scenario's metrics; the metric moved when it is below <see cref="Regression.FamilyAlpha"/>.</param>
/// <param name="IsRegression">The metric moved (or, with exact, any replication's value changed in any bit).</param>
public sealed record RegressionFinding(
    string Metric,
    int Pairs,
    double BaselineMean,
    double NewMean,
    double Difference,
    double RelativeChange,
    double PValue,
    double AdjustedPValue,
    bool IsRegression,
    string Reason);

/// <summary>
/// Decides whether a run moved away from its baseline. The run uses the baseline's seed and replication count, so
/// replication i of both saw the same random numbers wherever the model did not change (common random numbers);
/// each metric is tested on its paired differences (paired t-test, n − 1 degrees of freedom), which cancels most
/// of the replication-to-replication noise and leaves the change. The family of a scenario's metrics is held at
/// <see cref="FamilyAlpha"/> false alarms with Holm's step-down procedure. When every pair differs by the same
/// amount (a deterministic metric, or identical runs) there is no noise: any change beyond round-off is a move.
/// With <c>exact</c>, any change in any bit of any replication's value is a regression.
/// </summary>
public static class Regression
{
    /// <summary>Family-wise false-alarm rate per scenario, for a change that keeps the model's distributions but draws other random numbers.</summary>
    public const double FamilyAlpha = 0.05;

    /// <summary>A regress run has at least this many replications, whatever the scenario's own count (power of the paired test).</summary>
    public const int MinimumReplications = 20;

    /// <summary>Differences below this share of the metric's size are round-off (summation order), never a move; <c>exact</c> catches them.</summary>
    public const double RoundOffRelative = 1e-9;

    /// <summary>Replications a regress run of <paramref name="scenarioReplications"/> uses: the scenario's count, at least <see cref="MinimumReplications"/>.</summary>
    public static int ReplicationsFor(int scenarioReplications) => Math.Max(scenarioReplications, MinimumReplications);

    /// <summary>Every metric of a run with its value per replication, in the order of the summary.</summary>
    public static IReadOnlyList<ReplicationValues> ValuesOf(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = result.Summary.ToDictionary(s => s.Key, _ => Enumerable.Repeat(double.NaN, result.Replications.Count).ToArray());
        for (var r = 0; r < result.Replications.Count; r++)
        {
            foreach (var metric in result.Replications[r].Metrics)
            {
                table[metric.Key][r] = metric.Value;
            }
        }

        return [.. result.Summary.Select(s => new ReplicationValues(s.Key.Id, s.Key.Unit, table[s.Key]))];
    }

    /// <summary>The metrics of <paramref name="current"/> that the baseline has no row for.</summary>
    public static IReadOnlyList<string> NotInBaseline(Baseline baseline, IReadOnlyList<ReplicationValues> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var known = baseline.Metrics.Select(m => m.Metric).ToHashSet(StringComparer.Ordinal);
        return [.. current.Select(c => c.Metric).Where(id => !known.Contains(id))];
    }

    /// <summary>Checks every baseline metric against the run's values of the same replications.</summary>
    public static IReadOnlyList<RegressionFinding> Check(Baseline baseline, IReadOnlyList<ReplicationValues> current, bool exact)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var now = current.ToDictionary(m => m.Metric, StringComparer.Ordinal);
        var tests = new List<PairedTest>();
        foreach (var old in baseline.Metrics)
        {
            tests.Add(now.TryGetValue(old.Metric, out var fresh) ? Paired(old.Values, fresh.Values) : PairedTest.Missing(old.Values));
        }

        var adjusted = Holm([.. tests.Select(t => t.PValue)]);
        var findings = new List<RegressionFinding>(tests.Count);
        for (var i = 0; i < tests.Count; i++)
        {
            var test = tests[i];
            var metric = baseline.Metrics[i].Metric;
            var moved = test.Reason is null ? adjusted[i] < FamilyAlpha : test.IsMoveByItself;
            var reason = test.Reason ?? (moved ? "paired t-test" : "consistent");

            if (exact && now.TryGetValue(metric, out var fresh) && FirstDifferentReplication(baseline.Metrics[i].Values, fresh.Values) is { } r)
            {
                moved = true;
                reason = $"not bit-identical (replication {r + 1})";
            }

            findings.Add(new RegressionFinding(metric, test.Pairs, test.BaselineMean, test.NewMean, test.Difference, test.RelativeChange, test.PValue, adjusted[i], moved, reason));
        }

        return findings;
    }

    /// <summary>
    /// Holm's step-down adjustment: sort the m p-values, multiply the k-th smallest by m − k + 1, keep the sequence
    /// non-decreasing and at most 1 (Holm 1979). Rejecting where the adjusted value is below α holds the family-wise
    /// error at α, and rejects everything Bonferroni does, sometimes more. NaN (no test) stays NaN and is not counted.
    /// </summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var order = Enumerable.Range(0, pValues.Count).Where(i => !double.IsNaN(pValues[i])).OrderBy(i => pValues[i]).ToArray();
        var adjusted = Enumerable.Repeat(double.NaN, pValues.Count).ToArray();
        var running = 0.0;
        for (var k = 0; k < order.Length; k++)
        {
            running = Math.Max(running, Math.Min(1, (order.Length - k) * pValues[order[k]]));
            adjusted[order[k]] = running;
        }

        return adjusted;
    }

    /// <summary>Two-sided p-value of the paired t-test of the differences <paramref name="differences"/> (n − 1 degrees of freedom).</summary>
    public static double PairedPValue(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var n = differences.Count;
        var mean = differences.Average();
        var sd = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (n - 1));
        var t = Math.Abs(mean) / (sd / Math.Sqrt(n));
        return 2 * (1 - StudentT.CDF(0, 1, n - 1, t));
    }

    private static PairedTest Paired(IReadOnlyList<double> baseline, IReadOnlyList<double> current)
    {
        var n = Math.Min(baseline.Count, current.Count);
        var olds = new List<double>(n);
        var news = new List<double>(n);
        int observedBefore = 0, observedNow = 0;
        for (var r = 0; r < n; r++)
        {
            var (a, b) = (baseline[r], current[r]);
            observedBefore += double.IsFinite(a) ? 1 : 0;
            observedNow += double.IsFinite(b) ? 1 : 0;
            if (double.IsFinite(a) && double.IsFinite(b))
            {
                olds.Add(a);
                news.Add(b);
            }
        }

        if (olds.Count == 0)
        {
            var sameAbsence = observedBefore == 0 && observedNow == 0;
            return new PairedTest(0, Mean(baseline), Mean(current), double.NaN, double.NaN, double.NaN,
                sameAbsence ? "no observations in either" : $"observed in {observedBefore} baseline replications, {observedNow} now, never in the same one", !sameAbsence);
        }

        var baseMean = olds.Average();
        var newMean = news.Average();
        var differences = olds.Zip(news, (a, b) => b - a).ToList();
        var difference = differences.Average();
        var relative = baseMean != 0 ? difference / Math.Abs(baseMean) : double.NaN;
        var scale = Math.Max(Math.Abs(baseMean), Math.Abs(newMean));
        var negligible = Math.Abs(difference) <= RoundOffRelative * scale;
        double p;
        if (negligible)
        {
            p = 1;
        }
        else if (differences.Count < 2 || differences.All(d => d.Equals(differences[0])))
        {
            // No noise in the differences (a deterministic metric, or one pair): a change beyond round-off is a move.
            p = 0;
        }
        else
        {
            p = PairedPValue(differences);
        }

        return new PairedTest(olds.Count, baseMean, newMean, difference, relative, p, null, false);
    }

    private static int? FirstDifferentReplication(IReadOnlyList<double> baseline, IReadOnlyList<double> current)
    {
        if (baseline.Count != current.Count)
        {
            return Math.Min(baseline.Count, current.Count);
        }

        for (var r = 0; r < baseline.Count; r++)
        {
            if (!baseline[r].Equals(current[r]))
            {
                return r;
            }
        }

        return null;
    }

    private static double Mean(IReadOnlyList<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count > 0 ? finite.Average() : double.NaN;
    }

    /// <param name="Reason">Set when the verdict does not come from the Holm-adjusted p-value (a metric missing on one side).</param>
    /// <param name="IsMoveByItself">With a <paramref name="Reason"/>: whether that alone is a regression.</param>
    private sealed record PairedTest(int Pairs, double BaselineMean, double NewMean, double Difference, double RelativeChange, double PValue, string? Reason, bool IsMoveByItself)
    {
        public static PairedTest Missing(IReadOnlyList<double> baseline) =>
            new(0, Mean(baseline), double.NaN, double.NaN, double.NaN, double.NaN, "metric missing from the new run", true);
    }
}
