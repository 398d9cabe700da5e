using System.Text.Json;

namespace BorderSim.Cli.Tests;

public class RunCommandTests
{
    private string _directory = "";
    private string _scenario = "";

    [SetUp]
    public void CreateScenario()
    {
        _directory = CliRunner.NewTemporaryDirectory();
        _scenario = CliRunner.WriteScenario(_directory, "small.yaml", CliRunner.SmallScenario);
    }

    [Test]
    public void Run_writes_every_output_and_prints_the_summary_table()
    {
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("run", _scenario, "-o", output, "--trucks", "--threads", "2", "--replications", "2");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);

        string[] expected =
        [
            "summary.csv", "timeseries.csv", "daily.csv", "trucks.csv", "run.json",
            "queue_by_stage.png", "queue_by_stage.svg", "highway_queue_km.png", "highway_queue_km.svg",
            "wait_cdf_by_class.png", "wait_cdf_by_class.svg", "served_per_day.png", "served_per_day.svg",
            "queue_by_hour_of_day.png", "queue_by_hour_of_day.svg", "served_vs_demand.png", "served_vs_demand.svg",
            "utilisation_split.png", "utilisation_split.svg", "report.html", "results.xlsx",
        ];
        Assert.That(Directory.GetFiles(output).Select(Path.GetFileName), Is.EquivalentTo(expected), "all outputs and no temporary files");
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadLines(Path.Combine(output, "summary.csv")).First(), Is.EqualTo("metric,name,direction,class,stage,unit,replications,mean,sd,ci95_half_width,min,max"));
            Assert.That(File.ReadLines(Path.Combine(output, "trucks.csv")).Count(), Is.GreaterThan(100));
            Assert.That(new FileInfo(Path.Combine(output, "queue_by_stage.png")).Length, Is.GreaterThan(20_000));
            Assert.That(outcome.Out, Does.Contain("Trucks served per day"));
            Assert.That(outcome.Out, Does.Contain("Hữu Nghị test crossing: 2 replications of 3 days"));
            Assert.That(outcome.Error, Does.Contain("replication 1/2 done\n").Or.Contain($"replication 1/2 done{Environment.NewLine}"));
            Assert.That(outcome.Error, Does.Contain("replication 2/2 done"));
        });

        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        Assert.Multiple(() =>
        {
            Assert.That(run.RootElement.GetProperty("seed").GetUInt64(), Is.EqualTo(42));
            Assert.That(run.RootElement.GetProperty("replications").GetInt32(), Is.EqualTo(2));
            Assert.That(run.RootElement.GetProperty("threads").GetInt32(), Is.EqualTo(2));
            Assert.That(run.RootElement.GetProperty("scenario_sha256").GetString(), Has.Length.EqualTo(64));
            Assert.That(run.RootElement.GetProperty("command_line")[1].GetString(), Is.EqualTo("run"));
            Assert.That(run.RootElement.GetProperty("warm_up_hours").GetDouble(), Is.EqualTo(12));
        });
    }

    [Test]
    public void An_overloaded_direction_is_flagged_before_the_run_in_the_table_summary_csv_and_run_json()
    {
        // Import: 300 trucks a day against vn_import_customs' 4 booths × 12 h / 12 min = 240 a day.
        string text = CliRunner.SmallScenario.Replace("import:\n    arrivals: { trucks_per_day: 200", "import:\n    arrivals: { trucks_per_day: 300", StringComparison.Ordinal);
        Assert.That(text, Is.Not.EqualTo(CliRunner.SmallScenario));
        string scenario = CliRunner.WriteScenario(_directory, "overloaded.yaml", text.Replace("days: 3", "days: 8", StringComparison.Ordinal));
        string output = Path.Combine(_directory, "overloaded");
        var outcome = CliRunner.Run("run", scenario, "-o", output, "--no-plots", "--threads", "2");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);

        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        JsonElement import = run.RootElement.GetProperty("directions").EnumerateArray().Single(d => d.GetProperty("direction").GetString() == "import");
        string[] summary = File.ReadAllLines(Path.Combine(output, "summary.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Error, Does.Match(@"capacity check .*\n(.*\n)*  import +vn_import_customs +demand +300 +capacity +240 +125% +OVERLOADED\n"));
            Assert.That(outcome.Out, Does.Contain("OVERLOADED import: demand 300 trucks/day >= capacity 240 trucks/day at vn_import_customs"));
            Assert.That(outcome.Out, Does.Contain("means depend on the run's length (8 days)"));
            Assert.That(outcome.Out, Does.Not.Contain("OVERLOADED export"));
            Assert.That(summary, Has.One.StartsWith("overloaded/import,overloaded,import,,,flag,3,1,0,"));
            Assert.That(summary, Has.One.StartsWith("overloaded/export,overloaded,export,,,flag,3,0,0,"));
            Assert.That(summary, Has.One.StartsWith("backlog_growth_trucks_per_day/import,"));
            Assert.That(import.GetProperty("overloaded").GetBoolean(), Is.True);
            Assert.That(run.RootElement.GetProperty("capacity_check").GetArrayLength(), Is.EqualTo(6));
            Assert.That(File.ReadLines(Path.Combine(output, "daily.csv")).First(), Is.EqualTo("date,direction,class,warm_up,replications,arrived_mean,arrived_ci95,served_mean,served_ci95,gave_up_mean,gave_up_ci95,turned_away_mean,turned_away_ci95,left_on_event_mean,left_on_event_ci95,moved_on_event_mean,moved_on_event_ci95,diverted_mean,diverted_ci95,backlog_end_of_day_mean,backlog_end_of_day_ci95,held_at_origin_end_of_day_mean,held_at_origin_end_of_day_ci95,wait_hours_mean,wait_hours_ci95,wait_replications"));
        });
    }

    [Test]
    public void Format_csv_prints_summary_csv_on_stdout_instead_of_the_table()
    {
        string output = Path.Combine(_directory, "csv");
        var outcome = CliRunner.Run("run", _scenario, "-o", output, "--no-plots", "--format", "csv");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Assert.That(outcome.Out, Is.EqualTo(File.ReadAllText(Path.Combine(output, "summary.csv"))), "stdout is the file, byte for byte");
        Assert.That(outcome.Out, Does.Not.Contain("Trucks served per day"));

        var wrong = CliRunner.Run("run", _scenario, "-o", output, "--format", "xml");
        Assert.That(wrong.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(wrong.Error, Does.Contain("xml"));
    }

    [Test]
    public void Results_do_not_depend_on_the_thread_count()
    {
        string one = Path.Combine(_directory, "one");
        string three = Path.Combine(_directory, "three");
        Assert.That(CliRunner.Run("run", _scenario, "-o", one, "--threads", "1", "--trucks", "--no-plots").ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(CliRunner.Run("run", _scenario, "-o", three, "--threads", "3", "--trucks", "--no-plots").ExitCode, Is.EqualTo(ExitCodes.Ok));
        foreach (string file in new[] { "summary.csv", "timeseries.csv", "trucks.csv" })
        {
            Assert.That(File.ReadAllBytes(Path.Combine(three, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(one, file))), file);
        }
    }

    [Test]
    public void No_plots_no_report_no_xlsx_and_no_trucks_writes_only_the_csv_files_and_run_json()
    {
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("run", _scenario, "-o", output, "--no-plots", "--no-report", "--no-xlsx", "--replications", "1");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Assert.That(Directory.GetFiles(output).Select(Path.GetFileName), Is.EquivalentTo(new[] { "summary.csv", "timeseries.csv", "daily.csv", "run.json" }));
    }

    [TestCase("en", "<p>Plots: left out (--no-plots).</p>")]
    [TestCase("vi", "<p>Biểu đồ: không vẽ (--no-plots).</p>")]
    public void No_plots_means_no_plots_in_the_report_either_which_says_in_one_line_that_they_were_left_out(string language, string line)
    {
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("run", _scenario, "-o", output, "--no-plots", "--no-xlsx", "--replications", "2", "--lang", language);
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        // As the reader sees it: report.html writes some Vietnamese letters (ô) as character references.
        string html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(output, "report.html")));
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(output).Select(Path.GetFileName), Is.EquivalentTo(new[] { "summary.csv", "timeseries.csv", "daily.csv", "report.html", "run.json" }));
            Assert.That(System.Text.RegularExpressions.Regex.Count(html, "<svg[ >]"), Is.Zero, "no plot drawn inline");
            Assert.That(System.Text.RegularExpressions.Regex.Count(html, System.Text.RegularExpressions.Regex.Escape(line)), Is.EqualTo(1), "one line says the plots were left out");
        });
    }

    [Test]
    public void With_plots_the_report_draws_them_and_does_not_say_they_were_left_out()
    {
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("run", _scenario, "-o", output, "--no-xlsx", "--replications", "2");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        string html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Multiple(() =>
        {
            Assert.That(System.Text.RegularExpressions.Regex.Count(html, "<svg[ >]"), Is.EqualTo(Directory.GetFiles(output, "*.svg").Length).And.GreaterThanOrEqualTo(5));
            Assert.That(html, Does.Not.Contain("--no-plots"));
        });
    }

    [Test]
    public void An_output_path_that_is_a_file_exits_4_without_running()
    {
        string file = Path.Combine(_directory, "not-a-directory");
        File.WriteAllText(file, "keep me");
        var outcome = CliRunner.Run("run", _scenario, "-o", file);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.OutputNotWritten));
            Assert.That(outcome.Error, Does.Contain("is a file"));
            Assert.That(outcome.Error, Does.Not.Contain("replication 1/"), "nothing is run when nothing can be written");
            Assert.That(File.ReadAllText(file), Is.EqualTo("keep me"));
        });
    }

    [Test]
    public void A_missing_scenario_file_exits_2_with_a_located_message()
    {
        string missing = Path.Combine(_directory, "nope.yaml");
        var outcome = CliRunner.Run("run", missing, "-o", Path.Combine(_directory, "out"));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.StartWith($"{missing}:1:1: file not found"));
            Assert.That(outcome.Error, Does.Not.Contain("   at "));
            Assert.That(Directory.Exists(Path.Combine(_directory, "out")), Is.False);
        });
    }

    [Test]
    public void A_bad_override_exits_2_and_names_the_set_option()
    {
        var outcome = CliRunner.Run("run", _scenario, "-o", Path.Combine(_directory, "out"), "--set", "no equals sign");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(outcome.Error, Does.StartWith("--set:1:"));
    }

    [Test]
    public void An_override_changes_the_run()
    {
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("run", _scenario, "-o", output, "--no-plots", "--replications", "1", "--set", "days=2");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Assert.That(outcome.Out, Does.Contain("1 replications of 2 days"));
        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        Assert.That(run.RootElement.GetProperty("overrides")[0].GetString(), Is.EqualTo("days=2"));
    }

    [Test]
    public void Overrides_are_named_in_the_table_header_the_plot_titles_and_run_json()
    {
        string output = Path.Combine(_directory, "labelled");
        const string Override = "directions.export.arrivals.trucks_per_day=250";
        var outcome = CliRunner.Run("run", _scenario, "-o", output, "--replications", "1", "--days", "2", "--set", Override);
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Assert.That(outcome.Out, Does.StartWith($"Hữu Nghị test crossing [--set {Override}]: 1 replications of 2 days"));
        foreach (string svg in Directory.GetFiles(output, "*.svg"))
        {
            Assert.That(File.ReadAllText(svg), Does.Contain($"[--set {Override}]:"), Path.GetFileName(svg));
        }

        Assert.That(Directory.GetFiles(output, "*.svg"), Is.Not.Empty);
        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        Assert.That(run.RootElement.GetProperty("overrides")[0].GetString(), Is.EqualTo(Override));
    }

    [Test]
    public void A_change_after_a_run_shortened_by_days_is_a_warning_and_the_run_succeeds()
    {
        // The change on 3 June is inside the scenario's 3 days but after a 2-day run.
        string scenario = CliRunner.WriteScenario(_directory, "changed.yaml", CliRunner.SmallScenario + "\nchanges:\n  - { from: 2026-06-03, stage: vn_customs, servers: 6 }\n");
        var full = CliRunner.Run("validate", scenario);
        Assert.That(full.Error, Is.Empty, "inside the scenario's own dates");
        var outcome = CliRunner.Run("run", scenario, "-o", Path.Combine(_directory, "short"), "--no-plots", "--replications", "1", "--days", "2");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Assert.That(outcome.Error, Does.Contain($"{scenario}:40:13: warning: changes[0].from: the change 2026-06-03 starts after the run ends (the run is 2026-06-01..2026-06-02): it has no effect"));
    }

    [Test]
    public void A_warm_up_longer_than_the_run_is_invalid_input()
    {
        var outcome = CliRunner.Run("run", _scenario, "-o", Path.Combine(_directory, "out"), "--days", "1", "--set", "warm_up=2d");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), outcome.Error);
        Assert.That(outcome.Error, Does.Contain("warm-up"));
    }

    [Test]
    public void A_cancelled_run_exits_130_and_leaves_no_results()
    {
        string output = Path.Combine(_directory, "out");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var outcome = CliRunner.Run(cancelled.Token, "run", _scenario, "-o", output, "--trucks");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Interrupted), outcome.Error);
        Assert.That(Directory.Exists(output) ? Directory.GetFiles(output) : [], Is.Empty, "no half files and no part files");
    }
}
