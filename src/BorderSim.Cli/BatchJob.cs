using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Reporting;

namespace BorderSim.Cli;

/// <summary>
/// One batch in its folder: the run list written first, what cannot run said, the runs already done skipped, the
/// rest run in parallel (each part written as it finishes), then batch.csv, report.html and run.json committed, and
/// the closing lines and exit code (<see cref="Report"/>).
/// </summary>
internal sealed class BatchJob
{
    private readonly BatchCommand.BatchRequest _request;
    private readonly CliContext _context;
    private readonly IReadOnlyList<PlannedRun> _plan;
    private readonly Shard? _shard;
    private readonly DateTimeOffset _startedUtc;
    private readonly string _directory;
    private readonly string[] _sweptPaths;
    private readonly RunOptions _runOptions;
    private readonly int _threads;
    private readonly int _combinations;
    private readonly int _fileCount;
    private readonly List<PlannedRun> _mine;
    private readonly Dictionary<int, string> _status = [];
    private readonly ConcurrentDictionary<int, (string Status, ExperimentResult? Result)> _outcomes = new();
    private bool _cannotWrite;
    private int _rows;

    public BatchJob(BatchCommand.BatchRequest request, CliContext context, IReadOnlyList<PlannedRun> plan, IReadOnlyList<Sweep> sweeps, int fileCount, Shard? shard, DateTimeOffset startedUtc)
    {
        _request = request;
        _context = context;
        _plan = plan;
        _shard = shard;
        _startedUtc = startedUtc;
        _directory = request.OutputDirectory;
        _sweptPaths = [.. sweeps.Select(s => s.Path)];
        _runOptions = request.Options with { Threads = 1 };
        _threads = request.Options.Threads ?? Environment.ProcessorCount;
        _combinations = Math.Max(1, sweeps.Aggregate(1, (n, s) => n * s.Values.Count));
        _fileCount = fileCount;
        _mine = [.. plan.Where(p => shard is not { } s || s.Contains(p.Entry.Run - 1))];
    }

    /// <summary>Runs the batch into <paramref name="session"/>; null when committed, else the exit code it ends with.</summary>
    public int? Run(OutputSession session)
    {
        try
        {
            session.CreateFolder(BatchCsv.PartsDirectory);
            session.WriteInPlace(BatchCsv.RunListFileName, w => BatchCsv.WriteRunList(_sweptPaths, [.. _plan.Select(p => p.Entry)], w));
        }
        catch (Exception e) when (OutputSession.IsWriteFailure(e))
        {
            return session.Failed(e, "the run list");
        }

        SayWhatCannotRun();
        ReportLanguage lang = _context.Language;
        string shardNote = _shard is { } sh ? lang.Say($" (shard {sh.Index}/{sh.Count}: {_mine.Count} of {_plan.Count} runs)", $" (phần {sh.Index}/{sh.Count}: {_mine.Count} trong {_plan.Count} lần chạy)") : "";
        _context.Diagnostic(lang.Say(
            $"batch: {_plan.Count} runs = {_fileCount} files x {_combinations} sweep combinations{shardNote}, {_threads} at a time, into {_directory}",
            $"chạy hàng loạt: {_plan.Count} lần chạy = {_fileCount} tệp x {_combinations} tổ hợp tham số quét{shardNote}, {_threads} lần chạy cùng lúc, vào {_directory}"));
        var progress = new BatchProgress(_context, _plan.Count);
        List<PlannedRun> pending = Pending(progress);
        if (RunAll(session, pending, progress) is { } interrupted)
        {
            return interrupted;
        }

        foreach ((int run, (string s, ExperimentResult? _)) in _outcomes)
        {
            _status[run] = s;
        }

        return Commit(session);
    }

