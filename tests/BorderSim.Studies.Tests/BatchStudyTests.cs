using System.Text.RegularExpressions;
using BorderSim.Model.Experiments;
using BorderSim.Reporting;
using BorderSim.Scenarios.Tests;

namespace BorderSim.Studies.Tests;

/// <summary>
/// The batch study in process, without the command line: resuming (a whole part is skipped, a missing or damaged one is
/// run again), invalid runs beside good ones, results that do not depend on the runs at once, and cancellation.
/// Runs of docs/examples/small.yaml of 2 days and 2 replications (each well under a second).
/// </summary>
public class BatchStudyTests
{
    private const string ExportPath = "directions.export.arrivals.trucks_per_day";
    private static readonly Sweep ThreeExportRates = new(ExportPath, ["150", "200", "250"]);

    private string _scratch = "";
    private string _small = "";

    [SetUp]
    public void CopyTheScenario()
    {
        _scratch = Path.Combine(Path.GetTempPath(), "bordersim-batch-study-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_scratch);
        _small = Path.Combine(_scratch, "small.yaml");
        File.Copy(Path.Combine(RepositoryPaths.Root, "docs", "examples", "small.yaml"), _small);
    }

    [TearDown]
    public void RemoveTheScratch() => Directory.Delete(_scratch, recursive: true);

    /// <summary>What a batch said: stdout text, stderr lines and the progress calls.</summary>
    private sealed class RecordingConsole : IBatchConsole
    {
        private readonly Lock _lock = new();

        public string Out { get; private set; } = "";

        public List<string> Lines { get; } = [];

        public Action<int>? OnStarted { get; init; }

        public bool ShowsStackTraces => false;

        public void Say(string text) => Out += text;

        public void Warn(string line) => Add(line);

        public void Skipped(int run, string label) => Add($"[{run}] {label} skipped");

        public void Started(int run) => OnStarted?.Invoke(run);

        public void Done(int run, string label, double seconds) => Add($"[{run}] {label} done");

        public void Failed(int run, string label, string message) => Add($"[{run}] {label} FAILED: {message}");

        public void Complete() => Add("complete");

        public int Count(string pattern) => Lines.Count(l => Regex.IsMatch(l, pattern));

        private void Add(string line)
        {
            lock (_lock)
            {
                Lines.Add(line);
            }
        }
    }

    /// <summary>A batch of <paramref name="files"/> x <paramref name="sweeps"/> into <paramref name="folder"/>, as the command line runs it.</summary>
    private static (BatchStudy Study, bool Finished) Run(TemporaryStudyFolder folder, IReadOnlyList<string> files, IReadOnlyList<Sweep> sweeps, RecordingConsole console, int threads = 2, CancellationToken cancellationToken = default)
    {
        var options = new RunOptions(Replications: 2, Days: 2, Threads: threads);
        IReadOnlyList<PlannedRun> plan = BatchPlan.Build(files, sweeps, [], options with { Threads = 1 }, "test-version");
        var settings = new BatchSettings([], [], folder.Directory, options, WriteReport: false, ReportLanguage.English);
        var study = new BatchStudy(settings, plan, sweeps, files.Count, null, Provenance.Start(["batch"], DateTimeOffset.UnixEpoch), console);
        study.WriteRunList(folder);
        bool finished = study.RunPending(folder, cancellationToken);
        if (finished)
        {
            study.WriteResults(folder);
        }

        return (study, finished);
    }

    private static string PartOfRun(TemporaryStudyFolder folder, int run) =>
        Path.Combine(folder.Directory, "runs", File.ReadAllLines(Path.Combine(folder.Directory, BatchCsv.RunListFileName))[run].Split(',')[1] + ".csv");

    [Test]
    public void A_rerun_skips_finished_runs_and_runs_only_the_one_whose_part_is_missing_reproducing_it_exactly()
    {
        using var folder = new TemporaryStudyFolder();
        Assert.That(Run(folder, [_small], [ThreeExportRates], new RecordingConsole()).Study.Report(), Is.EqualTo(BatchOutcome.Ok));
        byte[] before = File.ReadAllBytes(Path.Combine(folder.Directory, BatchCsv.FileName));
        File.Delete(PartOfRun(folder, 2));

        var console = new RecordingConsole();
        BatchOutcome outcome = Run(folder, [_small], [ThreeExportRates], console).Study.Report();
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(BatchOutcome.Ok));
            Assert.That(console.Count(" skipped$"), Is.EqualTo(2));
            Assert.That(console.Lines, Does.Contain($"[2] {_small} {ExportPath}=200 done"));
            Assert.That(console.Count(" done$"), Is.EqualTo(1));
            Assert.That(console.Out, Does.Contain("batch: 3 runs: 1 run, 2 already done, 0 failed, 0 invalid\n"));
            Assert.That(File.ReadAllBytes(Path.Combine(folder.Directory, BatchCsv.FileName)), Is.EqualTo(before), "the run again reproduces its part exactly");
        });
    }

    [Test]
    public void A_resumed_batch_runs_a_truncated_part_again_naming_it_and_batch_csv_keeps_every_row()
    {
        using var folder = new TemporaryStudyFolder();
        Run(folder, [_small], [ThreeExportRates], new RecordingConsole());
        byte[] before = File.ReadAllBytes(Path.Combine(folder.Directory, BatchCsv.FileName));
        string part = PartOfRun(folder, 2);
        string[] lines = File.ReadAllLines(part);
        File.WriteAllText(part, string.Join('\n', lines[..^5]) + "\n");

        var console = new RecordingConsole();
        BatchOutcome outcome = Run(folder, [_small], [ThreeExportRates], console).Study.Report();
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(BatchOutcome.Ok));
            Assert.That(console.Lines, Has.One.StartsWith($"{part}: has ").And.Contain("cut short or damaged").And.EndsWith("; running run 2 again"));
            Assert.That(console.Out, Does.Contain("1 run, 2 already done"));
            Assert.That(File.ReadAllBytes(Path.Combine(folder.Directory, BatchCsv.FileName)), Is.EqualTo(before), "no row lost");
        });
    }

    [Test]
    [Platform("Linux")]
    public void A_resumed_batch_runs_again_a_part_that_became_a_named_pipe_without_waiting_on_it()
    {
        using var folder = new TemporaryStudyFolder();
        Run(folder, [_small], [ThreeExportRates], new RecordingConsole());
        byte[] before = File.ReadAllBytes(Path.Combine(folder.Directory, BatchCsv.FileName));
        string part = PartOfRun(folder, 2);
        File.Delete(part);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", part))
        {
            mkfifo.WaitForExit();
            Assume.That(mkfifo.ExitCode, Is.Zero, "mkfifo is needed for this test");
        }

        var console = new RecordingConsole();
        var rerun = Task.Run(() => Run(folder, [_small], [ThreeExportRates], console).Study.Report());
        Assert.That(rerun.Wait(TimeSpan.FromSeconds(60)), Is.True, "opening a pipe with no writer blocks");
        Assert.Multiple(() =>
        {
            Assert.That(rerun.Result, Is.EqualTo(BatchOutcome.Ok));
            Assert.That(console.Lines, Has.One.StartsWith($"{part}: is not a regular file (a device, pipe or socket)").And.EndsWith("; running run 2 again"));
            Assert.That(File.ReadAllBytes(Path.Combine(folder.Directory, BatchCsv.FileName)), Is.EqualTo(before), "no row lost");
        });
    }

    [Test]
    public void A_broken_file_among_good_ones_is_said_and_the_others_still_run_into_batch_csv()
    {
        string broken = Path.Combine(_scratch, "a-broken.yaml");
        File.WriteAllText(broken, File.ReadAllText(_small).Replace("servers: 4, calendar: vn_gate, service: exp(10min)", "servers: six, calendar: vn_gate, service: exp(10min)", StringComparison.Ordinal));
        string other = Path.Combine(_scratch, "z-other.yaml");
        File.WriteAllText(other, File.ReadAllText(_small).Replace("seed: 42", "seed: 43", StringComparison.Ordinal));
        using var folder = new TemporaryStudyFolder();
        var console = new RecordingConsole();

        BatchOutcome outcome = Run(folder, [broken, _small, other], [], console).Study.Report();
        string[] batch = File.ReadAllLines(Path.Combine(folder.Directory, BatchCsv.FileName));
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(BatchOutcome.InvalidInput));
            Assert.That(console.Lines, Has.One.Match(@"a-broken\.yaml:\d+:\d+: .*servers"));
            Assert.That(console.Out, Does.Contain("2 run, 0 already done, 0 failed, 1 invalid"));
            Assert.That(console.Lines[^1], Is.EqualTo("1 runs have invalid input (errors above); the other runs' results are written"));
            Assert.That(batch.Skip(1).Select(l => l.Split(',')[0]).Distinct(), Is.EqualTo(new[] { "2", "3" }), "run 1 (broken) has no rows");
        });
    }

    [Test]
    public void A_sweep_value_of_three_million_days_is_one_invalid_run_and_the_others_still_run()
    {
        using var folder = new TemporaryStudyFolder();
        var console = new RecordingConsole();
        BatchOutcome outcome = Run(folder, [_small], [new Sweep("days", ["2", "3000000", "3"])], console).Study.Report();
        string[] batch = File.ReadAllLines(Path.Combine(folder.Directory, BatchCsv.FileName));
        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(BatchOutcome.InvalidInput));
            Assert.That(console.Lines, Has.One.Contain("days: must be at most 36600, found 3000000"));
            Assert.That(console.Out, Does.Contain("2 run, 0 already done, 0 failed, 1 invalid"));
            Assert.That(batch.Skip(1).Select(l => l.Split(',')[0]).Distinct(), Is.EqualTo(new[] { "1", "3" }));
        });
    }

    [Test]
    public void Batch_csv_is_byte_identical_with_one_or_two_runs_at_once()
    {
        using var one = new TemporaryStudyFolder();
        using var two = new TemporaryStudyFolder();
        Run(one, [_small], [ThreeExportRates], new RecordingConsole(), threads: 1);
        Run(two, [_small], [ThreeExportRates], new RecordingConsole(), threads: 2);
        Assert.That(File.ReadAllBytes(Path.Combine(two.Directory, BatchCsv.FileName)), Is.EqualTo(File.ReadAllBytes(Path.Combine(one.Directory, BatchCsv.FileName))));
    }

    [Test]
    public void Cancelled_after_the_first_run_starts_the_batch_stops_keeps_the_finished_parts_says_how_to_resume_and_a_rerun_completes_it()
    {
        using var folder = new TemporaryStudyFolder();
        using var cancel = new CancellationTokenSource();
        var console = new RecordingConsole { OnStarted = _ => cancel.Cancel() };

        (BatchStudy _, bool finished) = Run(folder, [_small], [ThreeExportRates], console, threads: 1, cancel.Token);
        string[] parts = Directory.GetFiles(Path.Combine(folder.Directory, BatchCsv.PartsDirectory), "*.csv");
        Assert.Multiple(() =>
        {
            Assert.That(finished, Is.False);
            Assert.That(console.Lines[^1], Is.EqualTo($"interrupted: 0 runs finished and kept in {Path.Combine(folder.Directory, BatchCsv.PartsDirectory)}; run the same command again to resume"));
            Assert.That(parts, Is.Empty, "one run at a time, cancelled as the first starts: it stops at its first replication and the others never start");
            Assert.That(File.Exists(Path.Combine(folder.Directory, BatchCsv.FileName)), Is.False, "no batch.csv from an interrupted batch");
        });

        var resumed = new RecordingConsole();
        Assert.That(Run(folder, [_small], [ThreeExportRates], resumed).Study.Report(), Is.EqualTo(BatchOutcome.Ok));
        Assert.That(resumed.Out, Does.Contain("batch: 3 runs: 3 run, 0 already done, 0 failed, 0 invalid"));
    }
}
