using BorderSim.Engine.Randomness;
using BorderSim.Engine.Statistics;

namespace BorderSim.Engine.Tests;

public class SampleStatisticTests
{
    [Test]
    public void Count_mean_variance_min_and_max_of_a_small_sample()
    {
        var waits = new SampleStatistic();
        foreach (var value in new[] { 2.0, 4, 4, 4, 5, 5, 7, 9 })
        {
            waits.Add(value);
        }

        Assert.That(waits.Count, Is.EqualTo(8));
        Assert.That(waits.Mean, Is.EqualTo(5.0).Within(1e-12));
        Assert.That(waits.Variance, Is.EqualTo(32.0 / 7).Within(1e-12), "sample variance, n − 1 in the denominator");
        Assert.That(waits.Sum, Is.EqualTo(40.0).Within(1e-12));
        Assert.That(waits.Min, Is.EqualTo(2.0));
        Assert.That(waits.Max, Is.EqualTo(9.0));
    }

    [Test]
    public void Welford_keeps_the_variance_accurate_around_a_large_mean()
    {
        // A naive Σx² − n·mean² loses every digit here: the spread is 1e-9 of the mean.
        var stream = new RandomStream(7);
        var values = Enumerable.Range(0, 100_000).Select(_ => 1e9 + stream.NextDouble()).ToArray();
        var statistic = new SampleStatistic();
        foreach (var value in values)
        {
            statistic.Add(value);
        }

        var mean = values.Average();
        var twoPassVariance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);

        // Relative 1e-6: Welford's error grows like n·ε·mean/spread ≈ 1e5 · 1e-16 · 1e9 = 1e-2 at worst, typically far less.
        Assert.That(statistic.Mean, Is.EqualTo(mean).Within(1e-9).Percent);
        Assert.That(statistic.Variance, Is.EqualTo(twoPassVariance).Within(1e-4).Percent);
        Assert.That(statistic.Variance, Is.EqualTo(1.0 / 12).Within(2).Percent, "uniform [0, 1) variance is 1/12");
    }

    [Test]
    public void An_empty_statistic_has_no_mean()
    {
        var waits = new SampleStatistic();

        Assert.That(waits.Mean, Is.NaN);
        Assert.That(waits.Variance, Is.Zero);
        Assert.That(waits.Quantile(0.5), Is.NaN);
    }

    [Test]
    public void Reset_forgets_every_observation()
    {
        var waits = new SampleStatistic();
        waits.Add(100);
        waits.Reset();
        waits.Add(1);
        waits.Add(3);

        Assert.That(waits.Count, Is.EqualTo(2));
        Assert.That(waits.Mean, Is.EqualTo(2.0).Within(1e-12));
        Assert.That(waits.Max, Is.EqualTo(3.0));
        Assert.That(waits.Quantile(1), Is.EqualTo(3.0).Within(0.5).Percent);
    }

    [Test]
    public void Every_sample_counts_in_the_quantiles_also_a_negative_one()
    {
        // A sample left out of the sketch would shift every quantile upward without a word.
        var differences = new SampleStatistic();
        foreach (var value in new[] { -4.0, -1, 0, 2, 3 })
        {
            differences.Add(value);
        }

        Assert.That(differences.Quantiles.Count, Is.EqualTo(differences.Count));
        Assert.That(differences.Quantile(0), Is.EqualTo(-4.0).Within(0.5).Percent);
        Assert.That(differences.Quantile(0.5), Is.Zero, "the median of −4, −1, 0, 2, 3");
        Assert.That(differences.Quantile(1), Is.EqualTo(3.0).Within(0.5).Percent);
    }

    [Test]
    public void A_sample_that_is_not_a_number_is_refused_before_it_changes_anything()
    {
        var waits = new SampleStatistic();
        waits.Add(1);

        Assert.That(() => waits.Add(double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(waits.Count, Is.EqualTo(1));
        Assert.That(waits.Mean, Is.EqualTo(1.0));
        Assert.That(waits.Quantiles.Count, Is.EqualTo(1));
    }
}
