using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>Booths kept for a class at a check (reserved capacity, the green lane), by date.</summary>
public class ReservedCapacityTests
{
    private const double Mu = 6; // exp(10 min)

    private static readonly CargoClassSpec[] Classes = [new("fruit", 0.5, null, 19, 6, null), SpecBuilder.General(0.5)];

    private static MetricSummary Summary(ExperimentResult result, string id) => result.Summary.Single(m => m.Key.Id == id);

    private static ScenarioSpec TwoClassCheck(int servers, double fruitPerHour, double generalPerHour, CheckStageSpec booth, int days, int replications)
    {
        var total = fruitPerHour + generalPerHour;
        var mix = new Dictionary<string, double> { ["fruit"] = fruitPerHour / total, ["general"] = generalPerHour / total };
        Assert.That(booth.Servers, Is.EqualTo(servers));
        return SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(total * 24, mix), [booth])],
            days: days,
            warmUpHours: 48,
            replications: replications,
            classes: Classes);
    }

    [Test]
    public void Reserved_only_splits_a_check_into_two_independent_M_M_c_queues_that_match_Erlang_C()
    {
        // Four booths, exp(10 min); two kept for fruit, which uses only those (reserved_only): fruit is an M/M/2 at
        // lambda = 8/h (rho = 0.667) and general an M/M/2 on the other two at 7.2/h (rho = 0.6), each Erlang C
        // (Kleinrock vol. 1 eq. 3.39). Poisson splitting by class makes the two streams independent. Fixed seed;
        // 80 days x 40 replications put each 99 % interval within 5 % of the exact wait (TheoryCheck).
        const double fruitPerHour = 8;
        const double generalPerHour = 7.2;
        var booth = SpecBuilder.Check("booth", 4, new ExponentialDistribution(1 / Mu)) with { Reserved = [new("fruit", 2)], ReservedOnly = true };

        var result = ExperimentRunner.Run(TwoClassCheck(4, fruitPerHour, generalPerHour, booth, days: 80, replications: 40), new RunOptions(Threads: 2));

        TheoryCheck.Contains(Summary(result, "wait_hours_mean/all/fruit"), ErlangC.MeanWaitHours(fruitPerHour, Mu, 2));
        TheoryCheck.Contains(Summary(result, "wait_hours_mean/all/general"), ErlangC.MeanWaitHours(generalPerHour, Mu, 2));

        // Each pair of booths is busy lambda / (2 mu) of the time: the reserved and unreserved utilisations.
        TheoryCheck.Contains(Summary(result, "utilisation_reserved/export/booth"), fruitPerHour / (2 * Mu));
        TheoryCheck.Contains(Summary(result, "utilisation_unreserved/export/booth"), generalPerHour / (2 * Mu));
    }

    [TestCase(true, TestName = "The_green_lane_with_fruit_first_at_the_shared_booths_matches_the_exact_Markov_chain")]
    [TestCase(false, TestName = "The_green_lane_with_general_first_at_the_shared_booths_matches_the_exact_Markov_chain")]
    public void The_green_lane_matches_the_exact_Markov_chain(bool fruitFirst)
    {
        // Three booths, exp(10 min), one kept for fruit; fruit also takes a shared booth when its own is busy. Fruit
        // 4.8/h, general 7.2/h (load 12/18 = 0.67). A priority order at the shared booths makes the state
        // (fruit on its booth, shared booths busy, fruit waiting, general waiting) a Markov chain; under first come,
        // first served the order of the mixed queue would be part of the state. The chain is solved exactly
        // (GreenLaneChain) and the mean waits follow by Little's law, W = Lq / lambda. Fixed seed; 60 days x 30
        // replications put each 99 % interval within 5 % of the exact wait (TheoryCheck).
        const double fruitPerHour = 4.8;
        const double generalPerHour = 7.2;
        var booth = SpecBuilder.Check("booth", 3, new ExponentialDistribution(1 / Mu)) with
        {
            Reserved = [new("fruit", 1)],
            Priority = fruitFirst ? ["fruit"] : ["general"],
        };
        var chain = GreenLaneChain.Solve(servers: 3, reserved: 1, fruitPerHour, generalPerHour, Mu, fruitFirst, maxQueue: 80);
        TestContext.Out.WriteLine($"chain: {chain.States} states, mass at the truncation {chain.MassAtTruncation:E2}, {chain.Sweeps} sweeps");
        Assert.That(chain.MassAtTruncation, Is.LessThan(1e-9), "the truncated queues must hold no measurable probability");

        var result = ExperimentRunner.Run(TwoClassCheck(3, fruitPerHour, generalPerHour, booth, days: 60, replications: 30), new RunOptions(Threads: 2));

        TheoryCheck.Contains(Summary(result, "wait_hours_mean/all/fruit"), chain.FruitWaitHours);
        TheoryCheck.Contains(Summary(result, "wait_hours_mean/all/general"), chain.GeneralWaitHours);
        TheoryCheck.Contains(Summary(result, "utilisation_reserved/export/booth"), chain.ReservedBusy);
    }

    [Test]
    public void The_chain_solver_reproduces_Erlang_C_when_one_class_is_absent()
    {
        // No fruit: general has the two shared booths, an M/M/2. No general: fruit has all three, an M/M/3.
        var generalOnly = GreenLaneChain.Solve(servers: 3, reserved: 1, 0, 7.2, Mu, fruitFirst: true, maxQueue: 80);
        var fruitOnly = GreenLaneChain.Solve(servers: 3, reserved: 1, 12, 0, Mu, fruitFirst: true, maxQueue: 80);

        Assert.That(generalOnly.GeneralWaitHours, Is.EqualTo(ErlangC.MeanWaitHours(7.2, Mu, 2)).Within(1e-9));
        Assert.That(fruitOnly.FruitWaitHours, Is.EqualTo(ErlangC.MeanWaitHours(12, Mu, 3)).Within(1e-9));
    }

    [Test]
    public void A_reservation_lifted_on_a_date_frees_its_booth_at_local_midnight()
    {
        // Two booths of exactly 1 h, one kept for fruit; no fruit comes, 40 general trucks wait at the start. On
        // 1 June general has one booth: 24 served by midnight. From 2 June (24 h, local midnight) nothing is kept:
        // the idle booth takes a general truck at once, so two leave at 25 h and the last 16 are done at 32 h.
        var booth = SpecBuilder.Check("booth", 2, new Deterministic(1)) with { Reserved = [new("fruit", 1)] };
        var changes = new[] { new ScheduledChangeSpec(new LocalDate(2026, 6, 2), "booth", null, null, null, null, null, null, "") { Reserved = [] } };

        var left = LeftHours(booth, general: 40, fruit: 0, changes);

        Assert.That(left["general"].Count(h => h <= 24 + 1e-9), Is.EqualTo(24), "one booth for general on the first day");
        Assert.That(left["general"].Count(h => Math.Abs(h - 25) < 1e-9), Is.EqualTo(2), "the freed booth starts a truck at midnight");
        Assert.That(left["general"][^1], Is.EqualTo(32).Within(1e-9));
    }

    [TestCase(false, 40, TestName = "A_dated_reservation_takes_effect_at_local_midnight_and_fruit_also_takes_a_free_shared_booth")]
    [TestCase(true, 49, TestName = "A_dated_reservation_only_takes_effect_at_local_midnight_and_keeps_fruit_on_its_own_booth")]
    public void A_dated_reservation_takes_effect_at_local_midnight(bool reservedOnly, int lastFruitLeavesInServices)
    {
        // Two booths of exactly s = 50 min, no arrivals; 60 general trucks (older) and 20 fruit wait at the start.
        // No reservation on 1 June: first come, first served, so 56 general leave by midnight, no fruit, and the
        // 29th truck of each booth is in service at midnight (23:20 to 00:10): it finishes. From 2 June one booth is
        // kept for fruit: at 29 s (00:10) it takes the first fruit truck (leaves at 30 s = 25 h) and the other booth
        // the last two general (older). From 31 s fruit also takes the shared booth: the 18 fruit left go two at a
        // time, the last leaving at 40 s. With reserved_only fruit keeps to its booth: the 20th leaves at 49 s.
        const double s = 5.0 / 6;
        var booth = SpecBuilder.Check("booth", 2, new Deterministic(s)) with { ReservedOnly = reservedOnly };
        var changes = new[] { new ScheduledChangeSpec(new LocalDate(2026, 6, 2), "booth", null, null, null, null, null, null, "") { Reserved = [new("fruit", 1)] } };

        var left = LeftHours(booth, general: 60, fruit: 20, changes);

        Assert.That(left["general"].Count(h => h <= 24), Is.EqualTo(56), "two booths, first come first served, on the first day");
        Assert.That(left["fruit"][0], Is.EqualTo(30 * s).Within(1e-9), "the first fruit truck takes the booth kept for it at the first free moment after midnight");
        Assert.That(left["general"][^1], Is.EqualTo(31 * s).Within(1e-9), "the shared booth serves the last two general trucks");
        Assert.That(left["fruit"][^1], Is.EqualTo(lastFruitLeavesInServices * s).Within(1e-9));
    }

    [Test]
    public void A_cut_below_the_reservation_shrinks_it_and_trucks_in_service_finish()
    {
        // Two booths of s = 50 min, one kept for fruit, which keeps to it (reserved_only); 40 general (older) and
        // 40 fruit wait. From 2 June the check has one booth: the reservation keeps it, so general stops. At
        // midnight each booth has its 29th truck in service (until 29 s = 24:10): it finishes. General: 29 served,
        // the last at 29 s, 11 still waiting at the end; fruit: all 40, one every s, the last at 40 s.
        const double s = 5.0 / 6;
        var booth = SpecBuilder.Check("booth", 2, new Deterministic(s)) with { Reserved = [new("fruit", 1)], ReservedOnly = true };
        var changes = new[] { new ScheduledChangeSpec(new LocalDate(2026, 6, 2), "booth", null, null, 1, null, null, null, "") };

        var left = LeftHours(booth, general: 40, fruit: 40, changes);

        Assert.That(left["general"], Has.Count.EqualTo(29), "the shared booth is the one cut; its truck in service at midnight finishes");
        Assert.That(left["general"][^1], Is.EqualTo(29 * s).Within(1e-9));
        Assert.That(left["fruit"], Has.Count.EqualTo(40), "the booth kept for fruit goes on");
        Assert.That(left["fruit"][^1], Is.EqualTo(40 * s).Within(1e-9));
    }

    [Test]
    public void A_road_keeps_a_lane_for_a_class_in_every_direction()
    {
        // A road of 2 lanes each way, crossing exactly 1 h, one lane kept for fruit; 10 general trucks wait at the
        // start of each direction and no fruit comes: general has one lane, so the tenth crosses at 10 h (5 h
        // on two lanes), and the kept lane is never in use.
        var mix = new Dictionary<string, double> { ["fruit"] = 0.5, ["general"] = 0.5 };
        var road = new RoadSpec("road", new Dictionary<string, int> { ["export"] = 2, ["import"] = 2 }, new Deterministic(1), null, null) { Reserved = [new("fruit", 1)] };
        DirectionSpec Direction(string name) => new(name, SpecBuilder.Flat(0, mix), [new RoadStageSpec("road", "road", null)])
        {
            Backlog = [new BacklogSpec(null, "general", 10, new Deterministic(1))],
        };
        var scenario = SpecBuilder.Scenario([Direction("export"), Direction("import")], days: 1, warmUpHours: 0, replications: 1, roads: [road], classes: Classes);
        var observer = new Recorder();

        var result = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();

        foreach (var direction in new[] { "export", "import" })
        {
            Assert.That(observer.Trucks.Where(t => t.Direction == direction).Max(t => t.LeftHours), Is.EqualTo(10).Within(1e-9), direction);
            Assert.That(result.Metrics.Single(m => m.Key.Id == $"utilisation_reserved/{direction}/road").Value, Is.Zero, direction);
        }
    }

    [Test]
    public void The_capacity_check_sees_a_class_confined_to_its_own_booths_overloaded_while_the_check_is_not()
    {
        // Four booths, always open, exp(10 min): 4 x 6 x 24 = 576 trucks a day. Fruit 300/day and general
        // 100/day fit the check (400 < 576), but with two booths kept for fruit and reserved_only fruit has
        // 2 x 6 x 24 = 288 a day: overloaded; general has the other two (288) for its 100. From 11 June (of a
        // 20-day run) the check has 3 booths: the shared booths go first, so general's line reads 1.5 booths on
        // average, 216 a day, and fruit keeps 288.
        var mix = new Dictionary<string, double> { ["fruit"] = 0.75, ["general"] = 0.25 };
        StageLoad[] Loads(bool reservedOnly, int? cutTo = null)
        {
            var booth = SpecBuilder.Check("booth", 4, new ExponentialDistribution(1 / Mu)) with { Reserved = [new("fruit", 2)], ReservedOnly = reservedOnly };
            ScheduledChangeSpec[] changes = cutTo is { } servers ? [new(new LocalDate(2026, 6, 11), "booth", null, null, servers, null, null, null, "")] : [];
            var scenario = SpecBuilder.Scenario([new DirectionSpec("export", SpecBuilder.Flat(400, mix), [booth])], days: 20, classes: Classes, changes: changes);
            return [.. LoadCheck.For(new CrossingModel(scenario))];
        }

        var confined = Loads(reservedOnly: true);
        Assert.That(confined.Single(l => l.Stage == "booth").IsOverloaded, Is.False);
        var fruit = confined.Single(l => l.Stage == "booth kept for fruit");
        Assert.That((fruit.DemandTrucksPerDay, fruit.CapacityTrucksPerDay), Is.EqualTo((300.0, 288.0)).Within(1e-9));
        Assert.That(fruit.IsOverloaded, Is.True);
        var others = confined.Single(l => l.Stage == "booth not kept");
        Assert.That((others.DemandTrucksPerDay, others.CapacityTrucksPerDay), Is.EqualTo((100.0, 288.0)).Within(1e-9));

        var cut = Loads(reservedOnly: true, cutTo: 3);
        Assert.That(cut.Single(l => l.Stage == "booth kept for fruit").CapacityTrucksPerDay, Is.EqualTo(288).Within(1e-9));
        Assert.That(cut.Single(l => l.Stage == "booth not kept").CapacityTrucksPerDay, Is.EqualTo(216).Within(1e-9));

        Assert.That(Loads(reservedOnly: false).Select(l => l.Stage), Is.EqualTo(new[] { "booth" }), "in the green lane fruit may use every booth: no split");
    }

    /// <summary>The hours at which the trucks of each class left, in order, over a 3-day run from a starting backlog (general older).</summary>
    private static Dictionary<string, List<double>> LeftHours(CheckStageSpec booth, int general, int fruit, IReadOnlyList<ScheduledChangeSpec> changes)
    {
        var mix = new Dictionary<string, double> { ["fruit"] = 0.5, ["general"] = 0.5 };
        var backlog = new List<BacklogSpec> { new(null, "general", general, new Deterministic(2)) };
        if (fruit > 0)
        {
            backlog.Add(new BacklogSpec(null, "fruit", fruit, new Deterministic(1)));
        }

        var direction = new DirectionSpec("export", SpecBuilder.Flat(0, mix), [booth]) { Backlog = backlog };
        var scenario = SpecBuilder.Scenario([direction], days: 3, warmUpHours: 0, replications: 1, classes: Classes, changes: changes);
        var observer = new Recorder();
        new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();
        return new[] { "general", "fruit" }.ToDictionary(
            c => c,
            c => observer.Trucks.Where(t => t.CargoClass == c && !double.IsNaN(t.LeftHours)).Select(t => t.LeftHours).Order().ToList());
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}

