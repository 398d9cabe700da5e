using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>One configuration of a search: the values it sets (path=value), on top of the command's --set.</summary>
public sealed record SearchConfig(IReadOnlyList<(string Path, string Value)> Settings)
{
    /// <summary>Configurations are equal when they set the same values in the same order.</summary>
    public bool Equals(SearchConfig? other) => other is not null && Settings.SequenceEqual(other.Settings);

    public override int GetHashCode() => Settings.Aggregate(17, (h, s) => HashCode.Combine(h, s.Path, s.Value));

    public string Label => Settings.Count == 0 ? "as written" : string.Join(", ", Settings.Select(s => $"{s.Path}={s.Value}"));
}

/// <summary>One replication of one configuration: the unit a search runs, stores and resumes.</summary>
public sealed record SearchRun(SearchConfig Config, int Replication);

/// <summary>How a round ended.</summary>
public enum RoundStatus
{
    Done,
    Interrupted,
    Failed,
    OtherShardsMissing,
}

/// <summary>
/// Runs the rounds of a search (capacity, optimize) the way <c>batch</c> runs its run list, and in its directory
/// format, so resuming, sharding and <c>merge</c> work alike: each run is one replication of one configuration
/// (the scenario with the configuration's values set), its part runs/&lt;key&gt;.csv (summary.csv format, one
/// replication) and manifest are written as it finishes, and a run whose part is whole is not run again. The run
/// list so far (every round's runs, in order) is written to runlist.csv before each round, with one column per
/// searched path and one for the replication. Runs go several at a time, each on one thread; replication r of
/// every configuration uses the same seed and streams (common random numbers), whatever the threads. With
/// <c>--shard K/N</c> only the runs i of a round with i mod N = K−1 are run; a round that needs the others'
/// runs stops the search until the shards are merged.
/// </summary>
public sealed class SearchRunner
{
    public const string ReplicationColumn = "replication";

    private readonly string _file;
    private readonly IReadOnlyList<ScenarioOverride> _sets;
    private readonly RunOptions _options;
    private readonly IReadOnlyList<string> _paths;
    private readonly IStudyFolder _session;
    private readonly Action<string> _notice;
    private readonly CancellationToken _cancellationToken;
    private readonly Shard? _shard;
    private readonly int _threads;
    private readonly List<(SearchRun Run, BatchRun Entry)> _runList = [];
    private readonly Dictionary<SearchRun, IReadOnlyDictionary<string, double>> _values = [];
    private readonly Dictionary<SearchConfig, (ScenarioSpec Spec, string Sha256)> _configs = [];
    private readonly HashSet<string> _horizonSaid = new(StringComparer.Ordinal);
    private readonly ScenarioDocument _document;
    private long _busyTicks;

    /// <param name="notice">Takes the lines a search says on its way (rounds, horizon warnings, runs run again, interruptions): stderr.</param>
    public SearchRunner(string file, IReadOnlyList<ScenarioOverride> sets, RunOptions options, IReadOnlyList<string> paths, IStudyFolder session, Action<string> notice, Shard? shard, CancellationToken cancellationToken)
    {
        _file = file;
        _sets = sets;
        _options = options;
        _paths = paths;
        _session = session;
        _notice = notice;
        _cancellationToken = cancellationToken;
        _shard = shard;
        _threads = options.Threads ?? Environment.ProcessorCount;
        _document = ScenarioDocument.Open(file);
    }

    /// <summary>The language of the lines it says on its way (<c>--lang</c>).</summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.English;

    /// <summary>Runs that were run in this process (not read back from a part).</summary>
    public int RunsRun { get; private set; }

    /// <summary>Runs read back from their parts (finished by an earlier, interrupted or sharded, run).</summary>
    public int RunsResumed { get; private set; }

    /// <summary>Seconds spent running replications in this process (wall clock).</summary>
    public double RunSeconds { get; private set; }

    public int Threads => _threads;

    /// <summary>Seconds the threads spent running replications in this process, summed over the runs.</summary>
    public double BusySeconds => TimeSpan.FromTicks(Interlocked.Read(ref _busyTicks)).TotalSeconds;

