using System.Text.Json;

namespace BorderSim.Cli.Tests;

/// <summary>
/// Every verb says, before it runs, in report.html and in run.json, when --days ends the run before a dated event
/// of the scenario ends (the model's HorizonCheck; its boundaries are tested in the model's tests).
/// </summary>
public class HorizonNoticeTests : ScenarioFileFixture
{
    // One booth, 2026-06-01 on; a surge on 2026-06-02..2026-06-04. --days 2 ends the run on 2026-06-02: the surge's
    // last 2 days are cut off; --days 4 sees it through.
    private const string Scenario = """
        name: Surge test
        description: One booth and a three-day surge.
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 4
        warm_up: 6h
        replications: 2
        seed: 7

        classes:
          general: { share: 1 }

        directions:
          inbound:
            arrivals:
              trucks_per_day: 48
              hourly_profile: flat
              surges: [ { from: 2026-06-02, to: 2026-06-04, factor: 1.5, reason: lychee peak } ]
            stages:
              - check: { name: booth, servers: 2, service: exp(15min) }
        """;

    private const string Said = "warning: the run ends on 2026-06-02, before the surge 'lychee peak' (direction inbound, 2026-06-02..2026-06-04) ends: its last 2 days are not simulated; --days 4 runs through it";

    protected override string ScenarioText => Scenario;

    protected override string ScenarioFileName => "surge.yaml";

    private static JsonElement[] Cuts(JsonElement holder) =>
        holder.TryGetProperty("horizon_cuts", out JsonElement cuts) ? [.. cuts.EnumerateArray()] : [];

    private static JsonElement RunJson(string output) => JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json"))).RootElement;

    [Test]
    public void Run_says_so_on_stderr_in_the_report_and_in_run_json_and_not_when_the_run_covers_the_surge()
    {
        string output = Path.Combine(Folder, "run");
        CliRunner.Outcome cut = CliRunner.Run("run", ScenarioPath, "--days", "2", "-o", output);
        Assert.That(cut.ExitCode, Is.EqualTo(0), cut.Error);
        Assert.That(cut.Error, Does.Contain($"{ScenarioPath}: {Said}"));
        Assert.That(cut.Error.IndexOf(Said, StringComparison.Ordinal), Is.LessThan(cut.Error.IndexOf("replication 1/", StringComparison.Ordinal)), "said before the first replication runs");
        Assert.That(File.ReadAllText(Path.Combine(output, "report.html")), Does.Contain("The run ends on 2026-06-02, before the surge &#39;lychee peak&#39;"));
        JsonElement[] cuts = Cuts(RunJson(output));
        Assert.That(cuts.Select(c => (c.GetProperty("event").GetString(), c.GetProperty("cut").GetString(), c.GetProperty("days_to_see_it").GetInt32())), Is.EqualTo(new[] { ("surge", "cut_off", 4) }));

        CliRunner.Outcome whole = CliRunner.Run("run", ScenarioPath, "--days", "4", "-o", output);
        Assert.That(whole.Error, Does.Not.Contain("warning: the run ends"));
        Assert.That(Cuts(RunJson(output)), Is.Empty);
    }

    [Test]
    public void Compare_batch_and_regress_say_so_before_they_run_and_in_run_json()
    {
        string compare = Path.Combine(Folder, "compare");
        CliRunner.Outcome compared = CliRunner.Run("compare", ScenarioPath, ScenarioPath, "--days", "2", "-o", compare);
        Assert.That(compared.ExitCode, Is.EqualTo(0), compared.Error);
        Assert.That(compared.Error, Does.Contain(Said));
        Assert.That(RunJson(compare).GetProperty("scenarios").EnumerateArray().Select(s => Cuts(s).Length), Is.All.EqualTo(1));
        Assert.That(File.ReadAllText(Path.Combine(compare, "report.html")), Does.Contain("before the surge &#39;lychee peak&#39;"));

        string batch = Path.Combine(Folder, "batch");
        CliRunner.Outcome batched = CliRunner.Run("batch", ScenarioPath, "--days", "2", "--sweep", "directions.inbound.stages.booth.servers=2,3", "-o", batch);
        Assert.That(batched.ExitCode, Is.EqualTo(0), batched.Error);
        Assert.That(LinesSaying(batched, Said), Is.EqualTo(1), "said once for the two runs of one file");
        Assert.That(RunJson(batch).GetProperty("scenarios").EnumerateArray().Select(s => Cuts(s).Length), Is.All.EqualTo(1));
        Assert.That(File.ReadAllText(Path.Combine(batch, "report.html")), Does.Contain("before the surge &#39;lychee peak&#39;"));

        // regress runs the scenario's own days: here 4, which see the surge through, so a 2-day file is cut.
        string twoDays = Path.Combine(Folder, "two-days.yaml");
        File.WriteAllText(twoDays, Scenario.Replace("days: 4", "days: 2", StringComparison.Ordinal));
        CliRunner.Outcome regressed = CliRunner.Run("regress", "--update", twoDays, "--baselines", Path.Combine(Folder, "baselines"));
        Assert.That(regressed.Error, Does.Contain($"{twoDays}: {Said}"));
    }

    [Test]
    public void Capacity_and_optimize_say_so_once_before_they_run_and_in_the_report()
    {
        string capacity = Path.Combine(Folder, "capacity");
        CliRunner.Outcome capacityOutcome = CliRunner.Run("capacity", ScenarioPath, "--days", "2", "--target", "wait_hours_mean/inbound/all<=0.5", "--replications", "2", "--tolerance", "0.2", "-o", capacity);
        Assert.That(LinesSaying(capacityOutcome, Said), Is.EqualTo(1), capacityOutcome.Error);
        Assert.That(File.ReadAllText(Path.Combine(capacity, "report.html")), Does.Contain("before the surge &#39;lychee peak&#39;"));
        Assert.That(RunJson(capacity).GetProperty("scenarios").EnumerateArray().Select(s => Cuts(s).Length), Is.All.EqualTo(1));

        string optimize = Path.Combine(Folder, "optimize");
        CliRunner.Outcome optimizeOutcome = CliRunner.Run("optimize", ScenarioPath, "--days", "2", "--vary", "directions.inbound.stages.booth.servers=2,3", "--target", "wait_hours_mean/inbound/all<=0.5", "-o", optimize);
        Assert.That(LinesSaying(optimizeOutcome, Said), Is.EqualTo(1), optimizeOutcome.Error);
        Assert.That(File.ReadAllText(Path.Combine(optimize, "report.html")), Does.Contain("before the surge &#39;lychee peak&#39;"));
    }
}
