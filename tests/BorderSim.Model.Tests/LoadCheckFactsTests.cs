using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>The load check reads what the compiled model has in force: caps, their dated changes, caps per class, appointment quotas.</summary>
public class LoadCheckFactsTests
{
    private static readonly Dictionary<string, TrucksPerDayRange> NoClassCaps = [];

    private static ClearanceCapSpec Cap(int min, int max) => new(new TrucksPerDayRange(min, max), NoClassCaps);

    /// <summary>6 booths at 15 minutes, always open: 6 × 24 / 0.25 = 576 trucks a day before any cap.</summary>
    private static CheckStageSpec SixBooths(ClearanceCapSpec? cap) =>
        SpecBuilder.Check("booth", 6, new ExponentialDistribution(0.25)) with { CapPerDay = cap };

    private static StageLoad Booth(ScenarioSpec scenario, string stage = "booth") =>
        LoadCheck.For(new CrossingModel(scenario)).Single(l => l.Stage == stage);

    [Test]
    public void A_capped_check_has_its_cap_as_capacity_and_is_overloaded_when_fed_more()
    {
        // Issue 19/21 by hand: 6 booths at 15 min serve 576 a day, but the cap lets 400 start a day; fed 480.
        var scenario = SpecBuilder.Scenario([new DirectionSpec("inbound", SpecBuilder.Flat(480), [SixBooths(Cap(400, 400))])], days: 4);

        var load = Booth(scenario);

        Assert.Multiple(() =>
        {
            Assert.That(load.CapacityTrucksPerDay, Is.EqualTo(400).Within(1e-9));
            Assert.That(load.DemandTrucksPerDay, Is.EqualTo(480).Within(1e-9));
            Assert.That(load.IsOverloaded, Is.True);
        });
    }

    [Test]
    public void A_cap_above_what_the_booths_serve_leaves_the_booths_as_the_capacity()
    {
        var scenario = SpecBuilder.Scenario([new DirectionSpec("inbound", SpecBuilder.Flat(480), [SixBooths(Cap(700, 700))])], days: 4);

        Assert.That(Booth(scenario).CapacityTrucksPerDay, Is.EqualTo(576).Within(1e-9));
    }

    [Test]
    public void A_cap_drawn_from_a_range_counts_its_mean_and_a_cap_lifted_by_date_counts_until_then()
    {
        // Range 300-500: mean 400 a day. Lifted from 3 June (day 3 of 4): (400 + 400 + 576 + 576) / 4 = 488.
        var ranged = SpecBuilder.Scenario([new DirectionSpec("inbound", SpecBuilder.Flat(300), [SixBooths(Cap(300, 500))])], days: 4);
        var lifted = SpecBuilder.Scenario(
            [new DirectionSpec("inbound", SpecBuilder.Flat(300), [SixBooths(Cap(400, 400))])], days: 4,
            changes: [new ScheduledChangeSpec(new LocalDate(2026, 6, 3), "booth", null, null, null, null, null, null, "") { CapPerDay = ClearanceCapSpec.None }]);

        Assert.Multiple(() =>
        {
            Assert.That(Booth(ranged).CapacityTrucksPerDay, Is.EqualTo(400).Within(1e-9));
            Assert.That(Booth(lifted).CapacityTrucksPerDay, Is.EqualTo(488).Within(1e-9));
        });
    }

    [Test]
    public void A_class_capped_below_its_demand_is_overloaded_on_a_line_of_its_own()
    {
        // fruit: 20 % of 240 = 48 a day against its cap of 30; the booths (576) and the whole stage are not overloaded.
        var fruit = new CargoClassSpec("fruit", 0.2, null, 25, 2, null);
        var cap = new ClearanceCapSpec(null, new Dictionary<string, TrucksPerDayRange> { ["fruit"] = new(30, 30) });
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("inbound", SpecBuilder.Flat(240, new Dictionary<string, double> { ["general"] = 0.8, ["fruit"] = 0.2 }), [SixBooths(cap)])],
            days: 4, classes: [SpecBuilder.General(0.8), fruit]);

        var loads = LoadCheck.For(new CrossingModel(scenario));

        var fruitLine = loads.Single(l => l.Stage == "booth cap for fruit");
        Assert.Multiple(() =>
        {
            Assert.That(fruitLine.DemandTrucksPerDay, Is.EqualTo(48).Within(1e-9));
            Assert.That(fruitLine.CapacityTrucksPerDay, Is.EqualTo(30).Within(1e-9));
            Assert.That(fruitLine.IsOverloaded, Is.True);
            Assert.That(loads.Single(l => l.Stage == "booth").CapacityTrucksPerDay, Is.EqualTo(576).Within(1e-9));
        });
    }

    [Test]
    public void An_appointment_quota_limits_a_check_on_its_appointment_only_days()
    {
        // Appointment only with a quota of 300 on 1-2 June, free on 3-4 June: (300 + 300 + 576 + 576) / 4 = 438.
        var appointments = new AppointmentPeriodSpec(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 2), 300, []);
        var calendar = SpecBuilder.Calendar("gate", SpecBuilder.Hanoi, 0, 24, appointments: [appointments]);
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("inbound", SpecBuilder.Flat(300), [SpecBuilder.Check("booth", 6, new ExponentialDistribution(0.25), calendar: "gate")])],
            days: 4, calendars: [calendar]);

        Assert.That(Booth(scenario).CapacityTrucksPerDay, Is.EqualTo(438).Within(1e-9));
    }
}
