using BorderSim.Engine.Randomness;
using BorderSim.Model.Calendars;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

public class CrossingBehaviourTests
{
    private sealed class Collector : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck)
        {
            lock (Trucks)
            {
                Trucks.Add(truck);
            }
        }
    }

    private static double Mean(ExperimentResult result, string id) => result.Summary.Single(m => m.Key.Id == id).Mean;

    [Test]
    public void A_truck_never_starts_service_while_its_stage_is_closed_across_time_zones_and_closures()
    {
        // Chinese gate 08:00–20:00 Beijing time (UTC+8) in a scenario reported in Hanoi time (UTC+7),
        // closed for three days; the run crosses midnights and the closure.
        var closures = new[] { new ClosureSpec(new LocalDate(2026, 6, 5), new LocalDate(2026, 6, 7), "test closure") };
        var calendar = SpecBuilder.Calendar("cn_gate", SpecBuilder.Beijing, 8, 20, closures);
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(200), [SpecBuilder.Check("cn_inspection", 3, new ExponentialDistribution(0.2), calendar: "cn_gate")])],
            days: 12,
            warmUpHours: 0,
            replications: 2,
            calendars: [calendar]);
        var collector = new Collector();
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1), _ => collector);
        Assert.That(result.Summary.Single(m => m.Key.Id == "utilisation/export/cn_inspection").Max, Is.InRange(0.5, 1.0), "overtime after closing counts as available time");

        var clock = new ScenarioClock(scenario.StartInstant, scenario.RunHours);
        var gate = new GateCalendar(calendar, clock, []);
        var starts = collector.Trucks.Select(t => t.Stages[0].ServiceStartHours).Where(double.IsFinite).ToList();
        Assert.That(starts, Has.Count.GreaterThan(500));
        Assert.That(starts.Where(t => !gate.IsOpenAt(t)), Is.Empty, "service started while the gate was closed");

        // And the opening is 08:00 Beijing = 07:00 Hanoi: some service starts in the first minutes after it.
        var localStarts = starts.Select(t => clock.LocalTimeAt(t, SpecBuilder.Beijing)).ToList();
        Assert.That(localStarts.Min(t => t.TimeOfDay), Is.GreaterThanOrEqualTo(new LocalTime(8, 0)));
        Assert.That(localStarts.Max(t => t.TimeOfDay), Is.LessThan(new LocalTime(20, 0)));
        Assert.That(localStarts.Where(t => t.Date >= closures[0].From && t.Date <= closures[0].To), Is.Empty);
    }

    [Test]
    public void A_truck_that_never_waits_has_a_wait_of_exactly_zero()
    {
        // Far more booths and lanes than trucks: nobody ever queues. Time in system minus the service
        // hours would leave round-off of either sign (about 1e-15 h) for most trucks, and the quantiles
        // would then sit above zero or negatives appear; the wait must be exactly 0 for every truck.
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 20), [
                SpecBuilder.Yard("vn_yard", null),
                SpecBuilder.Check("customs", 200, new ExponentialDistribution(0.25)),
                SpecBuilder.Check("road", 200, new Deterministic(0.07)),
                SpecBuilder.Yard("cn_yard", null, new ExponentialDistribution(1.3))])],
            days: 4,
            warmUpHours: 0,
            replications: 2);
        var collector = new Collector();
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1), _ => collector);

        var served = collector.Trucks.Where(t => t.Outcome == TruckOutcome.Served).ToList();
        Assert.That(served, Has.Count.GreaterThan(1000));
        Assert.That(served.Select(t => t.WaitHours), Is.All.Zero);
        Assert.That(Mean(result, "wait_hours_max/export/all"), Is.Zero);
        Assert.That(Mean(result, "wait_hours_p95/export/all"), Is.Zero);
        Assert.That(result.WaitByClass.Single().Quantiles.Select(q => q.Hours), Is.All.Zero);
    }

    [Test]
    public void A_trucks_wait_at_a_single_check_is_the_time_from_arrival_to_the_start_of_its_service()
    {
        // One check, no yard: the only waiting is in the check's queue, so each truck's wait is exactly its
        // service start minus its arrival (the hand calculation from trucks.csv), never negative.
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 18), [SpecBuilder.Check("customs", 5, new ExponentialDistribution(0.25))])],
            days: 4,
            warmUpHours: 0,
            replications: 1);
        var collector = new Collector();
        ExperimentRunner.Run(scenario, new RunOptions(Threads: 1), _ => collector);

        var served = collector.Trucks.Where(t => t.Outcome == TruckOutcome.Served).ToList();
        Assert.That(served.Count(t => t.WaitHours > 0), Is.GreaterThan(100), "ρ = 0.9: many trucks wait");
        Assert.That(served.Select(t => t.WaitHours - (t.Stages[0].ServiceStartHours - t.ArrivedHours)), Is.All.Zero);
        Assert.That(collector.Trucks.Select(t => t.WaitHours), Is.All.GreaterThanOrEqualTo(0), "also the trucks still in the system at the end");
    }

    [Test]
    public void A_full_downstream_buffer_stops_the_upstream_server()
    {
        // A fast first check feeds a slow second one through a buffer of 2: the first check's servers
        // must spend most of their time blocked (holding a finished truck), so its throughput equals the
        // second's capacity, and no more than 2 trucks ever wait in front of the second.
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 10), [
                SpecBuilder.Check("fast", 2, new ExponentialDistribution(0.05)),
                SpecBuilder.Check("slow", 1, new Deterministic(0.2), buffer: 2)])],
            days: 10,
            warmUpHours: 24,
            replications: 2);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));

        Assert.That(result.Summary.Single(m => m.Key.Id == "queue_trucks_max/export/slow").Max, Is.LessThanOrEqualTo(2));
        Assert.That(Mean(result, "served_per_day/export/all"), Is.EqualTo(120).Within(2), "the slow check clears 5/h = 120/day");
        Assert.That(Mean(result, "utilisation_blocked/export/fast"), Is.GreaterThan(0.8), "upstream servers are held by blocked trucks");
        Assert.That(Mean(result, "highway_queue_trucks_mean/export"), Is.EqualTo(Mean(result, "queue_trucks_mean/export/fast")).Within(1e-9), "the first check has no places of its own: its queue stands on the highway");
    }

    [Test]
    public void Overflow_of_the_first_yard_becomes_a_highway_queue_in_trucks_and_km()
    {
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 6), [SpecBuilder.Yard("vn_yard", 20), SpecBuilder.Check("booths", 1, new Deterministic(0.2))])],
            days: 5,
            warmUpHours: 0,
            replications: 1);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        var trucks = result.Summary.Single(m => m.Key.Id == "highway_queue_trucks_max/export").Mean;
        var km = result.Summary.Single(m => m.Key.Id == "highway_queue_km_max/export").Mean;
        Assert.That(trucks, Is.GreaterThan(50), "demand 6/h exceeds capacity 5/h for 5 days");
        Assert.That(km, Is.EqualTo(trucks * 0.019).Within(1e-9));
        Assert.That(result.Summary.Single(m => m.Key.Id == "yard_occupancy_trucks_max/export/vn_yard").Mean, Is.EqualTo(20));
    }

    [Test]
    public void A_first_yard_without_highway_overflow_reports_no_highway_queue()
    {
        var yard = SpecBuilder.Yard("inner_yard", 20) with { OverflowToHighway = false };
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 6), [yard, SpecBuilder.Check("booths", 1, new Deterministic(0.2))])],
            days: 5,
            warmUpHours: 0,
            replications: 1);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        Assert.That(result.Summary.Single(m => m.Key.Id == "highway_queue_trucks_max/export").Mean, Is.Zero);
        Assert.That(result.Summary.Single(m => m.Key.Id == "yard_occupancy_trucks_max/export/inner_yard").Mean, Is.EqualTo(20), "trucks still queue for the full yard");
    }

    [Test]
    public void Widening_a_bottleneck_road_from_four_to_six_lanes_clears_more_trucks()
    {
        static ScenarioSpec WithLanes(int lanesPerDirection)
        {
            var road = new RoadSpec("freight_road_1119", new Dictionary<string, int> { ["export"] = lanesPerDirection, ["import"] = lanesPerDirection }, new Deterministic(0.5), 10, null);
            return SpecBuilder.Scenario(
                [
                    new DirectionSpec("export", SpecBuilder.Flat(110), [SpecBuilder.Yard("vn_yard", 450), new RoadStageSpec("freight_road_1119", "freight_road_1119", null)]),
                    new DirectionSpec("import", SpecBuilder.Flat(110), [new RoadStageSpec("freight_road_1119", "freight_road_1119", null), SpecBuilder.Yard("vn_import_yard", null)]),
                ],
                days: 10,
                warmUpHours: 24,
                replications: 3,
                roads: [road]);
        }

        // 2 lanes × 2 trucks/h = 96/day < 110 demanded; 3 lanes clear 144/day.
        var four = ExperimentRunner.Run(WithLanes(2), new RunOptions(Threads: 2));
        var six = ExperimentRunner.Run(WithLanes(3), new RunOptions(Threads: 2));
        Assert.That(Mean(four, "served_per_day/export/all"), Is.EqualTo(96).Within(1));
        Assert.That(Mean(six, "served_per_day/export/all"), Is.EqualTo(110).Within(8));
        Assert.That(Mean(six, "served_per_day/import/all"), Is.GreaterThan(Mean(four, "served_per_day/import/all") + 5));
    }

    [Test]
    public void Admission_by_one_calendar_never_counts_for_another_even_with_more_than_64_calendars()
    {
        // 65 calendars: c00 gates the first check (appointments, everyone admitted), c64 the second
        // (appointments, general excluded). A bit mask of 64 calendars would give c64 the bit of c00, so a
        // truck admitted at the first check would pass the second on an excluded day.
        var zone = SpecBuilder.Hanoi;
        var period = (From: new LocalDate(2026, 6, 2), To: new LocalDate(2026, 6, 3));
        var calendars = Enumerable.Range(0, 65).Select(i => SpecBuilder.Calendar($"c{i:00}", zone, 0, 24, appointments: i switch
        {
            0 => [new AppointmentPeriodSpec(period.From, period.To, 10_000, [])],
            64 => [new AppointmentPeriodSpec(period.From, period.To, 10_000, ["general"])],
            _ => [],
        })).ToList();
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(48), [
                SpecBuilder.Check("first", 4, new ExponentialDistribution(0.1), calendar: "c00"),
                SpecBuilder.Check("second", 4, new ExponentialDistribution(0.1), calendar: "c64")])],
            days: 5,
            warmUpHours: 0,
            replications: 1,
            calendars: calendars);
        var collector = new Collector();
        ExperimentRunner.Run(scenario, new RunOptions(Threads: 1), _ => collector);
        var clock = new ScenarioClock(scenario.StartInstant, scenario.RunHours);
        LocalDate DayOf(double hours) => clock.LocalDateAt(hours, zone);

        var firstStarts = collector.Trucks.Select(t => t.Stages[0].ServiceStartHours).Where(double.IsFinite).ToList();
        var secondStarts = collector.Trucks.Select(t => t.Stages[1].ServiceStartHours).Where(double.IsFinite).ToList();
        Assert.That(firstStarts.Count(t => DayOf(t) >= period.From && DayOf(t) <= period.To), Is.GreaterThan(50), "the first check admits everyone");
        Assert.That(secondStarts.Where(t => DayOf(t) >= period.From && DayOf(t) <= period.To), Is.Empty, "general is excluded at the second check");
        Assert.That(secondStarts.Count(t => DayOf(t) == period.To.PlusDays(1)), Is.GreaterThan(50), "and passes once the period ends");
    }

    [Test]
    public void A_truck_leaves_the_yard_when_it_starts_service_at_a_check_with_no_places_of_its_own()
    {
        // A check with buffer 0 behind a yard: a truck waits in the yard until a booth takes it, so its
        // departure from the yard in trucks.csv is the start of its service, never the moment it began to
        // wait for the booth.
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 3), [SpecBuilder.Yard("vn_yard", 100), SpecBuilder.Check("customs", 1, new Deterministic(0.3), buffer: 0)])],
            days: 2,
            warmUpHours: 0,
            replications: 1);
        var collector = new Collector();
        ExperimentRunner.Run(scenario, new RunOptions(Threads: 1), _ => collector);

        var served = collector.Trucks.Where(t => t.Outcome == TruckOutcome.Served).ToList();
        Assert.That(served.Count(t => t.Stages[1].ServiceStartHours > t.Stages[1].EnteredHours), Is.GreaterThan(20), "demand 3/h, capacity 3.33/h: many trucks wait");
        Assert.That(served.Select(t => t.Stages[0].LeftHours - t.Stages[1].ServiceStartHours), Is.All.Zero);
        Assert.That(served.Select(t => t.Stages[1].EnteredHours - t.Stages[0].LeftHours), Is.All.LessThanOrEqualTo(0), "it reaches the booth's queue while still in the yard");
    }

    [Test]
    public void Appointment_only_days_admit_at_most_the_quota_and_no_excluded_class()
    {
        var zone = SpecBuilder.Hanoi;
        var appointment = new AppointmentPeriodSpec(new LocalDate(2026, 2, 3), new LocalDate(2026, 2, 6), 20, ["cold_chain"]);
        var calendar = SpecBuilder.Calendar("gate", zone, 0, 24, [new ClosureSpec(new LocalDate(2026, 1, 31), new LocalDate(2026, 2, 2), "Tết")], [appointment]);
        var classes = new[] { new CargoClassSpec("general", 0.8, null, 20, 2, null), new CargoClassSpec("cold_chain", 0.2, 48, 15, 8, null) };
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(100, new Dictionary<string, double> { ["general"] = 0.8, ["cold_chain"] = 0.2 }), [SpecBuilder.Check("bac_luan_ii", 4, new ExponentialDistribution(0.1), calendar: "gate")])],
            days: 12,
            warmUpHours: 0,
            replications: 1,
            calendars: [calendar],
            classes: classes,
            start: new LocalDateTime(2026, 1, 29, 0, 0));
        var collector = new Collector();
        ExperimentRunner.Run(scenario, new RunOptions(Threads: 1), _ => collector);
        var clock = new ScenarioClock(scenario.StartInstant, scenario.RunHours);
        var startsByDay = collector.Trucks
            .Where(t => double.IsFinite(t.Stages[0].ServiceStartHours))
            .GroupBy(t => clock.LocalDateAt(t.Stages[0].ServiceStartHours, zone))
            .ToDictionary(g => g.Key, g => g.ToList());

        for (var day = new LocalDate(2026, 1, 31); day <= new LocalDate(2026, 2, 2); day = day.PlusDays(1))
        {
            Assert.That(startsByDay.ContainsKey(day), Is.False, $"closed on {day}");
        }

        for (var day = appointment.From; day <= appointment.To; day = day.PlusDays(1))
        {
            Assert.That(startsByDay[day], Has.Count.EqualTo(20), $"quota on {day} (the backlog far exceeds it)");
            Assert.That(startsByDay[day].Where(t => t.CargoClass == "cold_chain"), Is.Empty, $"cold chain excluded on {day}");
        }

        Assert.That(startsByDay[new LocalDate(2026, 2, 7)].Count(t => t.CargoClass == "cold_chain"), Is.GreaterThan(20), "normal again: the cold-chain backlog clears");
    }

    [Test]
    public void Trucks_whose_patience_runs_out_give_up_and_are_never_served()
    {
        var fruit = new CargoClassSpec("fruit", 1, 72, 19, 6, new Deterministic(5));
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 8, new Dictionary<string, double> { ["fruit"] = 1 }), [SpecBuilder.Yard("vn_yard", 30), SpecBuilder.Check("customs", 1, new Deterministic(0.2))])],
            days: 6,
            warmUpHours: 0,
            replications: 1,
            classes: [fruit]);
        var collector = new Collector();
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1), _ => collector);
        var gaveUp = collector.Trucks.Where(t => t.Outcome == TruckOutcome.GaveUp).ToList();
        Assert.That(gaveUp, Has.Count.GreaterThan(50), "demand 8/h against capacity 5/h: the excess turns back");
        Assert.That(gaveUp.Select(t => t.LeftHours - t.ArrivedHours), Is.All.EqualTo(5).Within(1e-9), "each gives up exactly at its patience");
        Assert.That(gaveUp.Select(t => t.Stages[1].ServiceStartHours), Is.All.NaN);
        Assert.That(collector.Trucks.Where(t => t.Outcome == TruckOutcome.Served).Select(t => t.Stages[1].ServiceStartHours - t.ArrivedHours), Is.All.LessThanOrEqualTo(5 + 1e-9));
        Assert.That(Mean(result, "gave_up/export/all"), Is.EqualTo(gaveUp.Count));
    }

    [Test]
    public void Trucks_unloaded_at_the_destination_yard_return_empty_through_the_other_direction()
    {
        var scenario = SpecBuilder.Scenario(
            [
                new DirectionSpec("export", SpecBuilder.Flat(48), [SpecBuilder.Check("customs", 2, new ExponentialDistribution(0.2)), SpecBuilder.Yard("pochai_yard", null, new Deterministic(3), returnEmptyVia: "import")]),
                new DirectionSpec("import", SpecBuilder.Flat(0.0001), [SpecBuilder.Check("cn_exit", 2, new ExponentialDistribution(0.1))]),
            ],
            days: 6,
            warmUpHours: 24,
            replications: 2);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        Assert.That(Mean(result, "served_per_day/import/empty"), Is.EqualTo(Mean(result, "served_per_day/export/all")).Within(3));
    }

    [Test]
    public void A_staging_yard_releases_no_more_than_its_daily_quota()
    {
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(120), [SpecBuilder.Yard("logistics_park", 2000, releaseQuota: 80), SpecBuilder.Check("customs", 6, new ExponentialDistribution(0.2))])],
            days: 8,
            warmUpHours: 24,
            replications: 2);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        Assert.That(result.ServedPerDay.Where(d => d.Date > new LocalDate(2026, 6, 1)).Select(d => d.MeanTrucks), Is.All.LessThanOrEqualTo(80));
        Assert.That(Mean(result, "served_per_day/export/all"), Is.EqualTo(80).Within(3));
    }

    [TestCase(null, TestName = "A staging yard releases at most its quota on every day when the next check is closed for a day (no buffer)")]
    [TestCase(2, TestName = "A staging yard releases at most its quota on every day when the next check is closed for a day (buffer of 2)")]
    public void A_staging_yard_counts_a_release_on_the_day_the_truck_leaves(int? buffer)
    {
        // Quota 10 a day, 30 a day arrive, the check behind the yard is closed all of 4 June. A truck
        // leaves the yard when it gets the next place (with a buffer) or a booth (without one). Before
        // the fix, trucks used up 4 June's quota while stuck in the yard and left with the next day's
        // ten on 5 June: 20 left on the reopening day.
        var closures = new[] { new ClosureSpec(new LocalDate(2026, 6, 4), new LocalDate(2026, 6, 4), "closed a day") };
        var calendar = SpecBuilder.Calendar("gate", SpecBuilder.Hanoi, 0, 24, closures);
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(30), [SpecBuilder.Yard("logistics_park", 2000, releaseQuota: 10), SpecBuilder.Check("customs", 4, new Deterministic(0.1), calendar: "gate", buffer: buffer)])],
            days: 8,
            warmUpHours: 0,
            replications: 1,
            calendars: [calendar]);
        var collector = new Collector();
        ExperimentRunner.Run(scenario, new RunOptions(Threads: 1), _ => collector);
        var clock = new ScenarioClock(scenario.StartInstant, scenario.RunHours);
        var leftYard = collector.Trucks
            .Select(t => buffer is null ? t.Stages[1].ServiceStartHours : t.Stages[1].EnteredHours)
            .Where(double.IsFinite)
            .GroupBy(h => clock.LocalDateAt(h, SpecBuilder.Hanoi))
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.That(leftYard.Values, Is.All.LessThanOrEqualTo(10), string.Join(", ", leftYard.Select(p => $"{p.Key}: {p.Value}")));
        Assert.That(leftYard[new LocalDate(2026, 6, 5)], Is.EqualTo(10), "the backlog uses the whole quota on the reopening day");
        Assert.That(leftYard.Values.Sum(), Is.EqualTo(7 * 10 + (buffer ?? 0)), "ten a day on the seven open days; on the closed day only the buffer's places fill");
    }

    [Test]
    public void Served_per_day_lists_every_simulated_day_with_its_zero_for_every_direction_and_class_with_traffic()
    {
        // The gate (06:00–20:00, so no service runs past midnight) is closed 15–18 Feb in a run of
        // 12–21 Feb: nothing is served on those four days, and each must still appear, with 0.
        var closures = new[] { new ClosureSpec(new LocalDate(2026, 2, 15), new LocalDate(2026, 2, 18), "Tết") };
        var calendar = SpecBuilder.Calendar("gate", SpecBuilder.Hanoi, 6, 20, closures);
        var classes = new[] { new CargoClassSpec("general", 0.7, null, 20, 2, null), new CargoClassSpec("fruit", 0.3, 72, 19, 6, null), new CargoClassSpec("cold_chain", 0, null, 15, 8, null) };
        var mix = new Dictionary<string, double> { ["general"] = 0.7, ["fruit"] = 0.3 };
        var scenario = SpecBuilder.Scenario(
            [
                new DirectionSpec("export", SpecBuilder.Flat(60, mix), [SpecBuilder.Check("customs", 4, new Deterministic(0.1), calendar: "gate")]),
                new DirectionSpec("import", SpecBuilder.Flat(40, mix), [SpecBuilder.Check("cn_exit", 4, new Deterministic(0.1), calendar: "gate")]),
            ],
            days: 10,
            warmUpHours: 24,
            replications: 2,
            calendars: [calendar],
            classes: classes,
            start: new LocalDateTime(2026, 2, 12, 0, 0));
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));

        LocalDate[] days = [.. Enumerable.Range(0, 10).Select(i => new LocalDate(2026, 2, 12).PlusDays(i))];
        var closed = days.Where(d => d >= closures[0].From && d <= closures[0].To).ToList();
        foreach (var replication in result.Replications)
        {
            var keys = replication.ServedPerDay.Select(c => (c.Date, c.Direction, c.CargoClass)).ToList();
            var expected = days.SelectMany(d => new[] { "export", "import" }.SelectMany(dir => new[] { "general", "fruit" }.Select(c => (d, dir, c))));
            Assert.That(keys, Is.EquivalentTo(expected), "one count per day, direction and class with traffic (cold_chain has none)");
            Assert.That(replication.ServedPerDay.Where(c => closed.Contains(c.Date)).Select(c => c.Trucks), Is.All.Zero);
            Assert.That(replication.ServedPerDay.Where(c => !closed.Contains(c.Date)).Sum(c => c.Trucks), Is.GreaterThan(500));
        }

        Assert.That(result.ServedPerDay.Select(d => (d.Date, d.Direction)), Is.EquivalentTo(days.SelectMany(d => new[] { (d, "export"), (d, "import") })));
        Assert.That(result.ServedPerDay.Where(d => closed.Contains(d.Date)).Select(d => d.MeanTrucks), Is.All.Zero);
    }

    [Test]
    public void A_dated_change_adds_servers_from_local_midnight()
    {
        var changes = new[] { new ScheduledChangeSpec(new LocalDate(2026, 6, 6), "customs", null, null, 4, null, null, null, "more booths") };
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 15), [SpecBuilder.Check("customs", 2, new Deterministic(0.25))])],
            days: 10,
            warmUpHours: 0,
            replications: 1,
            changes: changes);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        var before = result.ServedPerDay.Where(d => d.Date == new LocalDate(2026, 6, 4)).Sum(d => d.MeanTrucks);
        var after = result.ServedPerDay.Where(d => d.Date == new LocalDate(2026, 6, 8)).Sum(d => d.MeanTrucks);
        Assert.That(before, Is.EqualTo(192).Within(1), "2 booths × 4 trucks/h × 24 h");
        Assert.That(after, Is.GreaterThan(350), "4 booths clear the 360/day demand and the backlog");
    }

    [Test]
    public void Results_are_identical_whatever_the_number_of_threads()
    {
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 20), [SpecBuilder.Yard("yard", 40), SpecBuilder.Check("booths", 6, new ExponentialDistribution(0.25), buffer: 5)])],
            days: 5,
            warmUpHours: null,
            replications: 5);
        var one = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        var two = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));
        Assert.That(two.WarmUpHours, Is.EqualTo(one.WarmUpHours));
        Assert.That(two.Summary.Select(m => (m.Key.Id, m.Mean, m.StandardDeviation, m.Min, m.Max)), Is.EqualTo(one.Summary.Select(m => (m.Key.Id, m.Mean, m.StandardDeviation, m.Min, m.Max))));
    }

    [Test]
    public void Sequential_precision_adds_replications_until_the_half_width_is_small_enough()
    {
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 16), [SpecBuilder.Check("booths", 5, new ExponentialDistribution(0.25))])],
            days: 8,
            warmUpHours: 12,
            replications: 3);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2, Precision: 0.10, PrecisionMetric: "wait_hours_mean/export/all", MaxReplications: 100));
        var wait = result.Summary.Single(m => m.Key.Id == "wait_hours_mean/export/all");
        Assert.That(wait.HalfWidth95, Is.LessThanOrEqualTo(0.10 * wait.Mean));
        Assert.That(wait.Replications, Is.InRange(4, 99), "stopped by the precision rule, not by the bounds");

        // One fewer replication would not have been precise enough (the first n that qualifies is taken).
        var fewer = Statistics.Summarise(result.Replications.Take(wait.Replications - 1).Select(r => r.Metrics.Single(m => m.Key.Id == "wait_hours_mean/export/all").Value));
        Assert.That(fewer.HalfWidth95, Is.GreaterThan(0.10 * fewer.Mean));
    }

    private sealed class CountingProgress : IProgress<int>
    {
        public int Reports { get; private set; }

        public void Report(int value) => Reports++;
    }

    [Test]
    public void An_unknown_precision_metric_is_refused_before_any_replication_runs()
    {
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 16), [SpecBuilder.Check("booths", 5, new ExponentialDistribution(0.25))])],
            days: 2,
            warmUpHours: 12,
            replications: 3);
        var progress = new CountingProgress();
        var refused = Assert.Throws<ArgumentException>(() => ExperimentRunner.Run(scenario, new RunOptions(Threads: 1, Precision: 0.10, PrecisionMetric: "wait_hours_mean/export/durian"), replicationsDone: progress));
        Assert.That(refused!.ParamName, Is.EqualTo("metricId"));
        Assert.That(progress.Reports, Is.Zero, "no replication was run to find out");
    }

    [Test]
    public void A_metric_that_is_0_in_every_replication_stops_at_the_minimum_and_says_why()
    {
        // No patience: nobody gives up, so gave_up is exactly 0 in every replication.
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 16), [SpecBuilder.Check("booths", 5, new ExponentialDistribution(0.25))])],
            days: 2,
            warmUpHours: 12,
            replications: 3);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2, Precision: 0.05, PrecisionMetric: "gave_up/export/all", MaxReplications: 50));
        Assert.That(result.Precision, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(result.Precision!.Stop, Is.EqualTo(PrecisionStop.AlwaysZero));
            Assert.That(result.Precision.IsMet, Is.True);
            Assert.That(result.Precision.Mean, Is.Zero);
            Assert.That(result.Precision.ReachedShare, Is.NaN, "a share of a mean of 0 is undefined");
            Assert.That(result.Replications, Has.Count.EqualTo(3), "the scenario's minimum, not --max-replications");
        });
    }

    [Test]
    public void A_precision_target_missed_at_the_replication_limit_is_stated_as_missed()
    {
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 16), [SpecBuilder.Check("booths", 5, new ExponentialDistribution(0.25))])],
            days: 2,
            warmUpHours: 12,
            replications: 3);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2, Precision: 0.0001, PrecisionMetric: "wait_hours_mean/export/all", MaxReplications: 5));
        var wait = result.Summary.Single(m => m.Key.Id == "wait_hours_mean/export/all");
        Assert.Multiple(() =>
        {
            Assert.That(result.Precision!.Stop, Is.EqualTo(PrecisionStop.MaxReplications));
            Assert.That(result.Precision.IsMet, Is.False);
            Assert.That(result.Precision.Replications, Is.EqualTo(5));
            Assert.That(result.Precision.ReachedShare, Is.EqualTo(wait.HalfWidth95 / wait.Mean).Within(1e-12), "the share reached is the summary's");
            Assert.That(result.Precision.ReachedShare, Is.GreaterThan(0.0001));
        });
    }
}
