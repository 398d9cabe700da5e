using System.CommandLine;
using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using BorderSim.Reporting.Html;
using BorderSim.Scenarios;
using BorderSim.Studies;

namespace BorderSim.Cli;

/// <summary>The command line capacity and optimize share: the scenario file, -o DIR, --shard K/N and the run settings.</summary>
internal sealed class SearchOptions
{
    public required Argument<string> File { get; init; }

    public required Option<string> Output { get; init; }

    public required Option<string?> Shard { get; init; }

    public required RunSettingsOptions Settings { get; init; }

    /// <summary>--lang and --no-report.</summary>
    public required ReportOptions Report { get; init; }

    /// <param name="defaultOutput">The verb's default output directory.</param>
    /// <param name="outputFiles">What the directory gets, for --help.</param>
    public static SearchOptions Create(string defaultOutput, string outputFiles)
    {
        RunSettingsOptions settings = RunSettingsOptions.Create();
        settings.Threads.Description = "Runs at once, each one replication on one thread; results do not depend on it [default: all cores]";
        return new SearchOptions
        {
            File = new Argument<string>("FILE") { Description = "Scenario file" },
            Output = new Option<string>("--output", "-o")
            {
                Description = "Directory for " + outputFiles,
                HelpName = "DIR",
                DefaultValueFactory = _ => defaultOutput,
            },
            Shard = new Option<string?>("--shard")
            {
                Description = "Run only shard K of N of each round's runs (see README: merge, then run again on the merged directory) [default: all runs]",
                HelpName = "K/N",
            },
            Settings = settings,
            Report = ReportOptions.Create(),
        };
    }
}

/// <summary>
/// How capacity, optimize and calibrate open: the scenario (with --set) loaded, its errors printed; the study's inputs
/// (<see cref="SearchInputs"/>: targets, shard, every mistake collected) printed together (exit 2) before an output
/// folder exists. Then the <see cref="SearchRunner"/> on the output session, and the exit code a round's end means.
/// </summary>
internal static class SearchStart
{
    /// <summary>The scenario loaded; null when it is invalid (its errors already printed, exit 2).</summary>
    public static SearchInputs? Load(string file, IReadOnlyList<ScenarioOverride> sets, CliContext context)
    {
        DateTimeOffset startedUtc = DateTimeOffset.UtcNow;
        ScenarioLoadResult loaded = ScenarioInput.LoadAndReport(file, sets, context);
        return loaded.IsValid ? new SearchInputs(file, sets, loaded, startedUtc) : null;
    }

    /// <summary>Prints the mistakes found, if any; true when there were some (exit 2).</summary>
    public static bool ReportErrors(this SearchInputs start, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(context);
        start.Errors.ForEach(context.Refuse);
        return start.Errors.Count > 0;
    }

    /// <summary>What reproduces the search, for the report.</summary>
    public static ReportProvenance Provenance(this SearchInputs start, CliContext context, int threads)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(context);
        return start.Provenance(context.ProvenanceFrom(start.StartedUtc), threads);
    }

    /// <summary>The runner of the search's rounds, writing into <paramref name="session"/>, saying its lines on stderr.</summary>
    public static SearchRunner Runner(this SearchInputs start, RunOptions options, IReadOnlyList<string> paths, OutputSession session, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(context);
        return start.Runner(options, paths, session, context.Diagnostic, context.Language, context.CancellationToken);
    }

    /// <summary>Says on stderr how fast the search's replications ran (replications/s, parallel efficiency), once its rounds end.</summary>
    public static void SayThroughput(SearchRunner runner, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(context);
        if (runner.ThroughputLine() is { } line)
        {
            context.Diagnostic(line);
        }
    }

    /// <summary>
    /// The exit code a round's end means, or null when the search goes on. A shard that has done its share of a
    /// round commits what it has (run.json from <paramref name="info"/>) and exits 0.
    /// </summary>
    public static int? ExitAfter(RoundStatus status, OutputSession session, Func<IReadOnlyList<string>, string> info) => status switch
    {
        RoundStatus.Interrupted => ExitCodes.Interrupted,
        RoundStatus.Failed => ExitCodes.RunFailed,
        RoundStatus.OtherShardsMissing => Commit(session, info),
        _ => null,
    };

    private static int Commit(OutputSession session, Func<IReadOnlyList<string>, string> info)
    {
        session.Commit(info);
        return ExitCodes.Ok;
    }
}
