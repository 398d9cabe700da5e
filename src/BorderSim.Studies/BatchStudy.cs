using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Reporting.Html;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>What a batch says as it goes: the command line prints it (progress on stderr, the closing lines on stdout), a test collects it.</summary>
public interface IBatchConsole
{
    /// <summary>Text for the standard output (each line ends in "\n").</summary>
    void Say(string text);

    /// <summary>One line for the error output.</summary>
    void Warn(string line);

    /// <summary>Whether a run's unexpected failure is also told with its stack trace (<see cref="Warn"/>).</summary>
    bool ShowsStackTraces { get; }

    /// <summary>Run <paramref name="run"/> is not run again: its part is whole.</summary>
    void Skipped(int run, string label);

    /// <summary>Run <paramref name="run"/> starts (called from worker threads).</summary>
    void Started(int run);

    /// <summary>Run <paramref name="run"/> finished and its part is written (called from worker threads).</summary>
    void Done(int run, string label, double seconds);

    /// <summary>Run <paramref name="run"/> failed, or its part could not be written (called from worker threads).</summary>
    void Failed(int run, string label, string message);

    /// <summary>The runs have ended (all, or interrupted): what follows starts on a fresh line.</summary>
    void Complete();
}

/// <summary>How a batch is run: its sweeps and --set values, its folder, the run settings, and report.html.</summary>
/// <param name="SweepTexts">The --sweep values as given (run.json's settings).</param>
/// <param name="Sets">The --set values, applied to every run.</param>
/// <param name="OutputDirectory">The batch folder: runlist.csv, runs/, batch.csv, run.json.</param>
/// <param name="Options">Replications, seed, days and threads (runs at once; each run is on one thread).</param>
/// <param name="WriteReport">Write report.html (off with --no-report).</param>
/// <param name="Language">Language of what the batch says, report.html and its plots.</param>
public sealed record BatchSettings(IReadOnlyList<string> SweepTexts, IReadOnlyList<ScenarioOverride> Sets, string OutputDirectory, RunOptions Options, bool WriteReport, ReportLanguage Language);

/// <summary>How a batch ended, for its exit code.</summary>
public enum BatchOutcome
{
    Ok,
    InvalidInput,
    RunFailed,
    OutputNotWritten,
}

/// <summary>
/// One batch in its folder: the run list written first (<see cref="WriteRunList"/>), what cannot run said, the runs
/// already done skipped (a part that is whole) and the rest run in parallel, each part written as it finishes
/// (<see cref="RunPending"/>), then batch.csv and report.html (<see cref="WriteResults"/>), run.json's record
/// (<see cref="Info"/>), and the closing lines with the outcome (<see cref="Report"/>). Each run is on one thread, so
/// results do not depend on how many run at once. With a shard only its runs are run, and only parts are written.
/// </summary>
public sealed class BatchStudy
{
    private readonly BatchSettings _settings;
    private readonly IReadOnlyList<PlannedRun> _plan;
    private readonly Shard? _shard;
    private readonly Provenance _provenance;
    private readonly IBatchConsole _console;
    private readonly string _directory;
    private readonly string[] _sweptPaths;
    private readonly RunOptions _runOptions;
    private readonly int _combinations;
    private readonly int _fileCount;
    private readonly List<PlannedRun> _mine;
    private readonly Dictionary<int, string> _status = [];
    private readonly ConcurrentDictionary<int, (string Status, ExperimentResult? Result)> _outcomes = new();
    private bool _cannotWrite;
    private int _rows;

