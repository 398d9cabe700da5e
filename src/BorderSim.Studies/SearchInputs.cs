using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Reporting.Html;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>
/// What capacity, optimize and calibrate start from: the scenario (with --set) loaded and valid, the targets parsed
/// against the metric ids it can report, and --shard parsed. Every mistake is collected in <see cref="Errors"/>, so a
/// command prints them together (exit 2) before an output folder exists.
/// </summary>
public sealed class SearchInputs
{
    private readonly MetricKey[] _metricKeys;

    /// <param name="file">The scenario file.</param>
    /// <param name="sets">The command's --set values.</param>
    /// <param name="loaded">The file loaded with <paramref name="sets"/>; it must be valid.</param>
    /// <param name="startedUtc">When the command started (before the scenario was read), for run.json.</param>
    public SearchInputs(string file, IReadOnlyList<ScenarioOverride> sets, ScenarioLoadResult loaded, DateTimeOffset startedUtc)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (!loaded.IsValid)
        {
            throw new ArgumentException("the scenario must be valid", nameof(loaded));
        }

        File = file;
        Sets = sets;
        StartedUtc = startedUtc;
        Scenario = loaded.Scenario!;
        ScenarioSha256 = loaded.ContentSha256;
        _metricKeys = [.. ExperimentRunner.MetricKeys(Scenario)];
        MetricIds = [.. _metricKeys.Select(k => k.Id)];
    }

    public string File { get; }

    public IReadOnlyList<ScenarioOverride> Sets { get; }

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

    /// <summary>The key of a metric id the scenario reports (its name, unit and scope for the report).</summary>
    public MetricKey KeyOf(string id) => _metricKeys.First(k => k.Id == id);

    /// <summary>The scenario file as read, for the report's assumptions and provenance.</summary>
    public ScenarioSource Source() =>
        new(File, ScenarioSha256, ScenarioText.ReadOrEmpty(File), [.. Sets.Select(o => o.ToString())]);

    /// <summary>What reproduces the search, for the report.</summary>
    public ReportProvenance Provenance(Provenance provenance, int threads)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        return provenance.Report([Source()], threads);
    }

    /// <summary>Parses each target (METRIC&lt;=VALUE or METRIC&gt;=VALUE) against <see cref="MetricIds"/>; a mistake goes to <see cref="Errors"/>.</summary>
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

    /// <summary>Parses --shard K/N (nothing when null); a mistake goes to <see cref="Errors"/>.</summary>
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

    /// <summary>The runner of the search's rounds, writing into <paramref name="folder"/>, on this shard's share.</summary>
    /// <param name="notice">Takes the lines the search says on its way (stderr).</param>
    public SearchRunner Runner(RunOptions options, IReadOnlyList<string> paths, IStudyFolder folder, Action<string> notice, ReportLanguage language, CancellationToken cancellationToken) =>
        new(File, Sets, options, paths, folder, notice, Shard, cancellationToken) { Language = language };
}
