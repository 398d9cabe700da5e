using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Scenarios;
using BorderSim.Scenarios.Tests;

namespace BorderSim.Studies.Tests;

/// <summary>
/// The gate CI relies on: for every shipped scenario, a regress study (what <c>bordersim regress</c> runs, here in-process) against the shipped baseline catches a 10% slower
/// service at one stage, one lane (or, where the road has one lane a way, one booth) fewer, and 10% more arrivals, and
/// passes the unchanged scenario bit for bit whatever the number of threads. Deterministic: fixed seeds, so each case
/// is caught or not for ever; the numbers of metrics moved are in the README.
/// </summary>
[Parallelizable(ParallelScope.None)]
public class ShippedScenarioRegressTests
{
    /// <summary>(scenario stem, perturbation, --set overrides). Slower service scales every draw by 1.1 (exp mean, lognormal mean and sd).</summary>
    private static readonly (string Scenario, string Change, string[] Sets)[] Perturbations =
    [
        ("bac-luan-ii-tet", "10% slower service", ["directions.export.stages.dongxing_inspection.service=exp(11min)"]),
        ("bac-luan-ii-tet", "one lane fewer", ["directions.export.stages.dongxing_inspection.servers=1"]),
        ("bac-luan-ii-tet", "10% more arrivals", ["directions.export.arrivals.trucks_per_day=63.8", "directions.import.arrivals.trucks_per_day=79.2"]),
        ("china-clearance-squeeze", "10% slower service", ["directions.export.stages.cn_inspection.service=lognormal(15.4min, 7.7min)"]),
        ("china-clearance-squeeze", "one lane fewer", ["directions.export.stages.cn_inspection.servers=5"]),
        ("china-clearance-squeeze", "10% more arrivals", ["directions.export.arrivals.trucks_per_day=264"]),
        ("coc-nam", "10% slower service", ["directions.export.stages.lung_nghiu_inspection.service=exp(11min)"]),
        ("coc-nam", "one lane fewer", ["directions.export.stages.lung_nghiu_inspection.servers=1"]),
        ("coc-nam", "10% more arrivals", ["directions.export.arrivals.trucks_per_day=13.2", "directions.import.arrivals.trucks_per_day=8.8"]),
        ("huu-nghi-4-lanes", "10% slower service", ["directions.export.stages.cn_inspection.service=lognormal(15.4min, 7.7min)"]),
        ("huu-nghi-4-lanes", "one lane fewer", ["roads.freight_road_1119.lanes.import=1"]),
        ("huu-nghi-4-lanes", "10% more arrivals", ["directions.export.arrivals.trucks_per_day=264", "directions.import.arrivals.trucks_per_day=620.4"]),
        ("huu-nghi-suspension-apr-2025", "10% slower service", ["directions.export.stages.cn_inspection.service=lognormal(15.4min, 7.7min)"]),
        ("huu-nghi-suspension-apr-2025", "one lane fewer", ["roads.freight_road_1119.lanes.import=1"]),
        ("huu-nghi-suspension-apr-2025", "10% more arrivals", ["origins.lang_son_export.arrivals.trucks_per_day=264", "directions.import.arrivals.trucks_per_day=620.4"]),
        ("huu-nghi-6-lanes", "10% slower service", ["directions.export.stages.cn_inspection.service=lognormal(15.4min, 7.7min)"]),
        ("huu-nghi-6-lanes", "one lane fewer", ["roads.freight_road_1119.lanes.import=2"]),
        ("huu-nghi-6-lanes", "10% more arrivals", ["directions.export.arrivals.trucks_per_day=264", "directions.import.arrivals.trucks_per_day=620.4"]),
        ("huu-nghi-6-lanes-24h", "10% slower service", ["directions.export.stages.cn_inspection.service=lognormal(15.4min, 7.7min)"]),
        ("huu-nghi-6-lanes-24h", "one lane fewer", ["roads.freight_road_1119.lanes.import=2"]),
        ("huu-nghi-6-lanes-24h", "10% more arrivals", ["directions.export.arrivals.trucks_per_day=264", "directions.import.arrivals.trucks_per_day=620.4"]),
        ("huu-nghi-6-lanes-agv", "10% slower service", ["directions.export.stages.cn_inspection.service=lognormal(11min, 5.5min)"]),
        ("huu-nghi-6-lanes-agv", "one lane fewer", ["roads.freight_road_1119.lanes.import=2"]),
        ("huu-nghi-6-lanes-agv", "10% more arrivals", ["directions.export.arrivals.trucks_per_day=264", "directions.import.arrivals.trucks_per_day=620.4"]),
        ("huu-nghi-6-lanes-handover", "10% slower service", ["directions.export.stages.cn_inspection.service=lognormal(11min, 5.5min)"]),
        ("huu-nghi-6-lanes-handover", "one lane fewer", ["roads.freight_road_1119.lanes.import=2"]),
        ("huu-nghi-6-lanes-handover", "10% more arrivals", ["directions.export.arrivals.trucks_per_day=264", "directions.import.arrivals.trucks_per_day=620.4"]),
        ("lang-son-fruit-season", "10% slower service", ["directions.hn_export.stages.hn_cn_inspection.service=lognormal(15.4min, 7.7min)"]),
        ("lang-son-fruit-season", "one lane fewer", ["roads.freight_road_1119.lanes.hn_import=2"]),
        ("lang-son-fruit-season", "10% more arrivals", ["origins.lang_son_export.arrivals.trucks_per_day=360.8", "origins.lang_son_import.arrivals.trucks_per_day=1006.5"]),
        ("lang-son-network", "10% slower service", ["directions.hn_export.stages.hn_cn_inspection.service=lognormal(15.4min, 7.7min)"]),
        ("lang-son-network", "one lane fewer", ["roads.freight_road_1119.lanes.hn_import=1"]),
        ("lang-son-network", "10% more arrivals", ["origins.lang_son_export.arrivals.trucks_per_day=360.8", "origins.lang_son_import.arrivals.trucks_per_day=1006.5"]),
        ("lang-son-durian-peak", "10% slower service",
        [
            "directions.export.stages.1.check.channels.green.service=exp(11min)",
            "directions.export.stages.1.check.channels.yellow.service=lognormal(33min, 11min)",
            "directions.export.stages.1.check.channels.red.service=lognormal(2.2h, 1.1h)",
        ]),
        ("lang-son-durian-peak", "one lane fewer", ["roads.freight_road_1119.lanes.export=2"]),
        ("lang-son-durian-peak", "10% more arrivals", ["directions.export.arrivals.trucks_per_day=264"]),
        ("tan-thanh", "10% slower service", ["directions.export.stages.pochai_inspection.service=exp(11min)"]),
        ("tan-thanh", "one lane fewer", ["changes.0.lanes.export=1"]),
        ("tan-thanh", "10% more arrivals", ["directions.export.arrivals.trucks_per_day=154", "directions.import.arrivals.trucks_per_day=286"]),
    ];

