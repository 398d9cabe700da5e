using System.Globalization;
using System.Text.Json;

namespace BorderSim.Cli.Tests;

public class RegressCommandTests
{
    private string _directory = "";
    private string _scenario = "";
    private string _baselines = "";

    [SetUp]
    public void CreateScenario()
    {
        _directory = CliRunner.NewTemporaryDirectory();
        // 2 days and 4 replications keep the run short; the scenario's own seed and replications are what regress uses.
        _scenario = CliRunner.WriteScenario(_directory, "crossing.yaml", CliRunner.SmallScenario
            .Replace("days: 3", "days: 2", StringComparison.Ordinal)
            .Replace("replications: 3", "replications: 4", StringComparison.Ordinal));
        _baselines = Path.Combine(_directory, "baselines");
    }

    private CliRunner.Outcome Regress(params string[] more) => CliRunner.Run(["regress", "--baselines", _baselines, .. more, _scenario]);

    [Test]
    public void Update_then_regress_passes_and_exact_passes_on_an_unchanged_rerun()
    {
        var update = Regress("--update");
        Assert.That(update.ExitCode, Is.EqualTo(ExitCodes.Ok), update.Error);
        Assert.That(File.ReadLines(Path.Combine(_baselines, "crossing.csv")).First(), Does.StartWith("metric,name,direction,class,stage,unit,replications,mean,sd"));

        var check = Regress();
        Assert.That(check.ExitCode, Is.EqualTo(ExitCodes.Ok), check.Error);
        Assert.That(check.Out, Does.Contain($"{_scenario}: ok ("));

        var exact = Regress("--exact");
        Assert.That(exact.ExitCode, Is.EqualTo(ExitCodes.Ok), exact.Error + exact.Out);
        Assert.That(exact.Out, Does.Contain("means bit-identical"));
    }

    [Test]
    public void A_baseline_mean_moved_far_away_fails_with_the_metric_in_the_table()
    {
        Assert.That(Regress("--update").ExitCode, Is.EqualTo(ExitCodes.Ok));
        string baseline = Path.Combine(_baselines, "crossing.csv");
        string[] lines = File.ReadAllLines(baseline);
        int row = Array.FindIndex(lines, l => l.StartsWith("wait_hours_mean/all/fruit,", StringComparison.Ordinal));
        string[] fields = lines[row].Split(',');
        fields[7] = (double.Parse(fields[7], CultureInfo.InvariantCulture) * 3).ToString("R", CultureInfo.InvariantCulture);
        lines[row] = string.Join(',', fields);
        File.WriteAllLines(baseline, lines);

        string output = Path.Combine(_directory, "out");
        var outcome = Regress("-o", output);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.RegressionFailed), outcome.Error);
            Assert.That(outcome.Out, Does.Contain("1 of "));
            Assert.That(outcome.Out, Does.Match(@"wait_hours_mean/all/fruit\s+\d+\.\d+\s+\d+\.\d+\s+-\d+\.\d+\s+-66\.7%\s+<1e-6"));
            Assert.That(File.ReadAllText(Path.Combine(output, "regression.csv")), Does.Contain("wait_hours_mean/all/fruit,"));
        });

        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        Assert.That(run.RootElement.GetProperty("scenarios")[0].GetProperty("status").GetString(), Is.EqualTo("regressed"));
    }

    [Test]
    public void Exact_mode_catches_a_change_too_small_for_the_t_test()
    {
        Assert.That(Regress("--update").ExitCode, Is.EqualTo(ExitCodes.Ok));
        string baseline = Path.Combine(_baselines, "crossing.csv");
        string[] lines = File.ReadAllLines(baseline);
        int row = Array.FindIndex(lines, l => l.StartsWith("served_per_day/export/all,", StringComparison.Ordinal));
        string[] fields = lines[row].Split(',');
        fields[7] = (double.Parse(fields[7], CultureInfo.InvariantCulture) * (1 + 1e-12)).ToString("R", CultureInfo.InvariantCulture);
        lines[row] = string.Join(',', fields);
        File.WriteAllLines(baseline, lines);

        Assert.That(Regress().ExitCode, Is.EqualTo(ExitCodes.Ok), "1e-12 relative is far inside the noise");
        var exact = Regress("--exact");
        Assert.That(exact.ExitCode, Is.EqualTo(ExitCodes.RegressionFailed));
        Assert.That(exact.Out, Does.Contain("served_per_day/export/all").And.Contain("not bit-identical"));
    }

    [Test]
    public void A_missing_baseline_exits_2_and_says_how_to_create_it()
    {
        var outcome = Regress();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Contain("no baseline"));
            Assert.That(outcome.Error, Does.Contain("bordersim regress --update"));
        });
    }

    [Test]
    [Platform("Linux")]
    public void A_baseline_that_is_a_named_pipe_is_exit_2_at_once_rather_than_a_wait_for_ever()
    {
        Directory.CreateDirectory(_baselines);
        string fifo = Path.Combine(_baselines, "crossing.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
            Assume.That(mkfifo.ExitCode, Is.Zero, "mkfifo is needed for this test");
        }

        var regress = Task.Run(() => Regress());
        Assert.That(regress.Wait(TimeSpan.FromSeconds(60)), Is.True, "opening a pipe with no writer blocks");
        Assert.Multiple(() =>
        {
            Assert.That(regress.Result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(regress.Result.Error, Does.Contain($"{fifo}: cannot be read as a baseline: {fifo}: is not a regular file"));
        });
    }
}
