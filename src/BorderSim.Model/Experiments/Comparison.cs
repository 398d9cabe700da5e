using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using MathNet.Numerics.Distributions;

namespace BorderSim.Model.Experiments;

/// <summary>One metric of one alternative against the first scenario (the base).</summary>
/// <param name="Key">The metric.</param>
/// <param name="Alternative">Name of the alternative scenario.</param>
/// <param name="Pairs">Replications paired (replication i of each alternative shares its random numbers).</param>
/// <param name="BaseMean">Mean of the base over the pairs.</param>
/// <param name="AlternativeMean">Mean of the alternative over the pairs.</param>
/// <param name="Difference">Mean paired difference, alternative − base.</param>
/// <param name="HalfWidth">Half-width of the paired-t interval at <paramref name="ConfidenceLevel"/>.</param>
/// <param name="RelativeChange">Difference / base mean (NaN when the base mean is 0).</param>
/// <param name="IsSignificant">The interval excludes zero.</param>
/// <param name="ConfidenceLevel">Per-comparison level: 0.95, Bonferroni-adjusted to 1 − 0.05/k for k alternatives.</param>
public sealed record MetricDifference(
    MetricKey Key,
    string Alternative,
    int Pairs,
    double BaseMean,
    double AlternativeMean,
    double Difference,
    double HalfWidth,
    double RelativeChange,
    bool IsSignificant,
    double ConfidenceLevel)
{
    public double Lower => Difference - HalfWidth;

    public double Upper => Difference + HalfWidth;
}

/// <summary>Alternatives run on common random numbers and their paired differences from the first.</summary>
public sealed record ComparisonResult(IReadOnlyList<ExperimentResult> Alternatives, IReadOnlyList<MetricDifference> Differences, bool CommonRandomNumbers);

/// <summary>
/// Compares scenarios replication by replication. With common random numbers every alternative uses
/// the same master seed, so truck k of replication i arrives at the same time, with the same class
/// and service draws, wherever the scenarios agree (streams are named by direction and stage); the
/// paired differences then have a much smaller variance than independent runs would.
/// </summary>
public static class Comparison
{
    public const double FamilyConfidence = 0.95;

    public static ComparisonResult Run(
        IReadOnlyList<ScenarioSpec> scenarios,
        RunOptions options,
        bool commonRandomNumbers = true,
        IProgress<int>? replicationsDone = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(options);
        if (scenarios.Count < 2)
        {
            throw new ArgumentException("a comparison needs at least two scenarios", nameof(scenarios));
        }

        // Pair like with like: every alternative runs the base's replications, seed and warm-up.
        var first = ExperimentRunner.Apply(scenarios[0], options with { Precision = null });
        var done = 0;
        var progress = replicationsDone is null ? null : new Progress(() => replicationsDone.Report(Interlocked.Increment(ref done)));
        var baseResult = ExperimentRunner.Run(first, options with { Precision = null }, null, progress, cancellationToken);
        var results = new List<ExperimentResult> { baseResult };
        for (var k = 1; k < scenarios.Count; k++)
        {
            var seed = commonRandomNumbers ? first.Seed : first.Seed + (ulong)k;
            var alternative = scenarios[k] with
            {
                Replications = first.Replications,
                Days = first.Days,
                Seed = seed,
                WarmUpHours = baseResult.WarmUpHours,
            };
            results.Add(ExperimentRunner.Run(alternative, options with { Precision = null, Replications = null, Seed = null, Days = null }, null, progress, cancellationToken));
        }

        return new ComparisonResult(results, Differences(results), commonRandomNumbers);
    }

    /// <summary>Paired-t differences of every metric the base and an alternative share.</summary>
    public static IReadOnlyList<MetricDifference> Differences(IReadOnlyList<ExperimentResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var comparisons = results.Count - 1;
        var level = 1 - ((1 - FamilyConfidence) / comparisons); // Bonferroni
        var differences = new List<MetricDifference>();
        var baseByKey = ByKey(results[0]);
        for (var k = 1; k < results.Count; k++)
        {
            var alternativeByKey = ByKey(results[k]);
            foreach (var key in results[0].Summary.Select(s => s.Key))
            {
                var baseValues = baseByKey[key];
                if (!alternativeByKey.TryGetValue(key, out var alternativeValues))
                {
                    continue;
                }

                var pairs = baseValues.Zip(alternativeValues).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToList();
                if (pairs.Count < 2)
                {
                    continue;
                }

                var diffs = pairs.Select(p => p.Second - p.First).ToList();
                var mean = diffs.Average();
                var sd = Math.Sqrt(diffs.Sum(d => (d - mean) * (d - mean)) / (diffs.Count - 1));
                var halfWidth = StudentT.InvCDF(0, 1, diffs.Count - 1, 1 - ((1 - level) / 2)) * sd / Math.Sqrt(diffs.Count);
                var baseMean = pairs.Average(p => p.First);
                var alternativeMean = pairs.Average(p => p.Second);
                differences.Add(new MetricDifference(
                    key,
                    results[k].Scenario.Name,
                    pairs.Count,
                    baseMean,
                    alternativeMean,
                    mean,
                    halfWidth,
                    baseMean != 0 ? mean / baseMean : double.NaN,
                    Math.Abs(mean) > halfWidth,
                    level));
            }
        }

        return differences;
    }

    /// <summary>Each metric's value per replication (NaN where a replication lacks it).</summary>
    private static Dictionary<MetricKey, double[]> ByKey(ExperimentResult result)
    {
        var table = result.Summary.ToDictionary(s => s.Key, _ => Enumerable.Repeat(double.NaN, result.Replications.Count).ToArray());
        for (var r = 0; r < result.Replications.Count; r++)
        {
            foreach (var metric in result.Replications[r].Metrics)
            {
                table[metric.Key][r] = metric.Value;
            }
        }

        return table;
    }

    private sealed class Progress(Action report) : IProgress<int>
    {
        public void Report(int value) => report();
    }
}