    /// <param name="settings">How the batch runs.</param>
    /// <param name="plan">The run list (<see cref="BatchPlan.Build"/>).</param>
    /// <param name="sweeps">The sweeps: their paths are the run list's columns.</param>
    /// <param name="fileCount">Scenario files.</param>
    /// <param name="shard">This shard, or null for every run.</param>
    /// <param name="provenance">The command that started the batch, for report.html and run.json.</param>
    /// <param name="console">Where the batch says what it does.</param>
    public BatchStudy(BatchSettings settings, IReadOnlyList<PlannedRun> plan, IReadOnlyList<Sweep> sweeps, int fileCount, Shard? shard, Provenance provenance, IBatchConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sweeps);
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(console);
        _settings = settings;
        _plan = plan;
        _shard = shard;
        _provenance = provenance;
        _console = console;
        _directory = settings.OutputDirectory;
        _sweptPaths = [.. sweeps.Select(s => s.Path)];
        _runOptions = settings.Options with { Threads = 1 };
        Threads = settings.Options.Threads ?? Environment.ProcessorCount;
        _combinations = Math.Max(1, sweeps.Aggregate(1, (n, s) => n * s.Values.Count));
        _fileCount = fileCount;
        _mine = [.. plan.Where(p => shard is not { } s || s.Contains(p.Entry.Run - 1))];
    }

    /// <summary>Runs at once.</summary>
    public int Threads { get; }

    /// <summary>Creates runs/ and writes runlist.csv in place, before anything runs (a resumed batch reads it back).</summary>
    public void WriteRunList(IStudyFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.CreateFolder(BatchCsv.PartsDirectory);
        folder.WriteInPlace(BatchCsv.RunListFileName, w => BatchCsv.WriteRunList(_sweptPaths, [.. _plan.Select(p => p.Entry)], w));
    }

    /// <summary>
    /// Says what cannot run, then runs this shard's valid runs whose part is not whole, in parallel, each part written
    /// into <paramref name="folder"/> as it finishes. False when <paramref name="cancellationToken"/> stopped it (said,
    /// with the runs kept for a resume).
    /// </summary>
    public bool RunPending(IStudyFolder folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        SayWhatCannotRun();
        ReportLanguage lang = _settings.Language;
        string shardNote = _shard is { } sh ? lang.Say($" (shard {sh.Index}/{sh.Count}: {_mine.Count} of {_plan.Count} runs)", $" (phần {sh.Index}/{sh.Count}: {_mine.Count} trong {_plan.Count} lần chạy)") : "";
        _console.Warn(lang.Say(
            $"batch: {_plan.Count} runs = {_fileCount} files x {_combinations} sweep combinations{shardNote}, {Threads} at a time, into {_directory}",
            $"chạy hàng loạt: {_plan.Count} lần chạy = {_fileCount} tệp x {_combinations} tổ hợp tham số quét{shardNote}, {Threads} lần chạy cùng lúc, vào {_directory}"));
        List<PlannedRun> pending = Pending();
        if (!RunAll(folder, pending, cancellationToken))
        {
            return false;
        }

        foreach ((int run, (string s, ExperimentResult? _)) in _outcomes)
        {
            _status[run] = s;
        }

        return true;
    }

    /// <summary>batch.csv, batch.parquet and report.html from every part on disk; nothing for a shard (its parts wait for merge).</summary>
    public void WriteResults(IStudyFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (_shard is not null)
        {
            return;
        }

        _rows = BatchResults.WriteBatchCsv(folder, [_directory], _sweptPaths, [.. _plan.Select(p => p.Entry)], out _);
        if (_settings.WriteReport)
        {
            WriteReport(folder);
        }
    }

    /// <summary>run.json's record, finished now: the settings and every run with its status, key and result's warm-up.</summary>
    public ExperimentInfo Info(IReadOnlyList<string> outputs) => _provenance.Info(
        "batch",
        Settings(),
        [.. _plan.Select(p =>
        {
            string s = _status.TryGetValue(p.Entry.Run, out string? known) ? known : _shard is null ? "not-run" : "other-shard";
            ExperimentResult? result = _outcomes.TryGetValue(p.Entry.Run, out var outcome) ? outcome.Result : null;
            return new ScenarioRunInfo(
                p.Entry.ScenarioFile, p.Entry.ScenarioSha256, p.Entry.ScenarioName, p.Overrides,
                p.Entry.Seed, p.Entry.Replications, p.Entry.Days, result?.WarmUpHours, result?.WarmUpMethod, s)
            {
                Run = p.Entry.Run,
                Key = p.Entry.IsValid ? p.Entry.Key : null,
                HorizonCuts = p.Entry.IsValid ? HorizonCutInfo.Of(p.HorizonCuts) : null,
            };
        })],
        outputs);

    /// <summary>The closing lines (what ran on stdout, what failed on stderr) and how the batch ended.</summary>
    public BatchOutcome Report()
    {
        int invalidCount = _mine.Count(p => !p.Entry.IsValid);
        int failedCount = _outcomes.Count(o => o.Value.Status == "failed");
        int ran = _outcomes.Count(o => o.Value.Status == "ok");
        int skipped = _status.Count(s => s.Value == "skipped" || s.Value.StartsWith("same-as-", StringComparison.Ordinal));
        ReportLanguage lang = _settings.Language;
        string what = _shard is { } part
            ? lang.Say($"batch shard {part.Index}/{part.Count}: {_mine.Count} of {_plan.Count} runs", $"chạy hàng loạt, phần {part.Index}/{part.Count}: {_mine.Count} trong {_plan.Count} lần chạy")
            : lang.Say($"batch: {_plan.Count} runs", $"chạy hàng loạt: {_plan.Count} lần chạy");
        _console.Say(lang.Say(
            $"{what}: {ran} run, {skipped} already done, {failedCount} failed, {invalidCount} invalid\n",
            $"{what}: {ran} đã chạy, {skipped} đã xong từ trước, {failedCount} lỗi, {invalidCount} đầu vào không hợp lệ\n"));
        _console.Say(_shard is null
            ? lang.Say($"wrote {Path.Combine(_directory, BatchCsv.FileName)} ({_rows} rows, one per run and metric) and {BatchParquet.DirectoryName}/ (one Parquet file per run)\n", $"đã ghi {Path.Combine(_directory, BatchCsv.FileName)} ({_rows} dòng, mỗi dòng một lần chạy và một chỉ tiêu) và thư mục dữ liệu Parquet {Path.Combine(_directory, BatchParquet.DirectoryName)} (mỗi lần chạy một tệp)\n")
            : lang.Say(
                $"parts in {Path.Combine(_directory, BatchCsv.PartsDirectory)}; when every shard is done: bordersim merge DIR... -o OUT\n",
                $"các phần kết quả trong {Path.Combine(_directory, BatchCsv.PartsDirectory)}; khi mọi phần đã xong: bordersim merge DIR... -o OUT\n"));
        if (invalidCount > 0)
        {
            _console.Warn(lang.Say(
                $"{invalidCount} runs have invalid input (errors above); the other runs' results are written",
                $"{invalidCount} lần chạy có đầu vào không hợp lệ (lỗi ở trên); kết quả các lần chạy khác đã được ghi"));
            return BatchOutcome.InvalidInput;
        }

        if (failedCount > 0)
        {
            string failed = string.Join(", ", _outcomes.Where(o => o.Value.Status == "failed").Select(o => o.Key).Order());
            _console.Warn(lang.Say(
                $"{failedCount} runs failed: {failed}; the other runs' results are written",
                $"{failedCount} lần chạy bị lỗi: {failed}; kết quả các lần chạy khác đã được ghi"));
            return _cannotWrite ? BatchOutcome.OutputNotWritten : BatchOutcome.RunFailed;
        }

        return BatchOutcome.Ok;
    }

    /// <summary>The errors of the invalid runs and the horizon and warm-up warnings of the others, each line once.</summary>
    private void SayWhatCannotRun()
    {
        var printed = new HashSet<string>(StringComparer.Ordinal);
        foreach (PlannedRun invalid in _mine.Where(p => !p.Entry.IsValid))
        {
            _status[invalid.Entry.Run] = "invalid";
            foreach (string error in invalid.Errors.Where(printed.Add))
            {
                _console.Warn(error);
            }
        }

        foreach (PlannedRun run in _mine.Where(p => p.Scenario is not null && p.Entry.Days is not null))
        {
            foreach (string line in HorizonLines.Of(run.Entry.ScenarioFile, run.Scenario! with { Days = run.Entry.Days!.Value }, printed, _settings.Language).Lines)
            {
                _console.Warn(line);
            }

            foreach (string line in run.DateWarnings.Select(w => ScenarioErrorText.Say(w, _settings.Language)).Where(printed.Add))
            {
                _console.Warn(line);
            }
        }
    }

    /// <summary>This shard's valid runs still to run: a run whose part is whole is skipped, one with the key of an earlier run shares its result.</summary>
    private List<PlannedRun> Pending()
    {
        var pending = new List<PlannedRun>();
        var firstWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (PlannedRun run in _mine.Where(p => p.Entry.IsValid))
        {
            string? damage = File.Exists(run.Entry.PartPath(_directory)) ? PartFiles.Problem(run.Entry.PartPath(_directory)) : "missing";
            if (damage is null)
            {
                _status[run.Entry.Run] = "skipped";
                _console.Skipped(run.Entry.Run, run.Label(_sweptPaths));
            }
            else if (firstWithKey.TryGetValue(run.Entry.Key, out int twin))
            {
                // The same scenario, overrides, seed and length as an earlier run: one result serves both.
                _status[run.Entry.Run] = "same-as-" + twin.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                if (damage != "missing")
                {
                    _console.Warn(_settings.Language.Say($"{run.Entry.PartPath(_directory)}: {damage}; running run {run.Entry.Run} again", $"{run.Entry.PartPath(_directory)}: {damage}; chạy lại lần chạy {run.Entry.Run}"));
                }

                firstWithKey.Add(run.Entry.Key, run.Entry.Run);
                pending.Add(run);
            }
        }

        return pending;
    }

    /// <summary>Runs <paramref name="pending"/> in parallel, each part written as it finishes; false when interrupted.</summary>
    private bool RunAll(IStudyFolder folder, List<PlannedRun> pending, CancellationToken cancellationToken)
    {
        try
        {
            Parallel.ForEach(
                Partitioner.Create(pending, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = cancellationToken },
                run => RunOne(folder, run, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _console.Complete();
            SayInterrupted();
            return false;
        }

        _console.Complete();
        return true;
    }

    /// <summary>One run on a worker thread: its replications, then its part; a failure is this run's, not the batch's.</summary>
    private void RunOne(IStudyFolder folder, PlannedRun run, CancellationToken cancellationToken)
    {
        string label = run.Label(_sweptPaths);
        _console.Started(run.Entry.Run);
        var clock = Stopwatch.StartNew();
        ExperimentResult result;
        try
        {
            result = ExperimentRunner.Run(run.Scenario!, _runOptions, null, null, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _outcomes[run.Entry.Run] = ("failed", null);
            _console.Failed(run.Entry.Run, label, StudyMessages.RunFailure(e));
            if (_console.ShowsStackTraces)
            {
                _console.Warn(e.ToString());
            }

            return;
        }

        try
        {
            StudyParts.Write(folder, run.Entry, result);
        }
        catch (Exception e) when (StudyMessages.IsWriteFailure(e))
        {
            _cannotWrite = true;
            _outcomes[run.Entry.Run] = ("failed", null);
            _console.Failed(run.Entry.Run, label, $"cannot write its part file: {StudyMessages.FirstLine(e.Message)}");
            return;
        }

        _outcomes[run.Entry.Run] = ("ok", result);
        _console.Done(run.Entry.Run, label, clock.Elapsed.TotalSeconds);
    }

    private void SayInterrupted()
    {
        int kept = _outcomes.Count(o => o.Value.Status == "ok");
        string parts = Path.Combine(_directory, BatchCsv.PartsDirectory);
        _console.Warn(_settings.Language.Say(
            $"interrupted: {kept} runs finished and kept in {parts}; run the same command again to resume",
            $"đã dừng: {kept} lần chạy đã xong và được giữ trong {parts}; chạy lại đúng lệnh này để chạy tiếp"));
    }

    /// <summary>report.html of the batch, from the parts on disk (runs finished now and earlier alike), with the sweep plots as files too.</summary>
    private void WriteReport(IStudyFolder folder)
    {
        ReportLanguage lang = _settings.Language;
        var runs = new List<BatchRunResult>();
        var notFinished = new List<string>();
        foreach (PlannedRun p in _plan)
        {
            string path = p.Entry.IsValid ? p.Entry.PartPath(folder.Directory) : "";
            if (p.Entry.IsValid && File.Exists(path))
            {
                runs.Add(BatchRunResult.FromPart(p.Entry, PartFiles.Read(path)));
            }
            else
            {
                string why = _status.TryGetValue(p.Entry.Run, out string? s) ? s : "not-run";
                notFinished.Add(lang.Say($"Run {p.Entry.Run} ({p.Label(_sweptPaths)}) has no result: {why}.", $"Lần chạy {p.Entry.Run} ({p.Label(_sweptPaths)}) không có kết quả: {why}."));
            }
        }

        ScenarioSource[] sources = [.. _plan.GroupBy(p => p.Entry.ScenarioFile, StringComparer.Ordinal)
            .Select(g => new ScenarioSource(g.Key, g.First().Entry.ScenarioSha256, ScenarioText.ReadOrEmpty(g.Key), [.. _settings.Sets.Select(o => o.ToString())]))];
        ReportProvenance provenance = _provenance.Report(sources, Threads);
        LeverSpec[] levers = [.. _plan.Select(p => p.Scenario).OfType<ScenarioSpec>().SelectMany(s => s.Levers)];
        ScenarioSpec? named = _plan.Select(p => p.Scenario).OfType<ScenarioSpec>().FirstOrDefault();
        var input = new BatchReportInput(_sweptPaths, runs, notFinished, sources, provenance)
        {
            HorizonCuts = [.. _plan.SelectMany(p => p.HorizonCuts.Select(c => (p.Entry.ScenarioFile, c)))],
            Levers = [.. _sweptPaths.Select(p => LeverChoice.ForPath(p, levers, named))],
            ScenarioNames = _plan.Where(p => p.Scenario is not null).GroupBy(p => p.Entry.ScenarioFile, StringComparer.Ordinal).ToDictionary(g => g.Key, g => lang.Name(g.First().Scenario!), StringComparer.Ordinal),
            Changes = sources.Length == 0 ? [] : LeverChoice.Changes(sources[0].File, _settings.Sets, levers, named),
        };
        IReadOnlyList<PlotImage> plots = BatchReport.SweepPlots(input, lang);
        Plots.WriteAll(plots, folder);
        folder.WriteText(ReportPage.FileName, w => w.Write(BatchReport.Build(input, plots, lang)));
    }

    /// <summary>run.json's settings of the batch.</summary>
    private Dictionary<string, string> Settings() => new()
    {
        ["replications"] = _settings.Options.Replications?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
        ["seed"] = _settings.Options.Seed?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
        ["days"] = _settings.Options.Days?.ToString(CultureInfo.InvariantCulture) ?? "scenario",
        ["threads"] = Threads.ToString(CultureInfo.InvariantCulture),
        ["shard"] = _shard is { } s ? $"{s.Index}/{s.Count}" : "",
        ["sweeps"] = string.Join(' ', _settings.SweepTexts),
        ["sets"] = string.Join(' ', _settings.Sets.Select(o => o.ToString())),
    };
}
