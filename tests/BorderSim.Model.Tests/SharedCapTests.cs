using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

/// <summary>One daily allowance shared by checks on two routes: what the other side accepts across gates in a day.</summary>
public class SharedCapTests
{
    private static readonly Dictionary<string, TrucksPerDayRange> NoClassCaps = [];

    private static CheckStageSpec Booth(string name, int? ownCap = null) =>
        SpecBuilder.Check(name, 1, new Deterministic(1 / 3600.0)) with
        {
            CapPerDay = ownCap is { } cap ? new ClearanceCapSpec(new TrucksPerDayRange(cap, cap), NoClassCaps) : null,
        };

    private static SharedCapSpec Shared(int trucksPerDay) => new("cn_acceptance", ["gate_a_inspection", "gate_b_inspection"], new TrucksPerDayRange(trucksPerDay, trucksPerDay), null);

    private static ScenarioSpec TwoGates(DirectionSpec a, DirectionSpec b, int days, SharedCapSpec shared) =>
        SpecBuilder.Scenario([a, b], days: days, warmUpHours: 0, replications: 1) with { SharedCaps = [shared] };

    private static int[] ServedPerDay(ReplicationResult replication, string? direction = null) =>
        [.. replication.Days.Where(d => direction is null || d.Direction == direction).GroupBy(d => d.Date).OrderBy(g => g.Key).Select(g => g.Sum(d => d.Served))];

