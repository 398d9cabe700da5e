using System.Globalization;
using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests;

public class CapacityCommandTests : SearchCommandTests
{
    private const string WaitTarget = "wait_hours_mean/inbound/all<=0.2";

    /// <summary>A quick search: 4 days, 3 replications a factor, 5 % brackets.</summary>
    private CliRunner.Outcome Quick(string output, params string[] more) =>
        CliRunner.Run(["capacity", MMc, "--target", WaitTarget, "-o", output, "--days", "4", "--replications", "3", "--tolerance", "0.05", .. more]);

    private static (double Point, double Low, double High) Answer(string stdout)
    {
        Match m = Regex.Match(stdout, @"capacity: ([\d.]+) trucks/day \(95% CI ([\d.]+)–([\d.]+)\)");
        Assert.That(m.Success, Is.True, stdout);
        return (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    [Test]
    public void A_search_writes_its_answer_first_then_every_factor_it_evaluated_the_plot_and_run_json()
    {
        // The search itself (Erlang C's 497.4 trucks a day inside the interval) is tested without a process in
        // BorderSim.Studies.Tests (CapacityStudyTests); here, what the verb writes and prints of it.
        string output = Path.Combine(Folder, "cap");
        CliRunner.Outcome outcome = Quick(output);
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        (double point, double low, double high) = Answer(outcome.Out);
        int factors = int.Parse(Regex.Match(outcome.Out, @": (\d+) demand factors x 3 replications").Groups[1].Value, CultureInfo.InvariantCulture);
        string[] csv = File.ReadAllLines(Path.Combine(output, "capacity.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(low, Is.LessThanOrEqualTo(point));
            Assert.That(high, Is.GreaterThanOrEqualTo(point));
            Assert.That(csv[1], Does.StartWith("capacity,"));
            Assert.That(csv.Count(l => l.StartsWith("evaluated,", StringComparison.Ordinal)), Is.EqualTo(factors).And.GreaterThanOrEqualTo(3));
            Assert.That(new FileInfo(Path.Combine(output, "capacity.png")).Length, Is.GreaterThan(10_000));
            Assert.That(File.Exists(Path.Combine(output, "run.json")), Is.True);
        });
    }

    [TestCase("en", "demand scaled through inbound: trucks a day;", TestName = "The_opening_line_names_the_scaled_demand_by_its_label_not_its_path")]
    [TestCase("vi", "nhu cầu nhân qua chiều vào: xe mỗi ngày;", TestName = "The_vietnamese_opening_line_names_the_scaled_demand_by_its_label_not_its_path")]
    public void The_opening_line_names_what_it_scales_by_its_label(string lang, string scaled)
    {
        // It read "demand scaled through directions.inbound.arrivals.trucks_per_day" in both languages.
        CliRunner.Outcome outcome = Quick(Path.Combine(Folder, "opening-" + lang), "--lang", lang);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
            Assert.That(outcome.Error, Does.Contain(scaled));
            Assert.That(outcome.Error + outcome.Out, Does.Not.Contain("directions.inbound.arrivals.trucks_per_day"));
        });
    }

