using BenchmarkDotNet.Attributes;
using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using BorderSim.Scenarios;

namespace BorderSim.Benchmarks;

/// <summary>
/// A simulated year of the Lạng Sơn network (scenarios/lang-son-network.yaml: four gates, eight routes, two
/// origins, about 1,550 trucks a day with the empties), one replication, from the compiled scenario to the
/// summarised result (no file output). The target is under 1.5 s.
/// </summary>
[MemoryDiagnoser]
public class NetworkBenchmarks
{
    private ScenarioSpec _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BorderSim.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("run from inside the repository"), "scenarios", "lang-son-network.yaml");
        var loaded = ScenarioReader.Load(path);

        // A year at the default 15-min step is 35,040 points a series, inside the limit.
        _scenario = loaded.Scenario ?? throw new InvalidOperationException(string.Join('\n', loaded.Errors));
    }

    [Benchmark]
    public double LangSonNetwork_OneReplicationOfAYear() =>
        ExperimentRunner.Run(_scenario, new RunOptions(Replications: 1, Days: 365, Threads: 1)).Summary[0].Mean;
}
