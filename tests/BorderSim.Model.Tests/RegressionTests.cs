using BorderSim.Model.Experiments;

namespace BorderSim.Model.Tests;

public class RegressionTests
{
    private static Baseline Baseline(params ReplicationValues[] metrics) => new(7, metrics[0].Values.Count, "test", metrics);

    private static ReplicationValues Metric(string id, params double[] values) => new(id, "", values);

    private static RegressionFinding Find(IReadOnlyList<RegressionFinding> findings, string id) => findings.Single(f => f.Metric == id);

    [Test]
    public void The_paired_p_value_matches_a_hand_calculation()
    {
        // Differences 1..5: mean 3, s = √2.5, t = 3 / (√2.5 / √5) = √18 = 4.2426 on 4 degrees of freedom.
        // Student t with 4 dof: F(t) = 1/2 + (3/8)·u·(1 − t²/(12(1 + t²/4))), u = t/√(1 + t²/4) → F = 0.993380, p = 2(1 − F) = 0.013240.
        Assert.That(Regression.PairedPValue([1, 2, 3, 4, 5]), Is.EqualTo(0.013240).Within(1e-5));
    }

    [Test]
    public void Holm_multiplies_the_kth_smallest_p_by_m_minus_k_plus_1_and_keeps_the_order()
    {
        // Sorted 0.005, 0.01, 0.03, 0.04 (m = 4): ×4 = 0.02, ×3 = 0.03, ×2 = 0.06, ×1 = 0.04 → raised to 0.06 to stay monotone.
        Assert.That(Regression.Holm([0.01, 0.04, 0.03, 0.005, double.NaN]), Is.EqualTo(new[] { 0.03, 0.06, 0.06, 0.02, double.NaN }).Within(1e-12));
        Assert.That(Regression.Holm([0.2, 0.9]), Is.EqualTo(new[] { 0.4, 0.9 }).Within(1e-12));
        Assert.That(Regression.Holm([0.6, 0.9]), Is.EqualTo(new[] { 1.0, 1.0 }).Within(1e-12), "0.6 × 2 capped at 1, then 0.9 raised to 1 to stay non-decreasing");
    }

    [Test]
    public void Pairing_catches_a_shift_far_smaller_than_the_spread_between_replications()
    {
        // Replications spread over 50..150 (sd ≈ 33), the new run is 1% higher in every one, ±0.2: an unpaired test would
        // need thousands of replications; the paired differences (mean 1, sd ≈ 0.15) give t ≈ 19 on 7 dof.
        double[] before = [100, 50, 150, 80, 120, 90, 140, 60];
        double[] jitter = [0.2, -0.2, 0.1, -0.1, 0, 0.2, -0.2, 0];
        double[] after = [.. before.Select((v, i) => v + 1 + jitter[i])];
        double[] noise = [.. before.Select((v, i) => v + (i % 2 == 0 ? 5 : -5) + jitter[i])];
        var findings = Regression.Check(Baseline(Metric("shifted", before), Metric("noisy", before)), [Metric("shifted", after), Metric("noisy", noise)], exact: false);
        Assert.Multiple(() =>
        {
            Assert.That(Find(findings, "shifted").IsRegression, Is.True);
            Assert.That(Find(findings, "shifted").Difference, Is.EqualTo(1).Within(1e-12));
            Assert.That(Find(findings, "shifted").AdjustedPValue, Is.LessThan(1e-6));
            Assert.That(Find(findings, "noisy").IsRegression, Is.False, "±5 alternating: mean difference 0");
        });
    }

    [Test]
    public void A_metric_that_differs_by_the_same_amount_in_every_replication_moved_unless_it_is_round_off()
    {
        var baseline = Baseline(Metric("lanes", 4, 4, 4), Metric("served", 10, 12, 11), Metric("summed", 0.1, 0.2, 0.3));
        var findings = Regression.Check(
            baseline,
            [Metric("lanes", 3, 3, 3), Metric("served", 10.5, 12.5, 11.5), Metric("summed", 0.1 * (1 + 1e-13), 0.2 * (1 + 1e-13), 0.3 * (1 + 1e-13))],
            exact: false);
        Assert.Multiple(() =>
        {
            Assert.That(Find(findings, "lanes").IsRegression, Is.True, "a deterministic metric has no noise: any change is a move");
            Assert.That(Find(findings, "served").IsRegression, Is.True, "zero variance of the differences: p = 0");
            Assert.That(Find(findings, "summed").IsRegression, Is.False, "1e-13 relative is round-off (below 1e-9)");
        });

        var exact = Regression.Check(baseline, [Metric("lanes", 4, 4, 4), Metric("served", 10, 12, 11), Metric("summed", 0.1, 0.2, 0.3 * (1 + 1e-13))], exact: true);
        Assert.That(exact.Where(f => f.IsRegression).Select(f => (f.Metric, f.Reason)), Is.EqualTo(new[] { ("summed", "not bit-identical (replication 3)") }));
    }

    [Test]
    public void Identical_runs_pass_with_every_p_value_1()
    {
        var findings = Regression.Check(Baseline(Metric("a", 1, 2, 3), Metric("b", 5, double.NaN, 7)), [Metric("a", 1, 2, 3), Metric("b", 5, double.NaN, 7)], exact: true);
        Assert.That(findings.Select(f => (f.IsRegression, f.AdjustedPValue, f.Pairs)), Is.EqualTo(new[] { (false, 1.0, 3), (false, 1.0, 2) }));
    }

    [Test]
    public void A_metric_gone_from_the_run_or_never_observed_in_the_same_replication_moved()
    {
        var findings = Regression.Check(
            Baseline(Metric("gone", 1, 2, 3), Metric("appeared", double.NaN, double.NaN, double.NaN), Metric("empty", double.NaN, double.NaN, double.NaN)),
            [Metric("appeared", 1, 1, 1), Metric("empty", double.NaN, double.NaN, double.NaN)],
            exact: false);
        Assert.Multiple(() =>
        {
            Assert.That(Find(findings, "gone").Reason, Is.EqualTo("metric missing from the new run"));
            Assert.That(Find(findings, "gone").IsRegression, Is.True);
            Assert.That(Find(findings, "appeared").IsRegression, Is.True);
            Assert.That(Find(findings, "appeared").Reason, Does.Contain("observed in 0 baseline replications, 3 now"));
            Assert.That(Find(findings, "empty").IsRegression, Is.False);
        });
    }

    [Test]
    public void Metrics_the_run_produces_that_the_baseline_lacks_are_listed()
    {
        var baseline = Baseline(Metric("a", 1, 2));
        Assert.That(Regression.NotInBaseline(baseline, [Metric("a", 1, 2), Metric("new/one", 3, 4)]), Is.EqualTo(new[] { "new/one" }));
    }

    [Test]
    public void A_regress_run_has_at_least_20_replications_and_more_when_the_scenario_asks()
    {
        Assert.That(new[] { Regression.ReplicationsFor(5), Regression.ReplicationsFor(20), Regression.ReplicationsFor(30) }, Is.EqualTo(new[] { 20, 20, 30 }));
    }
}
