using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>A check that starts at most N trucks a local day: fixed, drawn each day, per class, by date.</summary>
public class ClearanceCapTests
{
    private static readonly Dictionary<string, TrucksPerDayRange> NoClassCaps = [];

    private static double Value(ReplicationResult replication, string id) => replication.Metrics.Single(m => m.Key.Id == id).Value;

    private static ClearanceCapSpec Cap(int trucksPerDay) => new(new TrucksPerDayRange(trucksPerDay, trucksPerDay), NoClassCaps);

    private static CheckStageSpec CappedBooth(ClearanceCapSpec cap, double serviceHours = 1 / 3600.0) =>
        SpecBuilder.Check("clearance", 1, new Deterministic(serviceHours)) with { CapPerDay = cap };

    private static int[] ServedPerDay(ReplicationResult replication, string cargoClass = "general") =>
        [.. replication.Days.Where(d => d.CargoClass == cargoClass).OrderBy(d => d.Date).Select(d => d.Served)];

    [Test]
    public void A_capped_check_without_arrivals_clears_a_backlog_in_backlog_over_cap_days()
    {
        // 1,000 waiting, 200 a day, 1 s each: days 0-3 serve 200 each, the last 200 start on day 4 from
        // midnight, the last of them 199 s later. Nobody waits from then: 4 days and 199 s; the fifth day
        // is the last with service, 1,000 / 200 = 5 days.
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [CappedBooth(Cap(200))])
        {
            Backlog = [new BacklogSpec(null, "general", 1000, null)],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 7, warmUpHours: 0, replications: 1);

        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();