    /// <summary>The errors of the invalid runs and the horizon warnings of the others, each line once.</summary>
    private void SayWhatCannotRun()
    {
        var printed = new HashSet<string>(StringComparer.Ordinal);
        foreach (PlannedRun invalid in _mine.Where(p => !p.Entry.IsValid))
        {
            _status[invalid.Entry.Run] = "invalid";
            foreach (string error in invalid.Errors.Where(printed.Add))
            {
                _context.Error.WriteLine(error);
            }
        }

        foreach (PlannedRun run in _mine.Where(p => p.Scenario is not null && p.Entry.Days is not null))
        {
            HorizonNotice.Print(run.Entry.ScenarioFile, run.Scenario! with { Days = run.Entry.Days!.Value }, _context, printed);
        }
    }

    /// <summary>This shard's valid runs still to run: a run whose part is whole is skipped, one with the key of an earlier run shares its result.</summary>
    private List<PlannedRun> Pending(BatchProgress progress)
    {
        var pending = new List<PlannedRun>();
        var firstWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (PlannedRun run in _mine.Where(p => p.Entry.IsValid))
        {
            string? damage = File.Exists(run.Entry.PartPath(_directory)) ? PartFiles.Problem(run.Entry.PartPath(_directory)) : "missing";
            if (damage is null)
            {
                _status[run.Entry.Run] = "skipped";
                progress.Skipped(run.Entry.Run, run.Label(_sweptPaths));
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
                    _context.Error.WriteLine(_context.Language.Say($"{run.Entry.PartPath(_directory)}: {damage}; running run {run.Entry.Run} again", $"{run.Entry.PartPath(_directory)}: {damage}; chạy lại lần chạy {run.Entry.Run}"));
                }

                firstWithKey.Add(run.Entry.Key, run.Entry.Run);
                pending.Add(run);
            }
        }

