using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>A run of the plan: its run-list entry, and (when valid) the scenario with its overrides and the errors otherwise.</summary>
public sealed record PlannedRun(BatchRun Entry, ScenarioSpec? Scenario, IReadOnlyList<string> Overrides, IReadOnlyList<string> Errors)
{
    /// <summary>The dated events of the scenario that the run's --days ends before they end; none for an invalid run.</summary>
    public IReadOnlyList<HorizonCut> HorizonCuts => Scenario is { } s && Entry.Days is { } days ? HorizonCheck.CutsOf(s with { Days = days }) : [];

    /// <summary>The dated events of the scenario outside the run's dates or starting or ending inside its warm-up (<see cref="ScenarioLoadResult.WarningsFor"/>), with file:line:col; none for an invalid run.</summary>
    public IReadOnlyList<ScenarioError> DateWarnings { get; init; } = [];

    /// <summary>"small.yaml" or "small.yaml directions.export.arrivals.trucks_per_day=600".</summary>
    public string Label(IReadOnlyList<string> sweptPaths)
    {
        ArgumentNullException.ThrowIfNull(sweptPaths);
        IEnumerable<string> swept = sweptPaths.Select((p, i) => $"{p}={Entry.SweepValues[i]}");
        return string.Join(' ', new[] { Entry.ScenarioFile }.Concat(swept));
    }
}

/// <summary>
/// The run list of a batch: every file × every sweep combination, files in sorted order, then
/// <see cref="Sweep.Combinations"/> order. Each run's key is the SHA-256 of the scenario's content hash
/// (file text and overrides), the effective seed, replications and days, and the BorderSim version: the
/// same key means the same result, so a finished run (its part file exists) need not run again.
/// </summary>
public static class BatchPlan
{
    /// <summary>Most runs of one batch (files x sweep combinations): each planned run holds its scenario until it has run.</summary>
    public const int MaxRuns = 100_000;

    /// <summary>The plan; <paramref name="cancellationToken"/> (Ctrl-C, SIGTERM) stops planning between two runs.</summary>
    public static IReadOnlyList<PlannedRun> Build(
        IReadOnlyList<string> files,
        IReadOnlyList<Sweep> sweeps,
        IReadOnlyList<ScenarioOverride> sets,
        RunOptions options,
        string version,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(sweeps);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<IReadOnlyList<(string Path, string Value)>> combinations = Sweep.Combinations(sweeps);
        var runs = new List<PlannedRun>();
        foreach (string file in files)
        {
            foreach (IReadOnlyList<(string Path, string Value)> combination in combinations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                List<ScenarioOverride> overrides = [.. sets, .. combination.Select(c => new ScenarioOverride(c.Path, c.Value))];
                string[] sweepValues = [.. combination.Select(c => c.Value)];
                int number = runs.Count + 1;
                ScenarioLoadResult loaded = ScenarioReader.Load(file, overrides);
                string[] overrideTexts = [.. overrides.Select(o => o.ToString())];
                if (!loaded.IsValid)
                {
                    runs.Add(new PlannedRun(
                        new BatchRun(number, "", file, "", loaded.ContentSha256, null, null, null, sweepValues),
                        null, overrideTexts, [.. loaded.Errors.Select(e => e.ToString())]));
                    continue;
                }

                ScenarioSpec effective;
                try
                {
                    effective = ExperimentRunner.Apply(loaded.Scenario!, options);
                }
                catch (ArgumentException e)
                {
                    runs.Add(new PlannedRun(
                        new BatchRun(number, "", file, loaded.Scenario!.Name, loaded.ContentSha256, null, null, null, sweepValues),
                        null, overrideTexts, [$"{file}: {StudyMessages.UserMessage(e)}"]));
                    continue;
                }

                string key = Key(loaded.ContentSha256, effective.Seed, effective.Replications, effective.Days, version);
                runs.Add(new PlannedRun(
                    new BatchRun(number, key, file, effective.Name, loaded.ContentSha256, effective.Seed, effective.Replications, effective.Days, sweepValues),
                    loaded.Scenario, overrideTexts, [])
                { DateWarnings = loaded.WarningsFor(effective) });
            }
        }

        return runs;
    }

    /// <summary>SHA-256 (hex) of the scenario content hash, seed, replications, days and version, one per line.</summary>
    public static string Key(string contentSha256, ulong seed, int replications, int days, string version)
    {
        string text = string.Join('\n', contentSha256, seed.ToString(CultureInfo.InvariantCulture),
            replications.ToString(CultureInfo.InvariantCulture), days.ToString(CultureInfo.InvariantCulture), version);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// The key of a run of <paramref name="replications"/> replications starting at <paramref name="firstReplication"/>
    /// (capacity and optimize run one replication at a time); from replication 0 it is <see cref="Key(string, ulong, int, int, string)"/>,
    /// as the result is the same.
    /// </summary>
    public static string Key(string contentSha256, ulong seed, int replications, int days, string version, int firstReplication) =>
        firstReplication == 0
            ? Key(contentSha256, seed, replications, days, version)
            : Key(contentSha256, seed, replications, days, version + "\nfirst-replication=" + firstReplication.ToString(CultureInfo.InvariantCulture));
}
