namespace BorderSim.Cli.Tests;

/// <summary>
/// Work is estimated before a run (trucks a day × days × stages × replications, in truck-stages) and a run
/// beyond --max-work is refused with exit 2 and the estimate, before any memory is spent on it.
/// </summary>
public class WorkLimitTests
{
    private string _directory = "";
    private string _huge = "";

    [SetUp]
    public void CreateScenario()
    {
        _directory = CliRunner.NewTemporaryDirectory();
        // 1e7 trucks a day: the run this asks for grew to 12 GB and then crashed.
        _huge = CliRunner.WriteScenario(_directory, "huge.yaml", CliRunner.SmallScenario
            .Replace("arrivals: { trucks_per_day: 200, hourly_profile: flat }\n    stages:\n      - yard", "arrivals: { trucks_per_day: 1e7, hourly_profile: flat }\n    stages:\n      - yard", StringComparison.Ordinal));
        Assume.That(File.ReadAllText(_huge), Does.Contain("1e7"));
    }

    // Export: 1e7 trucks a day x 3 days x 4 stages x 3 replications = 3.6e8; import: 200 x 3 x 3 x 3 = 5,400.
    [TestCase("run")]
    [TestCase("batch")]
    [TestCase("compare")]
    public void A_run_estimated_beyond_max_work_is_exit_2_with_the_estimate_and_how_to_raise_the_limit(string verb)
    {
        string[] files = verb == "compare" ? [_huge, _huge] : [_huge];
        var outcome = CliRunner.Run([verb, .. files, "-o", Path.Combine(_directory, "out"), "--max-work", "1e8"]);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), outcome.Error);
            Assert.That(outcome.Error, Does.Contain("about 360,005,400 truck-stages (the trucks expected with every weekday, month and surge factor and the starting backlog, x stages x replications), above --max-work 100,000,000"));
            Assert.That(outcome.Error, Does.Contain("raise --max-work"));
        });
    }

    [Test]
    public void Regress_refuses_a_scenario_estimated_beyond_max_work_before_it_reads_a_baseline_or_runs()
    {
        // regress runs at least 20 replications: export 1e7 x 3 x 4 x 20 = 2.4e9; import 200 x 3 x 3 x 20 = 36,000.
        // No baseline exists: the refusal comes first, so nothing ran and nothing was written.
        var baselines = Path.Combine(_directory, "baselines");
        foreach (string[] mode in new[] { Array.Empty<string>(), ["--update"] })
        {
            var outcome = CliRunner.Run(["regress", "--baselines", baselines, .. mode, "--max-work", "1e8", _huge]);
            Assert.Multiple(() =>
            {
                Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), outcome.Error);
                Assert.That(outcome.Error, Does.Contain($"{_huge}: the run is about 2,400,036,000 truck-stages (the trucks expected with every weekday, month and surge factor and the starting backlog, x stages x replications), above --max-work 100,000,000"));
                Assert.That(outcome.Error, Does.Contain("20 replications: regress runs the scenario's, at least 20"));
                Assert.That(outcome.Error, Does.Not.Contain("no baseline"));
                Assert.That(Directory.Exists(baselines) ? Directory.GetFiles(baselines) : [], Is.Empty);
            });
        }
    }

    [Test]
    public void Regress_takes_max_work_both_ways()
    {
        // The small scenario at regress's 20 replications: export 200 x 3 x 4 x 20 + import 200 x 3 x 3 x 20 = 84,000.
        string small = CliRunner.WriteScenario(_directory, "small.yaml", CliRunner.SmallScenario);
        var baselines = Path.Combine(_directory, "baselines");
        var refused = CliRunner.Run("regress", "--baselines", baselines, "--update", "--max-work", "80000", small);
        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), refused.Error);
        Assert.That(refused.Error, Does.Contain("about 84,000 truck-stages"));
        var accepted = CliRunner.Run("regress", "--baselines", baselines, "--update", "--max-work", "84000", small);
        Assert.That(accepted.ExitCode, Is.EqualTo(ExitCodes.Ok), accepted.Error);
        var huge = CliRunner.Run("regress", "--baselines", baselines, _huge);
        Assert.That(huge.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), huge.Error);
        Assert.That(huge.Error, Does.Contain("above --max-work 1,000,000,000"), "the default limit, as for run");
    }

    [Test]
    public void The_trucks_of_an_origin_count_on_the_longest_route_it_can_send_them_to()
    {
        // Routes fed by an origin have no arrivals of their own: the origin's 240 trucks a day x 3 days x 2 stages (the
        // longer of its two routes) x 3 replications = 4,320 truck-stages; before, the estimate was 0 and no limit held.
        string origin = CliRunner.WriteScenario(_directory, "origin.yaml", """
            name: origin work
            start: 2026-06-01T00:00
            time_zone: Etc/UTC
            days: 3
            replications: 3
            seed: 7
            classes:
              general: { share: 1 }
            origins:
              province:
                arrivals: { trucks_per_day: 240, hourly_profile: flat }
                routing:
                  all: { shares: { a: 0.25, b: 0.75 } }
            directions:
              a:
                stages:
                  - check: { name: booth_a, servers: 1, service: exp(15min) }
              b:
                stages:
                  - yard: { name: yard_b, capacity: 50, overflow: highway }
                  - check: { name: booth_b, servers: 1, service: exp(6min) }
            """);
        var refused = CliRunner.Run("run", origin, "-o", Path.Combine(_directory, "out"), "--no-plots", "--max-work", "4000");
        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), refused.Error);
        Assert.That(refused.Error, Does.Contain("about 4,320 truck-stages"));
    }

    [Test]
    public void The_default_limit_refuses_ten_million_trucks_a_day_for_thirty_replications()
    {
        var outcome = CliRunner.Run("run", _huge, "-o", Path.Combine(_directory, "out"), "-r", "30");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), outcome.Error);
        Assert.That(outcome.Error, Does.Contain("3,600,054,000 truck-stages"));
        Assert.That(outcome.Error, Does.Contain("above --max-work 1,000,000,000"));
    }

    [Test]
    public void A_run_within_a_raised_limit_is_not_refused_by_it()
    {
        // Three days of 200 trucks a day are far below any limit; --max-work 1e4 sits just above this run's 8,400 (export 200 x 3 x 4 x 2 + import 200 x 3 x 3 x 2).
        string small = CliRunner.WriteScenario(_directory, "small.yaml", CliRunner.SmallScenario);
        var outcome = CliRunner.Run("run", small, "-o", Path.Combine(_directory, "out"), "--no-plots", "-r", "2", "--max-work", "1e4");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        var refused = CliRunner.Run("run", small, "-o", Path.Combine(_directory, "out2"), "--no-plots", "-r", "2", "--max-work", "8000");
        Assert.That(refused.Error, Does.Contain("about 8,400 truck-stages"));
    }

    [TestCase("run", "0")]
    [TestCase("run", "lots")]
    [TestCase("run", "-5")]
    [TestCase("regress", "0")]
    public void Max_work_must_be_a_positive_number(string verb, string value)
    {
        var outcome = CliRunner.Run(verb, "x.yaml", "--max-work", value);
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(outcome.Error, Does.Contain($"--max-work expects a number of at least 1, e.g. 1e9, not '{value}'"));
    }
}
