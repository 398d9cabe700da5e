namespace BorderSim.Cli.Tests;

/// <summary>
/// A run's memory is bounded whatever the scenario says: the work estimate refuses, before anything runs, a run whose
/// arrivals (with every factor, surge and backlog) are too many, and a replication that would hold more than a million
/// trucks at once stops with exit 2 and the numbers to lower. Each case runs the built CLI as a child process with its
/// managed heap capped at 768 MiB (DOTNET_GCHeapHardLimit), so an unbounded run fails with out of memory (exit 3) in
/// the child instead of taking the machine down; a million trucks fit under the cap (about 600 bytes each).
/// </summary>
[NonParallelizable]
public class MemoryBoundTests
{
    private const long HeapCapBytes = 0x30000000;

    // A hung child fails the test; the bound is generous for a loaded 2-core machine (the 1e7 case takes about 20 s there).
    private const double ChildSeconds = 240;

    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = CliRunner.NewTemporaryDirectory();

    private static string MMc => Path.Combine(RepositoryRoot(), "scenarios", "validation", "mmc.yaml");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BorderSim.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }

    /// <summary>mmc.yaml (480 trucks a day, one booth of 6 servers) with <paramref name="arrivals"/> in place of its arrivals line.</summary>
    private string MMcWith(string name, string arrivals)
    {
        string text = File.ReadAllText(MMc);
        string line = "    arrivals: { trucks_per_day: 480, hourly_profile: flat }\n";
        Assume.That(text, Does.Contain(line));
        return CliRunner.WriteScenario(_directory, name, text.Replace(line, arrivals, StringComparison.Ordinal));
    }

    private (int ExitCode, string Error) RunCapped(params string[] args)
    {
        using var child = ChildCli.Start(_directory, HeapCapBytes, args);
        int exit = child.WaitForExit(ChildSeconds);
        return (exit, child.Error);
    }

    private static void AssertStoppedCleanly((int ExitCode, string Error) outcome, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), outcome.Error);
            Assert.That(outcome.Error, Does.Contain(expected));
            Assert.That(outcome.Error, Does.Not.Contain("out of memory"));
            Assert.That(outcome.Error, Does.Not.Contain("Exception"), "no .NET type name");
            Assert.That(outcome.Error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public void Ten_million_trucks_a_day_at_one_booth_stop_at_a_million_trucks_in_the_system_with_exit_2_and_nothing_written()
    {
        // The case: it passed 6 GB in 21 s. Now the queue grows by some 10 million a day and reaches a million
        // trucks after 2.4 h: exit 2 naming the direction and what to lower, no folder left behind.
        string output = Path.Combine(_directory, "out");
        var outcome = RunCapped("run", MMc, "--set", "directions.inbound.arrivals.trucks_per_day=1e7", "--days", "2", "-r", "1", "-o", output);
        AssertStoppedCleanly(outcome, "a replication stopped: 1,000,000 trucks in the system at once after 2.4 h (on 2026-01-05; 1,000,000 of them in direction 'inbound')");
        Assert.That(outcome.Error, Does.Contain("Lower the trucks that reach 'inbound' (its trucks_per_day, a month, weekday or surge factor, its starting backlog"));
        Assert.That(Directory.Exists(output), Is.False, "a run that wrote nothing leaves no folder");
    }

    [Test]
    public void A_surge_that_multiplies_a_modest_base_stops_at_the_limit_and_leaves_the_earlier_results_as_they_were()
    {
        // 480 a day x 2,000 on 6–7 January: 1.9 million trucks in two days, an estimate of about 1.9e6 truck-stages
        // (within --max-work), but a queue that passes a million trucks on the second day of the surge.
        string surge = MMcWith("surge.yaml", "    arrivals: { trucks_per_day: 480, hourly_profile: flat, surges: [{ from: 2026-01-06, to: 2026-01-07, factor: 2000 }] }\n");
        string output = Path.Combine(_directory, "out");
        var first = CliRunner.Run("run", MMc, "--days", "2", "-r", "2", "--no-plots", "--no-report", "--no-xlsx", "-o", output);
        Assume.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.Error);
        var before = Directory.GetFiles(output).ToDictionary(f => f, File.ReadAllText);

        var outcome = RunCapped("run", surge, "--days", "3", "-r", "1", "-o", output);

        AssertStoppedCleanly(outcome, "1,000,000 trucks in the system at once after");
        Assert.That(outcome.Error, Does.Contain("on 2026-01-07"));
        Assert.That(Directory.GetFiles(output).ToDictionary(f => f, File.ReadAllText), Is.EqualTo(before), "the earlier complete results, run.json included, are left as they were");
    }

    [Test]
    public void A_surge_beyond_the_work_limit_is_refused_before_anything_runs_from_the_compiled_arrivals()
    {
        // 480 a day x 1e6 on one day of 30: about 4.8e8 trucks x 1 stage x 10 replications = 4.8e9 truck-stages. The
        // estimate without factors (480 x 30 x 1 x 10 = 144,000) let it run until the memory was gone.
        string surge = MMcWith("surge.yaml", "    arrivals: { trucks_per_day: 480, hourly_profile: flat, surges: [{ from: 2026-01-10, to: 2026-01-10, factor: 1e6 }] }\n");
        string output = Path.Combine(_directory, "out");
        var outcome = RunCapped("run", surge, "-o", output);
        AssertStoppedCleanly(outcome, "the run is about 4,800,139,200 truck-stages (the trucks expected with every weekday, month and surge factor and the starting backlog, x stages x replications), above --max-work 1,000,000,000");
        Assert.That(Directory.Exists(output), Is.False);
    }

    [Test]
    public void A_starting_backlog_beyond_what_a_replication_holds_is_refused_before_anything_runs()
    {
        // Three groups of a million trucks on the highway: each within the limit of a group, three million together.
        string backlog = MMcWith("backlog.yaml", """
                arrivals: { trucks_per_day: 480, hourly_profile: flat }
                backlog:
                  - { at: highway, class: general, trucks: 1000000 }
                  - { at: highway, class: general, trucks: 1000000 }
                  - { at: highway, class: general, trucks: 1000000 }

            """);
        string output = Path.Combine(_directory, "out");
        var outcome = RunCapped("run", backlog, "-r", "1", "-o", output);
        AssertStoppedCleanly(outcome, "the starting backlog is 3,000,000 trucks, more than the 1,000,000 trucks one replication holds at once; lower the backlog's trucks");
        Assert.That(Directory.Exists(output), Is.False);
    }
}
