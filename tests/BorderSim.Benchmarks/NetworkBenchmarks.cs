using BenchmarkDotNet.Attributes;
using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;

namespace BorderSim.Benchmarks;

/// <summary>
/// A simulated year of the Lạng Sơn network (scenarios/lang-son-network.yaml: four gates, eight routes, two
/// origins, about 1,380 trucks a day with the empties), one replication, from the compiled scenario to the
/// summarised result (no file output). The target is under 1.5 s.
/// </summary>
[MemoryDiagnoser]
public class NetworkBenchmarks
{
    private ScenarioSpec _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A year at the default 15-min step is 35,040 points a series, inside the limit.
        _scenario = ShippedScenario.Load("lang-son-network.yaml");
    }

    [Benchmark]
    public double LangSonNetwork_OneReplicationOfAYear() =>
        ExperimentRunner.Run(_scenario, new RunOptions(Replications: 1, Days: 365, Threads: 1)).Summary[0].Mean;
}
