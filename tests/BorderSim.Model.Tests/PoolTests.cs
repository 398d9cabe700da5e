using BorderSim.Engine.Randomness;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>
/// Pools (hand-over drivers, automated vehicles): a unit is held from one stage's service to the end of a later one
/// and is then busy for its return time. With more trucks than the units can take, the pool is a closed cycle of N
/// units, each busy for hold + return hours, and the crossing serves N / (hold + return) trucks an hour.
/// </summary>
public class PoolTests
{
    private static double Mean(ExperimentResult result, string id) => result.Summary.Single(m => m.Key.Id == id).Mean;

    /// <summary>
    /// Export: check a (0.5 h) then check b (0.5 h), each with servers to spare, then a yard; the pool's units are
    /// held from a's service to the end of b's and return in <paramref name="returnHours"/>.
    /// </summary>
    private static ScenarioSpec TwoStagesWithPool(Distribution serviceA, Distribution serviceB, Distribution returnHours, int units, double trucksPerDay, int days, int replications, string? poolCalendar = null) =>
        SpecBuilder.Scenario(
            [
                new DirectionSpec("export", SpecBuilder.Flat(trucksPerDay),
                [
                    SpecBuilder.Check("a", 50, serviceA) with { Pool = new PoolUseSpec("drivers", "b") },
                    SpecBuilder.Check("b", 50, serviceB),
                    SpecBuilder.Yard("chinese_yard", null),
                ]),
            ],
            days: days,
            warmUpHours: 24,
            replications: replications,
            calendars: [SpecBuilder.Calendar("day_shift", SpecBuilder.Hanoi, 8, 20)]) with
        {
            Pools = [new PoolSpec("drivers", units, poolCalendar, returnHours)],
        };

    [Test]
    public void A_pool_as_the_bottleneck_serves_its_units_over_their_cycle_time_exactly_with_fixed_times()
    {
        // 3 units, each cycle 0.5 h (a) + 0.5 h (b) + 0.5 h return = 1.5 h, demand 100/day: 3 / 1.5 × 24 = 48 trucks
        // a day. Fixed times and a queue that never empties: every unit cycles without a gap, so over the 9 measured
        // days the count is 432 ± 3 (a cycle cut by each end of the window): ±0.34 a day.
        var scenario = TwoStagesWithPool(new Deterministic(0.5), new Deterministic(0.5), new Deterministic(0.5), units: 3, trucksPerDay: 100, days: 10, replications: 1);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        Assert.Multiple(() =>
        {
            Assert.That(Mean(result, "served_per_day/export/all"), Is.EqualTo(48).Within(0.34));
            Assert.That(Mean(result, "pool_trips_per_day/drivers"), Is.EqualTo(48).Within(0.34));
            Assert.That(Mean(result, "pool_utilisation/drivers"), Is.EqualTo(1).Within(1e-9), "never idle: the queue never empties");
            Assert.That(Mean(result, "pool_utilisation_busy/drivers"), Is.EqualTo(2.0 / 3).Within(0.01), "with a truck 1 h of every 1.5 h");
            Assert.That(Mean(result, "pool_utilisation_returning/drivers"), Is.EqualTo(1.0 / 3).Within(0.01));
            Assert.That(Mean(result, "pool_utilisation_closed/drivers"), Is.Zero);
            Assert.That(Mean(result, "pool_queue_trucks_max/drivers"), Is.GreaterThan(400), "the backlog grows by 52 a day in the pool's queue");
            Assert.That(Mean(result, "utilisation/export/a"), Is.LessThan(0.03), "the stages are not the limit: 50 servers each");
        });
    }

