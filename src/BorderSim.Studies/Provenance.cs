using BorderSim.Reporting;
using BorderSim.Reporting.Html;

namespace BorderSim.Studies;

/// <summary>
/// What reproduces a study's folder: the version, the command line as given and when it started. The one place
/// run.json and report.html take them from; the finish time is the moment each record is made.
/// </summary>
/// <param name="Version">The BorderSim version (<see cref="StudyVersion.Current"/>).</param>
/// <param name="CommandLine">"bordersim", then the arguments as given.</param>
/// <param name="StartedUtc">When the command started, before the scenario was read.</param>
public sealed record Provenance(string Version, IReadOnlyList<string> CommandLine, DateTimeOffset StartedUtc)
{
    /// <summary>The provenance of a command started now with <paramref name="arguments"/> (without the leading "bordersim").</summary>
    public static Provenance Start(IEnumerable<string> arguments, DateTimeOffset startedUtc)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return new Provenance(StudyVersion.Current, ["bordersim", .. arguments], startedUtc);
    }

    /// <summary>The report's provenance block, finished now.</summary>
    public ReportProvenance Report(IReadOnlyList<ScenarioSource> sources, int threads) =>
        new(Version, CommandLine, sources, threads, StartedUtc, DateTimeOffset.UtcNow);

    /// <summary>run.json of <c>run</c> (one scenario), finished now; the run's details are set on the record returned.</summary>
    public RunInfo Run(
        string scenarioFile,
        string scenarioSha256,
        string scenarioName,
        IReadOnlyList<string> overrides,
        ulong seed,
        int replications,
        int threads,
        int days,
        double warmUpHours,
        string warmUpMethod,
        IReadOnlyList<string> outputs) =>
        new(Version, CommandLine, scenarioFile, scenarioSha256, scenarioName, overrides, seed, replications, threads, days, warmUpHours, warmUpMethod, StartedUtc, DateTimeOffset.UtcNow, outputs);

    /// <summary>run.json of a verb that runs several scenarios, finished now.</summary>
    public ExperimentInfo Info(string verb, IReadOnlyDictionary<string, string> settings, IReadOnlyList<ScenarioRunInfo> scenarios, IReadOnlyList<string> outputs) =>
        new(Version, verb, CommandLine, settings, scenarios, StartedUtc, DateTimeOffset.UtcNow, outputs);
}
