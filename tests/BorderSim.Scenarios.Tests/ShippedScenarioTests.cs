using BorderSim.Model.Spec;

namespace BorderSim.Scenarios.Tests;

public class ShippedScenarioTests
{
    public static IEnumerable<TestCaseData> ShippedFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Scenarios, "*.yaml", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}baselines{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(Path.GetRelativePath(RepositoryPaths.Scenarios, p)).SetName("Shipped_" + Path.GetRelativePath(RepositoryPaths.Scenarios, p).Replace('/', '_')));

    [TestCaseSource(nameof(ShippedFiles))]
    public void A_shipped_scenario_loads_without_errors(string relativePath)
    {
        var result = ScenarioReader.Load(Path.Combine(RepositoryPaths.Scenarios, relativePath));
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        Assert.That(result.IsValid, Is.True);
    }

    [Test]
    public void The_shipped_set_includes_the_crossings_and_the_validation_models()
    {
        var names = Directory.EnumerateFiles(RepositoryPaths.Scenarios, "*.yaml", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryPaths.Scenarios, p).Replace('\\', '/'));
        Assert.That(names, Is.SupersetOf(new[]
        {
            "huu-nghi-4-lanes.yaml", "huu-nghi-6-lanes.yaml", "tan-thanh.yaml", "coc-nam.yaml", "bac-luan-ii-tet.yaml",
            "lang-son-durian-peak.yaml", "validation/mmc.yaml", "validation/md1.yaml", "validation/tandem-finite-buffer.yaml",
        }));
    }

    [Test]
    public void The_two_Huu_Nghi_scenarios_differ_only_in_the_lanes_of_the_freight_road()
    {
        var four = Load("huu-nghi-4-lanes.yaml");
        var six = Load("huu-nghi-6-lanes.yaml");
        Assert.That(four.Roads.Single().LanesByDirection, Is.EquivalentTo(new Dictionary<string, int> { ["export"] = 2, ["import"] = 2 }));
        Assert.That(six.Roads.Single().LanesByDirection, Is.EquivalentTo(new Dictionary<string, int> { ["export"] = 3, ["import"] = 3 }));
        Assert.That(six with { Name = four.Name, Description = four.Description, Roads = four.Roads }, Is.EqualTo(four).Using<ScenarioSpec>(SameShape));
    }

    [Test]
    public void In_June_the_Huu_Nghi_import_lanes_with_the_empties_exceed_four_lanes_but_not_six()
    {
        var spec = Load("huu-nghi-4-lanes.yaml");
        var road = spec.Roads.Single();
        var import = spec.Directions.Single(d => d.Name == "import");
        var export = spec.Directions.Single(d => d.Name == "export");
        var openHours = spec.Calendars.Single(c => c.Name == road.Calendar).WeeklyHours.On(NodaTime.IsoDayOfWeek.Monday).Sum(i => i.ClosesAtHour - i.OpensAtHour);
        var perLanePerDay = openHours / road.CrossingHours.Mean;

        // The header's arithmetic: June import 564 x 1.15 = 649 loaded, plus the export trucks returning empty over
        // the import lanes; exports average 276 a day with the lychee surge (x1.5 on 60 % fruit, 14 of the 21 days).
        var juneImport = import.Arrivals.TrucksPerDay * import.Arrivals.MonthFactors[6];
        var juneExport = export.Arrivals.TrucksPerDay * export.Arrivals.MonthFactors[6];
        var exportWithSurge = juneExport * ((7 * 1.0) + (14 * (0.4 + (0.6 * 1.5)))) / 21;
        Assert.That(juneImport, Is.EqualTo(648.6).Within(1e-9));
        Assert.That(exportWithSurge, Is.EqualTo(331.2).Within(1e-9));

        // A lane's capacity is 1 / crossing time per open hour: 480 a day.
        Assert.That(2 * perLanePerDay, Is.LessThan(juneImport + exportWithSurge));
        Assert.That(3 * perLanePerDay, Is.GreaterThan(juneImport + exportWithSurge));
    }

    [Test]
    public void The_Huu_Nghi_export_side_is_bound_by_Chinese_clearance_whatever_the_lanes()
    {
        // The press: fruit trucks back up on the Vietnamese side because of Chinese clearance and hand-over.
        var spec = Load("huu-nghi-6-lanes.yaml");
        var export = spec.Directions.Single(d => d.Name == "export");
        var inspection = (CheckStageSpec)export.Stages.Single(s => s.Name == "cn_inspection");
        var openHours = 12.0;
        var clearedPerDay = inspection.Servers * openHours / inspection.Channels.Single().ServiceHours.Mean;
        Assert.That(clearedPerDay, Is.EqualTo(6 * 720 / 14.0).Within(1e-9));
        Assert.That(clearedPerDay, Is.LessThan(export.Arrivals.TrucksPerDay * export.Arrivals.MonthFactors[6] * 1.3), "the lychee surge exceeds it");
        Assert.That(clearedPerDay, Is.LessThan(3 * openHours / spec.Roads.Single().CrossingHours.Mean), "far below the export lanes");
    }

    [Test]
    public void The_MMc_validation_scenario_says_what_its_header_says()
    {
        var spec = Load("validation/mmc.yaml");
        var check = (CheckStageSpec)spec.Directions.Single().Stages.Single();
        Assert.That(spec.Directions.Single().Arrivals.TrucksPerDay / 24, Is.EqualTo(20).Within(1e-12));
        Assert.That(check.Servers, Is.EqualTo(6));
        Assert.That(check.Calendar, Is.Null);
        Assert.That(check.Channels.Single().ServiceHours.Mean, Is.EqualTo(0.25).Within(1e-12));
    }

    private static ScenarioSpec Load(string relative)
    {
        var result = ScenarioReader.Load(Path.Combine(RepositoryPaths.Scenarios, relative));
        Assert.That(result.Errors, Is.Empty);
        return result.Scenario!;
    }

    // Records holding lists compare lists by reference; compare what matters for the test.
    private static bool SameShape(ScenarioSpec a, ScenarioSpec b) =>
        a.Start == b.Start && a.Days == b.Days && a.Seed == b.Seed && a.Replications == b.Replications
        && a.Directions.Count == b.Directions.Count
        && a.Directions.Zip(b.Directions).All(p => p.First.Name == p.Second.Name
            && p.First.Arrivals.TrucksPerDay == p.Second.Arrivals.TrucksPerDay
            && p.First.Stages.Count == p.Second.Stages.Count
            && p.First.Stages.Zip(p.Second.Stages).All(s => s.First.Name == s.Second.Name && s.First.BufferTrucks == s.Second.BufferTrucks
                && (s.First is not CheckStageSpec c1 || (s.Second is CheckStageSpec c2 && c1.Servers == c2.Servers))))
        && a.Calendars.Select(c => c.Name).SequenceEqual(b.Calendars.Select(c => c.Name))
        && a.Classes.SequenceEqual(b.Classes);
}
