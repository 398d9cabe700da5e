using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>
/// The load check asks the model what an origin's park can release: a park with a daily limit below its origin's
/// arrivals is a line of its own ("park ORIGIN", overloaded: its trucks wait in it without bound, which the route's
/// own queue does not show), and the route sees only what the park releases. Hand calculations on one origin of
/// 100 trucks a day sending every truck to one route.
/// </summary>
public class ParkLoadCheckTests
{
    /// <summary>One origin, 100 trucks a day, all to route 'export': a check of 10 booths of 1 h (240 a day).</summary>
    private static CrossingModel Model(int? releasePerDay, string? calendar = null, IReadOnlyList<CalendarSpec>? calendars = null, int days = 4)
    {
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(0), [SpecBuilder.Check("booth", 10, new Deterministic(1))])],
            days: days,
            warmUpHours: 0,
            replications: 1,
            classes: [new("general", 1, null, 25, 2, null)],
            calendars: calendars) with
        {
            Origins = [new OriginSpec("province", SpecBuilder.Flat(100), [new RoutingRuleSpec("all", RoutingKind.Shares, ["export"], [1])], [])
            {
                Park = new ParkSpec(null, releasePerDay, calendar, []),
            }],
        };
        return new CrossingModel(scenario);
    }

    private static StageLoad Line(IReadOnlyList<StageLoad> loads, string stage) => loads.Single(l => l.Stage == stage);

    [TestCase(60, 60, true)]
    [TestCase(100, 100, true)] // demand reaches the limit: no margin, a queue that never settles
    [TestCase(150, 100, false)]
    public void A_park_releasing_N_a_day_is_a_line_against_its_origins_arrivals_and_the_route_sees_at_most_N(int releasePerDay, double routeDemand, bool overloaded)
    {
        var loads = LoadCheck.For(Model(releasePerDay));
        var park = Line(loads, LoadCheck.ParkPrefix + "province");

        Assert.Multiple(() =>
        {
            Assert.That(park.Direction, Is.EqualTo("export"));
            Assert.That(park.DemandTrucksPerDay, Is.EqualTo(100).Within(1e-9));
            Assert.That(park.CapacityTrucksPerDay, Is.EqualTo(releasePerDay).Within(1e-9));
            Assert.That(park.IsOverloaded, Is.EqualTo(overloaded));
            Assert.That(Line(loads, "booth").DemandTrucksPerDay, Is.EqualTo(routeDemand).Within(1e-9), "the booth gets what the park releases");
        });
    }

    [Test]
    public void A_park_releases_its_limit_only_on_days_its_calendar_opens()
    {
        // 4 days from Mon 1 Jun 2026; the park's calendar closed on 2 and 3 June: 2 of 4 days open, so 150 a day on
        // open days is 75 a day over the run, below the 100 arriving.
        var calendar = SpecBuilder.Calendar("park_hours", SpecBuilder.Hanoi, 7, 19,
            closures: [new ClosureSpec(new LocalDate(2026, 6, 2), new LocalDate(2026, 6, 3), "closed")]);
        var loads = LoadCheck.For(Model(150, "park_hours", [calendar]));

        Assert.Multiple(() =>
        {
            Assert.That(Line(loads, LoadCheck.ParkPrefix + "province").CapacityTrucksPerDay, Is.EqualTo(75).Within(1e-9));
            Assert.That(Line(loads, LoadCheck.ParkPrefix + "province").IsOverloaded, Is.True);
            Assert.That(Line(loads, "booth").DemandTrucksPerDay, Is.EqualTo(75).Within(1e-9));
        });
    }

    [Test]
    public void A_park_without_a_daily_limit_has_no_line_and_the_route_sees_every_arrival()
    {
        var calendar = SpecBuilder.Calendar("park_hours", SpecBuilder.Hanoi, 7, 19);
        var loads = LoadCheck.For(Model(null, "park_hours", [calendar]));

        Assert.Multiple(() =>
        {
            Assert.That(loads.Where(l => l.Stage.StartsWith(LoadCheck.ParkPrefix, StringComparison.Ordinal)), Is.Empty);
            Assert.That(Line(loads, "booth").DemandTrucksPerDay, Is.EqualTo(100).Within(1e-9));
        });
    }

    [Test]
    public void An_overloaded_park_makes_its_route_overloaded_in_the_verdict_with_the_park_as_the_reason()
    {
        var model = Model(60);
        var verdict = OverloadCheck.Judge(LoadCheck.For(model), []).Single(v => v.Direction == "export");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.IsOverloaded, Is.True);
            Assert.That(verdict.Reasons, Has.Some.EqualTo("demand 100 trucks/day >= capacity 60 trucks/day at park province"));
        });
    }
}
