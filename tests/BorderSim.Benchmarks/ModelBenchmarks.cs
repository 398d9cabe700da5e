using BenchmarkDotNet.Attributes;
using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;

namespace BorderSim.Benchmarks;

/// <summary>
/// The whole border model on a shipped scenario: one replication of the 6-lane Hữu Nghị crossing
/// (about 1,050 trucks a day with the empties since the recalibration, June peak factors in June) for 30 and 365 simulated days, from the
/// compiled scenario to the summarised result (no file output). The per-day figure should not
/// grow with the run length.
/// </summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private ScenarioSpec _scenario = null!;

    [Params(30, 365)]
    public int Days { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ShippedScenario.Load("huu-nghi-6-lanes.yaml");
    }

    [Benchmark]
    public double HuuNghi6Lanes_OneReplication() =>
        ExperimentRunner.Run(_scenario, new RunOptions(Replications: 1, Days: Days, Threads: 1)).Summary[0].Mean;
}
