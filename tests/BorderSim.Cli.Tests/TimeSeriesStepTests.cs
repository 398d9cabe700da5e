using System.Text.Json;

namespace BorderSim.Cli.Tests;

/// <summary>A long run's timeseries.csv at a step that fits its length: fewer rows, the same numbers.</summary>
public class TimeSeriesStepTests
{
    [Test]
    public void A_30_day_run_writes_every_other_15_minute_sample_and_nothing_else_changes()
    {
        string directory = CliRunner.NewTemporaryDirectory();
        string scenario = CliRunner.WriteScenario(directory, "month.yaml", CliRunner.SmallScenario.Replace("days: 3", "days: 30", StringComparison.Ordinal));
        string fitted = Path.Combine(directory, "fitted");
        string every = Path.Combine(directory, "every");
        string[] common = ["--replications", "2", "--threads", "2", "--no-plots", "--no-xlsx"];
        var first = CliRunner.Run(["run", scenario, "-o", fitted, .. common]);
        var second = CliRunner.Run(["run", scenario, "-o", every, "--set", "timeseries_step=15min", .. common]);
        Assert.That((first.ExitCode, second.ExitCode), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)), first.Error + second.Error);

        // 30 days: 2,881 samples at 15 min, over the 2,500 a file gets by default, so 30 min (1,441 samples).
        string[] all = File.ReadAllLines(Path.Combine(every, "timeseries.csv"));
        string[] kept = File.ReadAllLines(Path.Combine(fitted, "timeseries.csv"));
        string[] expected = [all[0], .. all.Skip(1).Where(line => double.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) % 0.5 == 0)];
        Assert.That(kept, Is.EqualTo(expected));
        Assert.That(kept.Count(l => l.StartsWith("2026-06-01T00:30:00,", StringComparison.Ordinal)), Is.GreaterThan(0));
        Assert.That(kept.Count(l => l.StartsWith("2026-06-01T00:15:00,", StringComparison.Ordinal)), Is.Zero);
        Assert.That(kept.Length - 1, Is.EqualTo((all.Length - 1) / 2881 * 1441), "1,441 of the 2,881 sample times per series");
        foreach (string file in new[] { "summary.csv", "daily.csv" })
        {
            Assert.That(File.ReadAllBytes(Path.Combine(fitted, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(every, file))), file);
        }

        using JsonDocument fittedRun = JsonDocument.Parse(File.ReadAllText(Path.Combine(fitted, "run.json")));
        using JsonDocument everyRun = JsonDocument.Parse(File.ReadAllText(Path.Combine(every, "run.json")));
        Assert.Multiple(() =>
        {
            Assert.That(fittedRun.RootElement.GetProperty("timeseries_step_minutes").GetDouble(), Is.EqualTo(30));
            Assert.That(fittedRun.RootElement.GetProperty("timeseries_sample_minutes").GetDouble(), Is.EqualTo(15));
            Assert.That(everyRun.RootElement.GetProperty("timeseries_step_minutes").GetDouble(), Is.EqualTo(15));
            Assert.That(File.ReadAllText(Path.Combine(fitted, "report.html")), Does.Contain("30 min in timeseries.csv (fits the 30 days); the plots and metrics use every sample, each 15 min"));
            Assert.That(File.ReadAllText(Path.Combine(every, "report.html")), Does.Contain("15 min (timeseries.csv and the plots)"));
        });
    }
}
