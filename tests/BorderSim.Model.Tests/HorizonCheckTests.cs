using BorderSim.Engine.Randomness;
using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using NodaTime;
using static BorderSim.Model.Tests.SpecBuilder;

namespace BorderSim.Model.Tests;

/// <summary>Which dated events a run's --days ends before they end: counted at the boundary, by hand.</summary>
public class HorizonCheckTests
{
    // The run starts on 2026-06-01 at 00:00 (Hanoi). A surge of 2026-06-01..2026-06-10 ends at midnight starting
    // 2026-06-11, so 10 days see it through and 9 days stop the day before its last day.
    private static readonly LocalDate SurgeFrom = new(2026, 6, 1);
    private static readonly LocalDate SurgeTo = new(2026, 6, 10);

    private static ScenarioSpec WithSurge(int days, LocalDate from, LocalDate to)
    {
        var arrivals = Flat(100) with { Surges = [new SurgeSpec(from, to, 2, [], "lychee peak")] };
        return Scenario([new DirectionSpec("export", arrivals, [Check("booth", 2, new Deterministic(0.1))])], days: days, warmUpHours: 0);
    }

    [Test]
    public void A_run_that_ends_the_day_before_a_surge_ends_cuts_off_its_last_day()
    {
        var cut = HorizonCheck.CutsOf(WithSurge(9, SurgeFrom, SurgeTo)).Single();
        Assert.That(cut.Kind, Is.EqualTo(HorizonCutKind.CutOff));
        Assert.That((cut.Event, cut.Name, cut.Where, cut.From, cut.To), Is.EqualTo(("surge", "lychee peak", "direction export", SurgeFrom, (LocalDate?)SurgeTo)));
        Assert.That(cut.RunLastDay, Is.EqualTo(new LocalDate(2026, 6, 9)));
        Assert.That(cut.DaysLeftOut, Is.EqualTo(1));
        Assert.That(cut.DaysToSeeIt, Is.EqualTo(10));
        Assert.That(cut.Describe(), Is.EqualTo("the run ends on 2026-06-09, before the surge 'lychee peak' (direction export, 2026-06-01..2026-06-10) ends: its last day is not simulated; --days 10 runs through it"));
    }

    [TestCase(10)]
    [TestCase(11)]
    public void A_run_that_ends_on_the_last_day_of_a_surge_or_after_it_cuts_nothing(int days) =>
        Assert.That(HorizonCheck.CutsOf(WithSurge(days, SurgeFrom, SurgeTo)), Is.Empty);

    [Test]
    public void A_surge_that_starts_the_day_after_the_run_ends_is_not_reached()
    {
        var cut = HorizonCheck.CutsOf(WithSurge(9, new LocalDate(2026, 6, 10), new LocalDate(2026, 6, 12))).Single();
        Assert.That(cut.Kind, Is.EqualTo(HorizonCutKind.NotReached));
        Assert.That(cut.DaysToSeeIt, Is.EqualTo(12));
        Assert.That(cut.Describe(), Does.Contain("starts: none of it is simulated; --days 12 reaches it"));
    }

    [Test]
    public void A_scenario_without_dated_events_has_no_cut()
    {
        var scenario = Scenario([new DirectionSpec("export", Flat(100), [Check("booth", 2, new Deterministic(0.1))])], days: 1, warmUpHours: 0);
        Assert.That(HorizonCheck.CutsOf(scenario), Is.Empty);
    }

