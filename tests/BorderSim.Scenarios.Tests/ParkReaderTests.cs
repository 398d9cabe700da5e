using BorderSim.Engine.Randomness;
using BorderSim.Model.Spec;

namespace BorderSim.Scenarios.Tests;

/// <summary><c>origins.NAME.park:</c> a province's parking area that holds the origin's trucks and releases them, read with file:line:col errors.</summary>
public class ParkReaderTests
{
    private const string Scenario = """
        name: park
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 3
        classes:
          fruit: { share: 0.6 }
          general: { share: 0.4 }
        calendars:
          park_release: { time_zone: Asia/Ho_Chi_Minh, hours: { mon-sun: "07:00-19:00" } }
        directions:
          huu_nghi:
            stages:
              - check: { name: hn_customs, servers: 4, service: exp(10min) }
        origins:
          province:
            arrivals: { trucks_per_day: 300 }
            routing: { all: { shares: { huu_nghi: 1 } } }

        """;

    [Test]
    public void A_park_has_its_places_its_daily_release_its_calendar_and_its_backlog()
    {
        var spec = ScenarioReaderTests.ReadValid(Scenario + """
                park:
                  capacity: 1500
                  release_per_day: 600
                  calendar: park_release
                  backlog:
                    - { class: fruit, trucks: 200, age: 6h }
                    - { class: general, trucks: 50 }
            """);

        var park = spec.Origins.Single().Park!;
        Assert.Multiple(() =>
        {
            Assert.That(park.Capacity, Is.EqualTo(1500));
            Assert.That(park.ReleasePerDay, Is.EqualTo(600));
            Assert.That(park.Calendar, Is.EqualTo("park_release"));
            Assert.That(park.Backlog.Select(b => (b.CargoClass, b.Trucks)), Is.EqualTo(new[] { ("fruit", 200), ("general", 50) }));
            Assert.That(park.Backlog[0].AgeHours, Is.EqualTo(new Deterministic(6)));
            Assert.That(park.Backlog[1].AgeHours, Is.Null);
        });
    }

    [Test]
    public void An_origin_without_a_park_routes_each_truck_as_it_arrives()
    {
        var spec = ScenarioReaderTests.ReadValid(Scenario);

        Assert.That(spec.Origins.Single().Park, Is.Null);
    }

    [Test]
    public void A_park_backlog_of_a_class_the_origin_does_not_route_is_refused()
    {
        var text = Scenario
            .Replace("routing: { all: { shares: { huu_nghi: 1 } } }", "routing: { fruit: { shares: { huu_nghi: 1 } } }", StringComparison.Ordinal)
            .Replace("arrivals: { trucks_per_day: 300 }", "arrivals: { trucks_per_day: 300, class_mix: { fruit: 1 } }", StringComparison.Ordinal)
            + "    park: { release_per_day: 100, backlog: [{ class: general, trucks: 5 }] }\n";
        var errors = Scenarios.ScenarioReader.Read(new StringReader(text), "test.yaml").Errors.Select(e => e.ToString()).ToList();

        Assert.That(errors, Has.One.Contains("test.yaml:18:54: origins.province.park.backlog[0].class: no rule of this origin routes class 'general' (its rules route fruit;"));
    }
}
