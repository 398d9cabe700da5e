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

    /// <summary>Rewrites one metric's row of the baseline: every replication's value through <paramref name="change"/>, and its mean to match.</summary>
    private string EditBaseline(string metric, Func<int, double, double> change)
    {
        string baseline = Path.Combine(_baselines, "crossing.csv");
        string[] lines = File.ReadAllLines(baseline);
        int row = Array.FindIndex(lines, l => l.StartsWith(metric + ",", StringComparison.Ordinal));
        string[] fields = lines[row].Split(',');
        double[] values = [.. fields[3..].Select((f, r) => change(r, double.Parse(f, CultureInfo.InvariantCulture)))];
        fields = [fields[0], fields[1], values.Average().ToString("R", CultureInfo.InvariantCulture), .. values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))];
        lines[row] = string.Join(',', fields);
        File.WriteAllLines(baseline, lines);
        return baseline;
    }

    [Test]
    public void Update_then_regress_passes_and_exact_passes_on_an_unchanged_rerun()
    {
        var update = Regress("--update");
        Assert.That(update.ExitCode, Is.EqualTo(ExitCodes.Ok), update.Error);
        Assert.That(update.Out, Does.Contain("20 replications, seed 42"), "at least 20 replications whatever the scenario's 4");
        Assert.That(RegressCommand.BaselineVersion, Does.Match(@"^\d+\.\d+\.\d+$"), "the release, without the commit");
        Assert.That(File.ReadLines(Path.Combine(_baselines, "crossing.csv")).Take(2), Is.EqualTo(new[]
        {
            $"# bordersim regression baseline: seed=42 replications=20 version={RegressCommand.BaselineVersion}",
            "metric,unit,mean," + string.Join(',', Enumerable.Range(1, 20).Select(r => $"r{r}")),
        }));

        var check = Regress();
        Assert.That(check.ExitCode, Is.EqualTo(ExitCodes.Ok), check.Error);
        Assert.That(check.Out, Does.Contain($"{_scenario}: ok (").And.Contain("over 20 paired replications"));

        var exact = Regress("--exact", "--threads", "3");
        Assert.That(exact.ExitCode, Is.EqualTo(ExitCodes.Ok), exact.Error + exact.Out);
        Assert.That(exact.Out, Does.Contain("every value bit-identical"));
    }

    [Test]
    public void Regress_in_Vietnamese_says_its_verdicts_table_and_progress_in_Vietnamese_with_the_same_exit_codes()
    {
        CliRunner.Outcome update = Regress("--update", "--lang", "vi");
        CliRunner.Outcome ok = Regress("--lang", "vi");
        EditBaseline("wait_hours_mean/all/fruit", (_, v) => v * 1.1);
        CliRunner.Outcome moved = Regress("--lang", "vi");
        Assert.Multiple(() =>
        {
            Assert.That(update.ExitCode, Is.EqualTo(ExitCodes.Ok), update.Error);
            Assert.That(update.Out, Does.Contain(": đã ghi mốc so sánh vào ").And.Contain("20 lần lặp, hạt giống ngẫu nhiên 42)"));
            Assert.That(update.Error, Does.Contain(": 20 lần lặp, mỗi lần 2 ngày, hạt giống ngẫu nhiên 42"), "the progress line");
            Assert.That(ok.ExitCode, Is.EqualTo(ExitCodes.Ok), ok.Error);
            Assert.That(ok.Out, Does.Contain($"{_scenario}: đạt (").And.Contain("qua 20 cặp lần lặp)"));
            Assert.That(moved.ExitCode, Is.EqualTo(ExitCodes.RegressionFailed), moved.Error);
            Assert.That(moved.Out, Does.Contain(" chỉ tiêu đã lệch khỏi ").And.Contain("trung bình mốc").And.Contain("kiểm định t ghép cặp"));
            // Numbers stay as regression.csv and English write them: the table is for checking a build, not a planner's page.
            Assert.That(moved.Out, Does.Match(@"wait_hours_mean/all/fruit\s+\d+\.\d+\s+\d+\.\d+\s+-\d+\.\d+\s+-9\.1%\s+<1e-6"));
            Assert.That(moved.Out + ok.Out + update.Out, Does.Not.Match(@"(?<![-\w/.])(metrics|replications|baseline|moved|written|paired)(?![-\w/.])"), "English words outside the paths");
        });
    }

    [Test]
    public void A_baseline_moved_by_a_tenth_fails_with_the_metric_in_the_table()
    {
        Assert.That(Regress("--update").ExitCode, Is.EqualTo(ExitCodes.Ok));
        EditBaseline("wait_hours_mean/all/fruit", (_, v) => v * 1.1);

        string output = Path.Combine(_directory, "out");
        var outcome = Regress("-o", output);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.RegressionFailed), outcome.Error);
            Assert.That(outcome.Out, Does.Contain("1 of "));
            Assert.That(outcome.Out, Does.Match(@"wait_hours_mean/all/fruit\s+\d+\.\d+\s+\d+\.\d+\s+-\d+\.\d+\s+-9\.1%\s+<1e-6"));
            Assert.That(outcome.Out, Does.Contain("paired t-test per metric on 20 replications with common random numbers; moved = Holm-adjusted p below 0.05, at most 5% false alarms per scenario)"));
            Assert.That(File.ReadAllText(Path.Combine(output, "regression.csv")), Does.Contain("wait_hours_mean/all/fruit,20,"));
        });

        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        Assert.That(run.RootElement.GetProperty("scenarios")[0].GetProperty("status").GetString(), Is.EqualTo("regressed"));
    }

    [Test]
    public void Exact_mode_catches_a_change_too_small_for_the_t_test()
    {
        Assert.That(Regress("--update").ExitCode, Is.EqualTo(ExitCodes.Ok));
        EditBaseline("served_per_day/export/all", (r, v) => r == 6 ? v * (1 + 1e-12) : v);

        Assert.That(Regress().ExitCode, Is.EqualTo(ExitCodes.Ok), "1e-12 relative in one replication is far inside the noise");
        var exact = Regress("--exact");
        Assert.That(exact.ExitCode, Is.EqualTo(ExitCodes.RegressionFailed));
        Assert.That(exact.Out, Does.Contain("served_per_day/export/all").And.Contain("not bit-identical (replication 7)"));
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

    [Test]
    public void A_baseline_cut_to_its_header_exits_2_naming_the_file_and_line_and_compares_nothing()
    {
        Assert.That(Regress("--update").ExitCode, Is.EqualTo(ExitCodes.Ok));
        string baseline = Path.Combine(_baselines, "crossing.csv");
        File.WriteAllLines(baseline, File.ReadAllLines(baseline).Take(2));

        var outcome = Regress();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Contain($"{baseline}:3: cut short: no metric rows after the column header"));
            Assert.That(outcome.Out, Does.Not.Contain("ok"));
        });
    }

    [Test]
    public void An_empty_baseline_exits_2_naming_the_file()
    {
        Assert.That(Regress("--update").ExitCode, Is.EqualTo(ExitCodes.Ok));
        string baseline = Path.Combine(_baselines, "crossing.csv");
        File.WriteAllText(baseline, "");

        var outcome = Regress();
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(outcome.Error, Does.Contain($"{baseline}:1: empty"));
    }

    [Test]
    public void A_damaged_row_exits_2_naming_the_file_line_and_field()
    {
        Assert.That(Regress("--update").ExitCode, Is.EqualTo(ExitCodes.Ok));
        string baseline = Path.Combine(_baselines, "crossing.csv");
        string[] lines = File.ReadAllLines(baseline);
        string[] fields = lines[4].Split(',');
        fields[9] = "1.2.3";
        lines[4] = string.Join(',', fields);
        File.WriteAllLines(baseline, lines);

        var outcome = Regress();
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(outcome.Error, Does.Contain($"{baseline}:5: '{fields[0]}': r7 is '1.2.3', expected a number"));
    }

    [Test]
    public void A_baseline_without_a_metric_the_run_produces_exits_2_and_says_update_accepts_new_metrics()
    {
        Assert.That(Regress("--update").ExitCode, Is.EqualTo(ExitCodes.Ok));
        string baseline = Path.Combine(_baselines, "crossing.csv");
        string[] lines = File.ReadAllLines(baseline);
        bool IsUtilisation(string line) => line.StartsWith("utilisation/", StringComparison.Ordinal);
        File.WriteAllLines(baseline, lines.Where(l => !IsUtilisation(l)));

        var outcome = Regress();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Contain($"{baseline}: no row for {lines.Count(IsUtilisation)} metric(s) the run produces ({lines.First(IsUtilisation).Split(',')[0]}, "));
            Assert.That(outcome.Error, Does.Contain($"accept them with: bordersim regress --update {_scenario} --baselines {_baselines}"));
        });
    }

    [Test]
    public void A_baseline_of_another_seed_or_replication_count_exits_2_because_its_replications_cannot_be_paired()
    {
        Assert.That(Regress("--update").ExitCode, Is.EqualTo(ExitCodes.Ok));
        File.WriteAllText(_scenario, File.ReadAllText(_scenario).Replace("seed: 42", "seed: 43", StringComparison.Ordinal));
        var seed = Regress();
        Assert.That(seed.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(seed.Error, Does.Contain(":1: made with seed 42 and 20 replications, but").And.Contain("now runs seed 43 with 20 replications").And.Contain("regress --update"));

        File.WriteAllText(_scenario, File.ReadAllText(_scenario).Replace("seed: 43", "seed: 42", StringComparison.Ordinal).Replace("replications: 4", "replications: 25", StringComparison.Ordinal));
        var replications = Regress();
        Assert.That(replications.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(replications.Error, Does.Contain("now runs seed 42 with 25 replications"));
    }

    [Test]
    public void Set_tries_a_change_against_the_baseline_but_cannot_write_one()
    {
        Assert.That(Regress("--update").ExitCode, Is.EqualTo(ExitCodes.Ok));
        var slower = Regress("--set", "directions.export.stages.cn_inspection.service=exp(8.8min)");
        Assert.That(slower.ExitCode, Is.EqualTo(ExitCodes.RegressionFailed), slower.Error);
        Assert.That(slower.Out, Does.Contain("utilisation/export/cn_inspection"));

        var update = Regress("--update", "--set", "directions.export.stages.cn_inspection.servers=3");
        Assert.That(update.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(update.Error, Does.Contain("--set cannot be used with --update"));
    }
}
