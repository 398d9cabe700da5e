using BorderSim.Engine.Randomness;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Scenarios.Tests;

public class ScenarioReaderTests
{
    internal const string Sketch = """
        name: Sketch
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 30
        warm_up: 3d
        replications: 20
        seed: 20260601
        calendars:
          vn_gate:
            time_zone: Asia/Ho_Chi_Minh
            hours: { mon-fri: "07:00-12:00, 13:00-19:00", sat: "07:00-12:00", sun: closed }
            closures: [ { from: 2026-02-15, to: 2026-02-18, reason: Tết } ]
            appointment_only: [ { from: 2026-02-19, to: 2026-02-23, quota_per_day: 300, excluded: [fruit] } ]
          cn_gate:
            time_zone: Asia/Shanghai
            hours: { mon-sun: "08:00-20:00" }
        roads:
          freight_road_1119: { lanes: { export: 3, import: 3 }, crossing: fixed(4min), buffer: 20 }
        classes:
          fruit:   { share: 0.6, shelf_life: 72h, tonnes: 19, delay_cost_usd_per_hour: 6, patience: lognormal(48h, 12h) }
          general: { share: 0.4, tonnes: 25, delay_cost_usd_per_hour: 2 }
        directions:
          export:
            arrivals:
              trucks_per_day: 450
              hourly_profile: [1,1,1,1,1,2,4,6,7,7,6,5,5,5,5,5,5,5,4,3,2,2,1,1]
              weekday_factors: { sat-sun: 0.8 }
              month_factors: { jun: 1.3 }
              surges: [ { from: 2026-06-10, to: 2026-06-25, factor: 1.5, classes: [fruit] } ]
            stages:
              - yard:  { name: vn_yard, capacity: 450, overflow: highway, road_per_truck: 19m }
              - check: { name: vn_customs, servers: 6, calendar: vn_gate,
                         channels: { green:  { p: 0.80, service: exp(10min), p_by_class: { fruit: 0.7 } },
                                     yellow: { p: 0.15, service: lognormal(30min, 10min), service_by_class: { fruit: exp(40min) } },
                                     red:    { p: 0.05, service: lognormal(2h, 1h), p_by_class: { fruit: 0.15 } } } }
              - road: freight_road_1119
              - check: { name: cn_inspection, servers: 6, calendar: cn_gate, service: exp(8min), buffer: 30 }
              - yard:  { name: pochai_yard, dwell: tri(2h, 4h, 12h), return_empty_via: import }
          import:
            arrivals: { trucks_per_day: 750, hourly_profile: flat, class_mix: { general: 1 } }
            stages:
              - check: { name: cn_export_check, servers: 4, calendar: cn_gate, service: exp(6min) }
              - road: { name: freight_road_1119, buffer: 5 }
              - check: { name: vn_import_customs, servers: 8, calendar: vn_gate, service: exp(12min), buffer: 40 }
        changes:
          - { from: 2026-06-15, calendar: cn_gate, hours: { mon-sun: "08:00-22:00" }, reason: peak }
          - { from: 2026-06-20, stage: vn_customs, servers: 8 }
          - { from: 2026-06-10, road: freight_road_1119, lanes: { export: 4, import: 4 } }
          - { from: 2026-06-12, calendar: vn_gate, quota_per_day: 400 }
        """;

    internal static ScenarioSpec ReadValid(string text, IReadOnlyList<ScenarioOverride>? overrides = null)
    {
        var result = ScenarioReader.Read(new StringReader(text), "test.yaml", overrides);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        return result.Scenario!;
    }

