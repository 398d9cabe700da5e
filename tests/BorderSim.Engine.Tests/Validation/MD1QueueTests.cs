using BorderSim.Engine.Randomness;

namespace BorderSim.Engine.Tests.Validation;

/// <summary>M/D/1 (a fixed service time, e.g. a weighbridge) against Pollaczek–Khinchine.</summary>
public class MD1QueueTests
{
    private const double ServicesPerHour = 4;

    [TestCase(0.5)]
    [TestCase(0.7)]
    [TestCase(0.9)]
    public void Mean_wait_matches_Pollaczek_Khinchine(double utilisation)
    {
        var arrivalsPerHour = utilisation * ServicesPerHour;
        var batchHours = ValidationRun.BatchHours(utilisation, arrivalsPerHour);
        var model = new QueueModel(arrivalsPerHour, new Deterministic(1 / ServicesPerHour), lanes: 1, systemCapacity: null, seed: 2000 + (ulong)(utilisation * 10));

        var batches = model.RunBatches(warmupHours: batchHours, batchHours, ValidationRun.Batches);

        var expectedWait = QueueingTheory.MD1MeanWaitHours(arrivalsPerHour, ServicesPerHour);
        var wait = BatchMeans.Of(batches.WaitHours, ValidationRun.Confidence);
        TestContext.Out.WriteLine($"Wq {wait} h vs {expectedWait:G5} h");

        // Theory inside the batch-means 99.9 % interval; the interval narrower than 5 % of Wq (power).
        Assert.That(expectedWait, Is.EqualTo(wait.Mean).Within(wait.HalfWidth), $"Wq: {wait}");
        Assert.That(wait.HalfWidth, Is.LessThan(0.05 * expectedWait), "the interval is too wide to catch an error");

        // M/D/1 waits are half those of M/M/1 at the same ρ (P-K with E[S²] halved): a model that
        // drew exponential service would be off by 100 %, far outside the interval.
        var exponentialWait = QueueingTheory.MMcMeanWaitHours(1, arrivalsPerHour, ServicesPerHour);
        Assert.That(expectedWait, Is.EqualTo(exponentialWait / 2).Within(1e-12));
    }
}
