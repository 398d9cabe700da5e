using BorderSim.Engine.Randomness;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>Trucks still in the system at the end, and the backlog day by day.</summary>
public class BacklogTests
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

    private static double Value(ReplicationResult replication, string id) => replication.Metrics.Single(m => m.Key.Id == id).Value;

    [Test]
    public void Trucks_still_waiting_at_the_end_count_with_their_waits_so_far()
    {
        // One booth whose service (100 h) outlasts the 2-day run: the first truck is in service to the end, every
        // later one waits from its arrival. By hand from trucks.csv: each truck still in the system waited
        // end − arrival, less its time in service so far; none was served.
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24), [SpecBuilder.Check("booth", 1, new Deterministic(100))])],
            days: 2,
            warmUpHours: 0,
            replications: 1);
        var collector = new Collector();
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1), _ => collector);
        var replication = result.Replications.Single();
        var end = scenario.RunHours;

        var waiting = collector.Trucks.Where(t => t.Outcome == TruckOutcome.InSystemAtEnd).ToList();
        var waits = waiting.Select(t => end - t.ArrivedHours - (double.IsNaN(t.Stages[0].ServiceStartHours) ? 0 : end - t.Stages[0].ServiceStartHours)).ToList();
        Assert.That(waiting, Has.Count.GreaterThan(30));
        Assert.Multiple(() =>
        {
            Assert.That(Value(replication, "served/export/all"), Is.Zero);
            Assert.That(Value(replication, "in_system_at_end/export/general"), Is.EqualTo(waiting.Count));
            Assert.That(Value(replication, "oldest_wait_hours/export/all"), Is.EqualTo(waits.Max()).Within(1e-9));
            Assert.That(Value(replication, "oldest_wait_hours/export/all"), Is.EqualTo(end - waiting.OrderBy(t => t.ArrivedHours).ElementAt(1).ArrivedHours).Within(1e-9), "the second truck: it has waited since it arrived");
            Assert.That(Value(replication, "wait_hours_mean_incl_waiting/export/all"), Is.EqualTo(waits.Average()).Within(1e-9));
            Assert.That(Value(replication, "wait_hours_mean_incl_waiting/all/general"), Is.EqualTo(waits.Average()).Within(1e-9));
            Assert.That(Value(replication, "wait_hours_mean/export/all"), Is.NaN, "no served truck: the served-only mean has nothing to average");
            Assert.That(waiting.Select(t => t.WaitHours), Is.EqualTo(waits).Within(1e-9), "trucks.csv's waits of trucks still in the system exclude their service so far");
        });
    }

    [Test]
    public void The_mean_wait_including_trucks_still_waiting_pools_served_and_censored_waits()
    {
        // An overloaded M/M/1 (λ = 12/h, μ = 10/h) over 3 days: served trucks and a growing queue at the end.
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(12 * 24), [SpecBuilder.Check("booth", 1, new ExponentialDistribution(0.1))])],
            days: 3,
            warmUpHours: 0,
            replications: 1);
        var collector = new Collector();
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1), _ => collector);
        var replication = result.Replications.Single();

        var served = collector.Trucks.Where(t => t.Outcome == TruckOutcome.Served).Select(t => t.WaitHours).ToList();
        var waiting = collector.Trucks.Where(t => t.Outcome == TruckOutcome.InSystemAtEnd).Select(t => t.WaitHours).ToList();
        Assert.That(waiting, Has.Count.GreaterThan(50));
        Assert.That(Value(replication, "wait_hours_mean_incl_waiting/export/all"), Is.EqualTo(served.Concat(waiting).Average()).Within(1e-6));
        Assert.That(Value(replication, "wait_hours_mean/export/all"), Is.EqualTo(served.Average()).Within(1e-6));
    }

    [Test]
    public void Every_day_keeps_its_books_and_a_closed_day_shows_its_zero()
    {
        // Open 08:00–20:00 Hanoi time, closed 4 June. Per replication and day: backlog at the end of the day =
        // backlog the day before + arrived − served − gave up; daily.csv's means keep the same books (a mean of sums).
        var closures = new[] { new ClosureSpec(new LocalDate(2026, 6, 4), new LocalDate(2026, 6, 4), "test") };
        var calendar = SpecBuilder.Calendar("gate", SpecBuilder.Hanoi, 8, 20, closures);
        var classes = new[] { new CargoClassSpec("fruit", 0.3, 72, 19, 6, null), SpecBuilder.General(0.7) };
        var mix = new Dictionary<string, double> { ["fruit"] = 0.3, ["general"] = 0.7 };
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(120, mix), [SpecBuilder.Check("booths", 2, new ExponentialDistribution(0.15), calendar: "gate")])],
            days: 7,
            warmUpHours: 24,
            replications: 3,
            calendars: [calendar],
            classes: classes);
        var collectors = new Collector[3];
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1), r => collectors[r] = new Collector());

        foreach (var replication in result.Replications)
        {
            foreach (var cargoClass in new[] { "fruit", "general" })
            {
                var days = replication.Days.Where(d => d.CargoClass == cargoClass).OrderBy(d => d.Date).ToList();
                Assert.That(days, Has.Count.EqualTo(7), "every day of the run, the closed one too");
                var backlog = 0;
                foreach (var day in days)
                {
                    Assert.That(day.BacklogAtEnd, Is.EqualTo(backlog + day.Arrived - day.Served - day.GaveUp), $"{day.Date} {cargoClass}");
                    backlog = day.BacklogAtEnd;
                }
            }

            // The per-day counts against the trucks themselves, by local date of the scenario zone.
            var clock = new Calendars.ScenarioClock(scenario.StartInstant, scenario.RunHours);
            var trucks = collectors[replication.Replication].Trucks;
            foreach (var day in replication.Days)
            {
                var served = trucks.Where(t => t.CargoClass == day.CargoClass && t.Outcome == TruckOutcome.Served && clock.LocalTimeAt(t.LeftHours, SpecBuilder.Hanoi).Date == day.Date).ToList();
                Assert.That(day.Served, Is.EqualTo(served.Count), $"{day.Date} {day.CargoClass}");
                Assert.That(day.WaitHoursSum, Is.EqualTo(served.Sum(t => t.WaitHours)).Within(1e-6));
                Assert.That(day.Arrived, Is.EqualTo(trucks.Count(t => t.CargoClass == day.CargoClass && clock.LocalTimeAt(t.ArrivedHours, SpecBuilder.Hanoi).Date == day.Date)));
            }
        }

        var closed = result.Daily.Single(d => d.Date == new LocalDate(2026, 6, 4) && d.CargoClass == "all");
        Assert.Multiple(() =>
        {
            Assert.That(closed.Served.Mean, Is.Zero, "nothing is served on the closed day, and the day is there");
            Assert.That(closed.WaitHours.Replications, Is.Zero);
            Assert.That(result.Daily.Where(d => d.CargoClass == "all").Select(d => d.Date).Distinct().Count(), Is.EqualTo(7));
            Assert.That(result.Daily.First().InWarmUp, Is.True);
            Assert.That(result.Daily.Last().InWarmUp, Is.False);
        });

        // The "all" rows add the classes up, and the mean over replications has its Student-t half-width.
        foreach (var all in result.Daily.Where(d => d.CargoClass == "all"))
        {
            var parts = result.Daily.Where(d => d.Date == all.Date && d.CargoClass != "all").ToList();
            Assert.That(all.BacklogAtEnd.Mean, Is.EqualTo(parts.Sum(p => p.BacklogAtEnd.Mean)).Within(1e-9));
            Assert.That(all.Arrived.Mean, Is.EqualTo(parts.Sum(p => p.Arrived.Mean)).Within(1e-9));
            var served = result.Replications.Select(r => (double)r.Days.Where(d => d.Date == all.Date).Sum(d => d.Served)).ToList();
            Assert.That(all.Served.Mean, Is.EqualTo(served.Average()).Within(1e-9));
            Assert.That(all.Served.HalfWidth95, Is.EqualTo(Statistics.Summarise(served).HalfWidth95).Within(1e-9));
        }
    }

    [Test]
    public void The_time_series_count_trucks_per_class_and_the_highway_queue_in_trucks()
    {
        var classes = new[] { new CargoClassSpec("fruit", 0.3, 72, 19, 6, null), SpecBuilder.General(0.7) };
        var mix = new Dictionary<string, double> { ["fruit"] = 0.3, ["general"] = 0.7 };
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(300, mix), [
                SpecBuilder.Yard("yard", 5),
                SpecBuilder.Check("booth", 1, new ExponentialDistribution(0.09))])],
            days: 3,
            warmUpHours: 0,
            replications: 1,
            classes: classes);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        var series = result.Replications.Single().TimeSeries.Series;

        double[] Values(string id) => series.Single(s => s.Id == id).Values;
        var total = Values("in_system_trucks/export");
        var fruit = Values("in_system_trucks/export/fruit");
        var general = Values("in_system_trucks/export/general");
        var trucks = Values("highway_queue_trucks/export");
        var km = Values("highway_queue_km/export");
        Assert.That(trucks.Max(), Is.GreaterThan(0), "the yard of 5 overflows onto the highway");
        for (var i = 0; i < total.Length; i++)
        {
            Assert.That(fruit[i] + general[i], Is.EqualTo(total[i]), $"sample {i}");
            Assert.That(km[i], Is.EqualTo(trucks[i] * 0.019).Within(1e-9), "19 m a truck");
        }
    }

    [Test]
    public void A_truck_waiting_in_a_yard_for_the_next_check_is_counted_once()
    {
        // A yard of 30 feeds a check with no places of its own: its queue stands in the yard. The yard's parked
        // trucks plus the check's queue make up the yard's occupancy, never more; with the highway queue and the
        // trucks in service they never exceed the trucks in the system.
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(300), [
                SpecBuilder.Yard("yard", 30),
                SpecBuilder.Check("booth", 1, new ExponentialDistribution(0.09))])],
            days: 3,
            warmUpHours: 0,
            replications: 1);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        var series = result.Replications.Single().TimeSeries.Series;

        double[] Values(string id) => series.Single(s => s.Id == id).Values;
        var occupancy = Values("yard_occupancy_trucks/export/yard");
        var parked = Values("yard_parked_trucks/export/yard");
        var queue = Values("queue_trucks/export/booth");
        var highway = Values("highway_queue_trucks/export");
        var inSystem = Values("in_system_trucks/export");
        Assert.That(queue.Max(), Is.GreaterThan(20), "the check's queue fills the yard");
        for (var i = 0; i < occupancy.Length; i++)
        {
            Assert.That(parked[i] + queue[i], Is.EqualTo(occupancy[i]), $"sample {i}");
            Assert.That(parked[i] + queue[i] + highway[i], Is.LessThanOrEqualTo(inSystem[i]), $"sample {i}");
        }
    }
}
