using System.Text.RegularExpressions;
using BorderSim.Reporting;
using BorderSim.Studies;

namespace BorderSim.Cli.Tests;

/// <summary>
/// capacity and optimize stopped by Ctrl-C or SIGTERM in a child process, as a terminal, timeout or Slurm would:
/// the finished replications stay as whole parts, nothing else is left half-written, and the same command run
/// again resumes from them to the answer of a run that was never stopped.
/// </summary>
[NonParallelizable]
public partial class SearchInterruptTests : SearchCommandTests
{
    /// <summary>As in FaultTests: the stop must come inside the replication in flight, well before the search ends.</summary>
    private const double WithinSeconds = 5.0;

    /// <summary>The uninterrupted run of each verb's command (its result file and answer line), run once.</summary>
    private static readonly Dictionary<string, (string Csv, string Answer, int Runs)> Uninterrupted = [];

    /// <summary>
    /// One replication at a time, each of 100 days (about 0.1 s), so the signal lands inside the search: capacity
    /// 8 factors x 3 replications in its first round, optimize 3 configurations x 10 first-stage replications.
    /// </summary>
    private static string[] Command(string verb, string output) => verb == "capacity"
        ? ["capacity", MMc, "--target", "wait_hours_mean/inbound/all<=0.2", "-o", output, "--days", "100", "--replications", "3", "--tolerance", "0.05", "--threads", "1"]
        : ["optimize", MMc, "--vary", "directions.inbound.stages.booth.servers=5,6,7", "--target", "wait_hours_mean/inbound/all<=0.2", "-o", output, "--days", "100", "--replications", "10", "--threads", "1"];

    private static string ResultFile(string verb) => verb == "capacity" ? "capacity.csv" : "optimize.csv";

    private static (int Now, int Resumed) RunsOf(string stdout)
    {
        Match m = RunsLine().Match(stdout);
        Assert.That(m.Success, Is.True, stdout);
        return (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private (string Csv, string Answer, int Runs) UninterruptedRun(string verb)
    {
        if (!Uninterrupted.TryGetValue(verb, out var known))
        {
            string output = Path.Combine(Folder, "uninterrupted");
            CliRunner.Outcome outcome = CliRunner.Run(Command(verb, output));
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
            known = (File.ReadAllText(Path.Combine(output, ResultFile(verb))), outcome.Out.Split('\n')[0], RunsOf(outcome.Out).Now);
            Uninterrupted[verb] = known;
        }

        return known;
    }

    [TestCase("capacity", ChildCli.SigInt, ExitCodes.Interrupted)]
    [TestCase("capacity", ChildCli.SigTerm, ExitCodes.Terminated)]
    [TestCase("optimize", ChildCli.SigInt, ExitCodes.Interrupted)]
    [TestCase("optimize", ChildCli.SigTerm, ExitCodes.Terminated)]
    public void A_search_stopped_by_a_signal_keeps_only_whole_parts_and_the_same_command_resumes_from_them_to_the_uninterrupted_answer(string verb, int signal, int exitCode)
    {
        Assume.That(ChildCli.IsIgnoredHere(signal), Is.False, $"signal {signal} is ignored by this test process, so by the child too: run the tests from a foreground shell");
        var reference = UninterruptedRun(verb);
        string output = Path.Combine(Folder, "stopped");
        string parts = Path.Combine(output, BatchCsv.PartsDirectory);
        using (ChildCli child = ChildCli.Start(Folder, Command(verb, output)))
        {
            child.WaitUntil(() => Directory.Exists(parts) && Directory.GetFiles(parts, "*.csv").Length >= 2, "two finished replications");
            (int code, double seconds) = child.Signal(signal);
            TestContext.Out.WriteLine($"{verb}, signal {signal}: ended {seconds:0.000} s later; {child.Error}");
            Assert.That(code, Is.EqualTo(exitCode), child.Error);
            Assert.That(seconds, Is.LessThan(WithinSeconds), "seconds from the signal to the end of the process");
            Assert.That(child.Error, Does.Contain("run the same command again to resume"));
        }

        string[] kept = Directory.GetFiles(parts, "*.csv");
        Assert.Multiple(() =>
        {
            Assert.That(kept.Select(PartFiles.Problem), Is.All.Null, "every part kept is whole (its manifest's row count and SHA-256 match)");
            Assert.That(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temporary file left");
            Assert.That(File.Exists(Path.Combine(output, ResultFile(verb))), Is.False, "no result of a search that did not end");
            Assert.That(File.Exists(Path.Combine(output, "report.html")), Is.False);
            Assert.That(File.Exists(Path.Combine(output, "run.json")), Is.False);
            Assert.That(File.Exists(Path.Combine(output, OutputSession.LockFileName)), Is.False, "the folder is free");
            Assert.That(kept.Length, Is.LessThan(reference.Runs), "stopped before the end");
        });

        CliRunner.Outcome rerun = CliRunner.Run(Command(verb, output));
        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Ok), rerun.Error);
        (int now, int resumed) = RunsOf(rerun.Out);
        Assert.Multiple(() =>
        {
            Assert.That(resumed, Is.EqualTo(kept.Length), "every finished replication is read back, not run again");
            Assert.That(now, Is.EqualTo(reference.Runs - kept.Length), "fewer replications run the second time: only the rest");
            Assert.That(rerun.Out.Split('\n')[0], Is.EqualTo(reference.Answer));
            Assert.That(File.ReadAllText(Path.Combine(output, ResultFile(verb))), Is.EqualTo(reference.Csv), "the same answer as a run never stopped");
        });
    }

    [GeneratedRegex(@"\((\d+) runs now, (\d+) resumed\)")]
    private static partial Regex RunsLine();
}