    [Test]
    public void The_design_sketch_maps_to_the_spec_records()
    {
        var spec = ReadValid(Sketch);
        Assert.That(spec.Name, Is.EqualTo("Sketch"));
        Assert.That(spec.Start, Is.EqualTo(new LocalDateTime(2026, 6, 1, 0, 0)));
        Assert.That(spec.TimeZone.Id, Is.EqualTo("Asia/Ho_Chi_Minh"));
        Assert.That((spec.Days, spec.WarmUpHours, spec.Replications, spec.Seed), Is.EqualTo((30, (double?)72.0, 20, 20260601UL)));
        Assert.That(spec.TimeseriesStepMinutes, Is.EqualTo(15));

        var vnGate = spec.Calendars.Single(c => c.Name == "vn_gate");
        Assert.That(vnGate.WeeklyHours.On(IsoDayOfWeek.Wednesday).Select(i => (i.OpensAtHour, i.ClosesAtHour)), Is.EqualTo(new[] { (7.0, 12.0), (13.0, 19.0) }));
        Assert.That(vnGate.WeeklyHours.On(IsoDayOfWeek.Sunday), Is.Empty);
        Assert.That(vnGate.Closures.Single(), Is.EqualTo(new ClosureSpec(new LocalDate(2026, 2, 15), new LocalDate(2026, 2, 18), "Tết")));
        Assert.That(vnGate.AppointmentOnly.Single().QuotaPerDay, Is.EqualTo(300));
        Assert.That(vnGate.AppointmentOnly.Single().ExcludedClasses, Is.EqualTo(new[] { "fruit" }));

        var road = spec.Roads.Single();
        Assert.That(road.CrossingHours, Is.TypeOf<Deterministic>());
        Assert.That(road.CrossingHours.Mean, Is.EqualTo(4.0 / 60).Within(1e-12));

        var fruit = spec.Classes.Single(c => c.Name == "fruit");
        Assert.That((fruit.Share, fruit.ShelfLifeHours, fruit.Tonnes, fruit.DelayCostUsdPerHour), Is.EqualTo((0.6, (double?)72.0, 19.0, 6.0)));
        Assert.That(fruit.PatienceHours!.Mean, Is.EqualTo(48.0));

        var export = spec.Directions.Single(d => d.Name == "export");
        Assert.That(export.Arrivals.WeekdayFactors[IsoDayOfWeek.Saturday], Is.EqualTo(0.8));
        Assert.That(export.Arrivals.MonthFactors[6], Is.EqualTo(1.3));
        Assert.That(export.Arrivals.Surges.Single().Classes, Is.EqualTo(new[] { "fruit" }));
        Assert.That(export.Arrivals.ClassMix, Is.EquivalentTo(new Dictionary<string, double> { ["fruit"] = 0.6, ["general"] = 0.4 }));
        Assert.That(export.Stages.Select(s => s.GetType().Name), Is.EqualTo(new[] { "YardStageSpec", "CheckStageSpec", "RoadStageSpec", "CheckStageSpec", "YardStageSpec" }));

        var yard = (YardStageSpec)export.Stages[0];
        Assert.That((yard.CapacityTrucks, yard.OverflowToHighway, yard.RoadPerTruckMetres), Is.EqualTo(((int?)450, true, 19.0)));
        var customs = (CheckStageSpec)export.Stages[1];
        Assert.That(customs.Channels.Select(c => c.Name), Is.EqualTo(new[] { "green", "yellow", "red" }));
        Assert.That(customs.Channels[0].ProbabilityFor("fruit"), Is.EqualTo(0.7));
        Assert.That(customs.Channels[0].ProbabilityFor("general"), Is.EqualTo(0.8));
        Assert.That(customs.Channels[1].ServiceFor("fruit").Mean, Is.EqualTo(40.0 / 60).Within(1e-12));
        var roadStage = (RoadStageSpec)export.Stages[2];
        Assert.That((roadStage.Name, roadStage.Road, roadStage.Buffer), Is.EqualTo(("freight_road_1119", "freight_road_1119", (int?)20)));
        var cnInspection = (CheckStageSpec)export.Stages[3];
        Assert.That(cnInspection.Channels.Single().Name, Is.EqualTo("green"));
        Assert.That(cnInspection.Channels.Single().Probability, Is.EqualTo(1.0));
        Assert.That(cnInspection.Buffer, Is.EqualTo(30));
        Assert.That(((YardStageSpec)export.Stages[4]).ReturnEmptyVia, Is.EqualTo("import"));

        var importRoad = (RoadStageSpec)spec.Directions.Single(d => d.Name == "import").Stages[1];
        Assert.That(importRoad.Buffer, Is.EqualTo(5));

        Assert.That(spec.Changes, Has.Count.EqualTo(4));
        Assert.That(spec.Changes[0].Hours!.On(IsoDayOfWeek.Monday).Single().ClosesAtHour, Is.EqualTo(22.0));
        Assert.That((spec.Changes[1].Stage, spec.Changes[1].Servers), Is.EqualTo(("vn_customs", (int?)8)));
        Assert.That(spec.Changes[2].Lanes, Is.EquivalentTo(new Dictionary<string, int> { ["export"] = 4, ["import"] = 4 }));
        Assert.That((spec.Changes[3].Calendar, spec.Changes[3].QuotaPerDay), Is.EqualTo(("vn_gate", (int?)400)));
    }

