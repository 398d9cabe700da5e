using System.Text.Json;

namespace BorderSim.Reporting.Tests;

public class RunInfoTests
{
    private static RunInfo Sample() => new(
        "0.1.0+abc", ["run", "scenarios/huu_nghi.yaml", "--seed", "7"], "scenarios/huu_nghi.yaml", "ab12", "Hữu Nghị",
        ["days=3"], 7, 20, 4, 30, 72, "fixed",
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), new DateTimeOffset(2026, 1, 2, 3, 9, 5, TimeSpan.Zero),
        ["summary.csv"]);

    [Test]
    public void Run_json_has_snake_case_fields_and_utc_times()
    {
        using JsonDocument json = JsonDocument.Parse(Sample().ToJson());
        JsonElement root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("0.1.0+abc"));
            Assert.That(root.GetProperty("seed").GetUInt64(), Is.EqualTo(7));
            Assert.That(root.GetProperty("scenario_sha256").GetString(), Is.EqualTo("ab12"));
            Assert.That(root.GetProperty("warm_up_method").GetString(), Is.EqualTo("fixed"));
            Assert.That(root.GetProperty("started_utc").GetString(), Is.EqualTo("2026-01-02T03:04:05+00:00"));
            Assert.That(root.GetProperty("command_line").GetArrayLength(), Is.EqualTo(4));
        });
    }

    [Test]
    public void Run_json_reads_back_to_the_same_values()
    {
        RunInfo original = Sample();
        RunInfo back = RunInfo.FromJson(original.ToJson());
        Assert.That(back.ToJson(), Is.EqualTo(original.ToJson()));
        Assert.That(back.ScenarioName, Is.EqualTo("Hữu Nghị"));
    }

    [Test]
    public void Run_json_carries_the_capacity_check_and_each_directions_overload_verdict()
    {
        RunInfo info = Sample() with
        {
            CapacityCheck =
            [
                StageLoadInfo.From(new Model.Results.StageLoad("import", "freight_road_1119", 1053, 960)),
                StageLoadInfo.From(new Model.Results.StageLoad("import", "closed_booth", 10, 0)),
            ],
            Directions =
            [
                DirectionLoadInfo.From(new Model.Results.DirectionLoad("import", true, 88.2, 11.9, "freight_road_1119", ["demand 1053 trucks/day >= capacity 960 trucks/day at freight_road_1119"])),
                DirectionLoadInfo.From(new Model.Results.DirectionLoad("export", false, double.NaN, double.NaN, "vn_customs", [])),
            ],
        };
        using JsonDocument json = JsonDocument.Parse(info.ToJson());
        JsonElement check = json.RootElement.GetProperty("capacity_check");
        JsonElement import = json.RootElement.GetProperty("directions")[0];
        JsonElement export = json.RootElement.GetProperty("directions")[1];
        Assert.Multiple(() =>
        {
            Assert.That(check[0].GetProperty("demand_over_capacity").GetDouble(), Is.EqualTo(1053 / 960.0).Within(1e-12));
            Assert.That(check[0].GetProperty("overloaded").GetBoolean(), Is.True);
            Assert.That(check[1].GetProperty("demand_over_capacity").ValueKind, Is.EqualTo(JsonValueKind.Null), "no capacity: no finite ratio, and still valid JSON");
            Assert.That(import.GetProperty("overloaded").GetBoolean(), Is.True);
            Assert.That(import.GetProperty("backlog_growth_trucks_per_day").GetDouble(), Is.EqualTo(88.2));
            Assert.That(import.GetProperty("backlog_growth_ci95_half_width").GetDouble(), Is.EqualTo(11.9));
            Assert.That(import.GetProperty("binding_stage").GetString(), Is.EqualTo("freight_road_1119"));
            Assert.That(import.GetProperty("note").GetString(), Does.StartWith("overloaded").And.Contain("depend on the run's length"));
            Assert.That(export.GetProperty("overloaded").GetBoolean(), Is.False);
            Assert.That(export.GetProperty("backlog_growth_trucks_per_day").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(export.TryGetProperty("note", out _), Is.False);
        });
    }
}
