namespace BorderSim.Scenarios.Tests;

/// <summary>A dated entry that misses the run is a warning naming file:line:col, never an error: the scenario still runs.</summary>
public class DateWarningTests
{
    // 1 June (00:00 Hanoi) for 14 days: the run is 2026-06-01..2026-06-14.
    private const string Scenario = """
        name: Dates
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 14
        calendars:
          vn_gate:
            time_zone: Asia/Ho_Chi_Minh
            closures: [ { from: 2026-02-15, to: 2026-02-18, reason: Tết }, { from: 2026-06-05, to: 2026-06-05 } ]
            appointment_only: [ { from: 2026-06-15, to: 2026-06-20, quota_per_day: 30 } ]
          cn_gate:
            time_zone: Asia/Shanghai
            closures: [ { from: 2026-06-15, to: 2026-06-16 } ]
        classes:
          general: { share: 1 }
        directions:
          export:
            arrivals:
              trucks_per_day: 100
              surges: [ { from: 2026-06-10, to: 2026-06-12, factor: 1.5 }, { from: 2026-07-01, to: 2026-07-05, factor: 2 } ]
            stages:
              - check: { name: vn_customs, servers: 4, service: exp(10min), calendar: vn_gate }
              - check: { name: cn_check, servers: 4, service: exp(10min), calendar: cn_gate }
        changes:
          - { from: 2026-06-20, stage: vn_customs, servers: 8 }
          - { from: 2026-05-20, stage: vn_customs, servers: 6 }
          - { from: 2026-06-07, stage: vn_customs, servers: 5 }
        """;

    private static ScenarioLoadResult Load(string text = Scenario) => ScenarioReader.Read(new StringReader(text), "dates.yaml");

    [Test]
    public void Entries_outside_the_run_are_warnings_with_file_line_and_column_and_the_scenario_stays_valid()
    {
        var result = Load();
        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Errors));
        var warnings = result.WarningsFor(result.Scenario!).Select(w => w.ToString()).ToList();
        Assert.That(warnings, Is.EqualTo(new[]
        {
            "dates.yaml:8:17: warning: calendars.vn_gate.closures[0]: the closure 2026-02-15..2026-02-18 ends before the run starts (the run is 2026-06-01..2026-06-14): it has no effect (check the dates, or the run's start and days)",
            "dates.yaml:9:25: warning: calendars.vn_gate.appointment_only[0]: the appointment period 2026-06-15..2026-06-20 starts after the run ends (the run is 2026-06-01..2026-06-14): it has no effect (check the dates, or the run's start and days)",
            "dates.yaml:19:68: warning: directions.export.arrivals.surges[1]: the surge 2026-07-01..2026-07-05 starts after the run ends (the run is 2026-06-01..2026-06-14): it has no effect (check the dates, or the run's start and days)",
            "dates.yaml:24:13: warning: changes[0].from: the change 2026-06-20 starts after the run ends (the run is 2026-06-01..2026-06-14): it has no effect (check the dates, or the run's start and days)",
            "dates.yaml:25:13: warning: changes[1].from: the change from 2026-05-20 is dated before the run starts (the run is 2026-06-01..2026-06-14): it is in force from the first hour (check the dates, or the run's start and days)",
        }));
    }

    [Test]
    public void A_closure_in_another_zone_that_covers_the_last_hour_of_the_run_is_not_outside_it()
    {
        // 15 June 00:00 in Beijing is 14 June 23:00 in Hanoi, inside the run: no warning for cn_gate.
        var result = Load();
        Assert.That(result.WarningsFor(result.Scenario!).Select(w => w.Field), Has.None.StartsWith("calendars.cn_gate"));
    }

    [Test]
    public void A_shorter_run_turns_an_entry_inside_it_into_a_warning()
    {
        var result = Load();
        var shorter = result.Scenario! with { Days = 9 };
        var warnings = result.WarningsFor(shorter);
        Assert.That(warnings.Select(w => w.Field), Does.Contain("directions.export.arrivals.surges[0]"), "the 10–12 June surge is after a 9-day run");
        Assert.That(warnings.Select(w => w.Field), Does.Not.Contain("calendars.vn_gate.closures[1]"), "5 June is inside it");
        Assert.That(warnings, Has.All.Property(nameof(ScenarioError.IsWarning)).True);
    }

    [Test]
    public void A_ban_after_the_run_and_an_advisory_before_it_are_warnings_too()
    {
        // An advisory acts once, at its midnight: one of 20 May never meets the run; a ban from 20 June starts after it.
        var result = Load(Scenario + """

            bans:
              - { from: 2026-06-20, to: 2026-06-21, direction: export, classes: [general], action: turn_away }
            advisories:
              - { from: 2026-05-20, direction: export, waiting: { leave: 0.5 } }
            """);
        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Errors));
        var warnings = result.WarningsFor(result.Scenario!).Select(w => w.ToString()).ToList();
        Assert.That(warnings, Is.SupersetOf(new[]
        {
            "dates.yaml:28:5: warning: bans[0]: the ban 2026-06-20..2026-06-21 starts after the run ends (the run is 2026-06-01..2026-06-14): it has no effect (check the dates, or the run's start and days)",
            "dates.yaml:30:13: warning: advisories[0].from: the advisory of 2026-05-20 is issued before the run starts (the run is 2026-06-01..2026-06-14): it has no effect (check the dates, or the run's start and days)",
        }));
    }
}
