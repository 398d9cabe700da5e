using BorderSim.Model.Spec;
using BorderSim.Scenarios;

namespace BorderSim.Benchmarks;

/// <summary>Loads a scenario shipped in the repository's <c>scenarios/</c> folder, found upwards from the benchmark's binaries.</summary>
internal static class ShippedScenario
{
    public static ScenarioSpec Load(string fileName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BorderSim.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("run from inside the repository"), "scenarios", fileName);
        var loaded = ScenarioReader.Load(path);
        return loaded.Scenario ?? throw new InvalidOperationException(string.Join('\n', loaded.Errors));
    }
}
