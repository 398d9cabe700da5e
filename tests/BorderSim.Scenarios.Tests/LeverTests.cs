namespace BorderSim.Scenarios.Tests;

/// <summary>levers: a short label per language for a scenario path, read and checked like every other section.</summary>
public class LeverTests
{
    private const string Crossing = """
        name: lever case
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 3
        calendars:
          vn_gate: { time_zone: Asia/Ho_Chi_Minh, hours: { mon-sun: "07:00-19:00" } }
        roads:
          freight_road: { lanes: { export: 2, import: 2 }, crossing: fixed(4min) }
        classes:
          general: { share: 1 }
        directions:
          export:
            arrivals: { trucks_per_day: 200, hourly_profile: flat }
            stages:
              - check: { name: vn_customs, servers: 4, calendar: vn_gate, service: exp(10min) }
              - road: freight_road
          import:
            arrivals: { trucks_per_day: 200, hourly_profile: flat }
            stages:
              - road: freight_road
        levers:
        """;

    private static ScenarioLoadResult Read(string levers) => ScenarioReader.Read(new StringReader(Crossing + "\n" + levers), "lever.yaml");

    [Test]
    public void A_lever_has_its_label_in_each_language_its_path_its_unit_and_the_value_the_file_gives()
    {
        var result = Read("""
              import_lanes: { label: { en: import lanes, vi: làn nhập }, path: roads.freight_road.lanes.import, unit: { en: lanes, vi: làn } }
              vn_hours: { label: VN gate hours, path: calendars.vn_gate.hours.mon-sun }
              customs: { label: { en: VN customs booths }, path: directions.export.stages.vn_customs.servers }
            """);
        Assert.That(result.Errors, Is.Empty);
        var levers = result.Scenario!.Levers;
        Assert.Multiple(() =>
        {
            Assert.That(levers.Select(l => (l.Name, l.Label.English, l.Label.Vietnamese, l.Path, l.Value)), Is.EqualTo(new[]
            {
                ("import_lanes", "import lanes", "làn nhập", "roads.freight_road.lanes.import", "2"),
                ("vn_hours", "VN gate hours", "VN gate hours", "calendars.vn_gate.hours.mon-sun", "07:00-19:00"),
                ("customs", "VN customs booths", "VN customs booths", "directions.export.stages.vn_customs.servers", "4"),
            }));
            Assert.That(levers[0].Unit, Is.EqualTo(new BorderSim.Model.Results.Bilingual("lanes", "làn")));
            Assert.That(levers[1].Unit, Is.Null);
        });
    }

    [TestCase("  a: { label: lanes, path: roads.freight_road.lanes.inport }", "levers.a.path", "leads to no value", TestName = "A_lever_whose_path_leads_nowhere_is_refused_at_its_path")]
    [TestCase("  a: { label: lanes, path: roads.freight_road.lanes.import }\n  b: { label: { en: x, vi: lanes }, path: roads.freight_road.lanes.export }", "levers.b", "already names the lever a", TestName = "Two_levers_with_one_label_are_refused_so_that_vary_names_one_without_doubt")]
    [TestCase("  a: { label: \"lanes=in\", path: roads.freight_road.lanes.import }", "levers.a.label", "'=' or ','", TestName = "A_label_with_an_equals_sign_is_refused_as_vary_reads_up_to_it")]
    [TestCase("  a: { label: { vi: làn }, path: roads.freight_road.lanes.import }", "levers.a.label.en", "missing required key 'en'", TestName = "A_label_per_language_needs_its_english")]
    [TestCase("  a: { label: lanes }", "levers.a.path", "missing required key 'path'", TestName = "A_lever_without_a_path_is_refused")]
    public void A_mistaken_lever_is_refused_with_its_field_and_what_is_wrong(string levers, string field, string message)
    {
        var result = Read(levers);
        Assert.That(result.Errors.Select(e => (e.Field, e.Message)), Has.Some.Matches<(string Field, string Message)>(e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal)),
            string.Join("\n", result.Errors));
        Assert.That(result.Errors.All(e => e.Line > 0 && e.Column > 0), "every error names line and column");
    }
}
