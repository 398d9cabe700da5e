namespace BorderSim.Cli.Tests;

/// <summary>
/// Sweep and vary values and file patterns are user input: a range that cannot be counted, a product of lists too
/// large to plan, a pattern through a link loop or an unreadable folder is exit 2 with a message, never exit 3, and
/// planning stops at a signal.
/// </summary>
public class SweepAndPatternTests
{
    private const string Arrivals = "directions.export.arrivals.trucks_per_day";

    private string _directory = "";
    private string _small = "";

    [SetUp]
    public void CreateScenario()
    {
        _directory = CliRunner.NewTemporaryDirectory();
        _small = CliRunner.WriteScenario(_directory, "small.yaml", CliRunner.SmallScenario);
    }

    [TestCase("1:Infinity:1", "from, to and step must be finite numbers")]
    [TestCase("-Infinity:1:1", "from, to and step must be finite numbers")]
    [TestCase("100:200:1e-300", "values; at most 10,000")]
    [TestCase("0:1e300:1e-300", "values; at most 10,000")]
    public void A_range_that_cannot_be_counted_is_exit_2_for_batch_and_optimize(string range, string message)
    {
        var batch = CliRunner.Run("batch", _small, "-o", Path.Combine(_directory, "b"), "--sweep", $"{Arrivals}={range}");
        var optimize = CliRunner.Run("optimize", _small, "-o", Path.Combine(_directory, "o"), "--vary", $"{Arrivals}={range}", "--target", "wait_hours_max/export/all<=10");
        Assert.Multiple(() =>
        {
            Assert.That(batch.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), batch.Error);
            Assert.That(batch.Error, Does.Contain($"--sweep '{Arrivals}={range}'").And.Contain(message));
            Assert.That(optimize.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), optimize.Error);
            Assert.That(optimize.Error, Does.Contain($"--vary '{Arrivals}={range}'").And.Contain(message));
        });
    }

    [Test]
    public void A_product_of_sweeps_beyond_the_limit_is_refused_at_once_under_a_256_MB_heap()
    {
        // 10,000 x 10,000 = 1e8 runs: planned, it reached 3 GB in 7 s. The child's heap is capped, so a regression
        // fails as out of memory (exit 3) instead of taking the machine down.
        using ChildCli child = ChildCli.Start(_directory, 256L << 20, "batch", _small, "-o", Path.Combine(_directory, "out"),
            "--sweep", $"{Arrivals}=1:10000:1", "--sweep", "directions.import.arrivals.trucks_per_day=1:10000:1");
        int code = child.WaitForExit(60);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput), child.Error);
            Assert.That(child.Error, Does.Contain("--sweep: 10,000 x 10,000 = 100,000,000 runs; at most 100,000"));
            Assert.That(Directory.Exists(Path.Combine(_directory, "out")), Is.False, "nothing is left behind");
        });
    }

    [Test]
    public void A_product_of_vary_lists_beyond_the_limit_is_exit_2_naming_the_product_under_a_256_MB_heap()
    {
        using ChildCli child = ChildCli.Start(_directory, 256L << 20, "optimize", _small, "-o", Path.Combine(_directory, "o"), "--vary", $"{Arrivals}=1:200:1",
            "--vary", "directions.import.arrivals.trucks_per_day=1:100:1", "--target", "wait_hours_max/export/all<=10");
        int code = child.WaitForExit(60);
        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput), child.Error);
        Assert.That(child.Error, Does.Contain("--vary: 200 x 100 = 20,000 configurations; at most 10,000"));
    }

    [Test]
    public void Sigterm_stops_the_planning_of_a_long_batch_within_seconds()
    {
        // 100,000 runs (the most a batch takes) load their scenario one by one: minutes of planning, before any run.
        using ChildCli child = ChildCli.Start(_directory, 1L << 30, "batch", _small, "-o", Path.Combine(_directory, "out"),
            "--sweep", $"{Arrivals}=1:10000:1", "--sweep", "directions.import.arrivals.trucks_per_day=1:10:1");
        Thread.Sleep(3000);
        (int code, double seconds) = child.Signal(ChildCli.SigTerm, timeoutSeconds: 10);
        TestContext.Out.WriteLine($"SIGTERM while planning: ended {seconds:0.000} s later");
        Assert.That(code, Is.EqualTo(ExitCodes.Terminated), child.Error);
        Assert.That(seconds, Is.LessThan(5));
    }

    [Test]
    public void A_question_mark_stands_for_exactly_one_character_of_a_name()
    {
        string folder = Path.Combine(_directory, "lanes");
        Directory.CreateDirectory(Path.Combine(folder, "deep"));
        foreach (string name in new[] { "hn-4-lanes.yaml", "hn-6-lanes.yaml", "hn-10-lanes.yaml", "hn-6-lanes-24h.yaml", "deep/hn-8-lanes.yaml" })
        {
            File.WriteAllText(Path.Combine(folder, name), "");
        }

        Assert.Multiple(() =>
        {
            Assert.That(Globs.Match(folder + "/hn-?-lanes.yaml"), Is.EqualTo(new[] { folder + "/hn-4-lanes.yaml", folder + "/hn-6-lanes.yaml" }));
            Assert.That(Globs.Match(folder + "/**/hn-?-lanes.yaml"), Is.EqualTo(new[] { folder + "/deep/hn-8-lanes.yaml", folder + "/hn-4-lanes.yaml", folder + "/hn-6-lanes.yaml" }));
        });
    }

    [Test]
    public void A_pattern_through_a_link_loop_lists_each_file_once()
    {
        string folder = Path.Combine(_directory, "tree");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllText(Path.Combine(folder, "sub", "a.yaml"), "");
        File.CreateSymbolicLink(Path.Combine(folder, "sub", "loop"), folder);

        List<string> matches = Globs.Match(folder + "/**/*.yaml");

        Assert.That(matches, Is.EqualTo(new[] { folder + "/sub/a.yaml" }));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_pattern_over_an_unreadable_folder_is_an_error_naming_the_folder()
    {
        // Root reads every folder; /proc has ones only their owner can list (and entries that vanish while listed).
        Assume.That(OperatingSystem.IsWindows() || Environment.UserName == "root", Is.False, "root can read a folder of mode 000; Windows has no such mode");
        string folder = Path.Combine(_directory, "tree");
        string closed = Path.Combine(folder, "closed");
        Directory.CreateDirectory(closed);
        File.SetUnixFileMode(closed, UnixFileMode.None);
        try
        {
            var errors = new List<string>();
            Globs.Expand([folder + "/**/*.yaml"], errors);
            Assert.That(errors, Has.Exactly(1).Contains($"cannot read the folder '{closed}'"));
        }
        finally
        {
            File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Test]
    public void A_batch_over_proc_is_exit_2_with_a_message()
    {
        var outcome = CliRunner.Run("batch", "/proc/1/**/*.yaml", "-o", Path.Combine(_directory, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), outcome.Error);
            Assert.That(outcome.Error, Does.StartWith("/proc/1/**/*.yaml: "));
            Assert.That(outcome.Error, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public void A_scenario_file_named_only_dots_gets_a_default_output_folder_inside_results()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RunCommand.DefaultOutputDirectory("x/...yaml"), Is.EqualTo(Path.Combine("results", "scenario")));
            Assert.That(CompareCommand.DefaultOutputDirectory(["...yaml", "..yaml"]), Is.EqualTo(Path.Combine("results", "compare-scenario-scenario")));
            Assert.That(RunCommand.DefaultOutputDirectory("x/lychee.yaml"), Is.EqualTo(Path.Combine("results", "lychee")));
        });
    }
}