/// <summary>
/// The exact green-lane check as a continuous-time Markov chain: <c>servers</c> booths with exp(mu) service,
/// <c>reserved</c> of them kept for fruit; fruit takes its own booth first, then a shared one; at a shared booth
/// the class given priority goes first. State (fruit on the reserved booths, shared booths busy, fruit waiting,
/// general waiting); queues truncated at <c>maxQueue</c> (arrivals beyond are lost, and the test checks that the
/// probability of a full queue is negligible). Solved by Gauss-Seidel on the global balance equations.
/// </summary>
internal sealed record GreenLaneChain(double FruitWaitHours, double GeneralWaitHours, double ReservedBusy, double MassAtTruncation, int States, int Sweeps)
{
    public static GreenLaneChain Solve(int servers, int reserved, double fruitPerHour, double generalPerHour, double mu, bool fruitFirst, int maxQueue)
    {
        var shared = servers - reserved;
        var states = new List<(int R, int G, int Qa, int Qb)>();
        var index = new Dictionary<(int, int, int, int), int>();
        for (var r = 0; r <= reserved; r++)
        {
            for (var g = 0; g <= shared; g++)
            {
                for (var qa = 0; qa <= maxQueue; qa++)
                {
                    for (var qb = 0; qb <= maxQueue; qb++)
                    {
                        // Fruit waits only when every booth it may take is busy; general, when the shared ones are.
                        if ((qa > 0 && (r < reserved || g < shared)) || (qb > 0 && g < shared))
                        {
                            continue;
                        }

                        index[(r, g, qa, qb)] = states.Count;
                        states.Add((r, g, qa, qb));
                    }
                }
            }
        }

        var incoming = states.Select(_ => new List<(int From, double Rate)>()).ToArray();
        var outRate = new double[states.Count];
        for (var i = 0; i < states.Count; i++)
        {
            var (r, g, qa, qb) = states[i];
            void To((int, int, int, int) target, double rate)
            {
                if (rate > 0)
                {
                    incoming[index[target]].Add((i, rate));
                    outRate[i] += rate;
                }
            }

            // A fruit truck arrives: its booth, else a shared one, else it waits (lost at the truncation).
            if (r < reserved)
            {
                To((r + 1, g, qa, qb), fruitPerHour);
            }
            else if (g < shared)
            {
                To((r, g + 1, qa, qb), fruitPerHour);
            }
            else if (qa < maxQueue)
            {
                To((r, g, qa + 1, qb), fruitPerHour);
            }

            if (g < shared)
            {
                To((r, g + 1, qa, qb), generalPerHour);
            }
            else if (qb < maxQueue)
            {
                To((r, g, qa, qb + 1), generalPerHour);
            }

            // A reserved booth frees: the next fruit truck, else it idles.
            if (r > 0)
            {
                To(qa > 0 ? (r, g, qa - 1, qb) : (r - 1, g, qa, qb), r * mu);
            }

            // A shared booth frees: the waiting truck of the class first served, else of the other, else it idles.
            if (g > 0)
            {
                var next = (fruitFirst, qa > 0, qb > 0) switch
                {
                    (true, true, _) or (false, true, false) => (r, g, qa - 1, qb),
                    (false, _, true) or (true, false, true) => (r, g, qa, qb - 1),
                    _ => (r, g - 1, qa, qb),
                };
                To(next, g * mu);
            }
        }

        var pi = new double[states.Count];
        pi[0] = 1;
        var sweeps = 0;
        for (var change = double.MaxValue; change > 1e-14 && sweeps < 200_000; sweeps++)
        {
            change = 0;
            for (var j = 0; j < states.Count; j++)
            {
                double inflow = 0;
                foreach (var (from, rate) in incoming[j])
                {
                    inflow += pi[from] * rate;
                }

                var value = outRate[j] > 0 ? inflow / outRate[j] : pi[j];
                if (j == 0)
                {
                    value = 1; // pins the scale; normalised below
                }

                change = Math.Max(change, Math.Abs(value - pi[j]));
                pi[j] = value;
            }
        }

        var total = pi.Sum();
        double fruitQueue = 0, generalQueue = 0, reservedBusy = 0, atTruncation = 0;
        for (var i = 0; i < states.Count; i++)
        {
            var p = pi[i] / total;
            var (r, _, qa, qb) = states[i];
            fruitQueue += p * qa;
            generalQueue += p * qb;
            reservedBusy += p * r;
            atTruncation += qa == maxQueue || qb == maxQueue ? p : 0;
        }

        // Little's law on each queue: W = Lq / lambda.
        return new GreenLaneChain(
            fruitPerHour > 0 ? fruitQueue / fruitPerHour : 0,
            generalPerHour > 0 ? generalQueue / generalPerHour : 0,
            reserved > 0 ? reservedBusy / reserved : 0,
            atTruncation,
            states.Count,
            sweeps);
    }
}
