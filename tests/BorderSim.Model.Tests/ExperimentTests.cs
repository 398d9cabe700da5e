using BorderSim.Engine.Randomness;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

public class ExperimentTests
{
    private static ScenarioSpec Lanes(int lanesPerDirection, int replications = 8)
    {
        var road = new RoadSpec("freight_road_1119", new Dictionary<string, int> { ["export"] = lanesPerDirection, ["import"] = lanesPerDirection }, new ExponentialDistribution(0.4), 10, null);
        return SpecBuilder.Scenario(
            [
                new DirectionSpec("export", SpecBuilder.Flat(120), [SpecBuilder.Yard("vn_yard", 450), SpecBuilder.Check("vn_customs", 4, new ExponentialDistribution(0.5)), new RoadStageSpec("freight_road_1119", "freight_road_1119", null)]),
                new DirectionSpec("import", SpecBuilder.Flat(100), [new RoadStageSpec("freight_road_1119", "freight_road_1119", null), SpecBuilder.Check("vn_import_customs", 6, new ExponentialDistribution(0.5))]),
            ],
            days: 10,
            warmUpHours: 24,
            replications: replications,
            roads: [road]) with
        { Name = $"{lanesPerDirection * 2} lanes" };
    }

    [Test]
    public void Common_random_numbers_give_a_narrower_interval_than_independent_streams()
    {
        var four = Lanes(2);
        var six = Lanes(3);
        var paired = Comparison.Run([four, six], new RunOptions(Threads: 2), commonRandomNumbers: true);
        var independent = Comparison.Run([four, six], new RunOptions(Threads: 2), commonRandomNumbers: false);

        const string metric = "wait_hours_mean/export/all";
        var crn = paired.Differences.Single(d => d.Key.Id == metric);
        var ind = independent.Differences.Single(d => d.Key.Id == metric);
        Assert.That(crn.IsSignificant, Is.True, "6 lanes cut the export wait");
        Assert.That(crn.Difference, Is.LessThan(0));
        Assert.That(crn.HalfWidth, Is.LessThan(ind.HalfWidth), "CRN pairs share arrivals and service draws");
    }

    [Test]
    public void Identical_alternatives_under_common_random_numbers_differ_by_exactly_zero()
    {
        var result = Comparison.Run([Lanes(2, 3), Lanes(2, 3)], new RunOptions(Threads: 2));
        Assert.That(result.Differences.Select(d => d.Difference), Is.All.EqualTo(0));
        Assert.That(result.Differences.Where(d => d.IsSignificant), Is.Empty);
    }

    [Test]
    public void Three_alternatives_use_a_Bonferroni_adjusted_level()
    {
        var result = Comparison.Run([Lanes(2, 3), Lanes(3, 3), Lanes(4, 3)], new RunOptions(Threads: 2));
        Assert.That(result.Differences.Select(d => d.ConfidenceLevel).Distinct(), Is.EqualTo(new[] { 1 - (0.05 / 2) }).Within(1e-12));
        Assert.That(result.Differences.Select(d => d.Alternative).Distinct(), Is.EqualTo(new[] { "6 lanes", "8 lanes" }));
    }

    [Test]
    public void A_list_of_opening_hours_is_a_list_though_its_values_hold_colons()
    {
        Assert.That(Sweep.TryParse("calendars.vn_gate.hours.mon-sun=07:00-19:00,07:00-22:00", out var hours, out var error), Is.True, error);
        Assert.That(hours!.Values, Is.EqualTo(new[] { "07:00-19:00", "07:00-22:00" }));
    }

    [Test]
    public void Sweeps_expand_ranges_and_lists_into_every_combination()
    {
        Assert.That(Sweep.TryParse("directions.export.arrivals.trucks_per_day=1000:1500:250", out var a, out _), Is.True);
        Assert.That(a!.Values, Is.EqualTo(new[] { "1000", "1250", "1500" }));
        Assert.That(Sweep.TryParse("roads.r.lanes.export=2,3", out var b, out _), Is.True);
        var combinations = Sweep.Combinations([a, b!]);
        Assert.That(combinations, Has.Count.EqualTo(6));
        Assert.That(combinations[1], Is.EqualTo(new[] { ("directions.export.arrivals.trucks_per_day", "1000"), ("roads.r.lanes.export", "3") }));
        Assert.That(Sweep.TryParse("x=0.1:0.3:0.1", out var c, out _), Is.True);
        Assert.That(c!.Values, Is.EqualTo(new[] { "0.1", "0.2", "0.3" }));
        Assert.That(Sweep.TryParse("x=5:1:1", out _, out var error), Is.False);
        Assert.That(error, Does.Contain("step must be positive"));
    }

    [Test]
    public void Shards_partition_the_run_list()
    {
        var shards = Enumerable.Range(1, 3).Select(k => { Shard.TryParse($"{k}/3", out var s, out _); return s; }).ToList();
        var owners = Enumerable.Range(0, 20).Select(i => shards.Count(s => s.Contains(i)));
        Assert.That(owners, Is.All.EqualTo(1));
        Assert.That(Shard.TryParse("4/3", out _, out var error), Is.False);
        Assert.That(error, Does.Contain("K/N"));
    }

    [Test]
    public void Mser5_truncates_an_initial_transient_and_nothing_from_a_stationary_series()
    {
        var stream = new RandomStream(7);
        var stationary = Enumerable.Range(0, 1000).Select(_ => stream.NextDouble()).ToArray();
        var transient = Enumerable.Range(0, 1000).Select(i => (i < 200 ? 10.0 * (200 - i) / 200 : 0) + stream.NextDouble()).ToArray();
        Assert.That(Mser.TruncationPoint(stationary), Is.LessThan(100));
        Assert.That(Mser.TruncationPoint(transient), Is.InRange(150, 300));
    }
}
