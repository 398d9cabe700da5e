using BorderSim.Engine.Randomness;
using BorderSim.Engine.Statistics;

namespace BorderSim.Engine.Tests;

public class QuantileSketchTests
{
    private static readonly double[] Probabilities = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

    private static double[] LogNormalSample(ulong seed, int count)
    {
        var stream = new RandomStream(seed);
        var waits = new LogNormalDistribution(mean: 2, standardDeviation: 5);
        return Enumerable.Range(0, count).Select(_ => waits.Sample(stream)).ToArray();
    }

    /// <summary>The sketch's rank rule: the observation of 0-based rank ⌊p·(n − 1)⌋.</summary>
    private static double ExactQuantile(double[] sorted, double probability) =>
        sorted[(int)Math.Floor(probability * (sorted.Length - 1))];

    [TestCase(0.01)]
    [TestCase(0.005)]
    [TestCase(0.001)]
    public void Every_quantile_is_within_the_relative_accuracy_of_the_exact_one(double relativeAccuracy)
    {
        var values = LogNormalSample(11, 100_000);
        var sketch = new QuantileSketch(relativeAccuracy);
        foreach (var value in values)
        {
            sketch.Add(value);
        }

        Array.Sort(values);
        foreach (var probability in Probabilities)
        {
            var exact = ExactQuantile(values, probability);

            // The guarantee is |q̂ − q| ≤ α·q; 1e-9 of slack for the rounding of log and pow at bucket edges.
            Assert.That(Math.Abs(sketch.Quantile(probability) - exact), Is.LessThanOrEqualTo((relativeAccuracy * exact) + 1e-9 * exact), $"p = {probability}");
        }
    }

    [Test]
    public void Zeros_are_counted_and_returned_as_zero()
    {
        var sketch = new QuantileSketch();
        for (var i = 0; i < 60; i++)
        {
            sketch.Add(0);
        }

        for (var i = 1; i <= 40; i++)
        {
            sketch.Add(i);
        }

        Assert.That(sketch.Count, Is.EqualTo(100));
        Assert.That(sketch.Quantile(0.5), Is.Zero);
        // Rank ⌊0.99 · 99⌋ = 98 is the 39th non-zero value, 39; the top rank is 40. Both within α = 0.5 %.
        Assert.That(sketch.Quantile(0.99), Is.EqualTo(39.0).Within(0.5).Percent);
        Assert.That(sketch.Quantile(1), Is.EqualTo(40.0).Within(0.5).Percent);
    }

    [Test]
    public void Merging_sketches_equals_adding_every_value_to_one()
    {
        var first = LogNormalSample(21, 30_000);
        var second = LogNormalSample(22, 50_000).Select(v => v * 1000).ToArray(); // other buckets, to force growth on merge
        var a = new QuantileSketch();
        var b = new QuantileSketch();
        var all = new QuantileSketch();
        foreach (var value in first)
        {
            a.Add(value);
            all.Add(value);
        }

        foreach (var value in second)
        {
            b.Add(value);
            all.Add(value);
        }

        a.Merge(b);

        Assert.That(a.Count, Is.EqualTo(all.Count));
        foreach (var probability in Probabilities)
        {
            Assert.That(a.Quantile(probability), Is.EqualTo(all.Quantile(probability)), $"p = {probability}");
        }
    }

    [Test]
    public void Sketches_of_different_accuracy_cannot_be_merged()
    {
        Assert.That(() => new QuantileSketch(0.01).Merge(new QuantileSketch(0.02)), Throws.ArgumentException);
    }

    [Test]
    public void Negative_values_are_counted_and_ranked_below_zero()
    {
        // A sample of both signs (differences, say): every value counts, and each quantile is within α of the
        // exact one whatever its sign, because negatives are kept in a mirrored store of their magnitudes.
        var values = LogNormalSample(31, 40_000).Select((v, i) => i % 3 == 0 ? -v : v).Concat(Enumerable.Repeat(0.0, 5_000)).ToArray();
        var sketch = new QuantileSketch();
        foreach (var value in values)
        {
            sketch.Add(value);
        }

        Array.Sort(values);
        Assert.That(sketch.Count, Is.EqualTo(values.Length));
        foreach (var probability in Probabilities)
        {
            var exact = ExactQuantile(values, probability);
            Assert.That(Math.Abs(sketch.Quantile(probability) - exact), Is.LessThanOrEqualTo((sketch.RelativeAccuracy + 1e-9) * Math.Abs(exact)), $"p = {probability}");
        }
    }

    [Test]
    public void Merging_keeps_the_negative_values_of_both_sketches()
    {
        var a = new QuantileSketch();
        var b = new QuantileSketch();
        a.Add(-2);
        a.Add(1);
        b.Add(-3);
        b.Add(-1e-12); // below the tracked magnitude: a zero

        a.Merge(b);

        Assert.That(a.Count, Is.EqualTo(4));
        Assert.That(a.Quantile(0), Is.EqualTo(-3.0).Within(0.5).Percent);
        Assert.That(a.Quantile(1.0 / 3), Is.EqualTo(-2.0).Within(0.5).Percent);
        Assert.That(a.Quantile(2.0 / 3), Is.Zero);
        Assert.That(a.Quantile(1), Is.EqualTo(1.0).Within(0.5).Percent);
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void A_value_that_is_not_a_finite_number_is_refused(double value)
    {
        var sketch = new QuantileSketch();
        Assert.That(() => sketch.Add(value), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(sketch.Count, Is.Zero);
    }
}
