using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using MathNet.Numerics.Distributions;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>A class's patience changed by date: a truck draws the patience in force when it arrives and keeps it.</summary>
public class PatienceChangeTests
{
    private static ScheduledChangeSpec PatienceFrom(LocalDate from, Distribution? patience) =>
        new(from, null, null, null, null, null, null, null, "") { CargoClass = "general", Patience = new PatienceChangeSpec(patience) };

    [Test]
    public void Trucks_waiting_when_the_patience_changes_keep_the_patience_they_drew_on_arrival()
    {
        // One booth held for the whole run by a truck of the starting backlog (service 1,000 h): every arrival waits
        // until its patience runs out. Patience fixed(5 h) to 1 June, fixed(1 h) from 2 June (24 h), none from
        // 3 June (48 h). Counted by hand: a truck that arrived before 24 h gives up 5 h after it arrived (also those
        // still waiting at 24 h), one that arrived in [24 h, 48 h) after 1 h, one that arrived from 48 h never.
        var general = new CargoClassSpec("general", 1, null, 25, 2, new Deterministic(5));
        var direction = new DirectionSpec("export", SpecBuilder.Flat(24), [SpecBuilder.Check("booth", 1, new Deterministic(1000))])
        {
            Backlog = [new BacklogSpec(null, "general", 1, null)],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 4, warmUpHours: 0, replications: 1, classes: [general],
            changes: [PatienceFrom(new LocalDate(2026, 6, 2), new Deterministic(1)), PatienceFrom(new LocalDate(2026, 6, 3), null)]);
        var observer = new Recorder();

        new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();

        var arrivals = observer.Trucks.Where(t => t.ArrivedHours > 0).ToList();
        double PatienceOf(TruckRecord t) => t.LeftHours - t.ArrivedHours;
        Assert.Multiple(() =>
        {
            Assert.That(arrivals.Count(t => t.ArrivedHours < 24), Is.GreaterThan(10));
            Assert.That(arrivals.Where(t => t.ArrivedHours is >= 19 and < 24), Is.Not.Empty, "some still wait when the change comes");
            Assert.That(arrivals.Where(t => t.ArrivedHours < 24).Select(PatienceOf), Is.All.EqualTo(5).Within(1e-9));
            Assert.That(arrivals.Where(t => t.ArrivedHours is >= 24 and < 48).Select(PatienceOf), Is.All.EqualTo(1).Within(1e-9));
            Assert.That(arrivals.Where(t => t.ArrivedHours < 48), Is.All.Matches<TruckRecord>(t => t.Outcome == TruckOutcome.GaveUp));
            Assert.That(arrivals.Where(t => t.ArrivedHours >= 48), Is.Not.Empty.And.All.Matches<TruckRecord>(t => t.Outcome == TruckOutcome.InSystemAtEnd), "no patience from 3 June: they wait to the end");
        });
    }