    /// <summary>Replications run in this process per second of <see cref="RunSeconds"/>; 0 before any ran.</summary>
    public double ReplicationsPerSecond => RunSeconds > 0 ? RunsRun / RunSeconds : 0;

    /// <summary>
    /// The share of the threads' time in the rounds spent running replications, <see cref="BusySeconds"/> / (<see
    /// cref="RunSeconds"/> x <see cref="Threads"/>): 1 when no thread waited for a round's last run. It is the loss to
    /// rounds and uneven runs; other programs taking the cores slow every run alike and do not show in it.
    /// </summary>
    public double ParallelEfficiency => RunSeconds > 0 ? Math.Min(1, BusySeconds / (RunSeconds * _threads)) : 0;

    /// <summary>The line that says how fast the replications of this process ran, or null when none ran.</summary>
    public string? ThroughputLine() => RunsRun == 0 ? null : Language.Say(
        FormattableString.Invariant($"ran {RunsRun} replications in {RunSeconds:0.0} s on {_threads} threads: {ReplicationsPerSecond:0.0} replications/s, parallel efficiency {100 * ParallelEfficiency:0}% (threads busy running replications / (wall time x threads))"),
        $"đã chạy {RunsRun} lần lặp trong {RunSeconds.ToString("0.0", Language.Numbers)} giây trên {_threads} luồng: {ReplicationsPerSecond.ToString("0.0", Language.Numbers)} lần lặp/giây, hiệu suất song song {(100 * ParallelEfficiency).ToString("0", Language.Numbers)}% (thời gian các luồng chạy lần lặp / (thời gian thực x số luồng))");

    /// <summary>
    /// Rows a study adds to each run's part after its summary (calibrate: the run's value of each observation), in the
    /// summary's format, so they are stored, resumed and merged with the run; their ids are keys of <see cref="ValuesOf"/>.
    /// </summary>
    public Func<ExperimentResult, IReadOnlyList<MetricSummary>>? ExtraRows { get; init; }

    /// <summary>
    /// The scenario of <paramref name="config"/>, loaded and checked once (the --set values, then the configuration's);
    /// null with its errors (exit 2) when it is invalid.
    /// </summary>
    public ScenarioSpec? Scenario(SearchConfig config, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(errors);
        if (_configs.TryGetValue(config, out var known))
        {
            return known.Spec;
        }

        // The file was read and parsed once; each configuration is its tree with the values applied, mapped in memory.
        ScenarioLoadResult loaded = _document.Load([.. _sets, .. config.Settings.Select(s => new ScenarioOverride(s.Path, s.Value))]);
        if (!loaded.IsValid)
        {
            errors.AddRange(loaded.Errors.Select(e => $"{e} ({config.Label})"));
            return null;
        }

        ScenarioSpec effective;
        try
        {
            effective = ExperimentRunner.Apply(loaded.Scenario!, _options with { Replications = 1, FirstReplication = 0 });
        }
        catch (ArgumentException e)
        {
            errors.Add($"{_file} ({config.Label}): {StudyMessages.UserMessage(e)}");
            return null;
        }

        _configs.Add(config, (effective, loaded.ContentSha256));

        // Before the configuration runs: the dated events its --days ends before they end, those outside its dates and those its warm-up hides, each said once.
        foreach (string line in HorizonLines.Of(_file, effective, _horizonSaid, Language).Lines)
        {
            _notice(line);
        }

        foreach (string line in loaded.WarningsFor(effective).Select(w => ScenarioErrorText.Say(w, Language)).Where(_horizonSaid.Add))
        {
            _notice(line);
        }

        return effective;
    }

    /// <summary>A run's metric values (metric id → value in that replication).</summary>
    public IReadOnlyDictionary<string, double> ValuesOf(SearchRun run) => _values[run];

    /// <summary>Every run of every round so far, in run-list order.</summary>
    public IReadOnlyList<(SearchRun Run, BatchRun Entry)> RunList => _runList;

