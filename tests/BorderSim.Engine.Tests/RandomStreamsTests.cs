using BorderSim.Engine.Randomness;

namespace BorderSim.Engine.Tests;

public class RandomStreamsTests
{
    private static double[] Draw(RandomStream stream, int count) =>
        Enumerable.Range(0, count).Select(_ => stream.NextDouble()).ToArray();

    [Test]
    public void The_same_seed_replication_and_name_give_the_same_numbers()
    {
        var first = Draw(new RandomStreams(42, 3)["arrivals"], 1000);
        var second = Draw(new RandomStreams(42, 3)["arrivals"], 1000);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Adding_a_stream_never_shifts_another_streams_numbers()
    {
        var alone = new RandomStreams(42, 0);
        var expected = Draw(alone["service"], 1000);

        var withMore = new RandomStreams(42, 0);
        Draw(withMore["inspection"], 500);
        var interleaved = new List<double>();
        for (var i = 0; i < 1000; i++)
        {
            interleaved.Add(withMore["service"].NextDouble());
            withMore["x-ray"].NextDouble();
        }

        Assert.That(interleaved, Is.EqualTo(expected));
    }

    [Test]
    public void Different_replications_names_and_seeds_give_different_numbers()
    {
        var baseline = Draw(new RandomStreams(42, 0)["arrivals"], 100);

        Assert.That(Draw(new RandomStreams(42, 1)["arrivals"], 100), Is.Not.EqualTo(baseline));
        Assert.That(Draw(new RandomStreams(42, 0)["service"], 100), Is.Not.EqualTo(baseline));
        Assert.That(Draw(new RandomStreams(43, 0)["arrivals"], 100), Is.Not.EqualTo(baseline));
    }

    [Test]
    public void Streams_of_neighbouring_replications_are_uncorrelated()
    {
        var a = Draw(new RandomStreams(1, 0)["arrivals"], 100_000);
        var b = Draw(new RandomStreams(1, 1)["arrivals"], 100_000);
        var correlation = MathNet.Numerics.Statistics.Correlation.Pearson(a, b);

        // Under independence the sample correlation has standard deviation 1/√n ≈ 0.0032; 5σ = 0.016.
        Assert.That(correlation, Is.EqualTo(0).Within(0.016));
    }

    [Test]
    public void NextDouble_is_uniform_on_zero_to_one()
    {
        var values = Draw(new RandomStream(5), 200_000);

        Assert.That(values.Min(), Is.GreaterThanOrEqualTo(0));
        Assert.That(values.Max(), Is.LessThan(1));

        // The mean of n uniforms has standard deviation √(1/12n) ≈ 0.00065; 5σ ≈ 0.0032.
        Assert.That(values.Average(), Is.EqualTo(0.5).Within(0.0032));
    }

    [Test]
    public void Next_with_bounds_stays_within_them()
    {
        var stream = new RandomStream(9);
        var values = Enumerable.Range(0, 10_000).Select(_ => stream.Next(3, 8)).ToArray();

        Assert.That(values.Min(), Is.EqualTo(3));
        Assert.That(values.Max(), Is.EqualTo(7));
    }
}
