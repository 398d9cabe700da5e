using System.Diagnostics;
using System.Globalization;

namespace BorderSim.Cli.Tests;

/// <summary>
/// What a CI gate reads is checked against what it must hold (a baseline's magnitudes, a shard's run list against its
/// plan), and a console that cannot be written costs no result: the run finishes, its files are kept, exit 4.
/// </summary>
public class DamagedInputAndConsoleTests
{
    private string _directory = "";
    private string _scenario = "";

    [SetUp]
    public void CreateScenario()
    {
        _directory = CliRunner.NewTemporaryDirectory();
        _scenario = CliRunner.WriteScenario(_directory, "crossing.yaml", CliRunner.SmallScenario
            .Replace("days: 3", "days: 2", StringComparison.Ordinal)
            .Replace("replications: 3", "replications: 4", StringComparison.Ordinal));
    }

    [Test]
    public void A_baseline_with_values_of_1e300_and_a_matching_mean_is_exit_2_naming_the_file_and_line()
    {
        string baselines = Path.Combine(_directory, "baselines");
        Assert.That(CliRunner.Run("regress", "--baselines", baselines, "--update", _scenario).ExitCode, Is.EqualTo(ExitCodes.Ok));
        string baseline = Path.Combine(baselines, "crossing.csv");
        string[] lines = File.ReadAllLines(baseline);
        int row = Array.FindIndex(lines, l => l.StartsWith("wait_hours_mean/export/all,", StringComparison.Ordinal));
        string[] fields = lines[row].Split(',');
        // +1e300, -1e300, ... over 20 replications: the mean is exactly 0, and the paired test is blind to any change.
        lines[row] = string.Join(',', [fields[0], fields[1], "0", .. Enumerable.Range(0, 20).Select(r => r % 2 == 0 ? "1e300" : "-1e300")]);
        File.WriteAllLines(baseline, lines);

        var outcome = CliRunner.Run("regress", "--baselines", baselines, _scenario, "--set", "directions.export.arrivals.trucks_per_day=400");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), outcome.Error + outcome.Out);
            Assert.That(outcome.Error, Does.Contain($"{baseline}:{row + 1}: 'wait_hours_mean/export/all': r1 is 1e300, beyond any metric a run gives"));
        });
    }

    private string[] TwoShards(params string[] sweep)
    {
        var shards = new List<string>();
        for (int k = 1; k <= 2; k++)
        {
            string shard = Path.Combine(_directory, $"shard{k}");
            var outcome = CliRunner.Run(["batch", _scenario, "-o", shard, "--no-report", .. sweep, "--shard", $"{k}/2"]);
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
            shards.Add(shard);
        }

        return [.. shards];
    }

    [TestCase(0, "cut short: no runs after the column header")]
    [TestCase(1, "has 1 runs where")]
    public void Merge_of_shards_whose_run_lists_are_cut_short_is_exit_2_naming_the_file(int rowsKept, string message)
    {
        string[] shards = TwoShards("--sweep", "directions.export.arrivals.trucks_per_day=150,200");
        foreach (string shard in shards)
        {
            string runList = Path.Combine(shard, "runlist.csv");
            File.WriteAllLines(runList, File.ReadAllLines(runList).Take(1 + rowsKept));
        }

        var merge = CliRunner.Run(["merge", .. shards, "-o", Path.Combine(_directory, "merged")]);

        Assert.Multiple(() =>
        {
            Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), merge.Error + merge.Out);
            Assert.That(merge.Error, Does.StartWith(Path.Combine(shards[0], "runlist.csv")).And.Contain(message));
            Assert.That(Directory.Exists(Path.Combine(_directory, "merged")), Is.False, "nothing is written");
        });
    }

    [Test]
    public void A_full_stdout_and_stderr_do_not_stop_the_run_its_files_are_complete_and_the_exit_is_4()
    {
        Assume.That(File.Exists("/dev/full") && File.Exists("/bin/sh"), "/dev/full and /bin/sh (Linux)");
        string output = Path.Combine(_directory, "out");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        string cli = Path.Combine(AppContext.BaseDirectory, "bordersim.dll");
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardError = true };
        foreach (string arg in (string[])["-c", "\"$@\" >/dev/full 2>/dev/full", "sh", dotnet, cli, "run", _scenario, "-o", output, "--no-plots"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        string shellError = process.StandardError.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromSeconds(120)), Is.True, "ends");
        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(ExitCodes.OutputNotWritten), shellError);
            Assert.That(File.Exists(Path.Combine(output, "run.json")), Is.True, "the run finished and its folder is complete");
            Assert.That(File.ReadAllText(Path.Combine(output, "summary.csv")), Does.StartWith("metric,"));
        });
    }

    [Test]
    public void A_seed_that_is_not_a_whole_number_is_exit_2_without_a_dotnet_type_name()
    {
        var outcome = CliRunner.Run("run", _scenario, "-o", Path.Combine(_directory, "out"), "--seed", "-1");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Contain("--seed expects a whole number from 0 to 18446744073709551615, not '-1'"));
            Assert.That(outcome.Error, Does.Not.Contain("System."));
            Assert.That(Directory.Exists(Path.Combine(_directory, "out")), Is.False, "nothing left behind");
        });
    }

    [TestCase("run", "--replications", "0")]
    [TestCase("run", "--threads", "abc")]
    [TestCase("run", "--days", "-1")]
    [TestCase("run", "--precision", "2")]
    [TestCase("run", "--lang", "xx")]
    [TestCase("run", "--set", "days=abc")]
    [TestCase("run", "--bogus", "1")]
    [TestCase("compare", "-r", "0")]
    [TestCase("capacity", "--target", "bogus")]
    [TestCase("optimize", "--vary", "x=1:2:1")]
    [TestCase("calibrate", "--fit", "bogus")]
    public void An_invalid_option_is_exit_2_and_leaves_no_output_folder_behind(string verb, string option, string value)
    {
        string output = Path.Combine(_directory, "out");
        string[] scenarios = verb == "compare" ? [_scenario, _scenario] : [_scenario];
        var outcome = CliRunner.Run([verb, .. scenarios, "-o", output, option, value]);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), outcome.Error);
            Assert.That(outcome.Error, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(Directory.Exists(output), Is.False, "no empty output folder");
        });
    }

    [TestCase("run")]
    [TestCase("compare")]
    [TestCase("capacity", "--target", "wait_hours_mean/export/all<=4")]
    [TestCase("optimize", "--target", "wait_hours_mean/export/all<=4", "--vary", "directions.export.stages[0].check.servers=3:5:1")]
    [TestCase("calibrate", "--fit", "directions.export.arrivals.trucks_per_day=100..200")]
    public void An_invalid_scenario_is_exit_2_at_its_line_and_leaves_no_output_folder_behind(string verb, params string[] options)
    {
        string output = Path.Combine(_directory, "out");
        string broken = CliRunner.WriteScenario(_directory, "broken.yaml", CliRunner.SmallScenario.Replace("days: 3", "days: three", StringComparison.Ordinal));
        string[] scenarios = verb == "compare" ? [_scenario, broken] : [broken];
        var outcome = CliRunner.Run([verb, .. scenarios, "-o", output, .. options]);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), outcome.Error);
            Assert.That(outcome.Error, Does.Contain("broken.yaml:").And.Contain("days: expected a whole number, found 'three'"));
            Assert.That(Directory.Exists(output), Is.False, "no empty output folder");
        });
    }
}
