using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

/// <summary>Fruit first where trucks wait: a yard's places (the highway queue's order) and its release order.</summary>
public class YardPriorityTests
{
    private static readonly CargoClassSpec[] Classes = [new("fruit", 0.5, null, 19, 6, null), SpecBuilder.General(0.5)];
    private static readonly Dictionary<string, double> Mix = new() { ["fruit"] = 0.5, ["general"] = 0.5 };

    [Test]
    public void Fruit_first_on_a_yard_lets_fruit_trucks_off_the_highway_before_older_general_ones()
    {
        // A yard of 1 place that overflows onto the highway, then one booth of 1 h (the trucks wait for it in the
        // yard). 5 general trucks (older) and 5 fruit trucks stand on the highway at the start. The booth takes
        // one truck an hour and frees the yard's place; with fruit first on the yard the next place goes to a
        // fruit truck while any waits, so fruit overtakes the general trucks still on the highway.
        string[] Order(IReadOnlyList<string>? priority) => LeavingOrder(
            SpecBuilder.Yard("lots", 1) with { OverflowToHighway = true, Priority = priority },
            SpecBuilder.Check("booth", 1, new Deterministic(1)));

        var fruitFirst = Order(["fruit"]);
        var firstCome = Order(null);

        Assert.That(firstCome, Is.EqualTo(new[] { "general", "general", "general", "general", "general", "fruit", "fruit", "fruit", "fruit", "fruit" }));
        Assert.That(fruitFirst.Take(2), Is.EqualTo(new[] { "general", "general" }), "the yard's place and the booth are taken at once by the oldest two");
        Assert.That(fruitFirst.Skip(2), Is.EqualTo(new[] { "fruit", "fruit", "fruit", "fruit", "fruit", "general", "general", "general" }));
    }

    [Test]
    public void Fruit_first_on_a_staging_yard_releases_fruit_trucks_first_within_its_quota()
    {
        // A staging yard (unbounded) releasing 2 trucks a day, then a booth of 1 h: over 3 days 6 trucks leave, in
        // the release order. 5 general (older) and 5 fruit stand in the yard at the start. First come: the 5 general
        // and 1 fruit. Fruit first: the oldest general truck takes the turn and the booth at once and hands the turn
        // to the next oldest before the others have asked (day 1: 2 general); then the fruit trucks (days 2 and 3).
        string[] Order(IReadOnlyList<string>? priority) => LeavingOrder(
            SpecBuilder.Yard("staging", null, releaseQuota: 2) with { Priority = priority },
            SpecBuilder.Check("booth", 1, new Deterministic(1)),
            days: 3);

        Assert.That(Order(null), Is.EqualTo(new[] { "general", "general", "general", "general", "general", "fruit" }));
        Assert.That(Order(["fruit"]), Is.EqualTo(new[] { "general", "general", "fruit", "fruit", "fruit", "fruit" }));
    }

    /// <summary>The classes of the trucks that left, in the order they left, in one replication with the backlog on the highway (or in the first yard).</summary>
    private static string[] LeavingOrder(YardStageSpec yard, CheckStageSpec booth, int days = 1)
    {
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0, Mix), [yard, booth])
        {
            Backlog = [new BacklogSpec(null, "general", 5, new Deterministic(2)), new BacklogSpec(null, "fruit", 5, new Deterministic(1))],
        };
        var scenario = SpecBuilder.Scenario([direction], days: days, warmUpHours: 0, replications: 1, classes: Classes);
        var observer = new Recorder();
        new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();
        return [.. observer.Trucks.Where(t => !double.IsNaN(t.LeftHours)).OrderBy(t => t.LeftHours).Select(t => t.CargoClass)];
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}
