using BorderSim.Engine.Randomness;
using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

/// <summary>
/// The model's <c>waiting_trucks</c> series (what the queue plots and the compare report draw): each truck of a
/// direction once, none missed. With one booth of one server after them, every truck in the system is either waiting
/// or in service, so the trucks in the system less the waiting ones are 0 or 1 at every sample, exactly.
/// </summary>
public class WaitingTrucksTests
{
    // About 267 trucks a day at one server (5.4 min each) against 300 arriving: the queue grows and the first stage fills.
    private static readonly ExponentialDistribution Booth = new(0.09);

    private static Func<string, double[]> Run(ScenarioSpec scenario)
    {
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        var series = result.Replications.Single().TimeSeries.Series;
        return id => series.Single(s => s.Id == id).Values;
    }

    private static ScenarioSpec OneDirection(params StageSpec[] stages) =>
        SpecBuilder.Scenario([new DirectionSpec("export", SpecBuilder.Flat(300), stages)], days: 3, warmUpHours: 0, replications: 1);

    [Test]
    public void A_first_yard_that_overflows_counts_the_trucks_on_the_highway_as_waiting_for_it()
    {
        // A yard of 5 whose check has no places: the check's queue stands in the yard, the rest wait on the highway.
        var values = Run(OneDirection(SpecBuilder.Yard("yard", 5), SpecBuilder.Check("booth", 1, Booth)));
        var waitingYard = values("waiting_trucks/export/yard");
        var waitingBooth = values("waiting_trucks/export/booth");
        var parked = values("yard_parked_trucks/export/yard");
        var queue = values("queue_trucks/export/booth");
        var highway = values("highway_queue_trucks/export");
        var inSystem = values("in_system_trucks/export");
        Assert.That(highway.Max(), Is.GreaterThan(50), "the yard of 5 overflows onto the highway");
        for (var i = 0; i < inSystem.Length; i++)
        {
            Assert.That(waitingYard[i], Is.EqualTo(parked[i] + highway[i]), $"sample {i}: the yard's parked trucks and those waiting for a place in it");
            Assert.That(waitingBooth[i], Is.EqualTo(queue[i]), $"sample {i}");
            Assert.That(inSystem[i] - waitingYard[i] - waitingBooth[i], Is.EqualTo(0).Or.EqualTo(1), $"sample {i}: the rest is the one truck in service");
        }
    }

    [Test]
    public void A_first_yard_without_overflow_counts_the_trucks_waiting_upstream()
    {
        // overflow: none: the trucks that find the yard full wait upstream, off the highway, and still wait.
        var yard = SpecBuilder.Yard("yard", 5) with { OverflowToHighway = false };
        var values = Run(OneDirection(yard, SpecBuilder.Check("booth", 1, Booth)));
        var waitingYard = values("waiting_trucks/export/yard");
        var parked = values("yard_parked_trucks/export/yard");
        var highway = values("highway_queue_trucks/export");
        var inSystem = values("in_system_trucks/export");
        var waitingBooth = values("waiting_trucks/export/booth");
        Assert.Multiple(() =>
        {
            Assert.That(highway.Max(), Is.Zero, "nothing stands on the highway");
            Assert.That(waitingYard.Zip(parked, (w, p) => w - p).Max(), Is.GreaterThan(50), "the trucks waiting upstream for the yard");
        });
        for (var i = 0; i < inSystem.Length; i++)
        {
            Assert.That(inSystem[i] - waitingYard[i] - waitingBooth[i], Is.EqualTo(0).Or.EqualTo(1), $"sample {i}");
        }
    }

    [Test]
    public void A_first_check_with_a_buffer_counts_its_queue_and_the_trucks_waiting_for_a_buffer_place()
    {
        var values = Run(OneDirection(SpecBuilder.Check("booth", 1, Booth, buffer: 5)));
        var waiting = values("waiting_trucks/export/booth");
        var queue = values("queue_trucks/export/booth");
        var highway = values("highway_queue_trucks/export");
        var inSystem = values("in_system_trucks/export");
        Assert.That(highway.Max(), Is.GreaterThan(50), "the buffer of 5 overflows onto the highway");
        for (var i = 0; i < inSystem.Length; i++)
        {
            Assert.That(waiting[i], Is.EqualTo(queue[i] + highway[i]), $"sample {i}");
            Assert.That(inSystem[i] - waiting[i], Is.EqualTo(0).Or.EqualTo(1), $"sample {i}");
        }
    }

    [Test]
    public void A_destination_yard_holds_no_waiting_trucks()
    {
        var scenario = OneDirection(SpecBuilder.Check("booth", 2, Booth), SpecBuilder.Yard("pochai_yard", null, new ExponentialDistribution(2)));
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        var ids = result.Replications.Single().TimeSeries.Series.Select(s => s.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Does.Contain("yard_occupancy_trucks/export/pochai_yard"));
            Assert.That(ids, Does.Not.Contain("waiting_trucks/export/pochai_yard"), "trucks dwell there to unload; they do not wait");
            Assert.That(ids, Does.Contain("waiting_trucks/export/booth"));
        });
    }

    [Test]
    public void The_series_leave_out_exactly_the_yard_the_scenario_names_as_destination()
    {
        // Boundaries of the rule: a route ending in a check has no destination yard; a yard first is waited for; a
        // route of one yard ends in it. The model's series and the scenario's rule (which the plots ask) agree.
        DirectionSpec[] directions =
        [
            new("export", SpecBuilder.Flat(300), [SpecBuilder.Yard("vn_yard", 5), SpecBuilder.Check("booth", 2, Booth), SpecBuilder.Yard("cn_yard", null, new ExponentialDistribution(2))]),
            new("import", SpecBuilder.Flat(300), [SpecBuilder.Yard("cn_yard", 5), SpecBuilder.Check("booth", 2, Booth)]),
            new("empty", SpecBuilder.Flat(10), [SpecBuilder.Yard("lot", null, new ExponentialDistribution(2))]),
        ];
        var scenario = SpecBuilder.Scenario(directions, days: 1, warmUpHours: 0, replications: 1);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        var waiting = result.Replications.Single().TimeSeries.Series.Where(s => s.Name == "waiting_trucks").Select(s => s.Id).ToList();
        var notDestination = scenario.Directions.SelectMany(d => d.Stages.Where(s => s != d.DestinationYard).Select(s => $"waiting_trucks/{d.Name}/{s.Name}"));
        Assert.Multiple(() =>
        {
            Assert.That(scenario.Directions.Select(d => d.DestinationYard?.Name), Is.EqualTo(new[] { "cn_yard", null, "lot" }));
            Assert.That(waiting, Is.EquivalentTo(notDestination));
        });
    }
}
