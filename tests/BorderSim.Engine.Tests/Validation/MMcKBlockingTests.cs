using BorderSim.Engine.Randomness;

namespace BorderSim.Engine.Tests.Validation;

/// <summary>M/M/c/K: a yard with room for K trucks; a truck that finds it full goes elsewhere.</summary>
public class MMcKBlockingTests
{
    private const double ServicesPerHour = 4;
    private const int Lanes = 2;
    private const int SystemCapacity = 5;

    [TestCase(0.5)]
    [TestCase(0.7)]
    [TestCase(0.9)]
    public void The_fraction_of_trucks_turned_away_matches_the_MMcK_blocking_probability(double utilisation)
    {
        var arrivalsPerHour = utilisation * Lanes * ServicesPerHour;
        var batchHours = 50_000 / arrivalsPerHour; // K = 5 bounds the queue, so it relaxes fast at any ρ
        var model = new QueueModel(arrivalsPerHour, new ExponentialDistribution(1 / ServicesPerHour), Lanes, SystemCapacity, seed: 3000 + (ulong)(utilisation * 10));

        var batches = model.RunBatches(warmupHours: batchHours, batchHours, ValidationRun.Batches);

        var expected = QueueingTheory.MMcKBlockingProbability(Lanes, SystemCapacity, arrivalsPerHour, ServicesPerHour);
        var blocked = BatchMeans.Of(batches.BlockedFraction, ValidationRun.Confidence);
        TestContext.Out.WriteLine($"blocked {blocked} vs {expected:G5}");

        // Theory inside the batch-means 99.9 % interval; the interval narrower than 6 % of P_K (power:
        // P_K is 2.1 % at ρ = 0.5, so ~1,000 blocked trucks per batch of 50,000, ±3 % per batch).
        Assert.That(expected, Is.EqualTo(blocked.Mean).Within(blocked.HalfWidth), $"P_K: {blocked}");
        Assert.That(blocked.HalfWidth, Is.LessThan(0.06 * expected), "the interval is too wide to catch an error");
    }

    [Test]
    public void The_blocking_formula_reduces_to_Erlang_B_when_there_is_no_waiting_room()
    {
        // Erlang B for c = 2, a = 1: (1/2) / (1 + 1 + 1/2) = 0.2.
        Assert.That(QueueingTheory.MMcKBlockingProbability(2, 2, 4, 4), Is.EqualTo(0.2).Within(1e-12));
    }
}
