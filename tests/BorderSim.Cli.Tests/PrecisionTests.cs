using System.Text.Json;

namespace BorderSim.Cli.Tests;

public class PrecisionTests
{
    private string _directory = "";
    private string _scenario = "";

    [SetUp]
    public void CreateScenario()
    {
        _directory = CliRunner.NewTemporaryDirectory();
        _scenario = CliRunner.WriteScenario(_directory, "small.yaml", CliRunner.SmallScenario.Replace("days: 3", "days: 2", StringComparison.Ordinal));
    }

    [Test]
    public void Precision_adds_replications_until_the_half_width_is_small_and_records_it()
    {
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("run", _scenario, "-o", output, "--no-plots", "--precision", "0.05", "--metric", "wait_hours_mean/all/fruit", "--max-replications", "40");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        int replications = run.RootElement.GetProperty("replications").GetInt32();
        Assert.Multiple(() =>
        {
            Assert.That(replications, Is.InRange(3, 40), "at least the scenario's 3, at most --max-replications");
            Assert.That(run.RootElement.GetProperty("precision").GetDouble(), Is.EqualTo(0.05));
            Assert.That(run.RootElement.GetProperty("precision_metric").GetString(), Is.EqualTo("wait_hours_mean/all/fruit"));
            Assert.That(run.RootElement.GetProperty("warm_up_method").GetString(), Is.EqualTo("fixed"));
            Assert.That(outcome.Out, Does.Contain($"{replications} replications of 2 days, warm-up 12.0 h (fixed)"));
            Assert.That(outcome.Out, Does.Contain("precision: wait_hours_mean/all/fruit half-width"));
            Assert.That(File.ReadLines(Path.Combine(output, "summary.csv")).Skip(1).First().Split(',')[6], Is.EqualTo(replications.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public void An_unknown_precision_metric_exits_2_listing_valid_ids()
    {
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("run", _scenario, "-o", output, "--precision", "0.05", "--metric", "wait_hours_mean/all/durian");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Contain("'wait_hours_mean/all/durian' is not a metric"));
            Assert.That(outcome.Error, Does.Contain("wait_hours_mean/all/fruit"));
            Assert.That(Directory.Exists(output), Is.False, "nothing is written for a typo");
        });
    }

    [Test]
    public void A_missed_precision_target_writes_the_results_says_so_and_exits_1()
    {
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("run", _scenario, "-o", output, "--no-plots", "--precision", "0.0001", "--metric", "wait_hours_mean/all/fruit", "--max-replications", "4");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.TargetNotMet), outcome.Error);
        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Out, Does.Contain("PRECISION NOT MET: wait_hours_mean/all/fruit half-width"));
            Assert.That(outcome.Out, Does.Contain("stopped at --max-replications 4"));
            Assert.That(run.RootElement.GetProperty("replications").GetInt32(), Is.EqualTo(4));
            Assert.That(run.RootElement.GetProperty("precision_met").GetBoolean(), Is.False);
            Assert.That(run.RootElement.GetProperty("precision_stop").GetString(), Is.EqualTo("max_replications"));
            Assert.That(run.RootElement.GetProperty("precision_reached").GetDouble(), Is.GreaterThan(0.0001));
            Assert.That(run.RootElement.GetProperty("precision_outcome").GetString(), Does.StartWith("PRECISION NOT MET"));
            Assert.That(File.Exists(Path.Combine(output, "summary.csv")), Is.True, "the results are written all the same");
        });
    }

    [Test]
    public void A_metric_that_is_0_in_every_replication_says_so_and_why_the_run_stopped()
    {
        // The small scenario has no patience: nobody gives up.
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("run", _scenario, "-o", output, "--no-plots", "--precision", "0.05", "--metric", "gave_up/export/all", "--max-replications", "40");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Out, Does.Contain("precision: gave_up/export/all is 0 in every one of the 3 replications"));
            Assert.That(outcome.Out, Does.Contain("stopped at its minimum of 3 replications"));
            Assert.That(outcome.Out, Does.Not.Contain("NOT"));
            Assert.That(run.RootElement.GetProperty("precision_stop").GetString(), Is.EqualTo("always_zero"));
            Assert.That(run.RootElement.GetProperty("precision_met").GetBoolean(), Is.True);
            Assert.That(run.RootElement.TryGetProperty("precision_reached", out _), Is.False, "no share of a mean of 0");
        });
    }

    [Test]
    public void A_metric_without_precision_is_refused()
    {
        var outcome = CliRunner.Run("run", _scenario, "-o", Path.Combine(_directory, "out"), "--metric", "wait_hours_mean/all/fruit");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(outcome.Error, Does.Contain("--precision and --metric go together"));
    }

    [Test]
    public void A_mser_warm_up_is_reported_as_such()
    {
        string mser = CliRunner.WriteScenario(_directory, "mser.yaml", CliRunner.SmallScenario.Replace("warm_up: 12h\n", "", StringComparison.Ordinal).Replace("warm_up: 12h\r\n", "", StringComparison.Ordinal));
        string output = Path.Combine(_directory, "mser");
        var outcome = CliRunner.Run("run", mser, "-o", output, "--no-plots", "--replications", "2", "--days", "2");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        Assert.That(run.RootElement.GetProperty("warm_up_method").GetString(), Is.EqualTo("mser-5"));
        Assert.That(outcome.Out, Does.Contain("(mser-5)"));
    }
}
