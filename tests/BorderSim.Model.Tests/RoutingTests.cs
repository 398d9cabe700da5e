using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>
/// Shared origin streams routed to several routes: fixed shares split a Poisson stream into independent Poisson
/// streams of rate p·λ (each route an M/M/1 here, with its exact wait); the other rules and the suspensions
/// against hand-computed consequences; the books of the origin and of every route.
/// </summary>
public class RoutingTests
{
    private static double Value(ReplicationResult replication, string id) => replication.Metrics.Single(m => m.Key.Id == id).Value;

    /// <summary>One origin of <paramref name="trucksPerDay"/> (flat) and two routes a and b, each one booth.</summary>
    private static ScenarioSpec TwoRoutes(double trucksPerDay, RoutingRuleSpec rule, Distribution serviceA, Distribution serviceB, int days, int replications, IReadOnlyList<RouteSuspensionSpec>? suspensions = null) =>
        SpecBuilder.Scenario(
            [
                new DirectionSpec("a", SpecBuilder.Flat(0), [SpecBuilder.Check("booth_a", 1, serviceA)]),
                new DirectionSpec("b", SpecBuilder.Flat(0), [SpecBuilder.Check("booth_b", 1, serviceB)]),
            ],
            days: days,
            warmUpHours: 24,
            replications: replications) with
        {
            Origins = [new OriginSpec("province", SpecBuilder.Flat(trucksPerDay), [rule], suspensions ?? [])],
        };

    private static readonly Lazy<ExperimentResult> SharesRun = new(() => ExperimentRunner.Run(
        TwoRoutes(240, new RoutingRuleSpec("all", RoutingKind.Shares, ["a", "b"], [0.25, 0.75]), new ExponentialDistribution(0.25), new ExponentialDistribution(0.1), days: 100, replications: 40),
        new RunOptions(Threads: 2)));

    [Test]
    public void Fixed_shares_give_each_route_an_MM1_queue_with_its_exact_wait()
    {
        // λ = 10/h split 0.25 / 0.75: route a is M/M/1 with λ = 2.5, μ = 4 (ρ = 0.625): Wq = ρ / (μ − λ) = 0.4167 h;
        // route b with λ = 7.5, μ = 10 (ρ = 0.75): Wq = 0.3 h. The 99 % interval over 40 replications must
        // contain each and be narrow enough to catch a 5 % error (TheoryCheck).
        TheoryCheck.Contains(SharesRun.Value.Summary.Single(m => m.Key.Id == "wait_hours_mean/a/all"), 0.625 / 1.5);
        TheoryCheck.Contains(SharesRun.Value.Summary.Single(m => m.Key.Id == "wait_hours_mean/b/all"), 0.75 / 2.5);
    }

    [Test]
    public void Fixed_shares_split_the_daily_arrivals_into_independent_Poisson_counts_of_p_lambda()
    {
        // Poisson splitting: a's daily arrivals are Poisson(60) and b's Poisson(180), independent. Over 40 × 99
        // measured days (n = 3960): the mean within ±3.2 sd (√(60/n) = 0.12, √(180/n) = 0.21), the index of
        // dispersion (variance / mean) 1 within ±0.07 (3.1 sd: √(2/(n−1)) = 0.022), the correlation within ±0.05
        // (3.1 sd: 1/√n = 0.016).
        var days = SharesRun.Value.Replications.SelectMany(r => r.Days).Where(d => !d.InWarmUp).ToList();
        var a = days.Where(d => d.Direction == "a").Select(d => (double)d.Arrived).ToArray();
        var b = days.Where(d => d.Direction == "b").Select(d => (double)d.Arrived).ToArray();
        Assert.That(a, Has.Length.EqualTo(3960));
        Assert.That(b, Has.Length.EqualTo(3960));
        Assert.Multiple(() =>
        {
            Assert.That(a.Average(), Is.EqualTo(60).Within(0.4));
            Assert.That(b.Average(), Is.EqualTo(180).Within(0.7));
            Assert.That(MathNet.Numerics.Statistics.Statistics.Variance(a) / a.Average(), Is.EqualTo(1).Within(0.07));
            Assert.That(MathNet.Numerics.Statistics.Statistics.Variance(b) / b.Average(), Is.EqualTo(1).Within(0.07));
            Assert.That(MathNet.Numerics.Statistics.Correlation.Pearson(a, b), Is.EqualTo(0).Within(0.05));
        });
    }

