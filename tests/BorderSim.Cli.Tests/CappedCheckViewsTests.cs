using System.Text.Json;

namespace BorderSim.Cli.Tests;

/// <summary>
/// Issue 21's capped check, through the command line: the capacity check, the overload flag, the server-time table,
/// the binding stage, report.html and run.json all read the cap the model has in force, and agree.
/// </summary>
public class CappedCheckViewsTests
{
    private string _folder = "";

    // 6 booths at a fixed 15 min, always open, cap_per_day 400, fed 480 a day. By hand: the booths serve
    // 6 × 24 / 0.25 = 576 a day, the cap lets 400 start: capacity 400, 480 / 400 = 120 %. After the 3-day warm-up
    // about 240 trucks wait at each midnight, so the booths serve without a gap until the 400th start of the day:
    // busy 400 × 0.25 / (6 × 24) = 0.694 of the server-hours, held back by the cap the other 44 / 144 = 0.306,
    // idle 0. The capped booth is the binding stage.
    private const string Scenario = """
        name: Capped check
        description: Six booths at 15 minutes with a cap of 400 a day, fed 480 a day.
        start: 2026-06-01T00:00
        time_zone: Etc/UTC
        days: 8
        warm_up: 3d
        replications: 2
        seed: 21

        classes:
          general: { share: 1 }

        directions:
          inbound:
            arrivals: { trucks_per_day: 480, hourly_profile: flat }
            stages:
              - check: { name: booth, servers: 6, service: fixed(15min), cap_per_day: 400 }
        """;

    [SetUp]
    public void SetUp() => _folder = CliRunner.NewTemporaryDirectory();

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void The_capacity_check_the_server_time_the_binding_stage_the_report_and_run_json_agree_on_the_cap()
    {
        string scenario = CliRunner.WriteScenario(_folder, "capped.yaml", Scenario);
        string output = Path.Combine(_folder, "run");

        CliRunner.Outcome run = CliRunner.Run("run", scenario, "-o", output);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        JsonElement json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json"))).RootElement;
        JsonElement load = json.GetProperty("capacity_check").EnumerateArray().Single();
        JsonElement direction = json.GetProperty("directions").EnumerateArray().Single();
        string report = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Multiple(() =>
        {
            Assert.That(run.Error, Does.Match(@"inbound booth +demand +480 +capacity +400 +120% +OVERLOADED"));
            Assert.That(run.Out, Does.Match(@"\n  inbound / booth +0\.694 +0 +0\.306 +0 +0 +0\.694\n"), "busy, blocked, held back, idle, closed, busy of open");
            Assert.That(run.Out, Does.Contain("Binding stage, inbound: booth (busy 69.4% of its open server-hours, held back 30.6% by a cap or quota while trucks waited"));
            Assert.That(load.GetProperty("capacity_trucks_per_day").GetDouble(), Is.EqualTo(400).Within(1e-9));
            Assert.That(load.GetProperty("overloaded").GetBoolean(), Is.True);
            Assert.That(direction.GetProperty("overloaded").GetBoolean(), Is.True);
            Assert.That(direction.GetProperty("binding_stage").GetString(), Is.EqualTo("booth"));
            Assert.That(direction.GetProperty("binding_busy_of_open").GetDouble(), Is.EqualTo(100.0 / 144).Within(1e-9));
            Assert.That(direction.GetProperty("binding_held_back_of_open").GetDouble(), Is.EqualTo(44.0 / 144).Within(1e-9));
            Assert.That(report, Does.Contain("Its binding stage is booth, busy 69.4% of its open hours and held back 30.6% by its cap or quota while trucks waited"));
        });
    }
}