    [Test]
    public void A_closure_is_read_in_its_calendars_zone()
    {
        // Closed 2026-06-05..2026-06-06 in Beijing (UTC+8): it ends at 2026-06-07 00:00 Beijing = 2026-06-06 23:00 Hanoi.
        // A 6-day run from Hanoi midnight ends at 2026-06-07 00:00 Hanoi, an hour after the closure: nothing is cut.
        // Five days end at 2026-06-06 00:00 Hanoi = 01:00 Beijing: the run sees one hour of the closure's last day,
        // and its last day (Hanoi) is the 5th.
        var calendar = Calendar("cn_gate", Beijing, 0, 24, closures: [new ClosureSpec(new LocalDate(2026, 6, 5), new LocalDate(2026, 6, 6), "Tet")]);
        ScenarioSpec Run(int days) => Scenario([new DirectionSpec("export", Flat(100), [Check("booth", 2, new Deterministic(0.1), "cn_gate")])], days: days, warmUpHours: 0, calendars: [calendar]);
        Assert.That(HorizonCheck.CutsOf(Run(6)), Is.Empty);
        var cut = HorizonCheck.CutsOf(Run(5)).Single();
        Assert.That((cut.Event, cut.Where, cut.Kind, cut.RunLastDay, cut.DaysLeftOut), Is.EqualTo(("closure", "calendar cn_gate", HorizonCutKind.CutOff, new LocalDate(2026, 6, 5), 1)));
        Assert.That(cut.Describe(), Does.Contain("its last day is not simulated; --days 6 runs through it"));
    }

    [Test]
    public void Bans_suspensions_appointment_periods_and_changes_after_the_horizon_are_cut_and_an_open_ended_ban_is_not()
    {
        var calendar = Calendar("vn_gate", Hanoi, 0, 24, appointments: [new AppointmentPeriodSpec(new LocalDate(2026, 6, 2), new LocalDate(2026, 6, 8), 300, [])]);
        var scenario = Scenario(
            [new DirectionSpec("export", Flat(100), [Check("booth", 2, new Deterministic(0.1), "vn_gate")])],
            days: 5,
            warmUpHours: 0,
            calendars: [calendar],
            changes: [
                new ScheduledChangeSpec(new LocalDate(2026, 6, 3), "booth", null, null, 3, null, null, null, "third booth"),
                new ScheduledChangeSpec(new LocalDate(2026, 6, 6), "booth", null, null, 4, null, null, null, "fourth booth"),
            ]) with
        {
            Bans = [
                new BanSpec(new LocalDate(2026, 6, 4), new LocalDate(2026, 6, 7), "export", ["general"], BanAction.TurnAway, null, "quarantine"),
                new BanSpec(new LocalDate(2026, 6, 4), null, "export", ["general"], BanAction.TurnAway, null, "for good"),
            ],
        };
        var cuts = HorizonCheck.CutsOf(scenario);
        Assert.That(cuts.Select(c => (c.Event, c.Name, c.Kind, c.DaysToSeeIt)), Is.EqualTo(new[]
        {
            ("appointment-only period", "300 a day", HorizonCutKind.CutOff, 8),
            ("ban", "quarantine", HorizonCutKind.CutOff, 7),
            ("change", "fourth booth", HorizonCutKind.NotReached, 6),
        }));
        Assert.That(cuts[2].Describe(), Is.EqualTo("the run ends on 2026-06-05, before the change 'fourth booth' (stage booth, from 2026-06-06) starts: none of it is simulated; --days 6 reaches it"));
    }

    [Test]
    public void An_advisory_issued_when_the_run_has_ended_is_not_reached_and_one_inside_it_is_not_cut()
    {
        // A 5-day run from 1 June ends at 6 June 00:00: an advisory of the 5th acts inside it, one of the 6th never.
        var scenario = Scenario([new DirectionSpec("export", Flat(100), [Check("booth", 2, new Deterministic(0.1))])], days: 5, warmUpHours: 0) with
        {
            Advisories = [
                new AdvisorySpec(new LocalDate(2026, 6, 5), "export", [], new WaitingReactionSpec(0.5), "inside"),
                new AdvisorySpec(new LocalDate(2026, 6, 6), "export", [], new WaitingReactionSpec(0.5), "too late"),
            ],
        };

        var cut = HorizonCheck.CutsOf(scenario).Single();
        Assert.Multiple(() =>
        {
            Assert.That((cut.Event, cut.Name, cut.Kind, cut.DaysToSeeIt), Is.EqualTo(("advisory", "too late", HorizonCutKind.NotReached, 6)));
            Assert.That(cut.Describe(), Is.EqualTo("the run ends on 2026-06-05, before the advisory 'too late' (direction export, from 2026-06-06) starts: none of it is simulated; --days 6 reaches it"));
        });
    }
}