    [Test]
    public void A_yard_that_returns_trucks_empty_brings_the_implicit_class_empty()
    {
        var spec = ReadValid(Sketch);
        var empty = spec.Classes.Single(c => c.Name == CargoClassSpec.EmptyClassName);
        Assert.That(empty.Share, Is.EqualTo(0));
        Assert.That(spec.Classes.Sum(c => c.Share), Is.EqualTo(1).Within(1e-9));
    }

    [Test]
    public void Defaults_fill_what_a_minimal_scenario_leaves_out()
    {
        var spec = ReadValid("""
            name: Minimal
            start: 2026-06-01
            time_zone: Etc/UTC
            days: 7
            classes: { general: { share: 1 } }
            directions:
              inbound:
                arrivals: { trucks_per_day: 10 }
                stages: [ { check: { name: booth, servers: 1, service: exp(1h) } } ]
            """);
        Assert.That(spec.WarmUpHours, Is.Null);
        Assert.That(spec.Replications, Is.EqualTo(10));
        Assert.That(spec.Seed, Is.EqualTo(1UL));
        Assert.That(spec.Description, Is.Empty);
        Assert.That(spec.Directions[0].Arrivals.HourlyProfile, Is.EqualTo(ArrivalSpec.Flat));
        Assert.That(spec.Directions[0].Arrivals.ClassMix, Is.EquivalentTo(new Dictionary<string, double> { ["general"] = 1 }));
        Assert.That(spec.Calendars, Is.Empty);
        Assert.That(spec.Changes, Is.Empty);
        Assert.That(spec.Classes.Select(c => c.Name), Is.EqualTo(new[] { "general" }));
    }

    [Test]
    public void Warm_up_auto_means_detect()
    {
        var spec = ReadValid(Sketch.Replace("warm_up: 3d", "warm_up: auto", StringComparison.Ordinal));
        Assert.That(spec.WarmUpHours, Is.Null);
    }

    [Test]
    public void A_calendar_without_hours_is_open_all_day()
    {
        var spec = ReadValid(Sketch.Replace("""    hours: { mon-sun: "08:00-20:00" }""", "", StringComparison.Ordinal));
        Assert.That(spec.Calendars.Single(c => c.Name == "cn_gate").WeeklyHours.On(IsoDayOfWeek.Monday).Single(), Is.EqualTo(OpeningInterval.WholeDay));
    }

    [Test]
    public void A_later_day_key_overrides_an_earlier_one()
    {
        var spec = ReadValid(Sketch.Replace("""hours: { mon-sun: "08:00-20:00" }""", """hours: { mon-sun: "08:00-20:00", sun: closed }""", StringComparison.Ordinal));
        var hours = spec.Calendars.Single(c => c.Name == "cn_gate").WeeklyHours;
        Assert.That(hours.On(IsoDayOfWeek.Sunday), Is.Empty);
        Assert.That(hours.On(IsoDayOfWeek.Saturday), Has.Count.EqualTo(1));
    }

