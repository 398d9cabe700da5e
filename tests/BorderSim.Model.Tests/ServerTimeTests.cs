using BorderSim.Engine.Randomness;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>Utilisation splits a stage's server-hours into busy, blocked, held back (by a cap or quota), idle and closed.</summary>
public class ServerTimeTests
{
    private static double Mean(ExperimentResult result, string id) => result.Summary.Single(m => m.Key.Id == id).Mean;

    private static readonly string[] Shares = ["busy", "blocked", "held_back", "idle", "closed"];

    private static void AssertSharesSumToOne(ExperimentResult result, string direction, string stage)
    {
        foreach (var replication in result.Replications)
        {
            var sum = Shares.Sum(s => replication.Metrics.Single(m => m.Key.Id == $"utilisation_{s}/{direction}/{stage}").Value);
            Assert.That(sum, Is.EqualTo(1).Within(1e-9), $"{stage} replication {replication.Replication}");
        }
    }

    [Test]
    public void A_booth_holding_a_served_truck_that_cannot_move_on_is_blocked_not_busy()
    {
        // Two fast booths (exp, mean 3 min) feed one slow booth (6 min each, 10 an hour) through a buffer of 2;
        // 20 trucks an hour arrive, so a queue always waits at the fast booths. Throughput = the slow booth's 10/h, so the fast booths serve 10 × 0.05 = 0.5 server-hours an hour
        // of their 2: busy = 0.25. They are never idle (a queue always waits) and never closed: blocked = 0.75.
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(24 * 20), [
                SpecBuilder.Check("fast", 2, new ExponentialDistribution(0.05)),
                SpecBuilder.Check("slow", 1, new Deterministic(0.1), buffer: 2)])],
            days: 10,
            warmUpHours: 24,
            replications: 2);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));

        Assert.Multiple(() =>
        {
            // Tolerance: the slow booth's throughput is exact (deterministic, never starved); busy time is a sum of
            // about 2,000 exponential services a replication, relative sd ≈ 1/√2000 ≈ 2%: 0.25 ± 0.02 is 4 sd.
            Assert.That(Mean(result, "utilisation_busy/export/fast"), Is.EqualTo(0.25).Within(0.02));
            Assert.That(Mean(result, "utilisation_blocked/export/fast"), Is.EqualTo(0.75).Within(0.02));
            Assert.That(Mean(result, "utilisation_idle/export/fast"), Is.LessThan(0.001));
            Assert.That(Mean(result, "utilisation_closed/export/fast"), Is.Zero);
            Assert.That(Mean(result, "utilisation/export/fast"), Is.EqualTo(0.25).Within(0.02), "utilisation is the busy share of open server-hours");
            Assert.That(Mean(result, "utilisation_busy/export/slow"), Is.EqualTo(1).Within(1e-9));
            Assert.That(result.DirectionLoads.Single().BindingStage, Is.EqualTo("slow"), "the blocked booths do not hide the bottleneck");
        });
        AssertSharesSumToOne(result, "export", "fast");
        AssertSharesSumToOne(result, "export", "slow");
    }

    [Test]
    public void A_booth_closed_half_the_day_is_closed_half_its_server_hours()
    {
        // Open 08:00–20:00 Hanoi time, measured over whole days after a one-day warm-up: closed = 12/24 exactly.
        // 3 booths, exp(10 min), 50 trucks a day: busy = 50 × (1/6) h / (3 × 24) h ≈ 0.116 of all server-hours.
        var calendar = SpecBuilder.Calendar("gate", SpecBuilder.Hanoi, 8, 20);
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(50), [SpecBuilder.Check("booths", 3, new ExponentialDistribution(1 / 6.0), calendar: "gate")])],
            days: 15,
            warmUpHours: 24,
            replications: 4,
            calendars: [calendar]);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));

        // Overtime after 20:00 (a truck in service finishes) moves a little closed time to busy: 1% at most here.
        Assert.That(Mean(result, "utilisation_closed/export/booths"), Is.EqualTo(0.5).Within(0.01));
        // Busy: 700 trucks a replication, relative sd of the work ≈ √2/√700 ≈ 5%; ±15% is 3 sd.
        Assert.That(Mean(result, "utilisation_busy/export/booths"), Is.EqualTo(50 / 6.0 / 72).Within(15).Percent);
        Assert.That(Mean(result, "utilisation_blocked/export/booths"), Is.Zero);
        AssertSharesSumToOne(result, "export", "booths");
    }

    [Test]
    public void A_capped_check_with_trucks_waiting_is_held_back_not_idle_and_is_the_binding_stage()
    {
        // Issue 21 by hand: 6 booths, fixed 15 min, always open, cap_per_day 400, fed 480 a day (Poisson).
        // The load check: the booths serve 6 × 24 / 0.25 = 576 a day, the cap lets 400 start: capacity 400 < 480.
        // After a 3-day warm-up about 3 × 80 = 240 trucks wait at each midnight (sd about √1440 ≈ 38), more than the
        // 67 the booths gain on the arrivals (24 − 20 an hour) before the cap is used up, so every measured day the six
        // booths serve without a gap from midnight until the 400th start: 6 × 66 + 4, the last done at 16.75 h.
        // Server-hours a day: 6 × 24 = 144. Busy = 400 × 0.25 h / 144 = 100/144 = 0.6944, exactly every day.
        // Held back = the rest of the open server-hours, idle while refused trucks wait: (144 − 100)/144 = 0.3056.
        // Idle 0, blocked 0, closed 0. Exact (fixed service, whole days measured): 1e-9.
        var cap = new ClearanceCapSpec(new TrucksPerDayRange(400, 400), new Dictionary<string, TrucksPerDayRange>());
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("inbound", SpecBuilder.Flat(480), [SpecBuilder.Check("booth", 6, new Deterministic(0.25)) with { CapPerDay = cap }])],
            days: 10,
            warmUpHours: 72,
            replications: 3);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));

        var load = result.StageLoads.Single(l => l.Stage == "booth");
        var verdict = result.DirectionLoads.Single();
        Assert.Multiple(() =>
        {
            Assert.That(load.CapacityTrucksPerDay, Is.EqualTo(400).Within(1e-9), "the load check sees the cap");
            Assert.That(verdict.IsOverloaded, Is.True);
            Assert.That(Mean(result, "served_per_day/inbound/all"), Is.EqualTo(400).Within(1e-9));
            Assert.That(Mean(result, "utilisation_busy/inbound/booth"), Is.EqualTo(100.0 / 144).Within(1e-9));
            Assert.That(Mean(result, "utilisation_held_back/inbound/booth"), Is.EqualTo(44.0 / 144).Within(1e-9));
            Assert.That(Mean(result, "utilisation_idle/inbound/booth"), Is.EqualTo(0).Within(1e-9), "not idle: 600 and more trucks wait");
            Assert.That(Mean(result, "utilisation/inbound/booth"), Is.EqualTo(100.0 / 144).Within(1e-9), "utilisation stays the busy share of open hours");
            Assert.That(verdict.BindingStage, Is.EqualTo("booth"));
            Assert.That(verdict.BindingBusyOfOpen, Is.EqualTo(100.0 / 144).Within(1e-9));
            Assert.That(verdict.BindingHeldBackOfOpen, Is.EqualTo(44.0 / 144).Within(1e-9));
        });
        AssertSharesSumToOne(result, "inbound", "booth");
    }

    [Test]
    public void A_capped_stage_that_refuses_trucks_binds_rather_than_a_busier_stage_that_keeps_up()
    {
        // First a check of 1 booth at fixed 2.4 min serving 480 a day (busy 480 × 0.04 / 24 = 0.8 of its hours, never
        // refusing), then the capped check of the test above: busy 0.694, held back 0.306, so 1.0 of its open hours is
        // busy or held back. The cap is what stops the trucks: the capped check binds, not the busier first booth.
        var cap = new ClearanceCapSpec(new TrucksPerDayRange(400, 400), new Dictionary<string, TrucksPerDayRange>());
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("inbound", SpecBuilder.Flat(480), [
                SpecBuilder.Check("first", 1, new Deterministic(0.04)),
                SpecBuilder.Check("capped", 6, new Deterministic(0.25)) with { CapPerDay = cap }])],
            days: 8,
            warmUpHours: 72,
            replications: 2);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));

        Assert.Multiple(() =>
        {
            // The first booth's busy share is a sum of ~480 fixed services a day: 0.8 up to the day-to-day count (±5 %).
            Assert.That(Mean(result, "utilisation/inbound/first"), Is.EqualTo(0.8).Within(0.05));
            Assert.That(Mean(result, "utilisation/inbound/capped"), Is.LessThan(Mean(result, "utilisation/inbound/first")));
            Assert.That(result.DirectionLoads.Single().BindingStage, Is.EqualTo("capped"));
        });
    }

    [Test]
    public void A_booth_that_gives_trucks_back_because_of_an_appointment_quota_is_held_back_not_idle()
    {
        // Appointment-only with a quota of 0 for the whole run: every truck takes a booth, is turned away and
        // gives it back at once, then waits for the next day. With trucks waiting from the first arrival of the
        // measured period on, the booths are held back all the time they are open, never busy, never idle.
        var appointments = new[] { new AppointmentPeriodSpec(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 30), 0, []) };
        var calendar = SpecBuilder.Calendar("gate", SpecBuilder.Hanoi, 0, 24, appointments: appointments);
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(100), [SpecBuilder.Check("booths", 2, new ExponentialDistribution(0.1), calendar: "gate")])],
            days: 4,
            warmUpHours: 24,
            replications: 2,
            calendars: [calendar]);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));

        Assert.That(Mean(result, "served/export/all"), Is.Zero);
        Assert.That(Mean(result, "utilisation_busy/export/booths"), Is.Zero);
        Assert.That(Mean(result, "utilisation_held_back/export/booths"), Is.EqualTo(1).Within(1e-9));
        Assert.That(Mean(result, "utilisation_idle/export/booths"), Is.Zero.Within(1e-9));
        AssertSharesSumToOne(result, "export", "booths");
    }

    [Test]
    public void A_booth_holding_a_finished_truck_while_its_gate_is_closed_is_closed_not_blocked()
    {
        // Both checks open 08:00–20:00; the second (30 min a truck, one place in front) cannot keep up, so at
        // closing time the first check's booths hold finished trucks all night. Those night hours are closed:
        // the first check is closed half its server-hours (12 of 24), whatever it holds.
        var calendar = SpecBuilder.Calendar("gate", SpecBuilder.Hanoi, 8, 20);
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(240), [
                SpecBuilder.Check("first", 2, new ExponentialDistribution(0.05), calendar: "gate"),
                SpecBuilder.Check("second", 1, new Deterministic(0.5), calendar: "gate", buffer: 1)])],
            days: 6,
            warmUpHours: 24,
            replications: 2,
            calendars: [calendar]);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));

        Assert.That(Mean(result, "utilisation_blocked/export/first"), Is.GreaterThan(0.3), "blocked while open");
        // Overtime (a booth finishing a 3-minute service after 20:00) moves well under 1% from closed to busy.
        Assert.That(Mean(result, "utilisation_closed/export/first"), Is.EqualTo(0.5).Within(0.01));
        AssertSharesSumToOne(result, "export", "first");
    }
}
