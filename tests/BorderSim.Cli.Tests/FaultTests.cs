namespace BorderSim.Cli.Tests;

/// <summary>
/// Signals and concurrent writers against the built CLI in a child process. A run of the small scenario over
/// 3,000 days is one replication of about 20 s, so a signal sent a moment after it starts lands inside the
/// replication: the run must stop well inside it (the simulation loop looks at the token every 4,096 events,
/// which is milliseconds on a quiet machine).
/// </summary>
[NonParallelizable]
public class FaultTests
{
    /// <summary>
    /// Ctrl-C and SIGTERM take effect within this; the process's own exit is inside it too. A quarter of the 20 s
    /// replication: that tells "stopped inside the replication" from "ran it to the end" on a machine loaded by
    /// parallel builds too (a 1 s bound failed at 1.3 s under a load of 19 on 2 cores); the promptness itself is
    /// about 0.1 s on a quiet machine, printed by the test.
    /// </summary>
    private const double WithinSeconds = 5.0;

    private string _directory = "";
    private string _scenario = "";
    private string _output = "";

    [SetUp]
    public void CreateScenario()
    {
        _directory = CliRunner.NewTemporaryDirectory();
        _scenario = CliRunner.WriteScenario(_directory, "small.yaml", CliRunner.SmallScenario);
        _output = Path.Combine(_directory, "out");
    }

    private ChildCli StartLongRun(params string[] more) =>
        ChildCli.Start(_directory, ["run", _scenario, "-o", _output, "--days", "3000", "--set", "timeseries_step=2h", "--replications", "1", "--threads", "1", "--no-plots", .. more]);

    private string[] TemporaryFiles() => [.. Directory.GetFiles(_output, "*.tmp", SearchOption.AllDirectories)];

    private bool HasTruckParts() => Directory.Exists(_output) && Directory.GetFiles(_output, ".trucks.csv.*.tmp").Any(f => new FileInfo(f).Length > 0);

    [TestCase(ChildCli.SigInt, ExitCodes.Interrupted)]
    [TestCase(ChildCli.SigTerm, ExitCodes.Terminated)]
    public void A_signal_inside_a_long_replication_stops_the_run_inside_the_replication_and_leaves_the_earlier_results(int signal, int exitCode)
    {
        // Seen in CI started from a background job: the signal was never delivered to the run, which went on to the end.
        Assume.That(ChildCli.IsIgnoredHere(signal), Is.False, $"signal {signal} is ignored by this test process, so by the child too: run the tests from a foreground shell");
        Assert.That(CliRunner.Run("run", _scenario, "-o", _output, "--days", "2", "--replications", "2", "--no-plots").ExitCode, Is.EqualTo(ExitCodes.Ok));
        string earlierSummary = File.ReadAllText(Path.Combine(_output, "summary.csv"));
        string earlierRunJson = File.ReadAllText(Path.Combine(_output, "run.json"));

        using ChildCli child = StartLongRun("--trucks");
        child.WaitUntil(HasTruckParts, "trucks.csv part on disk");
        (int code, double seconds) = child.Signal(signal);
        TestContext.Out.WriteLine($"signal {signal}: ended {seconds:0.000} s later");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(exitCode), child.Error);
            Assert.That(seconds, Is.LessThan(WithinSeconds), "seconds from the signal to the end of the process");
            Assert.That(child.Error, Does.Contain("interrupted"));
            Assert.That(TemporaryFiles(), Is.Empty, "the trucks.csv parts are removed");
            Assert.That(File.ReadAllText(Path.Combine(_output, "summary.csv")), Is.EqualTo(earlierSummary), "nothing of the stopped run was written");
            Assert.That(File.ReadAllText(Path.Combine(_output, "run.json")), Is.EqualTo(earlierRunJson));
            Assert.That(File.Exists(Path.Combine(_output, "trucks.csv")), Is.False);
            Assert.That(File.Exists(Path.Combine(_output, OutputSession.LockFileName)), Is.False, "the folder is free");
        });
    }

    [Test]
    public void After_SIGKILL_a_later_run_into_the_folder_is_not_blocked_and_removes_the_killed_runs_temporaries()
    {
        using (ChildCli child = StartLongRun("--trucks"))
        {
            child.WaitUntil(HasTruckParts, "trucks.csv part on disk");
            (int code, _) = child.Signal(ChildCli.SigKill);
            Assert.That(code, Is.EqualTo(128 + ChildCli.SigKill));
        }

        Assert.That(TemporaryFiles(), Is.Not.Empty, "SIGKILL cannot be handled: the parts stay until the next run");

        var next = CliRunner.Run("run", _scenario, "-o", _output, "--days", "2", "--replications", "2", "--no-plots");

        Assert.Multiple(() =>
        {
            Assert.That(next.ExitCode, Is.EqualTo(ExitCodes.Ok), next.Error);
            Assert.That(next.Error, Does.Contain("temporary files"));
            Assert.That(TemporaryFiles(), Is.Empty);
            Assert.That(File.Exists(Path.Combine(_output, "run.json")), Is.True);
        });
    }

    [Test]
    public void A_second_process_writing_into_the_same_folder_exits_4_naming_the_first_ones_pid()
    {
        using ChildCli first = StartLongRun();
        first.WaitUntil(() => first.Error.Contains("running", StringComparison.Ordinal), "start of the run");

        var second = CliRunner.Run("run", _scenario, "-o", _output, "--days", "2", "--no-plots");

        Assert.Multiple(() =>
        {
            Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.OutputNotWritten));
            Assert.That(second.Error, Does.Contain($"'{_output}'").And.Contain($"pid {first.Id}"));
        });
    }

    [TestCase(ChildCli.SigTerm, ExitCodes.Terminated)]
    [TestCase(ChildCli.SigKill, 128 + ChildCli.SigKill)]
    public void A_batch_stopped_by_a_signal_keeps_its_finished_runs_and_a_rerun_resumes_with_the_rest(int signal, int exitCode)
    {
        // Four runs one at a time: two short ones that finish, then long ones that are stopped.
        string[] batch = ["batch", _scenario, "-o", _output, "--set", "timeseries_step=2h", "--sweep", "days=2,3,3000,3001", "--replications", "1", "--threads", "1"];
        using (ChildCli child = ChildCli.Start(_directory, batch))
        {
            string parts = Path.Combine(_output, "runs");
            child.WaitUntil(() => Directory.Exists(parts) && Directory.GetFiles(parts, "*.csv").Length == 2, "two finished parts");
            Thread.Sleep(1500); // into the third run's replication (about 20 s long), past the building of its model
            (int code, double seconds) = child.Signal(signal);
            TestContext.Out.WriteLine($"signal {signal}: ended {seconds:0.000} s later; {child.Error}");
            Assert.That(code, Is.EqualTo(exitCode), child.Error);
            if (signal != ChildCli.SigKill)
            {
                Assert.That(seconds, Is.LessThan(WithinSeconds));
                Assert.That(TemporaryFiles(), Is.Empty);
                Assert.That(child.Error, Does.Contain("2 runs finished and kept"));
            }
        }

        var rerun = CliRunner.Run([.. batch[..^6], "--sweep", "days=2,3,4,5", "--replications", "1", "--threads", "1"]);
        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Ok), rerun.Error);
        Assert.That(rerun.Out, Does.Contain("2 run, 2 already done"), "the two finished runs are not run again");
    }
}