    [Test]
    public void A_scenario_whose_own_demand_is_beyond_its_capacity_is_told_so_next_to_the_answer()
    {
        // 600 trucks a day against the Erlang C capacity of 497.4: factor 0.83, below 1 by far more than the interval of the
        // scenario's own 10 replications of 30 days (about ±1.2 %), so even its optimistic end lies below the scenario's demand.
        string output = Path.Combine(Folder, "beyond");
        CliRunner.Outcome outcome = CliRunner.Run("capacity", MMc, "--target", WaitTarget, "-o", output, "--tolerance", "0.05", "--set", "directions.inbound.arrivals.trucks_per_day=600");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        (_, _, double high) = Answer(outcome.Out);
        double factor = double.Parse(File.ReadAllLines(Path.Combine(output, "capacity.csv"))[1].Split(',')[1], CultureInfo.InvariantCulture);
        string[] lines = outcome.Out.Split('\n');
        int answer = Array.FindIndex(lines, l => l.StartsWith("capacity: ", StringComparison.Ordinal) && l.Contains("trucks/day", StringComparison.Ordinal));
        string report = File.ReadAllText(Path.Combine(output, "report.html"));
        string answerSection = Regex.Match(report, "<section class=\"answer\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Multiple(() =>
        {
            Assert.That(high, Is.LessThan(600));
            Assert.That(lines[answer + 1], Does.StartWith("  the scenario's own demand, 600.0 trucks/day, is beyond this capacity: the target is missed at it; it holds only up to factor " + factor.ToString("0.000", CultureInfo.InvariantCulture)));
            Assert.That(answerSection, Does.Contain("the scenario&#39;s own demand (trucks/day): beyond the capacity, the target is missed</td><td class=\"n\">600.0</td>"));
            Assert.That(report, Does.Contain("The scenario&#39;s own demand, 600.0 trucks a day, is beyond this capacity"));
            Assert.That(File.ReadAllText(Path.Combine(output, "run.json")), Does.Contain("\"as_written\": \"beyond\""));
        });
    }

    [Test]
    public void A_scenario_whose_own_demand_lies_inside_the_interval_is_told_it_is_at_about_its_capacity()
    {
        // 520 a day with 3 replications of 4 days: the interval (451.6 to 576.0 trucks a day with this seed, its top held at
        // the stability limit 6 x 96 = 576) is wide enough to hold the scenario's own demand, so the target may or may not hold there.
        string output = Path.Combine(Folder, "about");
        CliRunner.Outcome outcome = Quick(output, "--set", "directions.inbound.arrivals.trucks_per_day=520");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        (_, double low, double high) = Answer(outcome.Out);
        Assert.Multiple(() =>
        {
            Assert.That(low, Is.LessThanOrEqualTo(520));
            Assert.That(high, Is.GreaterThanOrEqualTo(520).And.LessThanOrEqualTo(576));
            Assert.That(outcome.Out, Does.Contain("\n  the scenario's own demand, 520.0 trucks/day, is at about this capacity (inside its 95% interval"));
            Assert.That(File.ReadAllText(Path.Combine(output, "report.html")), Does.Contain("520.0 trucks a day, is at about this capacity"));
            Assert.That(File.ReadAllText(Path.Combine(output, "run.json")), Does.Contain("\"as_written\": \"at_about\""));
        });
    }

