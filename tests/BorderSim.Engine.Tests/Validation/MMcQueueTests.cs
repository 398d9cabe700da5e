using BorderSim.Engine.Randomness;

namespace BorderSim.Engine.Tests.Validation;

/// <summary>M/M/1 and M/M/c against Erlang C: mean wait Wq and mean queue length Lq.</summary>
public class MMcQueueTests
{
    private const double ServicesPerHour = 4; // 15-minute service

    [TestCase(1, 0.5)]
    [TestCase(1, 0.7)]
    [TestCase(1, 0.9)]
    [TestCase(3, 0.5)]
    [TestCase(3, 0.7)]
    [TestCase(3, 0.9)]
    public void Mean_wait_and_queue_length_match_Erlang_C(int lanes, double utilisation)
    {
        var arrivalsPerHour = utilisation * lanes * ServicesPerHour;
        var batchHours = ValidationRun.BatchHours(utilisation, arrivalsPerHour);
        var model = new QueueModel(arrivalsPerHour, new ExponentialDistribution(1 / ServicesPerHour), lanes, systemCapacity: null, seed: 1000 + (ulong)(lanes * 100) + (ulong)(utilisation * 10));

        var batches = model.RunBatches(warmupHours: batchHours, batchHours, ValidationRun.Batches);

        var expectedWait = QueueingTheory.MMcMeanWaitHours(lanes, arrivalsPerHour, ServicesPerHour);
        var expectedQueue = QueueingTheory.MMcMeanQueueLength(lanes, arrivalsPerHour, ServicesPerHour);
        var wait = BatchMeans.Of(batches.WaitHours, ValidationRun.Confidence);
        var queue = BatchMeans.Of(batches.QueueLength, ValidationRun.Confidence);
        TestContext.Out.WriteLine($"Wq {wait} h vs {expectedWait:G5} h; Lq {queue} vs {expectedQueue:G5}");

        // Theory inside the batch-means 99.9 % interval (see ValidationRun.Confidence).
        Assert.That(expectedWait, Is.EqualTo(wait.Mean).Within(wait.HalfWidth), $"Wq: {wait}");
        Assert.That(expectedQueue, Is.EqualTo(queue.Mean).Within(queue.HalfWidth), $"Lq: {queue}");

        // Power: the run is long enough that the interval is narrow, so the check above can fail.
        // 8 % covers the widest case, c = 3 at ρ = 0.5, where few trucks wait at all (±6 % with these seeds):
        // an error of 10 % in Wq or Lq would still show.
        Assert.That(wait.HalfWidth, Is.LessThan(0.08 * expectedWait), "the interval is too wide to catch an error");
        Assert.That(queue.HalfWidth, Is.LessThan(0.08 * expectedQueue), "the interval is too wide to catch an error");
    }
}