    [Test]
    public void Every_problem_is_reported_at_once_in_file_order()
    {
        var text = Sketch
            .Replace("days: 30", "days: 0", StringComparison.Ordinal)
            .Replace("servers: 6, calendar: cn_gate", "servers: -1, calendar: cn_gates", StringComparison.Ordinal)
            .Replace("exp(12min)", "exp(12)", StringComparison.Ordinal);
        var result = ScenarioReader.Read(new StringReader(text), "test.yaml");
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Select(e => e.Field), Is.SupersetOf(new[]
        {
            "days",
            "directions.export.stages[3].check.servers",
            "directions.export.stages[3].check.calendar",
            "directions.import.stages[2].check.service",
        }));
    }

    [Test]
    public void An_error_prints_as_file_line_column_field_message_and_hint()
    {
        var error = new ScenarioError("s.yaml", 3, 15, "classes.fruit.share", "must be at most 1, found 1.5", "a probability is between 0 and 1");
        Assert.That(error.ToString(), Is.EqualTo("s.yaml:3:15: classes.fruit.share: must be at most 1, found 1.5 (a probability is between 0 and 1)"));
        Assert.That((error with { Hint = null, Field = "" }).ToString(), Is.EqualTo("s.yaml:3:15: must be at most 1, found 1.5"));
    }

    [Test]
    public void Overflow_onto_the_highway_is_only_for_the_first_stage()
    {
        var text = Sketch.Replace("- yard:  { name: pochai_yard, dwell", "- yard:  { name: pochai_yard, capacity: 10, overflow: highway, dwell", StringComparison.Ordinal);
        var result = ScenarioReader.Read(new StringReader(text), "test.yaml");
        Assert.That(result.Errors.Select(e => e.Message), Has.Some.EqualTo("only the first stage of a direction can overflow onto the highway"));
    }

    [Test]
    public void A_change_naming_a_yard_cannot_set_servers()
    {
        var text = Sketch.Replace("stage: vn_customs, servers: 8", "stage: vn_yard, servers: 8", StringComparison.Ordinal);
        var result = ScenarioReader.Read(new StringReader(text), "test.yaml");
        Assert.That(result.Errors.Single().Message, Is.EqualTo("stage 'vn_yard' is a yard; only check stages have servers or a clearance cap"));
    }

    [Test]
    public void A_change_with_two_targets_is_refused()
    {
        var text = Sketch.Replace("{ from: 2026-06-20, stage: vn_customs, servers: 8 }", "{ from: 2026-06-20, stage: vn_customs, road: freight_road_1119, servers: 8 }", StringComparison.Ordinal);
        var result = ScenarioReader.Read(new StringReader(text), "test.yaml");
        Assert.That(result.Errors.Single().Message, Is.EqualTo("a change has one target, found stage and road"));
    }

    [Test]
    public void A_scalar_document_is_not_a_scenario()
    {
        var result = ScenarioReader.Read(new StringReader("just words\n"), "test.yaml");
        Assert.That(result.Errors.Single().Message, Does.StartWith("expected a mapping"));
    }

    [Test]
    public void Names_with_dots_or_spaces_are_refused()
    {
        var result = ScenarioReader.Read(new StringReader(Sketch.Replace("name: vn_yard", "name: vn yard.1", StringComparison.Ordinal)), "test.yaml");
        Assert.That(result.Errors.Select(e => e.Message), Has.Some.EqualTo("'vn yard.1' is not a valid name"));
    }

    [TestCase("\"  \"")]
    [TestCase("\"\\u200b\"")]
    [TestCase("\"\\u200b\\u00ad \\ufeff\"")]
    public void A_scenario_name_without_a_visible_character_is_refused_as_no_name(string name)
    {
        // Titles read "Capacity: NAME": a name of spaces or zero-width characters would leave them blank.
        var result = ScenarioReader.Read(new StringReader(Sketch.Replace("name: Sketch", "name: " + name, StringComparison.Ordinal)), "test.yaml");
        Assert.That(result.Errors.Select(e => e.ToString()), Has.One.StartWith("test.yaml:1:7: name: the scenario has no name"));
    }
}
