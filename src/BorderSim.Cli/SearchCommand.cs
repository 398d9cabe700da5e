using System.CommandLine;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting.Html;
using BorderSim.Scenarios;

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
/// How capacity and optimize open: the scenario (with --set) loaded and checked, the targets parsed against the
/// metric ids it can report, --shard parsed; every mistake is collected and printed together (exit 2) before an
/// output folder exists. Then the output session and the <see cref="SearchRunner"/> on it.
/// </summary>
internal sealed class SearchStart
{
    private readonly MetricKey[] _metricKeys;

    private SearchStart(ScenarioSpec scenario, string sha256, DateTimeOffset startedUtc)
    {
        StartedUtc = startedUtc;
        Scenario = scenario;
        ScenarioSha256 = sha256;
        _metricKeys = [.. ExperimentRunner.MetricKeys(scenario)];
        MetricIds = [.. _metricKeys.Select(k => k.Id)];
    }

    /// <summary>SHA-256 of the scenario text with the --set values.</summary>
    public string ScenarioSha256 { get; }

    /// <summary>When the command started (before the scenario was read), for run.json.</summary>
    public DateTimeOffset StartedUtc { get; }

    /// <summary>The scenario as written, with the command's --set values.</summary>
    public ScenarioSpec Scenario { get; }

    /// <summary>Metric ids of summary.csv that the scenario can report.</summary>
    public string[] MetricIds { get; }

    /// <summary>The targets parsed so far, in the order given.</summary>
    public List<Target> Targets { get; } = [];

    public Shard? Shard { get; private set; }

    /// <summary>The user's mistakes found so far.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The scenario loaded; null when it is invalid (its errors already printed, exit 2).</summary>
    public static SearchStart? Load(string file, IReadOnlyList<ScenarioOverride> sets, CliContext context)
    {
        DateTimeOffset startedUtc = DateTimeOffset.UtcNow;
        ScenarioLoadResult loaded = ScenarioInput.LoadAndReport(file, sets, context);
        return loaded.IsValid ? new SearchStart(loaded.Scenario!, loaded.ContentSha256, startedUtc) : null;
    }

    /// <summary>The key of a metric id the scenario reports (its name, unit and scope for the report).</summary>
    public MetricKey KeyOf(string id) => _metricKeys.First(k => k.Id == id);

    /// <summary>The scenario file as read, for the report's assumptions and provenance.</summary>
    public ScenarioSource Source(string file, IReadOnlyList<ScenarioOverride> sets) =>
        new(file, ScenarioSha256, ScenarioInput.ReadTextOrEmpty(file), [.. sets.Select(o => o.ToString())]);

    /// <summary>What reproduces the search, for the report.</summary>
    public ReportProvenance Provenance(string file, IReadOnlyList<ScenarioOverride> sets, CliContext context, int threads) =>
        context.ProvenanceFrom(StartedUtc).Report([Source(file, sets)], threads);

    public void ParseTargets(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (string text in texts)
        {
            if (Target.TryParse(text, MetricIds, out Target? parsed, out string error))
            {
                Targets.Add(parsed!);
            }
            else
            {
                Errors.Add(error);
            }
        }
    }

    public void ParseShard(string? text)
    {
        if (text is null)
        {
            return;
        }

        if (Model.Experiments.Shard.TryParse(text, out Shard parsed, out string error))
        {
            Shard = parsed;
        }
        else
        {
            Errors.Add(error);
        }
    }

    /// <summary>Prints the mistakes found, if any; true when there were some (exit 2).</summary>
    public bool ReportErrors(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Errors.ForEach(context.Error.WriteLine);
        return Errors.Count > 0;
    }

    /// <summary>The runner of the search's rounds, writing into <paramref name="session"/>, on this shard's share.</summary>
    public SearchRunner Runner(string file, IReadOnlyList<ScenarioOverride> sets, RunOptions options, IReadOnlyList<string> paths, OutputSession session, CliContext context) =>
        new(file, sets, options, paths, session, context.Diagnostic, Shard, context.CancellationToken) { Language = context.Language };

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
