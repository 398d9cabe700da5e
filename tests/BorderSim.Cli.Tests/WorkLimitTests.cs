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
            Assert.That(outcome.Error, Does.Contain("about 360,005,400 truck-stages (trucks a day x days x stages x replications), above --max-work 100,000,000"));
            Assert.That(outcome.Error, Does.Contain("raise --max-work"));
        });
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

    [TestCase("0")]
    [TestCase("lots")]
    [TestCase("-5")]
    public void Max_work_must_be_a_positive_number(string value)
    {
        var outcome = CliRunner.Run("run", "x.yaml", "--max-work", value);
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(outcome.Error, Does.Contain($"--max-work expects a number of at least 1, e.g. 1e9, not '{value}'"));
    }
}