    [Test]
    public void Two_gates_sharing_a_cap_of_100_clear_100_a_day_in_all_and_the_backlog_grows_by_the_rest()
    {
        // Gates a and b, 80 trucks a day each (Poisson), one booth of 1 s each: either clears 80 a day alone. Shared
        // cap 100 a day: from day 0 on, at least 100 wait by the end of each day (160 arrive; the seed's day 0 brings
        // more than 100 before midnight), so every day clears exactly 100 in all, and the trucks in the system at the
        // end of day d are those arrived up to then less 100 (d + 1), counted by hand from the day's records. The growth
        // averages 160 - 100 = 60 a day: over 20 days the arrivals' sd is sqrt(160 x 20) = 56.6 trucks, 2.8 a day;
        // 3 sd = 8.5 trucks a day allowed.
        const int days = 20;
        var a = new DirectionSpec("gate_a", SpecBuilder.Flat(80), [Booth("gate_a_inspection")]);
        var b = new DirectionSpec("gate_b", SpecBuilder.Flat(80), [Booth("gate_b_inspection")]);
        var scenario = TwoGates(a, b, days, Shared(100));

        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();

        var served = ServedPerDay(replication);
        var arrived = replication.Days.GroupBy(d => d.Date).OrderBy(g => g.Key).Select(g => g.Sum(d => d.Arrived)).ToArray();
        var backlog = replication.Days.GroupBy(d => d.Date).OrderBy(g => g.Key).Select(g => g.Sum(d => d.BacklogAtEnd)).ToArray();
        var expectedBacklog = Enumerable.Range(0, days).Select(d => arrived.Take(d + 1).Sum() - (100 * (d + 1))).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(served, Is.EqualTo(Enumerable.Repeat(100, days).ToArray()), "100 a day over both gates");
            Assert.That(ServedPerDay(replication, "gate_a"), Has.Some.GreaterThan(0), "gate a draws from the allowance");
            Assert.That(ServedPerDay(replication, "gate_b"), Has.Some.GreaterThan(0), "gate b draws from the allowance");
            Assert.That(backlog, Is.EqualTo(expectedBacklog), "arrived less 100 a day stay in the system");
            Assert.That(backlog[^1] / (double)days, Is.EqualTo(60).Within(8.5), "the backlog grows 160 - 100 = 60 a day");
        });
    }

    [Test]
    public void A_gate_with_a_cap_of_its_own_takes_no_more_than_it_and_leaves_the_rest_of_the_shared_cap_to_the_other()
    {
        // 1,000 waiting at each gate, no arrivals. Gate a's own cap is 30 a day, the shared cap 100: a clears 30,
        // b the other 70, every day; a truck a's own cap refuses does not spend the shared allowance.
        var a = new DirectionSpec("gate_a", SpecBuilder.Flat(0), [Booth("gate_a_inspection", ownCap: 30)]) { Backlog = [new BacklogSpec(null, "general", 1000, null)] };
        var b = new DirectionSpec("gate_b", SpecBuilder.Flat(0), [Booth("gate_b_inspection")]) { Backlog = [new BacklogSpec(null, "general", 1000, null)] };
        var scenario = TwoGates(a, b, 4, Shared(100));

        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();

        Assert.That(ServedPerDay(replication, "gate_a"), Is.EqualTo(new[] { 30, 30, 30, 30 }));
        Assert.That(ServedPerDay(replication, "gate_b"), Is.EqualTo(new[] { 70, 70, 70, 70 }));
    }

    [Test]
    public void A_shared_cap_counts_the_spanned_checks_servers_as_held_back_not_idle()
    {
        // Backlogs at both gates that never run out, shared cap 100 a day, 1 s each: the booths work 200 s a day
        // and are held back for the rest of it (the trucks wait, refused until midnight).
        var a = new DirectionSpec("gate_a", SpecBuilder.Flat(0), [Booth("gate_a_inspection")]) { Backlog = [new BacklogSpec(null, "general", 1000, null)] };
        var b = new DirectionSpec("gate_b", SpecBuilder.Flat(0), [Booth("gate_b_inspection")]) { Backlog = [new BacklogSpec(null, "general", 1000, null)] };
        var scenario = TwoGates(a, b, 3, Shared(100));

        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();

        var heldBack = replication.Metrics.Where(m => m.Key.Name == Metrics.UtilisationHeldBack.Name).Sum(m => m.Value);
        var idle = replication.Metrics.Where(m => m.Key.Name == Metrics.UtilisationIdle.Name).Sum(m => m.Value);
        Assert.That(heldBack, Is.EqualTo(2 * (1 - (100 / 86400.0))).Within(0.01), "both booths held back all but the seconds they serve");
        Assert.That(idle, Is.EqualTo(0).Within(0.01));
    }

    [Test]
    public void A_shared_cap_built_in_code_that_names_no_check_is_refused_when_compiled()
    {
        var a = new DirectionSpec("gate_a", SpecBuilder.Flat(80), [Booth("gate_a_inspection")]);
        var b = new DirectionSpec("gate_b", SpecBuilder.Flat(80), [SpecBuilder.Yard("gate_b_yard", 10), Booth("gate_b_inspection")]);
        var toYard = Shared(100) with { Stages = ["gate_a_inspection", "gate_b_yard"] };
        var twice = Shared(100) with { Stages = ["gate_a_inspection", "gate_a_inspection"] };

        Assert.That(() => new CrossingModel(TwoGates(a, b, 2, toYard)), Throws.ArgumentException.With.Message.Contains("'gate_b_yard'"));
        Assert.That(() => new CrossingModel(TwoGates(a, b, 2, twice)), Throws.ArgumentException.With.Message.Contains("'gate_a_inspection'"));
    }

    [Test]
    public void The_load_check_asks_the_model_for_the_shared_cap()
    {
        // 80 + 80 a day against 100 shared: a line per spanned gate with the total demand, 160, against 100; each
        // booth alone is limited to the whole shared cap, 100 a day, below its 86,400 s / 1 s.
        var a = new DirectionSpec("gate_a", SpecBuilder.Flat(80), [Booth("gate_a_inspection")]);
        var b = new DirectionSpec("gate_b", SpecBuilder.Flat(80), [Booth("gate_b_inspection")]);
        var model = new CrossingModel(TwoGates(a, b, 10, Shared(100)));

        var loads = LoadCheck.For(model);

        var shared = loads.Where(l => l.Stage == "shared cap cn_acceptance").ToList();
        Assert.That(shared.Select(l => l.Direction), Is.EqualTo(new[] { "gate_a", "gate_b" }));
        Assert.That(shared.Select(l => l.DemandTrucksPerDay), Is.All.EqualTo(160).Within(1e-9));
        Assert.That(shared.Select(l => l.CapacityTrucksPerDay), Is.All.EqualTo(100).Within(1e-9));
        Assert.That(shared.All(l => l.IsOverloaded), Is.True);
        Assert.That(loads.Single(l => l.Stage == "gate_a_inspection").CapacityTrucksPerDay, Is.EqualTo(100).Within(1e-9));
    }
}
