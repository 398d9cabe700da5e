using BorderSim.Engine.Randomness;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

/// <summary>The border model, reduced to textbook queues, must reproduce their known answers.</summary>
public class QueueingTheoryThroughModelTests
{
    private static double Metric(ExperimentResult result, string id) => result.Summary.Single(m => m.Key.Id == id).Mean;

    private static MetricSummary Summary(ExperimentResult result, string id) => result.Summary.Single(m => m.Key.Id == id);

    [TestCase(0.5, 60, 30)]
    [TestCase(0.7, 60, 20)]
    [TestCase(0.9, 60, 80)]
    public void An_always_open_check_with_exponential_service_matches_Erlang_C(double rho, int days, int replications)
    {
        // M/M/c with c = 6, μ = 4/h, λ = ρ·c·μ; replications and days chosen so that the 99 % interval is
        // within 5 % of Wq (TheoryCheck), the wait's variance growing steeply with ρ.
        const int servers = 6;
        const double mu = 4;
        var lambda = rho * servers * mu;
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(lambda * 24), [SpecBuilder.Check("booths", servers, new ExponentialDistribution(1 / mu))])],
            days: days,
            warmUpHours: 24,
            replications: replications);

        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));

        TheoryCheck.Contains(Summary(result, "wait_hours_mean/export/all"), ErlangC.MeanWaitHours(lambda, mu, servers));
    }

    [Test]
    public void Littles_law_holds_on_the_model_output()
    {
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(20 * 24), [SpecBuilder.Yard("yard", 30), SpecBuilder.Check("booths", 6, new ExponentialDistribution(0.25), buffer: 10), SpecBuilder.Check("road", 2, new Deterministic(0.08), buffer: 5)])],
            days: 40,
            warmUpHours: 48,
            replications: 6);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));

        // L = λW per replication; the replication means of L and λW agree within the CI of their difference.
        var differences = result.Replications.Select(r =>
        {
            double Get(string id) => r.Metrics.Single(m => m.Key.Id == id).Value;
            return Get("in_system_trucks_mean/export/all") - (Get("arrival_rate_per_hour/export/all") * Get("time_in_system_hours_mean/export/all"));
        }).ToList();
        var summary = Statistics.Summarise(differences);
        var level = Metric(result, "in_system_trucks_mean/export/all");
        Assert.That(Math.Abs(summary.Mean), Is.LessThan(Math.Max(2 * summary.HalfWidth95, 0.02 * level)),
            "L − λW should be zero up to edge effects of trucks present at warm-up and at the end");
    }

    [Test]
    public void Every_truck_is_accounted_for()
    {
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(30 * 24), [SpecBuilder.Yard("yard", 20), SpecBuilder.Check("booths", 5, new ExponentialDistribution(0.2), buffer: 3)])],
            days: 10,
            warmUpHours: 24,
            replications: 3);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        foreach (var r in result.Replications)
        {
            double Get(string id) => r.Metrics.Single(m => m.Key.Id == id).Value;
            Assert.That(
                Get("in_system_at_warm_up/export/all") + Get("arrived/export/all"),
                Is.EqualTo(Get("served/export/all") + Get("gave_up/export/all") + Get("in_system_at_end/export/all")),
                "in system at warm-up + arrived = served + gave up + still in the system");
        }
    }
}

/// <summary>Erlang C for M/M/c (Kleinrock, Queueing Systems vol. 1, eq. 3.39 and 3.43).</summary>
internal static class ErlangC
{
    /// <summary>C(c, a): the probability that an arriving truck waits, a = λ/μ.</summary>
    public static double ProbabilityOfWait(double lambda, double mu, int servers)
    {
        var a = lambda / mu;
        var rho = a / servers;
        double sum = 0;
        double term = 1;
        for (var k = 0; k < servers; k++)
        {
            if (k > 0)
            {
                term *= a / k;
            }

            sum += term;
        }

        var last = term * a / servers / (1 - rho);
        return last / (sum + last);
    }

    public static double MeanWaitHours(double lambda, double mu, int servers) =>
        ProbabilityOfWait(lambda, mu, servers) / ((servers * mu) - lambda);

    /// <summary>
    /// The p-quantile of the wait in queue. P(W &gt; t) = C(c, a)·e^(−(cμ − λ)t) for t ≥ 0 (Kleinrock vol. 1
    /// eq. 3.41), with an atom 1 − C at zero; so t_p = ln(C / (1 − p)) / (cμ − λ) when p &gt; 1 − C, else 0.
    /// </summary>
    public static double WaitQuantileHours(double probability, double lambda, double mu, int servers)
    {
        var c = ProbabilityOfWait(lambda, mu, servers);
        return probability <= 1 - c ? 0 : Math.Log(c / (1 - probability)) / ((servers * mu) - lambda);
    }
}
