using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Scenarios;

namespace BorderSim.Model.Tests;

/// <summary>The table of metrics: every metric with its words for a planner in both languages, and the keys a run reports known before it runs.</summary>
public class MetricCatalogTests
{
    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BorderSim.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("BorderSim.sln not found above the test directory");
        }
    }

    public static IEnumerable<string> ScenarioFiles() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "scenarios"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot, "scenarios", "validation"), "*.yaml"))
            .Select(f => Path.GetRelativePath(RepositoryRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static bool IsVietnamese(string text) => text.Any(c => c > 127);

    [Test]
    public void Every_metric_has_an_English_and_a_Vietnamese_label()
    {
        Assert.That(Metrics.All, Has.Count.EqualTo(74));
        Assert.Multiple(() =>
        {
            foreach (var metric in Metrics.All)
            {
                Assert.That(metric.Label.English, Is.Not.Empty.And.Not.EqualTo(metric.Name.Replace('_', ' ')), metric.Name);
                Assert.That(metric.Label.Vietnamese, Is.Not.Empty.And.Not.EqualTo(metric.Label.English), metric.Name);
                Assert.That(IsVietnamese(metric.Label.Vietnamese), Is.True, $"{metric.Name}: '{metric.Label.Vietnamese}' has no Vietnamese letter");
                Assert.That(metric.Label.English.Trim(), Is.EqualTo(metric.Label.English), metric.Name);
                Assert.That(metric.Label.Vietnamese.Trim(), Is.EqualTo(metric.Label.Vietnamese), metric.Name);
            }
        });
    }

    [Test]
    public void Metric_names_and_labels_are_unique_so_no_two_metrics_read_alike()
    {
        Assert.That(Metrics.All.Select(m => m.Name), Is.Unique);
        Assert.That(Metrics.All.Select(m => m.Label.English), Is.Unique);
        Assert.That(Metrics.All.Select(m => m.Label.Vietnamese), Is.Unique);
    }

    [Test]
    public void Every_unit_of_a_metric_is_in_the_table_of_units_with_both_labels()
    {
        Assert.That(Metrics.All.Select(m => m.Unit).Distinct(), Is.SubsetOf(MetricUnits.All));
        Assert.That(MetricUnits.All.Select(u => u.Id), Is.Unique);
        Assert.Multiple(() =>
        {
            foreach (var unit in MetricUnits.All)
            {
                Assert.That(unit.Label.English, Is.EqualTo(unit.Id), "English reports write the unit as summary.csv does");
                Assert.That(unit.Label.Vietnamese, Is.Not.Empty, unit.Id);
                Assert.That(MetricUnits.Find(unit.Id), Is.SameAs(unit));
            }
        });
    }

    [Test]
    public void Every_section_has_a_title_in_both_languages_and_holds_a_metric()
    {
        Assert.Multiple(() =>
        {
            foreach (var section in MetricSections.All)
            {
                var title = MetricSections.Title(section);
                Assert.That(title.English, Is.Not.Empty, section.ToString());
                Assert.That(IsVietnamese(title.Vietnamese), Is.True, section.ToString());
                Assert.That(Metrics.All.Any(m => m.Section == section), Is.True, $"{section} holds no metric");
            }
        });
    }

    [Test]
    public void Headlines_are_served_per_direction_then_mean_and_p95_wait_class_by_class_then_highway_queue_then_total_delay_cost()
    {
        MetricKey[] keys =
        [
            Metrics.Utilisation.Key("export", stage: "booth"),
            Metrics.DelayCostUsdPerDay.Key("all", "all"),
            Metrics.DelayCostUsdPerDay.Key("export", "all"),
            Metrics.HighwayQueueKmMean.Key("export"),
            Metrics.WaitHoursMean.Key("export", "all"),
            Metrics.WaitHoursMean.Key("all", "fruit"),
            Metrics.WaitHoursP95.Key("all", "fruit"),
            Metrics.WaitHoursMean.Key("all", "general"),
            Metrics.WaitHoursP95.Key("all", "general"),
            Metrics.ServedPerDay.Key("export", "all"),
            Metrics.ServedPerDay.Key("export", "fruit"),
            Metrics.ServedPerDay.Key("import", "all"),
            Metrics.HighwayQueueKmMean.Key("import"),
        ];

        Assert.That(MetricCatalog.Headlines(keys).Select(k => k.Id), Is.EqualTo(new[]
        {
            "served_per_day/export/all", "served_per_day/import/all",
            "wait_hours_mean/all/fruit", "wait_hours_p95/all/fruit", "wait_hours_mean/all/general", "wait_hours_p95/all/general",
            "highway_queue_km_mean/export", "highway_queue_km_mean/import",
            "delay_cost_usd_per_day/all/all",
        }));
    }

    [TestCaseSource(nameof(ScenarioFiles))]
    public void The_metric_keys_known_before_a_run_are_the_keys_a_replication_reports_in_its_order(string file)
    {
        var loaded = ScenarioReader.Load(Path.Combine(RepositoryRoot, file));
        Assert.That(loaded.Errors, Is.Empty, file);
        AssertKeysMatchARun(loaded.Scenario!);
    }

    [Test]
    public void The_metric_keys_known_before_a_run_include_reserved_servers_costs_and_shelf_life()
    {
        CargoClassSpec[] classes = [new("fruit", 0.5, 24, 19, 6, null), SpecBuilder.General(0.5)];
        var booth = SpecBuilder.Check("booth", 3, new ExponentialDistribution(1.0 / 6)) with { Reserved = [new("fruit", 1)] };
        var mix = new Dictionary<string, double> { ["fruit"] = 0.5, ["general"] = 0.5 };
        var direction = new DirectionSpec("export", SpecBuilder.Flat(200, mix), [SpecBuilder.Yard("yard", 50), booth]);
        var scenario = SpecBuilder.Scenario([direction], days: 2, warmUpHours: 12, replications: 1, classes: classes) with { Costs = new CostSpec(100, 10, 5) };
        var known = AssertKeysMatchARun(scenario);
        Assert.That(known, Does.Contain("utilisation_reserved/export/booth").And.Contain("cost_usd_per_day").And.Contain("past_shelf_life/all/fruit"));
    }

    private static List<string> AssertKeysMatchARun(ScenarioSpec scenario)
    {
        // A short run: a class with few trucks may see none, and still reports its metrics (zeros), in the same order.
        var known = ExperimentRunner.MetricKeys(scenario).Select(k => k.Id).ToList();
        var result = ExperimentRunner.Run(scenario with { WarmUpHours = 12 }, new RunOptions(Replications: 1, Days: 2, Threads: 1));
        Assert.That(known, Is.Unique);
        Assert.That(result.Replications[0].Metrics.Select(m => m.Key.Id), Is.EqualTo(known));
        Assert.That(known.Select(id => Metrics.Find(id.Split('/')[0])), Has.None.Null, "every key is a metric of the table");
        return known;
    }
}
