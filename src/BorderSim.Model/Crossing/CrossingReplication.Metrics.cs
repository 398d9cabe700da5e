using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

public sealed partial class CrossingReplication
{
    /// <summary>
    /// The keys of the metrics every replication of <paramref name="model"/> reports, in their order, found
    /// without running anything: the metrics of a replication that has not started (their values are
    /// meaningless). <c>ExperimentRunner.MetricKeys</c> adds the ones the experiment adds.
    /// </summary>
    public static IReadOnlyList<MetricKey> MetricKeysOf(CrossingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var unstarted = new CrossingReplication(model, replication: 0, seed: 0, warmUpHours: 0);
        var sampler = new TimeSeriesSampler(model, unstarted._runtime, unstarted._sim, model.Scenario.TimeseriesStepMinutes / 60.0, runHours: 0);
        return [.. unstarted.CollectMetrics(0, sampler).Select(m => m.Key)];
    }
}
