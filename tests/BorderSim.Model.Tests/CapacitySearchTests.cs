using BorderSim.Model.Experiments;

namespace BorderSim.Model.Tests;

public class CapacitySearchTests
{
    /// <summary>Three replications whose values are 10f − 1, 10f and 10f + 1: mean 10f, sd 1, half-width t(0.975, 2)/√3.</summary>
    private static CapacityPoint Linear(double factor) => new(factor, 100 * factor, [(10 * factor) - 1, 10 * factor, (10 * factor) + 1]);

    private static List<CapacityPoint> Search(CapacitySearch search, Func<double, CapacityPoint> evaluate)
    {
        var points = new List<CapacityPoint>();
        for (int round = 0; ; round++)
        {
            IReadOnlyList<double> next = search.NextFactors(points, round);
            if (next.Count == 0)
            {
                return points;
            }

            points.AddRange(next.Select(evaluate));
        }
    }

    [Test]
    public void On_a_straight_curve_the_capacity_and_its_interval_are_where_the_mean_and_the_band_cross_the_target()
    {
        var search = new CapacitySearch(new Target("m", IsAtMost: true, 12), startFactor: 1, relativeTolerance: 0.001, maxFactor: 10);
        CapacityEstimate estimate = search.Estimate(Search(search, Linear));

        // Linear interpolation is exact on a straight line: 10f = 12 at f = 1.2; 10f ± h = 12 at 1.2 ∓ h/10.
        double h = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 2, 0.975) / Math.Sqrt(3);
        Assert.Multiple(() =>
        {
            Assert.That(estimate.Point.Factor, Is.EqualTo(1.2).Within(1e-9));
            Assert.That(estimate.Low.Factor, Is.EqualTo(1.2 - (h / 10)).Within(1e-9), "the upper end of the band meets the target up to here");
            Assert.That(estimate.High.Factor, Is.EqualTo(1.2 + (h / 10)).Within(1e-9), "the lower end of the band meets it up to here");
        });
    }

    [Test]
    public void A_target_of_at_least_a_value_is_met_below_the_crossing_of_a_falling_curve()
    {
        var search = new CapacitySearch(new Target("m", IsAtMost: false, 4), startFactor: 1, relativeTolerance: 0.001, maxFactor: 10);
        CapacityEstimate estimate = search.Estimate(Search(search, f => new CapacityPoint(f, f, [10 - (5 * f)])));
        Assert.That(estimate.Point.Factor, Is.EqualTo(1.2).Within(1e-9));
    }

    [Test]
    public void A_target_met_at_the_largest_factor_is_reported_above_the_range_and_one_missed_at_the_smallest_below_it()
    {
        var lenient = new CapacitySearch(new Target("m", IsAtMost: true, 1e9), startFactor: 1, relativeTolerance: 0.01, maxFactor: 3);
        var strict = new CapacitySearch(new Target("m", IsAtMost: true, -1), startFactor: 1, relativeTolerance: 0.01, maxFactor: 3);
        List<CapacityPoint> lenientPoints = Search(lenient, Linear);
        Assert.Multiple(() =>
        {
            Assert.That(lenient.Estimate(lenientPoints).Point.IsAboveRange, Is.True);
            Assert.That(lenientPoints.Max(p => p.Factor), Is.EqualTo(3), "the search goes up to the largest factor allowed");
            Assert.That(strict.Estimate(Search(strict, Linear)).Point.IsBelowRange, Is.True);
        });
    }

    [TestCase(15, AsWrittenDemand.WithinCapacity)]
    [TestCase(12, AsWrittenDemand.AtAboutCapacity)]
    [TestCase(7, AsWrittenDemand.BeyondCapacity)]
    [TestCase(-1, AsWrittenDemand.BeyondCapacity)]
    [TestCase(1e9, AsWrittenDemand.WithinCapacity)]
    public void The_scenario_as_written_is_beyond_its_capacity_when_the_whole_interval_lies_below_factor_one_and_at_about_it_when_the_interval_holds_one(double target, AsWrittenDemand expected)
    {
        // On the straight curve the interval is target/10 ± h/10 with h/10 = 0.248: [1.25, 1.75] for 15, [0.95, 1.45] for 12,
        // [0.45, 0.95] for 7; -1 is missed at every factor (below the range, so beyond); 1e9 is met at every one (above it).
        var search = new CapacitySearch(new Target("m", IsAtMost: true, target), startFactor: 1, relativeTolerance: 0.001, maxFactor: 10);
        Assert.That(search.Estimate(Search(search, Linear)).AsWritten, Is.EqualTo(expected));
    }

    [Test]
    public void A_point_with_a_replication_without_a_value_misses_the_target()
    {
        var search = new CapacitySearch(new Target("m", IsAtMost: true, 5), 1, 0.01, 10);
        Assert.That(search.Verdict(new CapacityPoint(1, 1, [1, double.NaN])), Is.EqualTo("no"));
    }

    [TestCase("wait_hours_mean/inbound/all<=0.2", true, 0.2)]
    [TestCase("served_per_day/inbound/all >= 470", false, 470)]
    public void A_target_names_a_metric_of_summary_csv_and_a_bound(string text, bool isAtMost, double value)
    {
        Assert.That(Target.TryParse(text, ["wait_hours_mean/inbound/all", "served_per_day/inbound/all"], out Target? target, out string error), Is.True, error);
        Assert.That(target, Is.EqualTo(new Target(text.Split(['<', '>'])[0].Trim(), isAtMost, value)));
    }

    [TestCase("wait_hours_mean/inbond/all<=0.2", "no metric 'wait_hours_mean/inbond/all'; did you mean 'wait_hours_mean/inbound/all'?")]
    [TestCase("wait_hours_mean/inbound/all<0.2", "expected METRIC<=VALUE or METRIC>=VALUE")]
    [TestCase("wait_hours_mean/inbound/all<=two", "'two' is not a number")]
    public void A_target_with_an_unknown_metric_or_no_bound_is_refused_with_what_was_expected(string text, string message)
    {
        Assert.That(Target.TryParse(text, ["wait_hours_mean/inbound/all", "served_per_day/inbound/all"], out _, out string error), Is.False);
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public void No_capacity_is_answered_above_the_stability_limit_and_a_target_met_beyond_it_is_met_only_transiently()
    {
        // Issue 21: 6 booths at 15 min serve 576 a day (factor 1 = 576 here). A short run's mean wait (0.5 + f) meets
        // "<= 5" up to f = 4.5, far beyond stability; every point from f = 1 on is overloaded by the load check.
        var search = new CapacitySearch(new Target("wait", IsAtMost: true, 5), startFactor: 1, relativeTolerance: 0.001, maxFactor: 10, stabilityFactor: 1);
        List<CapacityPoint> points = Search(search, f => new CapacityPoint(f, 576 * f, [0.4 + f, 0.5 + f, 0.6 + f]) { IsOverloaded = f >= 1 });

        CapacityEstimate estimate = search.Estimate(points);

        Assert.Multiple(() =>
        {
            Assert.That(estimate.Point.Factor, Is.EqualTo(1).Within(1e-9), "576 trucks/day, not 4.5 × 576");
            Assert.That(estimate.Point.IsStabilityLimit, Is.True);
            Assert.That(estimate.High.Factor, Is.LessThanOrEqualTo(1));
            Assert.That(estimate.Low.Factor, Is.LessThanOrEqualTo(1));
            Assert.That(search.MetOnlyTransiently(points).Select(p => p.Factor), Is.Not.Empty.And.All.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public void A_target_missed_below_the_stability_limit_is_answered_where_the_curve_crosses_it()
    {
        // Mean 10f crosses 8 at f = 0.8, below the stability limit 1: the answer is the crossing, not the limit.
        var search = new CapacitySearch(new Target("m", IsAtMost: true, 8), startFactor: 1, relativeTolerance: 0.001, maxFactor: 10, stabilityFactor: 1);
        CapacityEstimate estimate = search.Estimate(Search(search, f => Linear(f) with { IsOverloaded = f >= 1 }));

        Assert.Multiple(() =>
        {
            Assert.That(estimate.Point.Factor, Is.EqualTo(0.8).Within(1e-9));
            Assert.That(estimate.Point.IsStabilityLimit, Is.False);
        });
    }
}