    /// <summary>
    /// Runs <paramref name="round"/> (every configuration must have been loaded with <see cref="Scenario"/>): adds
    /// it to the run list, writes runlist.csv, reads the runs already done, runs the rest (this shard's share).
    /// </summary>
    public RoundStatus RunRound(int roundNumber, IReadOnlyList<SearchRun> round)
    {
        ArgumentNullException.ThrowIfNull(round);
        HashSet<int> mine = AddToRunList(round);
        _session.WriteInPlace(BatchCsv.RunListFileName, w => BatchCsv.WriteRunList([.. _paths, ReplicationColumn], [.. _runList.Select(r => r.Entry)], w));
        _session.CreateFolder(BatchCsv.PartsDirectory);
        List<(SearchRun Run, BatchRun Entry)> pending = ReadDone(round.Count, mine);
        int configs = round.Select(r => r.Config).Distinct().Count();
        _notice(Language.Say(
            FormattableString.Invariant($"round {roundNumber}: {round.Count} runs ({configs} configurations x replications), {round.Count(_values.ContainsKey)} already done, {pending.Count} to run on {_threads} threads"),
            $"vòng {roundNumber}: {round.Count} lần chạy ({configs} cấu hình x số lần lặp), {round.Count(_values.ContainsKey)} đã xong, {pending.Count} sẽ chạy trên {_threads} luồng"));
        RoundStatus status = RunPending(roundNumber, pending);
        if (status != RoundStatus.Done)
        {
            return status;
        }

        int missing = round.Count(r => !_values.ContainsKey(r));
        if (missing > 0)
        {
            Shard s = _shard!.Value;
            _notice(Language.Say(
                FormattableString.Invariant($"shard {s.Index}/{s.Count}: round {roundNumber} done for this shard; the search needs the {missing} runs of the other shards before it can go on. When every shard has finished this round: bordersim merge DIR... -o OUT, then run this command again with -o OUT (unsharded to finish there, or with --shard on copies of OUT)"),
                $"phần {s.Index}/{s.Count}: vòng {roundNumber} đã xong ở phần này; cần {missing} lần chạy của các phần khác trước khi tìm tiếp. Khi mọi phần đã xong vòng này: bordersim merge DIR... -o OUT, rồi chạy lại lệnh này với -o OUT (không chia phần để chạy nốt, hoặc với --shard trên các bản sao của OUT)"));
            return RoundStatus.OtherShardsMissing;
        }

        return RoundStatus.Done;
    }

    /// <summary>The scenario runs for run.json: one per run of the run list.</summary>
    public IReadOnlyList<ScenarioRunInfo> RunInfos() =>
        [.. _runList.Select(r => new ScenarioRunInfo(
            r.Entry.ScenarioFile, r.Entry.ScenarioSha256, r.Entry.ScenarioName,
            [.. _sets.Select(o => o.ToString()), .. r.Run.Config.Settings.Select(s => $"{s.Path}={s.Value}")],
            r.Entry.Seed, 1, r.Entry.Days, _configs[r.Run.Config].Spec.WarmUpHours, null, _values.ContainsKey(r.Run) ? "ok" : "not-run")
        {
            Run = r.Entry.Run,
            Key = r.Entry.Key,
            HorizonCuts = HorizonCutInfo.Of(HorizonCheck.CutsOf(_configs[r.Run.Config].Spec)),
        })];

    /// <summary>Adds the runs of <paramref name="round"/> to the run list; returns the run numbers that are this shard's share.</summary>
    private HashSet<int> AddToRunList(IReadOnlyList<SearchRun> round)
    {
        var mine = new HashSet<int>();
        for (int i = 0; i < round.Count; i++)
        {
            SearchRun run = round[i];
            (ScenarioSpec spec, string sha) = _configs[run.Config];
            BatchRun entry = new(
                _runList.Count + 1,
                BatchPlan.Key(sha, spec.Seed, 1, spec.Days, StudyVersion.Current, run.Replication),
                _file,
                spec.Name,
                sha,
                spec.Seed,
                1,
                spec.Days,
                [.. run.Config.Settings.Select(s => s.Value), run.Replication.ToString(CultureInfo.InvariantCulture)]);
            _runList.Add((run, entry));
            if (_shard is not { } shard || shard.Contains(i))
            {
                mine.Add(entry.Run);
            }
        }

        return mine;
    }