    [Test]
    public void A_pool_as_the_bottleneck_serves_its_units_over_their_mean_cycle_time_with_random_times()
    {
        // 4 units, service exp(0.5 h) at a and at b, return exp(0.5 h): mean cycle 1.5 h, so 4 / 1.5 × 24 = 64 a day
        // (renewal theorem) against 120 arriving. Tolerance: a unit's completed cycles in t hours have variance
        // ≈ t σ² / μ³ = 696 × 0.75 / 3.375 = 155 (σ² = 3 × 0.25); 4 units, 4 replications: the sd of the mean
        // trips a day is √(4 × 155) / 29 / 2 = 0.43; ± 1.5 a day is 3.5 sd.
        var scenario = TwoStagesWithPool(new ExponentialDistribution(0.5), new ExponentialDistribution(0.5), new ExponentialDistribution(0.5), units: 4, trucksPerDay: 120, days: 30, replications: 4);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));
        Assert.Multiple(() =>
        {
            Assert.That(Mean(result, "pool_trips_per_day/drivers"), Is.EqualTo(64).Within(1.5));
            Assert.That(Mean(result, "served_per_day/export/all"), Is.EqualTo(64).Within(1.5));

            // Renewal reward: the share of a unit's time with a truck is E[hold] / E[cycle] = 1 / 1.5.
            Assert.That(Mean(result, "pool_utilisation_busy/drivers"), Is.EqualTo(2.0 / 3).Within(0.02));
            Assert.That(Mean(result, "pool_utilisation/drivers"), Is.EqualTo(1).Within(1e-9));
        });
    }

    [Test]
    public void A_pool_off_duty_half_the_day_takes_no_truck_then_and_its_units_finish_the_trips_they_started()
    {
        // On duty 08:00–20:00: a unit takes trucks at 08:00, 09:30, …, 18:30 (the last start before 20:00), 8 trips
        // a day, and the 18:30 trip ends at 20:00 with its return. 3 units: 24 a day exactly; off duty half the time.
        var scenario = TwoStagesWithPool(new Deterministic(0.5), new Deterministic(0.5), new Deterministic(0.5), units: 3, trucksPerDay: 100, days: 10, replications: 1, poolCalendar: "day_shift");
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        Assert.Multiple(() =>
        {
            Assert.That(Mean(result, "pool_trips_per_day/drivers"), Is.EqualTo(24).Within(1e-9));
            Assert.That(Mean(result, "served_per_day/export/all"), Is.EqualTo(24).Within(1e-9));
            Assert.That(Mean(result, "pool_utilisation_closed/drivers"), Is.EqualTo(0.5).Within(1e-9));
            Assert.That(Mean(result, "pool_utilisation/drivers"), Is.EqualTo(1).Within(1e-9));
        });
    }

    [Test]
    public void A_pool_with_units_to_spare_delays_nobody_and_its_utilisation_is_demand_times_cycle_over_units()
    {
        // 20 units, 24 trucks a day (1 an hour), cycle 1.5 h: 1.5 units in use on average (Little's law), 7.5 %
        // of 20; no truck waits for a unit. Tolerance: the arrivals' count over 29 days is Poisson (696 ± 26), so
        // the in-use mean is within ± 4 % of 1.5 at 1 sd; ± 0.01 of the share is 5 sd over 4 replications.
        var scenario = TwoStagesWithPool(new Deterministic(0.5), new Deterministic(0.5), new Deterministic(0.5), units: 20, trucksPerDay: 24, days: 30, replications: 4);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));
        Assert.Multiple(() =>
        {
            Assert.That(Mean(result, "pool_wait_hours_mean/drivers"), Is.Zero);
            Assert.That(Mean(result, "pool_queue_trucks_max/drivers"), Is.Zero);
            Assert.That(Mean(result, "pool_utilisation/drivers"), Is.EqualTo(1.5 / 20).Within(0.01));
            Assert.That(Mean(result, "wait_hours_mean/export/all"), Is.Zero);
        });
    }

    private static ScenarioSpec UnitsChangeOn6June(int before, int after) =>
        TwoStagesWithPool(new Deterministic(0.5), new Deterministic(0.5), new Deterministic(0.5), units: before, trucksPerDay: 100, days: 10, replications: 1) with
        {
            Changes = [new ScheduledChangeSpec(new LocalDate(2026, 6, 6), null, null, null, null, null, null, null, "") { Pool = "drivers", Units = after }],
        };

    private static int[] ServedByDay(ScenarioSpec scenario, List<TruckRecord>? trucks = null)
    {
        var observer = new Recorder();
        var replication = new Crossing.CrossingReplication(new Crossing.CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();
        trucks?.AddRange(observer.Trucks);
        return [.. replication.Days.Where(d => d.CargoClass == "general").OrderBy(d => d.Date).Select(d => d.Served)];
    }

    [Test]
    public void A_dated_rise_in_units_raises_the_closed_cycle_throughput_from_its_date_exactly()
    {
        // Fixed times, cycle 1.5 h, 100 trucks a day against at most 96: the queue never empties after the first
        // hours, so each unit does exactly 24 / 1.5 = 16 trips in every local day (a period that divides the day).
        // 3 units to 5 June: 48 a day; 6 from 6 June (120 h): the three new units start at midnight, 96 a day.
        var served = ServedByDay(UnitsChangeOn6June(3, 6));
        Assert.That(served[1..5], Is.All.EqualTo(48), "2-5 June");
        Assert.That(served[5..], Is.All.EqualTo(96), "6-10 June");
    }

    [Test]
    public void A_dated_drop_in_units_lets_the_units_in_use_finish_their_cycle_and_then_retires_them()
    {
        // 6 units to 5 June (96 a day), 3 from 6 June. At midnight all six are out (with a truck or returning): each
        // delivers its truck and comes back; a truck gets a unit again only when fewer than 3 are out. From then on
        // 48 a day; on 6 June itself the trucks already on their way when the count dropped are delivered too.
        var trucks = new List<TruckRecord>();
        var served = ServedByDay(UnitsChangeOn6June(6, 3), trucks);

        // A unit is out from its truck's start at a (it takes the unit then: 50 booths) for 1.5 h.
        var starts = trucks.Select(t => t.Stages[0].ServiceStartHours).Where(h => !double.IsNaN(h)).Order().ToArray();
        int OutAt(double hours) => starts.Count(s => s <= hours && s > hours - 1.5);
        var inFlight = OutAt(120 - 1e-9);
        Assert.Multiple(() =>
        {
            Assert.That(served[1..5], Is.All.EqualTo(96), "2-5 June");
            Assert.That(inFlight, Is.EqualTo(6), "all six out when the count drops");
            Assert.That(starts.Where(s => s >= 120).Select(OutAt), Is.All.LessThanOrEqualTo(3), "no unit is taken while three or more are out");
            Assert.That(starts.Count(s => s >= 120 && s < 121.5), Is.LessThanOrEqualTo(3), "three at most start while the six come back");
            Assert.That(served[5], Is.InRange(48, 48 + 6), "6 June: 48 and the trucks on their way at midnight (at most 6)");
            Assert.That(served[6..], Is.All.EqualTo(48), "7-10 June");
        });
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}
