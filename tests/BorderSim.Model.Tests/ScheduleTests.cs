using BorderSim.Engine;
using BorderSim.Engine.Randomness;
using BorderSim.Model.Calendars;
using BorderSim.Model.Crossing;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>A value in force from breakpoints: lookups, the next change, integrals, dated changes, and a process that follows it.</summary>
public class ScheduleTests
{
    private static readonly Schedule<int> SixThenEightThenFour = new([(0, 6), (24, 8), (48, 4)]);

    [TestCase(0, 6)]
    [TestCase(23.999, 6)]
    [TestCase(24, 8)]
    [TestCase(47.5, 8)]
    [TestCase(48, 4)]
    [TestCase(1000, 4)]
    [TestCase(-5, 6)]
    public void The_value_at_an_hour_is_the_last_breakpoints_at_or_before_it(double hours, int expected) =>
        Assert.That(SixThenEightThenFour.ValueAt(hours), Is.EqualTo(expected));

    [TestCase(0, 24)]
    [TestCase(23.9, 24)]
    [TestCase(24, 48)]
    [TestCase(48, double.PositiveInfinity)]
    public void The_next_breakpoint_after_an_hour_is_strictly_later(double hours, double expected) =>
        Assert.That(SixThenEightThenFour.NextBreakpointAfter(hours), Is.EqualTo(expected));

    [Test]
    public void Of_two_breakpoints_at_one_hour_the_later_written_is_in_force_and_both_keep_their_index()
    {
        var schedule = new Schedule<string>([(0, "a"), (10, "b"), (10, "c"), (20, "d")]);
        Assert.Multiple(() =>
        {
            Assert.That(schedule.ValueAt(10), Is.EqualTo("c"));
            Assert.That(schedule.IndexAt(10), Is.EqualTo(2));
            Assert.That(schedule.IndexAt(9.99), Is.EqualTo(0));
            Assert.That(schedule.Count, Is.EqualTo(4));
        });
    }

    [Test]
    public void The_integral_counts_each_value_from_its_breakpoint_to_the_next_within_the_window()
    {
        // By hand over [12, 60]: 6 × 12 + 8 × 24 + 4 × 12 = 72 + 192 + 48 = 312 server-hours.
        Assert.That(SixThenEightThenFour.Integral(v => v, 12, 60), Is.EqualTo(312));
    }

    [Test]
    public void Breakpoints_out_of_hour_order_are_refused() =>
        Assert.That(() => new Schedule<int>([(0, 1), (10, 2), (5, 3)]), Throws.ArgumentException);

    [Test]
    public void A_schedule_from_dates_starts_each_change_at_local_midnight_and_one_before_the_start_at_the_start()
    {
        // Run from 2026-06-01 00:00 Hanoi: 3 June starts at 48 h; a change dated 30 May is in force from 0 h.
        var clock = new ScenarioClock(new LocalDateTime(2026, 6, 1, 0, 0).InZoneLeniently(SpecBuilder.Hanoi).ToInstant(), 240);
        var schedule = Schedule.FromDates(5, [(new LocalDate(2026, 6, 3), 7), (new LocalDate(2026, 5, 30), 6)], clock, SpecBuilder.Hanoi);
        Assert.Multiple(() =>
        {
            Assert.That(schedule.ValueAt(0), Is.EqualTo(6));
            Assert.That(schedule.ValueAt(47.9), Is.EqualTo(6));
            Assert.That(schedule.ValueAt(48), Is.EqualTo(7));
        });
    }

    [Test]
    public void What_is_in_force_on_a_date_is_the_last_change_dated_on_or_before_it()
    {
        (LocalDate, int)[] changes = [(new LocalDate(2026, 6, 10), 8), (new LocalDate(2026, 6, 20), 4), (new LocalDate(2026, 6, 10), 9)];
        Assert.Multiple(() =>
        {
            Assert.That(Schedule.InForceOn(6, changes, new LocalDate(2026, 6, 9)), Is.EqualTo(6));
            Assert.That(Schedule.InForceOn(6, changes, new LocalDate(2026, 6, 10)), Is.EqualTo(9), "of one date, the last written");
            Assert.That(Schedule.InForceOn(6, changes, new LocalDate(2026, 6, 25)), Is.EqualTo(4));
        });
    }

    [Test]
    public void A_process_following_a_schedule_applies_each_value_at_its_hour()
    {
        var simulation = new Simulation();
        var applied = new List<(double Hours, int Value)>();
        simulation.Start(SixThenEightThenFour.Follow(simulation, v => applied.Add((simulation.NowHours, v)), firstIndex: 1));
        simulation.Run();
        Assert.That(applied, Is.EqualTo(new[] { (24.0, 8), (48.0, 4) }));
    }

    [Test]
    public void A_checks_servers_follow_its_dated_changes_and_close_with_its_calendar()
    {
        // 6 booths open 08:00-16:00 Hanoi, 8 from 3 June (48 h). By hand: closed 0-8 h (open 0 of 6), open 8-16 h,
        // ... and from 56 h (08:00 on 3 June) 8 open.
        var check = SpecBuilder.Check("booth", 6, new Deterministic(0.25), calendar: "day");
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("inbound", SpecBuilder.Flat(100), [check])], days: 4,
            calendars: [SpecBuilder.Calendar("day", SpecBuilder.Hanoi, 8, 16)],
            changes: [new ScheduledChangeSpec(new LocalDate(2026, 6, 3), "booth", null, null, 8, null, null, null, "")]);

        var servers = new CrossingModel(scenario).Directions[0].Stages[0].ServersInForce!;

        Assert.Multiple(() =>
        {
            Assert.That(servers.ValueAt(4), Is.EqualTo(new ServerCount(0, 6)));
            Assert.That(servers.ValueAt(10), Is.EqualTo(new ServerCount(6, 6)));
            Assert.That(servers.ValueAt(50), Is.EqualTo(new ServerCount(0, 8)));
            Assert.That(servers.ValueAt(57), Is.EqualTo(new ServerCount(8, 8)));
            Assert.That(servers.NextBreakpointAfter(10), Is.EqualTo(16));
        });
    }

    [Test]
    public void Servers_and_lanes_count_a_dated_change_from_its_date()
    {
        // 6 booths for the first 2 of 4 days, 8 from 3 June: by hand (6 × 2 + 8 × 2) / 4 = 7 booths over the run.
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("inbound", SpecBuilder.Flat(100), [SpecBuilder.Check("booth", 6, new Deterministic(0.25))])], days: 4,
            changes: [new ScheduledChangeSpec(new LocalDate(2026, 6, 3), "booth", null, null, 8, null, null, null, "")]);
        var unchanged = scenario with { Changes = [] };

        Assert.Multiple(() =>
        {
            Assert.That(ResourceCost.ServersAndLanes(new CrossingModel(scenario)), Is.EqualTo(7).Within(1e-12));
            Assert.That(ResourceCost.ServersAndLanes(new CrossingModel(unchanged)), Is.EqualTo(6));
        });
    }
}
