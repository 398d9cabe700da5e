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
}