    [Test]
    public void Erlang_A_abandonment_and_wait_before_and_after_a_patience_change_match_the_birth_death_chain()
    {
        // M/M/2+M (Erlang-A): lambda = 9/h, mu = 5/h (exp(12 min)), two booths; patience exp(1 h) (theta = 1/h) until
        // 30 June, exp(15 min) (theta = 4/h) from 1 July (720 h). Exact values from the birth-death chain (birth
        // lambda, death min(n, c) mu + max(n - c, 0) theta), truncated where the tail is below 1e-15: the share that
        // gives up, theta E[Nq] / lambda, and the mean time in queue of every arrival (served or not), E[Nq] / lambda
        // (Little). Measured over the arrivals of 2-30 June (before) and 3-30 July (after: two days' warm-up for the
        // trucks of the old patience to leave), per replication; the 99 % Student-t interval over 30 replications
        // (fixed seed) must contain the exact value and be narrower than 5 % of it.
        const double lambda = 9, mu = 5, thetaBefore = 1, thetaAfter = 4;
        const int servers = 2;
        var general = new CargoClassSpec("general", 1, null, 25, 2, new ExponentialDistribution(1 / thetaBefore));
        var scenario = SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(lambda * 24), [SpecBuilder.Check("booth", servers, new ExponentialDistribution(1 / mu))])],
            days: 61,
            warmUpHours: 0,
            replications: 30,
            classes: [general],
            changes: [PatienceFrom(new LocalDate(2026, 7, 1), new ExponentialDistribution(1 / thetaAfter))]);
        var windows = new (double From, double To)[] { (24, 720), (768, 1440) };
        var recorders = new WindowRecorder[scenario.Replications];
        ExperimentRunner.Run(scenario, new RunOptions(Threads: 2), r => recorders[r] = new WindowRecorder(windows));

        Assert.That(recorders.Sum(r => r.Censored), Is.Zero, "every truck of a window has left a day before the end");
        var thetas = new[] { thetaBefore, thetaAfter };
        for (var w = 0; w < windows.Length; w++)
        {
            var (abandonment, waitHours) = ErlangA(lambda, mu, servers, thetas[w]);
            Within(recorders.Select(r => r.GaveUpShare(w)).ToArray(), abandonment, $"share giving up, window {w}");
            Within(recorders.Select(r => r.MeanWaitHours(w)).ToArray(), waitHours, $"mean wait of every arrival, window {w}");
        }
    }

    /// <summary>M/M/c+M by its birth-death chain: the share of arrivals that give up and their mean time in queue.</summary>
    private static (double Abandonment, double WaitHours) ErlangA(double lambda, double mu, int c, double theta)
    {
        var weights = new List<double> { 1 };
        for (var n = 1; weights[^1] > 1e-15 * weights.Max() || n <= c; n++)
        {
            weights.Add(weights[^1] * lambda / ((Math.Min(n, c) * mu) + (Math.Max(n - c, 0) * theta)));
        }

        var total = weights.Sum();
        var queue = weights.Select((p, n) => Math.Max(n - c, 0) * p / total).Sum();
        return (theta * queue / lambda, queue / lambda);
    }

    private static void Within(double[] values, double exact, string what)
    {
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        var halfWidth = StudentT.InvCDF(0, 1, values.Length - 1, 0.995) * sd / Math.Sqrt(values.Length);
        TestContext.Out.WriteLine($"{what}: {mean:G5} ± {halfWidth:G3} (99 %) vs exact {exact:G5}");
        Assert.That(mean, Is.EqualTo(exact).Within(halfWidth), what);
        Assert.That(halfWidth, Is.LessThan(0.05 * exact), $"{what}: the interval is too wide to catch a 5 % error");
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }

    /// <summary>Per window of arrival times: trucks, those that gave up, and their waits summed.</summary>
    private sealed class WindowRecorder((double From, double To)[] windows) : ITruckObserver
    {
        private readonly long[] _arrived = new long[windows.Length];
        private readonly long[] _gaveUp = new long[windows.Length];
        private readonly double[] _waitHours = new double[windows.Length];

        /// <summary>Trucks of a window still in the system at the end (their wait would be cut short).</summary>
        public int Censored { get; private set; }

        public double GaveUpShare(int w) => (double)_gaveUp[w] / _arrived[w];

        public double MeanWaitHours(int w) => _waitHours[w] / _arrived[w];

        public void OnTruckLeft(TruckRecord truck)
        {
            for (var w = 0; w < windows.Length; w++)
            {
                if (truck.ArrivedHours >= windows[w].From && truck.ArrivedHours < windows[w].To)
                {
                    Censored += truck.Outcome == TruckOutcome.InSystemAtEnd ? 1 : 0;
                    _arrived[w]++;
                    _gaveUp[w] += truck.Outcome == TruckOutcome.GaveUp ? 1 : 0;
                    _waitHours[w] += truck.WaitHours;
                }
            }
        }
    }
}