        Assert.That(Value(replication, "days_to_clear/export"), Is.EqualTo(4 + (199 / 86400.0)).Within(1e-9));
        Assert.That(ServedPerDay(replication), Is.EqualTo(new[] { 200, 200, 200, 200, 200, 0, 0 }));
    }

    [Test]
    public void A_capped_check_drains_a_backlog_at_cap_minus_arrivals_a_day()
    {
        // Cap c = 200 a day, Poisson arrivals a = 100 a day, B = 6,000 waiting. The queue first empties at the
        // start of day K, the first k with N(k) <= c(k+1) - B: a random walk with steps c - Poisson(a) from c - B.
        // Wald's identity gives E[K] = (B - c + E[R]) / (c - a), R the overshoot at K, whose renewal-theory mean
        // is (mu^2 + sigma^2) / (2 mu) with mu = c - a = 100, sigma^2 = a: 50.5, so E[K] = 58.505 days, the fluid
        // B / (c - a) = 60 less the day's cap it serves at once, plus the overshoot. Known bias allowed: 0.5 / mu
        // (the walk is on whole numbers) and 200 s (the last day's burst), 0.008 days in all; sd of K about
        // sqrt(a E[K]) / mu = 0.77 days, 30 replications: a 99 % interval of about 0.4 days (0.7 %).
        const int backlog = 6000;
        const double cap = 200;
        const double arrivals = 100;
        var direction = new DirectionSpec("export", SpecBuilder.Flat(arrivals), [CappedBooth(Cap((int)cap))])
        {
            Backlog = [new BacklogSpec(null, "general", backlog, null)],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 70, warmUpHours: 0, replications: 30);

        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));

        var mu = cap - arrivals;
        var exactDays = (backlog - cap + (((mu * mu) + arrivals) / (2 * mu))) / mu;
        TheoryCheck.Contains(result.Summary.Single(m => m.Key.Id == "days_to_clear/export"), exactDays, knownBias: (0.5 / mu) + (cap / 86400.0));
        Assert.That(result.Summary.Single(m => m.Key.Id == "backlog_cleared/export").Mean, Is.EqualTo(1), "every replication cleared within 70 days");
        foreach (var replication in result.Replications)
        {
            Assert.That(ServedPerDay(replication), Is.All.LessThanOrEqualTo(cap), "never more than the cap a day");
        }
    }

    [Test]
    public void A_cap_drawn_from_a_range_changes_from_day_to_day_within_it()
    {
        // 100-300 a day, uniform on the whole numbers: mean 200, sd sqrt((201^2 - 1) / 12) = 58.0. With a backlog
        // that never runs out, each day serves exactly its cap; over 40 days the mean is within 99 % of 200
        // (2.7 sd / sqrt(40) = 25).
        var range = new ClearanceCapSpec(new TrucksPerDayRange(100, 300), NoClassCaps);
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [CappedBooth(range)])
        {
            Backlog = [new BacklogSpec(null, "general", 20000, null)],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 40, warmUpHours: 0, replications: 1);

        var served = ServedPerDay(new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run());

        Assert.Multiple(() =>
        {
            Assert.That(served, Is.All.InRange(100, 300));
            Assert.That(served.Distinct().Count(), Is.GreaterThan(20), "drawn each day");
            Assert.That(served.Average(), Is.EqualTo(200).Within(2.7 * 58.0 / Math.Sqrt(40)));
        });
    }

    [Test]
    public void A_cap_of_one_class_lets_the_other_classes_pass()
    {
        // Fruit capped at 30 a day, general not: 100 of each wait at the start. General trucks behind refused
        // fruit trucks are served on day 0; fruit goes 30 a day.
        var classes = new[] { new CargoClassSpec("fruit", 0.5, null, 19, 6, null), SpecBuilder.General(0.5) };
        var cap = new ClearanceCapSpec(null, new Dictionary<string, TrucksPerDayRange> { ["fruit"] = new(30, 30) });
        var mix = new Dictionary<string, double> { ["fruit"] = 0.5, ["general"] = 0.5 };
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0, mix), [CappedBooth(cap)])
        {
            Backlog = [new BacklogSpec(null, "fruit", 100, new Deterministic(1)), new BacklogSpec(null, "general", 100, null)],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 5, warmUpHours: 0, replications: 1, classes: classes);

        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();

        Assert.That(ServedPerDay(replication, "fruit"), Is.EqualTo(new[] { 30, 30, 30, 10, 0 }));
        Assert.That(ServedPerDay(replication, "general"), Is.EqualTo(new[] { 100, 0, 0, 0, 0 }));
    }

    [Test]
    public void A_dated_cap_of_zero_stops_clearance_and_none_lifts_the_cap()
    {
        // 300 waiting; cap 50 a day from the start, 0 from 3 June, none from 5 June: 50, 50, 0, 0, then the rest.
        var changes = new[]
        {
            new ScheduledChangeSpec(new LocalDate(2026, 6, 3), "clearance", null, null, null, null, null, null, "") { CapPerDay = Cap(0) },
            new ScheduledChangeSpec(new LocalDate(2026, 6, 5), "clearance", null, null, null, null, null, null, "") { CapPerDay = ClearanceCapSpec.None },
        };
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [CappedBooth(Cap(50))])
        {
            Backlog = [new BacklogSpec(null, "general", 300, null)],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 6, warmUpHours: 0, replications: 1, changes: changes);

        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();

        Assert.That(ServedPerDay(replication), Is.EqualTo(new[] { 50, 50, 0, 0, 200, 0 }));
    }

    [Test]
    public void A_cap_applies_on_top_of_an_appointment_quota()
    {
        // Appointment-only every day with a quota of 100; the cap is 40: 40 a day get through.
        var appointments = new[] { new AppointmentPeriodSpec(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 10), 100, []) };
        var calendar = SpecBuilder.Calendar("gate", SpecBuilder.Hanoi, 0, 24, appointments: appointments);
        var booth = SpecBuilder.Check("clearance", 1, new Deterministic(1 / 3600.0), calendar: "gate") with { CapPerDay = Cap(40) };
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [booth])
        {
            Backlog = [new BacklogSpec(null, "general", 200, null)],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 3, warmUpHours: 0, replications: 1, calendars: [calendar]);

        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();

        Assert.That(ServedPerDay(replication), Is.EqualTo(new[] { 40, 40, 40 }));
    }
}