    /// <summary>
    /// Reads the last <paramref name="count"/> runs of the list that are already done (this shard's earlier work, or
    /// other shards' merged in); returns those of <paramref name="mine"/> still to run.
    /// </summary>
    private List<(SearchRun Run, BatchRun Entry)> ReadDone(int count, HashSet<int> mine)
    {
        var pending = new List<(SearchRun Run, BatchRun Entry)>();
        foreach ((SearchRun run, BatchRun entry) in _runList.Skip(_runList.Count - count))
        {
            string part = entry.PartPath(_session.Directory);
            string? damage = File.Exists(part) ? PartFiles.Problem(part) : "missing";
            if (damage is null)
            {
                _values[run] = ReadPart(part);
                RunsResumed++;
            }
            else if (mine.Contains(entry.Run))
            {
                if (damage != "missing")
                {
                    _notice(Language.Say($"{part}: {damage}; running it again", $"{part}: {damage}; chạy lại lần này"));
                }

                pending.Add((run, entry));
            }
        }

        return pending;
    }

    /// <summary>Runs <paramref name="pending"/> in parallel, writing each part as it finishes, and keeps their values.</summary>
    private RoundStatus RunPending(int roundNumber, List<(SearchRun Run, BatchRun Entry)> pending)
    {
        var clock = Stopwatch.StartNew();
        var results = new ConcurrentDictionary<SearchRun, IReadOnlyDictionary<string, double>>();
        string? failure = null;
        try
        {
            Parallel.ForEach(
                Partitioner.Create(pending, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = _cancellationToken },
                (item, state) =>
                {
                    (SearchRun run, BatchRun entry) = item;
                    ExperimentResult result;
                    long started = Stopwatch.GetTimestamp();
                    try
                    {
                        result = ExperimentRunner.Run(_configs[run.Config].Spec, _options with { Replications = 1, FirstReplication = run.Replication, Threads = 1 }, null, null, _cancellationToken);
                    }
                    catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception e) when (!StudyMessages.IsWriteFailure(e))
                    {
                        failure ??= $"run {entry.Run} ({run.Config.Label}, replication {run.Replication}) failed: {StudyMessages.RunFailure(e)}";
                        state.Stop();
                        return;
                    }

                    // Not synced one by one: waiting for the disk 460 times took longer than the M/M/6 search's
                    // simulation. A part a crash cut short fails its manifest check and is run again.
                    IReadOnlyList<MetricSummary> rows = ExtraRows is null ? result.Summary : [.. result.Summary, .. ExtraRows(result)];
                    StudyParts.Write(_session, entry, rows, synced: false);
                    results[run] = rows.ToDictionary(m => m.Key.Id, m => m.Mean, StringComparer.Ordinal);
                    Interlocked.Add(ref _busyTicks, Stopwatch.GetElapsedTime(started).Ticks);
                });
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            RunsRun += results.Count;
            _notice(Language.Say(
                $"interrupted: {results.Count} runs of round {roundNumber} finished and kept in {Path.Combine(_session.Directory, BatchCsv.PartsDirectory)}; run the same command again to resume",
                $"đã dừng: {results.Count} lần chạy của vòng {roundNumber} đã xong và được giữ trong {Path.Combine(_session.Directory, BatchCsv.PartsDirectory)}; chạy lại đúng lệnh này để chạy tiếp"));
            return RoundStatus.Interrupted;
        }

        RunSeconds += clock.Elapsed.TotalSeconds;
        RunsRun += results.Count;
        if (failure is not null)
        {
            _notice(failure);
            return RoundStatus.Failed;
        }

        foreach ((SearchRun run, IReadOnlyDictionary<string, double> values) in results)
        {
            _values[run] = values;
        }

        return RoundStatus.Done;
    }

    private static Dictionary<string, double> ReadPart(string path)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        int mean = Array.IndexOf(SummaryCsv.Header, "mean");
        foreach (string[] row in PartFiles.Read(path))
        {
            values[row[0]] = row[mean].Length == 0 ? double.NaN : double.Parse(row[mean], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return values;
    }
}
