using System.Globalization;
using System.Text.Json;

namespace BorderSim.Cli.Tests;

public class CompareCommandTests
{
    private string _directory = "";
    private string _base = "";
    private string _wider = "";

    /// <summary>The small crossing with a fifth customs booth and three lanes each way: the same trucks, less waiting.</summary>
    public static string Wider => CliRunner.SmallScenario
        .Replace("name: Hữu Nghị test crossing", "name: Hữu Nghị test 3 lanes", StringComparison.Ordinal)
        .Replace("lanes: { export: 2, import: 2 }", "lanes: { export: 3, import: 3 }", StringComparison.Ordinal)
        .Replace("servers: 4, calendar: vn_gate, service: exp(12min)", "servers: 6, calendar: vn_gate, service: exp(12min)", StringComparison.Ordinal);

    [SetUp]
    public void CreateScenarios()
    {
        _directory = CliRunner.NewTemporaryDirectory();
        _base = CliRunner.WriteScenario(_directory, "base.yaml", CliRunner.SmallScenario);
        _wider = CliRunner.WriteScenario(_directory, "wider.yaml", Wider);
        Assert.That(Wider, Is.Not.EqualTo(CliRunner.SmallScenario), "the alternative must differ");
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        // Test scenario names hold no commas, so a plain split is enough here.
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    [Test]
    public void Compare_writes_the_csv_summaries_plot_and_run_json_and_prints_a_table_for_planners()
    {
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("compare", _base, _wider, "-o", output, "--replications", "4", "--days", "2");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Assert.That(Directory.GetFiles(output).Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            "comparison.csv", "summary-1-base.csv", "summary-2-wider.csv", "comparison.png", "comparison.svg", "run.json",
            "queues-1.png", "queues-1.svg", "queues-2.png", "queues-2.svg", "report.html", "results.xlsx",
        }));

        List<Dictionary<string, string>> rows = ReadCsv(Path.Combine(output, "comparison.csv"));
        Dictionary<string, string> wait = rows.Single(r => r["metric"] == "wait_hours_mean/import/all");
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.GreaterThan(50), "every metric is in the CSV");
            Assert.That(wait["alternative"], Is.EqualTo("Hữu Nghị test 3 lanes"));
            Assert.That(wait["pairs"], Is.EqualTo("4"));
            Assert.That(wait["confidence"], Is.EqualTo("0.95"));
            Assert.That(new FileInfo(Path.Combine(output, "comparison.png")).Length, Is.GreaterThan(20_000));
            Assert.That(outcome.Out, Does.Contain("difference [95% CI]"));
            Assert.That(outcome.Out, Does.Contain("served per day, export (trucks/day)"));
            Assert.That(outcome.Out, Does.Contain("wait p95, fruit (h)"));
            Assert.That(outcome.Out, Does.Contain("delay cost (USD/day)"));
            Assert.That(outcome.Out, Does.Contain("common random numbers"));
        });

        using JsonDocument run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        JsonElement scenarios = run.RootElement.GetProperty("scenarios");
        Assert.Multiple(() =>
        {
            Assert.That(run.RootElement.GetProperty("verb").GetString(), Is.EqualTo("compare"));
            Assert.That(scenarios.GetArrayLength(), Is.EqualTo(2));
            Assert.That(scenarios[1].GetProperty("sha256").GetString(), Has.Length.EqualTo(64));
            Assert.That(scenarios[1].GetProperty("seed").GetUInt64(), Is.EqualTo(42), "alternatives share the base's seed");
            Assert.That(scenarios[0].GetProperty("warm_up_method").GetString(), Is.EqualTo("fixed"));
            Assert.That(run.RootElement.GetProperty("settings").GetProperty("common_random_numbers").GetString(), Is.EqualTo("true"));
        });
    }

    [Test]
    public void Format_csv_prints_comparison_csv_on_stdout()
    {
        string output = Path.Combine(_directory, "csv");
        var outcome = CliRunner.Run("compare", _base, _wider, "-o", output, "--replications", "3", "--days", "2", "--no-plots", "--format", "csv");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Assert.That(outcome.Out, Is.EqualTo(File.ReadAllText(Path.Combine(output, "comparison.csv"))), "stdout is the file, byte for byte");
    }

    [Test]
    public void Three_scenarios_use_bonferroni_intervals_at_97_5_percent()
    {
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("compare", _base, _wider, _base, "-o", output, "--replications", "3", "--days", "2", "--independent");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        Assert.That(ReadCsv(Path.Combine(output, "comparison.csv")).Select(r => r["confidence"]).Distinct(), Is.EqualTo(new[] { "0.975" }));
        Assert.That(outcome.Out, Does.Contain("difference [97.5% CI]"));
        Assert.That(outcome.Out, Does.Contain("alternative 3:"));
        Assert.That(outcome.Out, Does.Contain("[3: base.yaml]"), "two scenarios with one name are told apart");
        Assert.That(outcome.Out, Does.Contain("independent random numbers"), "--independent is said with the table");
        Assert.That(File.Exists(Path.Combine(output, "summary-3-base.csv")));
    }

    [Test]
    public void A_broken_scenario_stops_the_comparison_before_anything_runs()
    {
        string broken = CliRunner.WriteScenario(_directory, "broken.yaml", CliRunner.SmallScenario.Replace("servers: 4, calendar: vn_gate, service: exp(10min)", "servers: six, calendar: vn_gate, service: exp(10min)", StringComparison.Ordinal));
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("compare", _base, broken, "-o", output);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Match(@"broken\.yaml:\d+:\d+: .*servers"));
            Assert.That(Directory.Exists(output), Is.False);
        });
    }

    [Test]
    public void Compare_needs_at_least_two_scenarios()
    {
        var outcome = CliRunner.Run("compare", _base);
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
    }

    [Test]
    public void A_scenario_name_that_is_a_formula_is_quoted_in_comparison_csv_and_its_control_characters_are_escaped_on_the_terminal()
    {
        string hostile = CliRunner.WriteScenario(_directory, "hostile.yaml", Wider.Replace(
            "name: Hữu Nghị test 3 lanes", "name: \"=HYPERLINK(1)\\e[31mred\\u202E\"", StringComparison.Ordinal));
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("compare", _base, hostile, "-o", output, "--replications", "2", "--days", "2", "--no-plots");
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        string alternative = File.ReadAllLines(Path.Combine(output, "comparison.csv"))[1].Split(',')[6];
        Assert.Multiple(() =>
        {
            Assert.That(alternative, Is.EqualTo("'=HYPERLINK(1)\u001b[31mred\u202E"));
            Assert.That(outcome.Out, Does.Contain("=HYPERLINK(1)\\x1B[31mred\\u202E"));
            // Ordinal: a culture-aware search ignores U+202E and finds it everywhere.
            Assert.That((outcome.Out + outcome.Error).IndexOfAny(['\u001b', '\u202E']), Is.EqualTo(-1), "no raw ESC or right-to-left override");
        });
    }
}
