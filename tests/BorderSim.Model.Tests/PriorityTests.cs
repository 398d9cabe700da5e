using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>Classes served first at a check (non-preemptive priority), by date.</summary>
public class PriorityTests
{
    private static readonly CargoClassSpec[] Classes = [new("fruit", 0.5, null, 19, 6, null), SpecBuilder.General(0.5)];

    private static MetricSummary Summary(ExperimentResult result, string id) => result.Summary.Single(m => m.Key.Id == id);

    [Test]
    public void Two_class_non_preemptive_priority_M_M_1_matches_Cobham()
    {
        // One booth, exp(10 min) (mu = 6/h), fruit first: lambda_fruit = 1.8/h (rho1 = 0.3), general 2.4/h
        // (rho2 = 0.4). Cobham (1954; Kleinrock vol. 2 eq. 3.31): W0 = sum lambda_i E[S^2]/2 = rho/mu = 0.7/6 h,
        // Wq,fruit = W0 / (1 - rho1) = 0.1667 h, Wq,general = W0 / ((1 - rho1)(1 - rho)) = 0.5556 h. Fixed seed;
        // 60 days (about 6,000 trucks) x 40 replications put each 99 % interval within 5 % (TheoryCheck).
        const double mu = 6;
        const double fruitPerHour = 1.8;
        const double generalPerHour = 2.4;
        var mix = new Dictionary<string, double> { ["fruit"] = fruitPerHour / (fruitPerHour + generalPerHour), ["general"] = generalPerHour / (fruitPerHour + generalPerHour) };
        var booth = SpecBuilder.Check("booth", 1, new ExponentialDistribution(1 / mu)) with { Priority = ["fruit"] };
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat((fruitPerHour + generalPerHour) * 24, mix), [booth])],
            days: 60,
            warmUpHours: 48,
            replications: 40,
            classes: Classes);

        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));

        var rho1 = fruitPerHour / mu;
        var rho = (fruitPerHour + generalPerHour) / mu;
        var w0 = rho / mu;
        TheoryCheck.Contains(Summary(result, "wait_hours_mean/all/fruit"), w0 / (1 - rho1));
        TheoryCheck.Contains(Summary(result, "wait_hours_mean/all/general"), w0 / ((1 - rho1) * (1 - rho)));
    }

    [Test]
    public void Fruit_first_serves_waiting_fruit_trucks_before_older_general_ones()
    {
        // One booth of 1 h; 5 general trucks (older) and 5 fruit trucks wait at the start. With fruit first the
        // fruit trucks overtake the general ones still waiting; without, the older general trucks go first.
        var classes = Classes;
        var mix = new Dictionary<string, double> { ["fruit"] = 0.5, ["general"] = 0.5 };
        DirectionSpec Direction(IReadOnlyList<string>? priority) => new("export", SpecBuilder.Flat(0, mix), [SpecBuilder.Check("booth", 1, new Deterministic(1)) with { Priority = priority }])
        {
            Backlog = [new BacklogSpec(null, "general", 5, new Deterministic(2)), new BacklogSpec(null, "fruit", 5, new Deterministic(1))],
        };

        string[] Order(IReadOnlyList<string>? priority)
        {
            var scenario = SpecBuilder.Scenario([Direction(priority)], days: 1, warmUpHours: 0, replications: 1, classes: classes);
            var observer = new Recorder();
            new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();
            return [.. observer.Trucks.OrderBy(t => t.LeftHours).Select(t => t.CargoClass)];
        }

        // The first truck takes the booth at once (nobody else has asked yet): the oldest, general. Then fruit.
        Assert.That(Order(["fruit"]), Is.EqualTo(new[] { "general", "fruit", "fruit", "fruit", "fruit", "fruit", "general", "general", "general", "general" }));
        Assert.That(Order(null), Is.EqualTo(new[] { "general", "general", "general", "general", "general", "fruit", "fruit", "fruit", "fruit", "fruit" }));
    }

    [Test]
    public void A_dated_change_turns_priority_on_and_reranks_the_trucks_already_waiting()
    {
        // One booth of 1 h; 30 general trucks (older) and 10 fruit wait at the start; fruit first only from
        // 2 June (24 h): the first day serves 24 general trucks, then the 10 fruit trucks go first, then the
        // last 6 general.
        var mix = new Dictionary<string, double> { ["fruit"] = 0.5, ["general"] = 0.5 };
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0, mix), [SpecBuilder.Check("booth", 1, new Deterministic(1))])
        {
            Backlog = [new BacklogSpec(null, "general", 30, new Deterministic(2)), new BacklogSpec(null, "fruit", 10, new Deterministic(1))],
        };
        var changes = new[] { new ScheduledChangeSpec(new LocalDate(2026, 6, 2), "booth", null, null, null, null, null, null, "") { Priority = ["fruit"] } };
        var scenario = SpecBuilder.Scenario([direction], days: 2, warmUpHours: 0, replications: 1, classes: Classes, changes: changes);
        var observer = new Recorder();

        new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();

        string[] expected = [.. Enumerable.Repeat("general", 24), .. Enumerable.Repeat("fruit", 10), .. Enumerable.Repeat("general", 6)];
        Assert.That(observer.Trucks.Where(t => !double.IsNaN(t.LeftHours)).OrderBy(t => t.LeftHours).Select(t => t.CargoClass), Is.EqualTo(expected),
            "24 general by 24 h; at the change the waiting fruit trucks move ahead of the 6 general still waiting");
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}