    [Test]
    public void The_origin_keeps_its_books_and_so_does_every_route()
    {
        foreach (var replication in SharesRun.Value.Replications)
        {
            Assert.That(Value(replication, "origin_arrived/province"),
                Is.EqualTo(Value(replication, "origin_turned_back/province") + Value(replication, "origin_routed/a/all/province") + Value(replication, "origin_routed/b/all/province")));
            foreach (var route in new[] { "a", "b" })
            {
                Assert.That(Value(replication, $"origin_routed/{route}/all/province"), Is.EqualTo(Value(replication, $"arrived/{route}/all")));
                Assert.That(
                    Value(replication, $"in_system_at_warm_up/{route}/all") + Value(replication, $"arrived/{route}/all"),
                    Is.EqualTo(Value(replication, $"served/{route}/all") + Value(replication, $"gave_up/{route}/all") + Value(replication, $"in_system_at_end/{route}/all")));
            }

            Assert.That(Value(replication, "network_served_per_day"), Is.EqualTo(Value(replication, "served_per_day/a/all") + Value(replication, "served_per_day/b/all")).Within(1e-9));
            Assert.That(Value(replication, "origin_diverted/a/all/province") + Value(replication, "origin_diverted/b/all/province"), Is.Zero, "fixed shares, nothing suspended: nobody diverts");
        }
    }

