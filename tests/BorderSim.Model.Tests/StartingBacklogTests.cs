using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

/// <summary>Trucks already waiting when the run starts: where they stand, how they count, how long they take to clear.</summary>
public class StartingBacklogTests
{
    private static double Value(ReplicationResult replication, string id) => replication.Metrics.Single(m => m.Key.Id == id).Value;

    private static MetricSummary Summary(ExperimentResult result, string id) => result.Summary.Single(m => m.Key.Id == id);

    [Test]
    public void Backlog_trucks_are_first_in_line_oldest_first_and_their_waits_include_their_age()
    {
        // One booth, 1 h a truck, no arrivals: three trucks aged 10 h start service at 0, 1 and 2 h, so they
        // have waited 10, 11 and 12 h when served; nobody waits any more once the third starts, at 2 h.
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [SpecBuilder.Check("booth", 1, new Deterministic(1))])
        {
            Backlog = [new BacklogSpec(null, "general", 3, new Deterministic(10))],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 1, warmUpHours: 0, replications: 1);

        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();

        Assert.Multiple(() =>
        {
            Assert.That(Value(replication, "in_system_at_warm_up/export/all"), Is.EqualTo(3), "the backlog is in the system when measuring starts");
            Assert.That(Value(replication, "arrived/export/all"), Is.Zero, "a truck already waiting is not an arrival");
            Assert.That(Value(replication, "served/export/all"), Is.EqualTo(3));
            Assert.That(Value(replication, "wait_hours_mean/export/all"), Is.EqualTo(11).Within(1e-9));
            Assert.That(Value(replication, "wait_hours_max/export/all"), Is.EqualTo(12).Within(0.12), "the quantile sketch's 1 % accuracy");
            Assert.That(Value(replication, "days_to_clear/export"), Is.EqualTo(2 / 24.0).Within(1e-12));
            Assert.That(Value(replication, "backlog_cleared/export"), Is.EqualTo(1));
        });
    }

    [Test]
    public void A_backlog_truck_s_patience_runs_from_the_start_of_the_run_not_from_its_age()
    {
        // Issue 21 by hand: 10 trucks aged 48 h whose drivers' patience is a fixed 5.5 h, one booth at 1 h a truck, no
        // arrivals. Patience counted from the start of the run: trucks start at 0, 1, ..., 5 h (the sixth at 5 h, within
        // 5.5 h): 6 served; the other 4 give up together at 5.5 h. Counted from their arrival 48 h before the start, all
        // but the one that got the booth at once would leave at 00:00 of day one.
        var patient = new CargoClassSpec("general", 1, null, 25, 2, new Deterministic(5.5));
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [SpecBuilder.Check("booth", 1, new Deterministic(1))])
        {
            Backlog = [new BacklogSpec(null, "general", 10, new Deterministic(48))],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 1, warmUpHours: 0, replications: 1, classes: [patient]);
        var observer = new Recorder();

        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();

        var gaveUp = observer.Trucks.Where(t => t.Outcome == TruckOutcome.GaveUp).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Value(replication, "served/export/all"), Is.EqualTo(6));
            Assert.That(Value(replication, "gave_up/export/all"), Is.EqualTo(4));
            Assert.That(gaveUp.Select(t => t.LeftHours), Is.All.EqualTo(5.5).Within(1e-9), "no one leaves at the first instant");
            Assert.That(gaveUp.Select(t => t.WaitHours), Is.All.EqualTo(53.5).Within(1e-9), "their waits include their age");
        });
    }

    [Test]
    public void The_oldest_truck_of_the_backlog_is_served_first_whatever_its_group()
    {
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [SpecBuilder.Check("booth", 1, new Deterministic(1))])
        {
            Backlog = [new BacklogSpec(null, "general", 1, new Deterministic(2)), new BacklogSpec(null, "general", 1, new Deterministic(30))],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 1, warmUpHours: 0, replications: 1);
        var observer = new Recorder();

        new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();

        Assert.That(observer.Trucks.Select(t => t.ArrivedHours), Is.EqualTo(new[] { -30.0, -2.0 }), "served in order of arrival: the older one first");
        Assert.That(observer.Trucks.Select(t => t.WaitHours), Is.EqualTo(new[] { 30.0, 3.0 }).Within(1e-9));
    }

    [Test]
    public void A_backlog_on_the_highway_queues_in_front_of_a_full_first_yard_and_counts_as_highway_queue()
    {
        // A yard of 2 places with a 1 h dwell, then nothing: 5 trucks on the highway, 2 enter at once, 3 queue.
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [SpecBuilder.Yard("yard", 2, new Deterministic(1))])
        {
            Backlog = [new BacklogSpec(BacklogSpec.Highway, "general", 5, null)],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 1, warmUpHours: 0, replications: 1);

        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();

        Assert.Multiple(() =>
        {
            Assert.That(Value(replication, "highway_queue_trucks_max/export"), Is.EqualTo(3));
            Assert.That(Value(replication, "served/export/all"), Is.EqualTo(5));

            // Waits 0, 0, 1, 1, 2 h; the last truck enters the yard at 2 h.
            Assert.That(Value(replication, "wait_hours_mean/export/all"), Is.EqualTo(0.8).Within(1e-9));
            Assert.That(Value(replication, "days_to_clear/export"), Is.EqualTo(2 / 24.0).Within(1e-12));
        });
    }

    [Test]
    public void A_backlog_in_a_yard_stands_in_its_places_and_is_released_onward_first()
    {
        // Yard then a booth of 1 h: the 4 trucks in the yard are served in the first 4 h, before any arrival.
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [SpecBuilder.Yard("yard", 10), SpecBuilder.Check("booth", 1, new Deterministic(1))])
        {
            Backlog = [new BacklogSpec("yard", "general", 4, null)],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 1, warmUpHours: 0, replications: 1);

        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();

        Assert.Multiple(() =>
        {
            // The first truck goes on to the booth at once, before the fourth has parked: at most 3 at a time.
            Assert.That(Value(replication, "yard_occupancy_trucks_max/export/yard"), Is.EqualTo(3));
            Assert.That(Value(replication, "highway_queue_trucks_max/export"), Is.Zero);
            Assert.That(Value(replication, "wait_hours_mean/export/all"), Is.EqualTo(1.5).Within(1e-9));
        });
    }

    [Test]
    public void A_single_booth_drains_a_backlog_in_the_busy_period_Takacs_gives()
    {
        // M/D/1, s = 0.1 h (10 trucks/h), λ = 5/h, B = 500 waiting at the start. Nobody waits any more from the
        // first service start with an empty line behind it: the end of a busy period started by B − 1 trucks,
        // whose mean is (B − 1)·s / (1 − λs) (Takács; Kleinrock vol. 1 §5.9) = 99.8 h, 4.158 days: the
        // backlog over (capacity − arrivals). Its sd is √((B−1)·ρ·s²/(1−ρ)³) = 4.5 h a replication; 40
        // replications put the 99 % interval within 2 % of it (TheoryCheck).
        const int backlog = 500;
        const double service = 0.1;
        const double lambda = 5;
        var direction = new DirectionSpec("export", SpecBuilder.Flat(lambda * 24), [SpecBuilder.Check("booth", 1, new Deterministic(service))])
        {
            Backlog = [new BacklogSpec(null, "general", backlog, null)],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 10, warmUpHours: 0, replications: 40);

        var result = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));

        var exactDays = (backlog - 1) * service / (1 - (lambda * service)) / 24;
        TheoryCheck.Contains(Summary(result, "days_to_clear/export"), exactDays);
        foreach (var replication in result.Replications)
        {
            Assert.That(
                Value(replication, "in_system_at_warm_up/export/all") + Value(replication, "arrived/export/all"),
                Is.EqualTo(Value(replication, "served/export/all") + Value(replication, "gave_up/export/all") + Value(replication, "in_system_at_end/export/all")),
                "conservation: the backlog counts as in the system at the start");
        }
    }

    [Test]
    public void A_backlog_that_does_not_clear_within_the_run_has_no_days_to_clear()
    {
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [SpecBuilder.Check("booth", 1, new Deterministic(0.7))])
        {
            Backlog = [new BacklogSpec(null, "general", 100, null)],
        };
        var scenario = SpecBuilder.Scenario([direction], days: 1, warmUpHours: 0, replications: 1);

        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();

        Assert.That(Value(replication, "days_to_clear/export"), Is.NaN, "100 trucks at 0.7 h each do not clear in a day");
        Assert.That(Value(replication, "backlog_cleared/export"), Is.Zero);
        Assert.That(Value(replication, "in_system_at_end/export/general"), Is.EqualTo(66), "34 served in 24 h (the 34th at 23.8 h), 66 still there");
    }

    [Test]
    public void A_starting_backlog_does_not_change_what_the_arriving_trucks_draw()
    {
        // Common random numbers: the backlog draws from its own streams, so arrivals are the same trucks.
        DirectionSpec Direction(int backlog) => new("export", SpecBuilder.Flat(48), [SpecBuilder.Check("booth", 4, new ExponentialDistribution(0.2))])
        {
            Backlog = backlog == 0 ? [] : [new BacklogSpec(null, "general", backlog, new UniformDistribution(0, 5))],
        };
        var without = new Recorder();
        var with = new Recorder();
        var plain = SpecBuilder.Scenario([Direction(0)], days: 3, warmUpHours: 0, replications: 1);
        var backlogged = SpecBuilder.Scenario([Direction(20)], days: 3, warmUpHours: 0, replications: 1);

        new CrossingReplication(new CrossingModel(plain), 0, plain.Seed, 0, without).Run();
        new CrossingReplication(new CrossingModel(backlogged), 0, backlogged.Seed, 0, with).Run();

        var arrivals = with.Trucks.Where(t => t.ArrivedHours >= 0).Select(t => t.ArrivedHours).Order();
        Assert.That(arrivals, Is.EqualTo(without.Trucks.Select(t => t.ArrivedHours).Order()));
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}