        return pending;
    }

    /// <summary>Runs <paramref name="pending"/> in parallel, each part written as it finishes; null when all went, the exit code when interrupted.</summary>
    private int? RunAll(OutputSession session, List<PlannedRun> pending, BatchProgress progress)
    {
        try
        {
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(pending, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = _context.CancellationToken },
                run =>
                {
                    string label = run.Label(_sweptPaths);
                    progress.Started(run.Entry.Run);
                    var clock = Stopwatch.StartNew();
                    ExperimentResult result;
                    try
                    {
                        result = ExperimentRunner.Run(run.Scenario!, _runOptions, null, null, _context.CancellationToken);
                    }
                    catch (OperationCanceledException) when (_context.CancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception e)
                    {
                        _outcomes[run.Entry.Run] = ("failed", null);
                        progress.Failed(run.Entry.Run, label, BorderSim.Studies.StudyMessages.RunFailure(e));
                        if (_context.IsDebug)
                        {
                            _context.Error.WriteLine(e.ToString());
                        }

                        return;
                    }

                    try
                    {
                        StudyParts.Write(session, run.Entry, result);
                    }
                    catch (Exception e) when (OutputSession.IsWriteFailure(e))
                    {
                        _cannotWrite = true;
                        _outcomes[run.Entry.Run] = ("failed", null);
                        progress.Failed(run.Entry.Run, label, $"cannot write its part file: {OutputDirectory.FirstLine(e.Message)}");
                        return;
                    }

                    _outcomes[run.Entry.Run] = ("ok", result);
                    progress.Done(run.Entry.Run, label, clock.Elapsed.TotalSeconds);
                });
        }
        catch (OperationCanceledException) when (_context.CancellationToken.IsCancellationRequested)
        {
            progress.Complete();
            SayInterrupted();
            return ExitCodes.Interrupted;
        }

        progress.Complete();
        return null;
    }

    private void SayInterrupted()
    {
        int kept = _outcomes.Count(o => o.Value.Status == "ok");
        string parts = Path.Combine(_directory, BatchCsv.PartsDirectory);
        _context.Error.WriteLine(_context.Language.Say(
            $"interrupted: {kept} runs finished and kept in {parts}; run the same command again to resume",
            $"đã dừng: {kept} lần chạy đã xong và được giữ trong {parts}; chạy lại đúng lệnh này để chạy tiếp"));
    }

    /// <summary>batch.csv and report.html (unsharded), then run.json; null when committed, exit 4 when not.</summary>
    private int? Commit(OutputSession session)
    {
        try
        {
            if (_shard is null)
            {
                _rows = BatchResults.WriteBatchCsv(session, [_directory], _sweptPaths, [.. _plan.Select(p => p.Entry)], out _);
                if (_request.WriteReport)
                {
                    BatchCommand.WriteReport(session, _request, _plan, _status, _sweptPaths, _threads, _startedUtc, _context);
                }
            }

            session.Commit(outputs => _context.ProvenanceFrom(_startedUtc).Info(
                "batch",
                BatchCommand.Settings(_request, _threads, _shard),
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
                outputs).ToJson());
        }
        catch (Exception e) when (OutputSession.IsWriteFailure(e) || e is InvalidDataException)
        {
            return session.Failed(e);
        }

        return null;
    }

    /// <summary>The closing lines on stdout (and what failed on stderr) and the exit code.</summary>
    public int Report()
    {
        int invalidCount = _mine.Count(p => !p.Entry.IsValid);
        int failedCount = _outcomes.Count(o => o.Value.Status == "failed");
        int ran = _outcomes.Count(o => o.Value.Status == "ok");
        int skipped = _status.Count(s => s.Value == "skipped" || s.Value.StartsWith("same-as-", StringComparison.Ordinal));
        ReportLanguage lang = _context.Language;
        string what = _shard is { } part
            ? lang.Say($"batch shard {part.Index}/{part.Count}: {_mine.Count} of {_plan.Count} runs", $"chạy hàng loạt, phần {part.Index}/{part.Count}: {_mine.Count} trong {_plan.Count} lần chạy")
            : lang.Say($"batch: {_plan.Count} runs", $"chạy hàng loạt: {_plan.Count} lần chạy");
        _context.Out.Write(lang.Say(
            $"{what}: {ran} run, {skipped} already done, {failedCount} failed, {invalidCount} invalid\n",
            $"{what}: {ran} đã chạy, {skipped} đã xong từ trước, {failedCount} lỗi, {invalidCount} đầu vào không hợp lệ\n"));
        _context.Out.Write(_shard is null
            ? lang.Say($"wrote {Path.Combine(_directory, BatchCsv.FileName)} ({_rows} rows, one per run and metric) and {BatchParquet.DirectoryName}/ (one Parquet file per run)\n", $"đã ghi {Path.Combine(_directory, BatchCsv.FileName)} ({_rows} dòng, mỗi dòng một lần chạy và một chỉ tiêu) và thư mục dữ liệu Parquet {Path.Combine(_directory, BatchParquet.DirectoryName)} (mỗi lần chạy một tệp)\n")
            : lang.Say(
                $"parts in {Path.Combine(_directory, BatchCsv.PartsDirectory)}; when every shard is done: bordersim merge DIR... -o OUT\n",
                $"các phần kết quả trong {Path.Combine(_directory, BatchCsv.PartsDirectory)}; khi mọi phần đã xong: bordersim merge DIR... -o OUT\n"));
        if (invalidCount > 0)
        {
            _context.Error.WriteLine(lang.Say(
                $"{invalidCount} runs have invalid input (errors above); the other runs' results are written",
                $"{invalidCount} lần chạy có đầu vào không hợp lệ (lỗi ở trên); kết quả các lần chạy khác đã được ghi"));
            return ExitCodes.InvalidInput;
        }

        if (failedCount > 0)
        {
            string failed = string.Join(", ", _outcomes.Where(o => o.Value.Status == "failed").Select(o => o.Key).Order());
            _context.Error.WriteLine(lang.Say(
                $"{failedCount} runs failed: {failed}; the other runs' results are written",
                $"{failedCount} lần chạy bị lỗi: {failed}; kết quả các lần chạy khác đã được ghi"));
            return _cannotWrite ? ExitCodes.OutputNotWritten : ExitCodes.RunFailed;
        }

        return ExitCodes.Ok;
    }
}