    [Test]
    public void A_truck_diverted_from_a_suspended_route_is_counted_once_under_the_route_it_left()
    {
        // Every truck's rule picks a (an overflow above int.MaxValue never fires); a is suspended on 3 and 4 June with
        // divert 1, so every truck of those two days takes b, and no other truck does. Counted by hand from the trucks:
        // origin_diverted/a = the trucks that reached b = the origin's trucks that arrived in [48 h, 96 h); nothing
        // left b; nobody turned back; the origin's books: arrived = turned back + routed.
        var suspension = new RouteSuspensionSpec("a", new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 4), 1, "works");
        var scenario = TwoRoutes(120, new RoutingRuleSpec("all", RoutingKind.Overflow, ["a", "b"], [], int.MaxValue), new ExponentialDistribution(0.05), new ExponentialDistribution(0.05), days: 6, replications: 1, [suspension]);
        var observer = new Recorder();
        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();
        var atB = observer.Trucks.Where(t => t.Direction == "b").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(atB, Has.Count.GreaterThan(80), "about 120 trucks a day for two days");
            Assert.That(atB, Is.All.Matches<TruckRecord>(t => t.ArrivedHours >= 48 && t.ArrivedHours < 96));
            Assert.That(observer.Trucks.Where(t => t.Direction == "a").Select(t => t.ArrivedHours), Is.All.Matches<double>(h => h < 48 || h >= 96));
            Assert.That(Value(replication, "origin_diverted/a/all/province"), Is.EqualTo(atB.Count));
            Assert.That(Value(replication, "origin_diverted/b/all/province"), Is.Zero);
            Assert.That(Value(replication, "origin_turned_back/province"), Is.Zero);
            Assert.That(Value(replication, "origin_arrived/province"),
                Is.EqualTo(Value(replication, "origin_turned_back/province") + Value(replication, "origin_routed/a/all/province") + Value(replication, "origin_routed/b/all/province")));
        });
    }

    [Test]
    public void A_suspended_route_takes_nobody_and_its_drivers_divert_or_turn_back_by_the_given_share()
    {
        // Route a suspended 5–9 June (local days): no truck arrives at a on those days. With divert 0.6, of a's
        // expected 60 a day, 36 go to b and 24 turn back: over the 5 days 120 turned back, b gets 180 + 36 a day.
        // Tolerance: the turned-back count is Poisson(120) per replication; 8 replications: ±3 sd = ±11.6.
        var suspension = new RouteSuspensionSpec("a", new LocalDate(2026, 6, 5), new LocalDate(2026, 6, 9), 0.6, "upgrade");
        var scenario = TwoRoutes(240, new RoutingRuleSpec("all", RoutingKind.Shares, ["a", "b"], [0.25, 0.75]), new ExponentialDistribution(0.05), new ExponentialDistribution(0.05), days: 14, replications: 8, [suspension]);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));
        var days = result.Replications.SelectMany(r => r.Days).ToList();
        var suspended = days.Where(d => d.Date >= suspension.From && d.Date <= suspension.To).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(suspended.Where(d => d.Direction == "a").Sum(d => d.Arrived), Is.Zero);
            Assert.That(suspended.Where(d => d.Direction == "b").Average(d => d.Arrived), Is.EqualTo(216).Within(6), "180 + 0.6 × 60 a day; ±3 sd of a mean of 40 Poisson(216) days is ±7");
            Assert.That(days.Where(d => d.Direction == "a" && d.Date == suspension.To.PlusDays(1)).Average(d => d.Arrived), Is.GreaterThan(40), "a takes trucks again the day after");
            Assert.That(result.Summary.Single(m => m.Key.Id == "origin_turned_back/province").Mean, Is.EqualTo(120).Within(11.6));

            // Thinning: of a Poisson(300) that picks a on the 5 days, 0.6 divert: Poisson(180) per replication; the mean
            // of 8: ±3 sd = ±3 √(180 / 8) = ±14.2. None leaves b (never suspended).
            Assert.That(result.Summary.Single(m => m.Key.Id == "origin_diverted/a/all/province").Mean, Is.EqualTo(180).Within(14.2));
            Assert.That(result.Summary.Single(m => m.Key.Id == "origin_diverted/b/all/province").Max, Is.Zero);
        });
    }

    [Test]
    public void Overflow_sends_a_share_of_drivers_to_the_second_route_only_while_the_first_has_more_trucks_ahead_than_the_threshold()
    {
        // Route a: one booth of 1 h for 48 trucks a day (ρ = 2): its queue passes 5 within hours and stays there. Then
        // a truck overflows to b with probability 0.5, and the rest stay: a receives what keeps it at 5 or below
        // plus half of the rest, b receives the other half. Hand count: a serves 24 a day, so the queue holds above 5
        // and b's share of the arrivals is 0.5 × (1 − the share of moments a is at or below 5) ≈ 0.5; a never
        // holds fewer than 5 trucks ahead for long. Measured: b's share within 0.45–0.5, and a truck ahead count
        // that stays bounded (the backlog does not grow): a serves its 24, b the overflow.
        var scenario = TwoRoutes(48, new RoutingRuleSpec("all", RoutingKind.Overflow, ["a", "b"], [], AboveTrucks: 5, DivertShare: 0.5), new Deterministic(1), new ExponentialDistribution(0.05), days: 10, replications: 4);
        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));
        double Mean(string id) => result.Summary.Single(m => m.Key.Id == id).Mean;
        var shareB = Mean("origin_routed/b/all/province") / Mean("origin_arrived/province");
        Assert.Multiple(() =>
        {
            Assert.That(shareB, Is.InRange(0.45, 0.5));
            Assert.That(Mean("served_per_day/a/all"), Is.EqualTo(24).Within(0.5), "a's booth is never idle: 1 truck an hour");
            Assert.That(Mean("queue_trucks_max/a/booth_a"), Is.LessThan(60), "a's queue is not the whole overflow");
            Assert.That(Mean("origin_turned_back/province"), Is.Zero, "others: stay");
            foreach (var replication in result.Replications)
            {
                Assert.That(Value(replication, "origin_diverted/a/all/province"), Is.EqualTo(Value(replication, "origin_routed/b/all/province")), "every truck at b overflowed from a");
                Assert.That(Value(replication, "origin_diverted/b/all/province"), Is.Zero);
            }
        });
    }

    [Test]
    public void The_shortest_expected_wait_balances_two_equal_routes_and_waits_less_than_a_random_split()
    {
        // Two equal M/M/1 routes (μ = 4/h) fed 7.2/h (ρ = 0.9 each under a 50/50 random split: Wq = 0.9 / 0.4 = 2.25 h).
        // Joining the route with fewer trucks ahead is join-the-shortest-queue, which waits far less (the two
        // queues act almost as one M/M/2: Wq = 1.07 h); each route gets half the trucks.
        var exp = new ExponentialDistribution(0.25);
        var shortest = ExperimentRunner.Run(TwoRoutes(172.8, new RoutingRuleSpec("all", RoutingKind.ShortestWait, ["a", "b"], []), exp, exp, days: 30, replications: 8), new RunOptions(Threads: 2));
        var random = ExperimentRunner.Run(TwoRoutes(172.8, new RoutingRuleSpec("all", RoutingKind.Shares, ["a", "b"], [0.5, 0.5]), exp, exp, days: 30, replications: 8), new RunOptions(Threads: 2));
        double Mean(ExperimentResult r, string id) => r.Summary.Single(m => m.Key.Id == id).Mean;
        Assert.Multiple(() =>
        {
            Assert.That(Mean(shortest, "origin_routed/a/all/province") / Mean(shortest, "origin_arrived/province"), Is.EqualTo(0.5).Within(0.01));
            Assert.That(Mean(shortest, "network_wait_hours_mean"), Is.LessThan(0.6 * Mean(random, "network_wait_hours_mean")));
            // JSQ waits a little more than M/M/2 (1.07 h): 1.14 ± 0.055 h over 20 × 200 days (measured); this short run
            // at ρ = 0.9 has a half-width of about 0.2 h, hence the wide range.
            Assert.That(Mean(shortest, "network_wait_hours_mean"), Is.InRange(0.75, 1.6));
        });
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}
