using BorderSim.Engine.Randomness;

namespace BorderSim.Engine.Tests;

public class DistributionTests
{
    private const int Samples = 200_000;

    // z for a two-sided 99.9% interval: with eight distributions, the chance that any correct one
    // falls outside is below 1%; the seed is fixed, so the test is deterministic either way.
    private const double Z999 = 3.2905;

    private static IEnumerable<TestCaseData> Distributions()
    {
        yield return new TestCaseData(new ExponentialDistribution(mean: 0.25)).SetArgDisplayNames("exponential");
        yield return new TestCaseData(new LogNormalDistribution(mean: 1.5, standardDeviation: 0.8)).SetArgDisplayNames("lognormal");
        yield return new TestCaseData(new GammaDistribution(mean: 2, standardDeviation: 1)).SetArgDisplayNames("gamma");
        yield return new TestCaseData(new TriangularDistribution(min: 0.5, mode: 1, max: 3)).SetArgDisplayNames("triangular");
        yield return new TestCaseData(new UniformDistribution(min: 1, max: 4)).SetArgDisplayNames("uniform");
        yield return new TestCaseData(new EmpiricalDistribution([0.5, 1, 2, 6], [4, 3, 2, 1])).SetArgDisplayNames("empirical");
        yield return new TestCaseData(new Deterministic(0.75)).SetArgDisplayNames("deterministic");
        yield return new TestCaseData(new ExponentialDistribution(mean: 2).Scale(60)).SetArgDisplayNames("scaled exponential");
    }

    [TestCaseSource(nameof(Distributions))]
    public void The_sample_mean_lies_within_a_99_9_percent_interval_of_Mean(Distribution distribution)
    {
        var stream = new RandomStreams(2024, 0)[distribution.ToString()];
        var values = new double[Samples];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = distribution.Sample(stream);
        }

        var mean = values.Average();
        var standardError = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (Samples - 1) / Samples);

        // Half-width z·s/√n (normal approximation; n = 200,000). A deterministic value has s = 0: exact.
        Assert.That(mean, Is.EqualTo(distribution.Mean).Within((Z999 * standardError) + 1e-12));
        Assert.That(values.Min(), Is.GreaterThanOrEqualTo(0), "durations are never negative");
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
