using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

/// <summary>
/// A share of a delivery yard's trucks returns empty (return_empty_via: { direction, share }): each truck leaving the
/// yard draws one lot from a stream of its own; below the share it returns empty, else it stays on the far side and is
/// counted in not_returned_empty. The books: served at the yard = empties that arrived in the return direction + not
/// returned.
/// </summary>
public class EmptyReturnShareTests
{
    private const string ServedImports = "served/import/all";
    private const string EmptiesArrived = "arrived/export/all";
    private const string NotReturned = "not_returned_empty/import/all";

    /// <summary>
    /// import: 2,000 trucks a day through vn_booth (200 servers, 0.01 h: nobody queues) into vn_delivery (0.1 h), whose
    /// trucks return empty through export (cn_entry, 200 servers, then cn_delivery); export has no arrivals of its own,
    /// so every truck arriving in export is an empty.
    /// </summary>
    private static ScenarioSpec Scenario(double? share, int replications = 1)
    {
        var delivery = SpecBuilder.Yard("vn_delivery", null, new Deterministic(0.1), returnEmptyVia: "export");
        if (share is { } s)
        {
            delivery = delivery with { ReturnEmptyShare = s };
        }

        var import = new DirectionSpec("import", SpecBuilder.Flat(2000), [SpecBuilder.Check("vn_booth", 200, new Deterministic(0.01)), delivery]);
        var export = new DirectionSpec("export", SpecBuilder.Flat(0), [SpecBuilder.Check("cn_entry", 200, new Deterministic(0.01)), SpecBuilder.Yard("cn_delivery", null, new Deterministic(1))]);
        return SpecBuilder.Scenario([import, export], days: 1, warmUpHours: 0, replications: replications);
    }

    private static Dictionary<string, double> Run(ScenarioSpec scenario) =>
        new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run().Metrics.ToDictionary(m => m.Key.Id, m => m.Value);

    [Test]
    public void With_share_zero_no_truck_returns_and_every_truck_served_at_the_yard_is_counted_as_not_returned()
    {
        var metrics = Run(Scenario(0));

        Assert.Multiple(() =>
        {
            Assert.That(metrics[ServedImports], Is.GreaterThan(1800), "about 2,000 a day, all served");
            Assert.That(metrics[EmptiesArrived], Is.Zero);
            Assert.That(metrics[NotReturned], Is.EqualTo(metrics[ServedImports]));
        });
    }

    [Test]
    public void With_share_one_every_truck_returns_and_the_metric_is_not_reported()
    {
        var metrics = Run(Scenario(1));

        Assert.Multiple(() =>
        {
            Assert.That(metrics[EmptiesArrived], Is.EqualTo(metrics[ServedImports]));
            Assert.That(metrics.ContainsKey(NotReturned), Is.False, "share 1 is the default: the keys stay as before");
            Assert.That(MetricLayout.KeysOf(new CrossingModel(Scenario(1))).Select(k => k.Id), Does.Not.Contain(NotReturned));
            Assert.That(MetricLayout.KeysOf(new CrossingModel(Scenario(0.5))).Select(k => k.Id), Does.Contain(NotReturned));
        });
    }

    [Test]
    public void With_share_one_half_about_half_return_within_a_binomial_tolerance_and_the_books_balance_exactly()
    {
        var metrics = Run(Scenario(0.5));
        var served = metrics[ServedImports];
        var returned = metrics[EmptiesArrived];

        // Returned ~ Binomial(n, 0.5): sd = √n / 2 ≈ 22 for n ≈ 2,000; 4 sd (a chance of about 6e-5 of failing for a
        // seed picked at random; this seed is fixed).
        Assert.Multiple(() =>
        {
            Assert.That(returned, Is.EqualTo(served / 2).Within(4 * Math.Sqrt(served) / 2));
            Assert.That(returned + metrics[NotReturned], Is.EqualTo(served), "served at the yard = returned + not returned");
        });
    }

    [Test]
    public void The_lot_comes_from_a_stream_of_its_own_so_the_loaded_direction_draws_exactly_what_it_drew_with_every_truck_returning()
    {
        var all = Run(Scenario(null));
        var half = Run(Scenario(0.5));
        var one = Run(Scenario(1));

        Assert.Multiple(() =>
        {
            Assert.That(one, Is.EqualTo(all), "share 1 written out is the default");
            var imports = all.Where(m => m.Key.Contains("/import/", StringComparison.Ordinal));
            Assert.That(imports.Select(m => (m.Key, half[m.Key])), Is.EqualTo(imports.Select(m => (m.Key, m.Value))));
        });
    }

    [Test]
    public void A_lower_share_sends_back_a_subset_of_the_trucks_on_common_random_numbers()
    {
        // Each truck's lot is the same whatever the share: the trucks below 0.3 are among those below 0.6.
        var low = Run(Scenario(0.3))[EmptiesArrived];
        var high = Run(Scenario(0.6))[EmptiesArrived];

        Assert.That(low, Is.LessThan(high));
    }

    [Test]
    public void Results_with_a_share_are_identical_whatever_the_number_of_threads()
    {
        var scenario = Scenario(0.4, replications: 4);
        var one = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        var two = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));

        Assert.That(two.Summary.Select(m => (m.Key.Id, m.Mean, m.StandardDeviation, m.Min, m.Max)), Is.EqualTo(one.Summary.Select(m => (m.Key.Id, m.Mean, m.StandardDeviation, m.Min, m.Max))));
        Assert.That(one.Summary.Single(m => m.Key.Id == NotReturned).StandardDeviation, Is.GreaterThan(0), "replications draw different lots");
    }

    [Test]
    public void The_load_check_sends_back_only_the_share()
    {
        // 2,000 imports a day at share 0.25: 500 empties a day load cn_entry.
        var loads = LoadCheck.For(new CrossingModel(Scenario(0.25))).ToDictionary(l => l.Stage);

        Assert.That(loads["cn_entry"].DemandTrucksPerDay, Is.EqualTo(500).Within(1e-9));
    }
}
