using BenchmarkDotNet.Attributes;
using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using BorderSim.Scenarios;

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
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BorderSim.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("run from inside the repository"), "scenarios", "huu-nghi-6-lanes.yaml");
        var loaded = ScenarioReader.Load(path);
        _scenario = loaded.Scenario ?? throw new InvalidOperationException(string.Join('\n', loaded.Errors));
    }

    [Benchmark]
    public double HuuNghi6Lanes_OneReplication() =>
        ExperimentRunner.Run(_scenario, new RunOptions(Replications: 1, Days: Days, Threads: 1)).Summary[0].Mean;
}