    [Test]
    public void An_unknown_metric_in_the_target_is_refused_before_anything_runs()
    {
        string output = Path.Combine(Folder, "never");
        CliRunner.Outcome outcome = CliRunner.Run("capacity", MMc, "--target", "wait_hours_mean/inbond/all<=0.2", "-o", output);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Contain("did you mean 'wait_hours_mean/inbound/all'?"));
            Assert.That(Directory.Exists(output), Is.False, "no output folder, so nothing ran");
        });
    }

    [Test]
    public void A_scaled_path_that_is_not_a_number_is_refused_naming_it()
    {
        CliRunner.Outcome outcome = CliRunner.Run("capacity", MMc, "--target", WaitTarget, "--scale", "directions.inbound.stages.booth.service", "-o", Path.Combine(Folder, "x"));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Contain("--scale directions.inbound.stages.booth.service: its value 'exp(15min)' is not a positive number"));
        });
    }

    [Test]
    public void The_answer_does_not_depend_on_threads_and_a_rerun_resumes_every_run_from_its_part()
    {
        string one = Path.Combine(Folder, "one");
        string two = Path.Combine(Folder, "two");
        CliRunner.Outcome first = Quick(one, "--threads", "1");
        CliRunner.Outcome second = Quick(two, "--threads", "2", "--no-report");
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.Error);
        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Ok), second.Error);
        Assert.That(File.Exists(Path.Combine(one, "report.html")), Is.True);
        Assert.That(File.Exists(Path.Combine(two, "report.html")), Is.False, "--no-report");
        string csv = File.ReadAllText(Path.Combine(one, "capacity.csv"));
        Assert.That(File.ReadAllText(Path.Combine(two, "capacity.csv")), Is.EqualTo(csv));

        // Interrupted runs leave parts; here every part is left and capacity.csv removed: the rerun runs nothing.
        File.Delete(Path.Combine(one, "capacity.csv"));
        CliRunner.Outcome again = Quick(one, "--threads", "2");
        Assert.Multiple(() =>
        {
            Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Ok), again.Error);
            Assert.That(again.Out, Does.Contain("(0 runs now,"));
            Assert.That(File.ReadAllText(Path.Combine(one, "capacity.csv")), Is.EqualTo(csv));
        });
    }

    [Test]
    public void A_part_cut_short_or_with_its_manifest_missing_or_empty_is_named_and_run_again_and_the_answer_is_unchanged()
    {
        // Parts are not synced to disk one by one (a crash may cut one short): the manifest's row count and SHA-256 catch it.
        string output = Path.Combine(Folder, "damaged");
        CliRunner.Outcome first = Quick(output);
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.Error);
        string csv = File.ReadAllText(Path.Combine(output, "capacity.csv"));
        string[] parts = [.. Directory.GetFiles(Path.Combine(output, "runs"), "*.csv").Order(StringComparer.Ordinal)];
        File.WriteAllText(parts[0], string.Join('\n', File.ReadAllLines(parts[0]).Take(3)) + "\n");
        File.Delete(Reporting.PartManifest.PathFor(parts[1]));
        File.WriteAllText(Reporting.PartManifest.PathFor(parts[2]), "");

        CliRunner.Outcome again = Quick(output);
        Assert.Multiple(() =>
        {
            Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Ok), again.Error);
            Assert.That(again.Error, Does.Contain($"{parts[0]}: ").And.Contain("running it again"));
            Assert.That(again.Error, Does.Contain($"{parts[2]}: its manifest").And.Contain("is damaged"));
            Assert.That(again.Out, Does.Contain($"(3 runs now, {parts.Length - 3} resumed)"));
            Assert.That(File.ReadAllText(Path.Combine(output, "capacity.csv")), Is.EqualTo(csv));
        });
    }

    [Test]
    public void Two_shards_merged_and_finished_give_the_unsharded_answer()
    {
        string whole = Path.Combine(Folder, "whole");
        string a = Path.Combine(Folder, "a");
        string b = Path.Combine(Folder, "b");
        string merged = Path.Combine(Folder, "merged");
        CliRunner.Outcome unsharded = Quick(whole);
        CliRunner.Outcome shardA = Quick(a, "--shard", "1/2");
        CliRunner.Outcome shardB = Quick(b, "--shard", "2/2");
        Assert.Multiple(() =>
        {
            Assert.That(shardA.ExitCode, Is.EqualTo(ExitCodes.Ok), shardA.Error);
            Assert.That(shardA.Error, Does.Contain("shard 1/2: round 1 done for this shard"));
            Assert.That(Directory.GetFiles(Path.Combine(a, "runs"), "*.csv"), Has.Length.EqualTo(12), "half of 8 factors x 3 replications");
        });

        CliRunner.Outcome merge = CliRunner.Run("merge", a, b, "-o", merged);
        Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.Ok), merge.Error);
        CliRunner.Outcome finished = Quick(merged);
        Assert.That(finished.ExitCode, Is.EqualTo(ExitCodes.Ok), finished.Error);
        Assert.That(Answer(finished.Out), Is.EqualTo(Answer(unsharded.Out)));
        Assert.That(File.ReadAllText(Path.Combine(merged, "capacity.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(whole, "capacity.csv"))));
    }
}