    private static readonly string[] Changes = ["10% slower service", "one lane fewer", "10% more arrivals"];

    private static IEnumerable<TestCaseData> Cases() =>
        Perturbations.Select(p => new TestCaseData(p.Scenario, p.Sets).SetArgDisplayNames(p.Scenario, p.Change));

    private static IEnumerable<string> Shipped() =>
        Directory.GetFiles(RepositoryPaths.Scenarios, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    /// <summary>Regresses one shipped scenario against its shipped baseline, with <paramref name="sets"/> (path=value) applied.</summary>
    private static (RegressStudy Study, CollectingConsole Console) Regress(string scenario, string[] sets, bool exact = false, int? threads = null)
    {
        ScenarioOverride[] overrides = [.. sets.Select(s => new ScenarioOverride(s[..s.IndexOf('=', StringComparison.Ordinal)], s[(s.IndexOf('=', StringComparison.Ordinal) + 1)..]))];
        var console = new CollectingConsole();
        var study = new RegressStudy(
            new RegressSettings(Path.Combine(RepositoryPaths.Scenarios, "baselines"), Update: false, exact, threads, RunOptions.DefaultMaxWorkTruckStages, overrides), console);
        string file = Path.Combine(RepositoryPaths.Scenarios, scenario + ".yaml");
        study.Regress(file, ScenarioReader.Load(file, overrides));
        return (study, console);
    }

    [Test]
    public void Every_shipped_scenario_is_tried_with_each_of_the_three_changes()
    {
        foreach (string scenario in Shipped())
        {
            Assert.That(Perturbations.Where(p => p.Scenario == scenario).Select(p => p.Change), Is.EqualTo(Changes), scenario);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void A_small_real_change_is_found_to_have_moved_metrics(string scenario, string[] sets)
    {
        (RegressStudy study, CollectingConsole console) = Regress(scenario, sets);
        Assert.Multiple(() =>
        {
            Assert.That(study.Tally.Regressed, Is.EqualTo(1), console.Text);
            Assert.That(study.Tally.Invalid, Is.Zero, console.Text);
            Assert.That(console.Text, Does.Match(@": \d+ of \d+ metrics moved from"));
        });
    }

    [Test]
    public void The_unchanged_scenario_passes_bit_for_bit_whatever_the_threads([ValueSource(nameof(Shipped))] string scenario, [Values(1, 3)] int threads)
    {
        (RegressStudy study, CollectingConsole console) = Regress(scenario, [], exact: true, threads);
        Assert.Multiple(() =>
        {
            Assert.That(study.Tally.Regressed + study.Tally.Invalid + study.Tally.MissingBaselines, Is.Zero, console.Text);
            Assert.That(console.Text, Does.Contain("every value bit-identical"));
        });
    }

    /// <summary>What the study says, in one text; a scenario run as the command runs it, without progress.</summary>
    private sealed class CollectingConsole : IRegressConsole
    {
        private readonly System.Text.StringBuilder _text = new();

        public string Text => _text.ToString();

        public void Say(string text) => _text.Append(text);

        public void Warn(string line) => _text.Append(line).Append('\n');

        public ExperimentResult Run(string file, ScenarioSpec scenario, RunOptions options) =>
            ExperimentRunner.Run(scenario, options, null, null, CancellationToken.None);
    }
}
