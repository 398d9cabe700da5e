using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>Admission's answers to "may this truck go on now, and if not, until when", one rule at a time.</summary>
public class AdmissionTests
{
    private static readonly LocalDate June1 = new(2026, 6, 1);

    private static CargoClassSpec Fruit() => new("fruit", 0.5, null, 20, 10, null);

    /// <summary>A staging yard (release quota 2 a day) feeding a gate with one server, capped at 2 trucks a day in all and 1 fruit truck; Hanoi days from 1 June 00:00.</summary>
    private static ReplicationParts Parts(IReadOnlyList<BanSpec>? bans = null, IReadOnlyList<CalendarSpec>? calendars = null, string? gateCalendar = null) =>
        new(SpecBuilder.Scenario(
            [
                new DirectionSpec("export", SpecBuilder.Flat(0, new Dictionary<string, double> { ["general"] = 0.5, ["fruit"] = 0.5 }),
                [
                    SpecBuilder.Yard("staging", null, releaseQuota: 2),
                    SpecBuilder.Check("gate", 1, new Deterministic(0.5), gateCalendar) with
                    {
                        CapPerDay = new ClearanceCapSpec(new TrucksPerDayRange(2, 2), new Dictionary<string, TrucksPerDayRange> { ["fruit"] = new(1, 1) }),
                    },
                ]),
            ],
            days: 3,
            warmUpHours: 0,
            classes: [SpecBuilder.General(0.5), Fruit()],
            calendars: calendars) with
        {
            Bans = bans ?? [],
        });

    [Test]
    public void A_capped_gate_admits_its_cap_a_day_and_refuses_the_next_truck_until_the_next_local_midnight()
    {
        var parts = Parts();
        var gate = parts.Stage("gate");
        var admitted = Enumerable.Range(0, 3).Select(_ => parts.Admission.RefusedUntilHours(parts.NewTruck(), gate)).ToList();

        Assert.That(admitted, Is.EqualTo(new[] { double.NaN, double.NaN, 24.0 }));
    }

    [Test]
    public void A_class_cap_refuses_the_class_when_its_own_cap_is_used_even_if_the_total_is_not()
    {
        var parts = Parts();
        var gate = parts.Stage("gate");
        Assert.Multiple(() =>
        {
            Assert.That(parts.Admission.RefusedUntilHours(parts.NewTruck(cargoClass: 1), gate), Is.NaN, "first fruit truck");
            Assert.That(parts.Admission.RefusedUntilHours(parts.NewTruck(cargoClass: 1), gate), Is.EqualTo(24.0), "second fruit truck");
            Assert.That(parts.Admission.RefusedUntilHours(parts.NewTruck(cargoClass: 0), gate), Is.NaN, "a general truck within the total");
        });
    }

    [Test]
    public void The_cap_starts_again_on_the_next_local_day()
    {
        var parts = Parts();
        var gate = parts.Stage("gate");
        parts.Admission.RefusedUntilHours(parts.NewTruck(), gate);
        parts.Admission.RefusedUntilHours(parts.NewTruck(), gate);
        parts.Simulation.Run(24);

        Assert.That(parts.Admission.RefusedUntilHours(parts.NewTruck(), gate), Is.NaN);
    }

    [Test]
    public void An_appointment_day_refuses_an_excluded_class_until_the_calendars_next_midnight_and_admits_the_others()
    {
        var calendar = SpecBuilder.Calendar("vn", SpecBuilder.Hanoi, 0, 24, appointments: [new AppointmentPeriodSpec(June1, June1, 10, ["fruit"])]);
        var parts = Parts(calendars: [calendar], gateCalendar: "vn");
        var gate = parts.Stage("gate");

        Assert.Multiple(() =>
        {
            Assert.That(parts.Admission.RefusedUntilHours(parts.NewTruck(cargoClass: 1), gate), Is.EqualTo(24.0));
            Assert.That(parts.Admission.RefusedUntilHours(parts.NewTruck(cargoClass: 0), gate), Is.NaN);
        });
    }

    [Test]
    public void An_appointment_quota_admits_that_many_trucks_a_day_and_a_truck_admitted_once_stays_admitted()
    {
        var calendar = SpecBuilder.Calendar("vn", SpecBuilder.Hanoi, 0, 24, appointments: [new AppointmentPeriodSpec(June1, June1, 1, [])]);
        var parts = Parts(calendars: [calendar], gateCalendar: "vn");
        var appointments = new AppointmentQuotas(parts.Model, parts.Clock);
        var first = parts.NewTruck();
        var vn = parts.Model.Calendars["vn"];

        Assert.Multiple(() =>
        {
            Assert.That(appointments.Admit(first, vn), Is.True);
            Assert.That(appointments.Admit(parts.NewTruck(), vn), Is.False, "the day's quota of 1 is used");
            Assert.That(appointments.Admit(first, vn), Is.True, "already admitted: it does not count twice");
        });
    }

    [Test]
    public void A_yards_release_quota_is_used_up_when_the_days_releases_reach_it()
    {
        var parts = Parts();
        var staging = parts.Stage("staging");
        staging.ReleasedPerDay[0] = 1;
        var underQuota = parts.Admission.IsReleaseQuotaUsedUp(staging);
        staging.ReleasedPerDay[0] = 2;

        Assert.Multiple(() =>
        {
            Assert.That(underQuota, Is.False);
            Assert.That(parts.Admission.IsReleaseQuotaUsedUp(staging), Is.True);
        });
    }

    [Test]
    public void A_ban_on_arrival_covers_its_classes_from_its_first_day_to_the_end_of_its_last()
    {
        var ban = new BanSpec(June1.PlusDays(1), June1.PlusDays(1), "export", ["fruit"], BanAction.TurnAway, null, "test");
        var parts = Parts(bans: [ban]);
        var direction = parts.Model.Directions[0];

        // Asked as a truck source asks it: before the truck enters, with no lot drawn yet.
        CompiledBan? BanOn(int cargoClass)
        {
            var lot = double.NaN;
            return parts.Admission.BanOnArrival(direction, cargoClass, ref lot);
        }

        var before = BanOn(1);
        parts.Simulation.Run(30);
        var during = BanOn(1);
        var otherClass = BanOn(0);
        parts.Simulation.Run(48);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Null);
            Assert.That(during, Is.Not.Null);
            Assert.That(during!.UntilHours, Is.EqualTo(48.0));
            Assert.That(otherClass, Is.Null);
            Assert.That(BanOn(1), Is.Null, "over at midnight");
        });
    }

    [Test]
    public void A_ban_that_holds_at_a_yard_says_until_when()
    {
        var ban = new BanSpec(June1, June1, "export", ["fruit"], BanAction.HoldAtYard, "staging", "test");
        var parts = Parts(bans: [ban]);
        var staging = parts.Stage("staging");

        Assert.Multiple(() =>
        {
            Assert.That(parts.Admission.BannedInYardUntilHours(parts.NewTruck(cargoClass: 1), staging), Is.EqualTo(24.0));
            Assert.That(parts.Admission.BannedInYardUntilHours(parts.NewTruck(cargoClass: 0), staging), Is.NaN);
        });
    }
}
