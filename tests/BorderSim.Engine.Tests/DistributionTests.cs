using BorderSim.Engine.Randomness;

namespace BorderSim.Engine.Tests;

public class DistributionTests
{
    private const int Samples = 200_000;

    // z for a two-sided 99.9% interval: with eight distributions and two checks each, the chance that any
    // correct one falls outside is below 2%; the seed is fixed, so the test is deterministic either way.
    private const double Z999 = 3.2905;

    // Each with its exact variance, worked out from the parameters by hand (not read back from the code):
    // exponential mean² ; lognormal and gamma sd²; triangular (a² + b² + c² − ab − ac − bc)/18 =
    // (0.25 + 1 + 9 − 0.5 − 1.5 − 3)/18; uniform (b − a)²/12; empirical E[x²] − mean² = 4.8 − 1.5².
    private static IEnumerable<TestCaseData> Distributions()
    {
        yield return new TestCaseData(new ExponentialDistribution(mean: 0.25), 0.0625).SetArgDisplayNames("exponential");
        yield return new TestCaseData(new LogNormalDistribution(mean: 1.5, standardDeviation: 0.8), 0.64).SetArgDisplayNames("lognormal");
        yield return new TestCaseData(new GammaDistribution(mean: 2, standardDeviation: 1), 1.0).SetArgDisplayNames("gamma");
        yield return new TestCaseData(new TriangularDistribution(min: 0.5, mode: 1, max: 3), 5.25 / 18).SetArgDisplayNames("triangular");
        yield return new TestCaseData(new UniformDistribution(min: 1, max: 4), 0.75).SetArgDisplayNames("uniform");
        yield return new TestCaseData(new EmpiricalDistribution([0.5, 1, 2, 6], [4, 3, 2, 1]), 2.55).SetArgDisplayNames("empirical");
        yield return new TestCaseData(new Deterministic(0.75), 0.0).SetArgDisplayNames("deterministic");
        yield return new TestCaseData(new ExponentialDistribution(mean: 2).Scale(60), 14_400.0).SetArgDisplayNames("scaled exponential");
    }

    private static double[] Draw(Distribution distribution)
    {
        var stream = new RandomStreams(2024, 0)[distribution.ToString()];
        var values = new double[Samples];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = distribution.Sample(stream);
        }

        return values;
    }

    [TestCaseSource(nameof(Distributions))]
    public void The_sample_mean_lies_within_a_99_9_percent_interval_of_Mean(Distribution distribution, double variance)
    {
        var values = Draw(distribution);
        var mean = values.Average();
        var standardError = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (Samples - 1) / Samples);

        // Half-width z·s/√n (normal approximation; n = 200,000). A deterministic value has s = 0: exact.
        Assert.That(mean, Is.EqualTo(distribution.Mean).Within((Z999 * standardError) + 1e-12));
        Assert.That(values.Min(), Is.GreaterThanOrEqualTo(0), "durations are never negative");
    }

    [TestCaseSource(nameof(Distributions))]
    public void The_sample_variance_lies_within_a_99_9_percent_interval_of_the_exact_variance(Distribution distribution, double variance)
    {
        var values = Draw(distribution);
        var mean = values.Average();
        var sampleVariance = values.Sum(v => (v - mean) * (v - mean)) / (Samples - 1);
        var fourthMoment = values.Sum(v => Math.Pow(v - mean, 4)) / Samples;

        // The sample variance s² has variance (μ₄ − σ⁴)/n + O(1/n²) (Kendall and Stuart, Advanced Theory of
        // Statistics vol. 1, 10.5); μ₄ and σ⁴ estimated from the sample, half-width z·√((m₄ − s⁴)/n), normal
        // approximation at n = 200,000. A deterministic value has s² = 0: exact.
        var halfWidth = Z999 * Math.Sqrt(Math.Max(0, fourthMoment - (sampleVariance * sampleVariance)) / Samples);
        Assert.That(sampleVariance, Is.EqualTo(variance).Within(halfWidth + (1e-12 * variance)));

        // Power: the interval is narrow enough that a variance 5 % off would fall outside it.
        Assert.That(halfWidth, Is.LessThanOrEqualTo(0.05 * variance));
    }

    [Test]
    public void The_empirical_distribution_draws_values_in_proportion_to_their_weights()
    {
        var stream = new RandomStream(3);
        var distribution = new EmpiricalDistribution([10, 20, 30], [1, 2, 7]);
        var counts = new Dictionary<double, int> { [10] = 0, [20] = 0, [30] = 0 };
        for (var i = 0; i < 100_000; i++)
        {
            counts[distribution.Sample(stream)]++;
        }

        // Binomial standard deviation √(n·p·(1−p)) ≤ 158 draws; 5σ ≈ 800 draws.
        Assert.That(counts[10], Is.EqualTo(10_000).Within(800));
        Assert.That(counts[20], Is.EqualTo(20_000).Within(800));
        Assert.That(counts[30], Is.EqualTo(70_000).Within(800));
    }

    [Test]
    public void Invalid_parameters_are_refused_with_the_parameter_named()
    {
        Assert.That(() => new ExponentialDistribution(mean: 0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("mean"));
        Assert.That(() => new TriangularDistribution(2, 1, 3), Throws.ArgumentException);
        Assert.That(() => new UniformDistribution(4, 1), Throws.ArgumentException);
    }
}
