using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>
/// What bounds a run's time and memory: the work estimate, taken from the compiled arrival process (every factor,
/// surge, observed series, backlog and returning empty), and the limit of trucks in the system at once.
/// </summary>
public class MemoryBoundTests
{
    private static ArrivalSpec Arrivals(double trucksPerDay, Dictionary<IsoDayOfWeek, double>? weekdays = null, Dictionary<int, double>? months = null, SurgeSpec[]? surges = null) =>
        new(trucksPerDay, ArrivalSpec.Flat, weekdays ?? [], months ?? [], surges ?? [], new Dictionary<string, double> { ["general"] = 1 });

    [Test]
    public void The_work_estimate_counts_weekday_month_and_surge_factors_an_observed_series_and_the_starting_backlog()
    {
        // 1–10 June 2026 (a Monday to a Wednesday), 3 replications.
        // a: 100 a day; Saturday 6 June x2, 3–4 June surge x10, June x1.5: (100 x 10 + 100 + 2 x 900) x 1.5 = 4,350
        //    arrivals, plus a backlog of 500 = 4,850 trucks, x 2 stages = 9,700 truck-stages.
        // b: an observed series of 300 on 2 June, 50 (its mean) on the other 9 days: 750 trucks x 1 stage = 750.
        // (9,700 + 750) x 3 = 31,350. Trucks a day x days x stages x replications gave (2,000 + 500) x 3 = 7,500.
        var a = new DirectionSpec(
            "a",
            Arrivals(100, new() { [IsoDayOfWeek.Saturday] = 2 }, new() { [6] = 1.5 }, [new SurgeSpec(new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 4), 10, [], "test")]),
            [SpecBuilder.Check("a1", 200, new Deterministic(0.01)), SpecBuilder.Check("a2", 200, new Deterministic(0.01))])
        {
            Backlog = [new BacklogSpec(null, "general", 500, null)],
        };
        var b = new DirectionSpec("b", Arrivals(50) with { DailyTrucks = new Dictionary<LocalDate, double> { [new LocalDate(2026, 6, 2)] = 300 } }, [SpecBuilder.Check("b1", 200, new Deterministic(0.01))]);
        var scenario = SpecBuilder.Scenario([a, b], days: 10, warmUpHours: 0, replications: 3);

        Assert.That(WorkEstimate.TruckStages(scenario), Is.EqualTo(31_350).Within(1e-6));

        // The compiled arrival process is what the estimate asks: the run's own arrivals agree with it. One replication's
        // arrivals are Poisson with mean 4,350 + 750 = 5,100 (sd 71): within 5 sd, 357.
        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();
        Assert.That(replication.Metrics.Where(m => m.Key.Id is "arrived/a/all" or "arrived/b/all").Sum(m => m.Value), Is.EqualTo(5_100).Within(357));
    }

    [Test]
    public void The_work_estimate_counts_the_empties_that_return_through_a_direction()
    {
        // a: 100 a day for 2 days through a check and a delivery yard that returns them empty through b (1 stage):
        // 200 x 2 + 200 x 1 = 600 truck-stages.
        var a = new DirectionSpec("a", Arrivals(100), [SpecBuilder.Check("a1", 10, new Deterministic(0.01)), SpecBuilder.Yard("depot", null, new Deterministic(0.1), returnEmptyVia: "b")]);
        var b = new DirectionSpec("b", Arrivals(0), [SpecBuilder.Check("b1", 10, new Deterministic(0.01))]);

        Assert.That(WorkEstimate.TruckStages(SpecBuilder.Scenario([a, b], days: 2, replications: 1)), Is.EqualTo(600).Within(1e-9));
    }

    [Test]
    public void A_starting_backlog_larger_than_a_replication_holds_is_refused_before_anything_runs()
    {
        var a = new DirectionSpec("a", Arrivals(10), [SpecBuilder.Check("a1", 1, new Deterministic(0.1))])
        {
            Backlog = [new BacklogSpec(null, "general", 600_000, null), new BacklogSpec(null, "general", 600_000, null)],
        };
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => WorkEstimate.Check(SpecBuilder.Scenario([a], days: 2, replications: 1), RunOptions.DefaultMaxWorkTruckStages));
        Assert.That(refused!.Message, Does.Contain("the starting backlog is 1,200,000 trucks, more than the 1,000,000 trucks one replication holds at once; lower the backlog's trucks"));
    }

    [Test]
    public void An_overloaded_replication_stops_at_the_limit_of_trucks_in_the_system_and_names_the_direction_to_lower()
    {
        // 2,400 trucks a day (100 an hour) against one booth of 1 h a truck: 99 more trucks an hour, so 500 are in
        // the system a little after 5 h, on the first day.
        var inbound = new DirectionSpec("inbound", Arrivals(2_400), [SpecBuilder.Check("booth", 1, new Deterministic(1))]);
        var calm = new DirectionSpec("outbound", Arrivals(24), [SpecBuilder.Check("gate", 2, new Deterministic(0.1))]);
        var scenario = SpecBuilder.Scenario([calm, inbound], days: 3, warmUpHours: 0, replications: 1);

        var stopped = Assert.Throws<TrucksInSystemLimitException>(() => new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, maxTrucksInSystem: 500).Run());
        Assert.Multiple(() =>
        {
            Assert.That(stopped!.Limit, Is.EqualTo(500));
            Assert.That(stopped.Direction, Is.EqualTo("inbound"));
            Assert.That(stopped.Message, Does.Contain("500 trucks in the system at once after 5"));
            Assert.That(stopped.Message, Does.Contain("on 2026-06-01"));
            Assert.That(stopped.Message, Does.Contain("Lower the trucks that reach 'inbound' (its trucks_per_day"));
        });
    }

    [Test]
    public void The_limit_changes_no_number_of_a_run_that_stays_below_it()
    {
        // About 4,000 trucks pass in 10 days, never more than a few dozen at once: a limit of 200 that forgot the
        // trucks that left would stop the run; one that holds changes nothing.
        var direction = new DirectionSpec("export", Arrivals(400), [SpecBuilder.Check("booth", 4, new ExponentialDistribution(0.2))]);
        var scenario = SpecBuilder.Scenario([direction], days: 10, warmUpHours: 24, replications: 1);
        var model = new CrossingModel(scenario);

        var unbounded = new CrossingReplication(model, 0, scenario.Seed, 24).Run();
        var bounded = new CrossingReplication(model, 0, scenario.Seed, 24, maxTrucksInSystem: 200).Run();

        Assert.That(unbounded.Metrics.Single(m => m.Key.Id == "arrived/export/all").Value, Is.GreaterThan(3_000));
        Assert.That(bounded.Metrics.Select(m => (m.Key.Id, m.Value)), Is.EqualTo(unbounded.Metrics.Select(m => (m.Key.Id, m.Value))));
    }
}
