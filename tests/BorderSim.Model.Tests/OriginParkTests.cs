using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

/// <summary>
/// An origin's parking area (issue 25, item 5: a province-level park that holds trucks and releases them): releases
/// first come first served within a daily limit and a calendar's hours, patience in the park, a full park, a run
/// shorter than the release, and the books of the origin. Exact, hand-counted answers on small cases.
/// </summary>
public class OriginParkTests
{
    private static double Value(ReplicationResult replication, string id) => replication.Metrics.Single(m => m.Key.Id == id).Value;

    /// <summary>One origin routing every truck to route 'export': a check of 10 booths, each 1 h fixed (never a queue here).</summary>
    private static ScenarioSpec Scenario(ParkSpec? park, double trucksPerDay = 0, int days = 4, Distribution? patience = null, IReadOnlyList<CalendarSpec>? calendars = null, int booths = 10, double? shelfLifeHours = null)
    {
        CargoClassSpec[] classes = [new("general", 1, shelfLifeHours, 25, 2, patience)];
        return SpecBuilder.Scenario(
            [new DirectionSpec("export", SpecBuilder.Flat(0), [SpecBuilder.Check("booth", booths, new Deterministic(1))])],
            days: days,
            warmUpHours: 0,
            replications: 1,
            classes: classes,
            calendars: calendars) with
        {
            Origins = [new OriginSpec("province", SpecBuilder.Flat(trucksPerDay), [new RoutingRuleSpec("all", RoutingKind.Shares, ["export"], [1])], []) { Park = park }],
        };
    }

    private static (ReplicationResult Replication, List<TruckRecord> Trucks) Run(ScenarioSpec scenario)
    {
        var observer = new Recorder();
        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();
        return (replication, observer.Trucks);
    }

    private static ParkSpec Park(int? releasePerDay, int backlog = 0, double ageHours = 10, int? capacity = null, string? calendar = null) =>
        new(capacity, releasePerDay, calendar, backlog == 0 ? [] : [new ParkBacklogSpec("general", backlog, new Deterministic(ageHours))]);

    /// <summary>When each served truck left the park: it started at the booth then (no queue), so its service started at release.</summary>
    private static List<double> ReleaseHours(List<TruckRecord> trucks) => [.. trucks.Select(t => t.Stages[0].ServiceStartHours).Order()];

    [Test]
    public void A_backlog_of_five_released_two_a_day_leaves_on_days_one_one_two_two_three()
    {
        // Local days of the scenario zone start at 0, 24, 48 h: two releases at each midnight, the fifth on day 3.
        var (replication, trucks) = Run(Scenario(Park(releasePerDay: 2, backlog: 5)));

        Assert.Multiple(() =>
        {
            Assert.That(ReleaseHours(trucks), Is.EqualTo(new[] { 0.0, 0, 24, 24, 48 }).Within(1e-9));
            Assert.That(trucks.Select(t => t.ArrivedHours).Order(), Is.EqualTo(new[] { 0.0, 0, 24, 24, 48 }).Within(1e-9), "a released truck arrives on its route when the park releases it");
            Assert.That(trucks.Select(t => t.WaitHours), Is.All.Zero, "its wait on the route starts then; the park counts the time before");
            Assert.That(Value(replication, "origin_park_wait_hours_mean/province"), Is.EqualTo((10 + 10 + 34 + 34 + 58) / 5.0).Within(1e-9), "age + hours in the park: 10, 10, 34, 34, 58");
            Assert.That(Value(replication, "origin_park_wait_hours_max/province"), Is.EqualTo(58).Within(1e-9));
            Assert.That(Value(replication, "origin_routed/export/all/province"), Is.EqualTo(5));
            Assert.That(Value(replication, "origin_park_trucks_max/province"), Is.EqualTo(5), "the whole backlog at the start");
            Assert.That(Value(replication, "origin_in_park_at_end/province"), Is.Zero);
            Assert.That(Value(replication, "origin_arrived/province"), Is.Zero, "the starting backlog was in the park, not an arrival");
        });
    }

    [Test]
    public void The_load_ages_in_the_park_so_its_shelf_life_counts_the_hours_there_and_its_wait_on_the_route_does_not()
    {
        // The backlog of five, 10 h old, released two a day: they leave the booth (1 h) 11, 11, 35, 35 and 59 h after they
        // were loaded. With a shelf life of 30 h the last three are past it; counted from the release (1 h each), none
        // was, although the fruit had spent a day or two in the park.
        var (replication, trucks) = Run(Scenario(Park(releasePerDay: 2, backlog: 5), shelfLifeHours: 30));

        Assert.Multiple(() =>
        {
            Assert.That(Value(replication, "past_shelf_life/all/general"), Is.EqualTo(3));
            Assert.That(trucks.Count(t => t.IsPastShelfLife), Is.EqualTo(3), "trucks.csv says the same, truck by truck");
            Assert.That(trucks.Select(t => t.WaitHours), Is.All.Zero, "the wait on the route still starts at the release");
        });
    }

    [TestCase(35.5, 1)]
    [TestCase(34.5, 3)]
    public void A_park_truck_is_past_its_shelf_life_only_once_its_hours_since_loading_exceed_it(double shelfLifeHours, int past)
    {
        // The boundary: loads leave 11, 11, 35, 35 and 59 h after loading; only those strictly beyond the shelf life count.
        var (replication, _) = Run(Scenario(Park(releasePerDay: 2, backlog: 5), shelfLifeHours: shelfLifeHours));

        Assert.That(Value(replication, "past_shelf_life/all/general"), Is.EqualTo(past));
    }

    [Test]
    public void The_delay_cost_counts_the_hours_the_load_waited_in_the_park()
    {
        // The backlog of five, 10 h old, released two a day, waits nothing on the route; its loads waited 10, 10, 34, 34
        // and 58 h in the park (146 truck-hours), at 2 USD a truck-hour over the 4 measured days: 146 × 2 / 4 = 73 USD a
        // day. A park that hid its hours would make holding trucks in it look free.
        var (replication, _) = Run(Scenario(Park(releasePerDay: 2, backlog: 5)));

        Assert.Multiple(() =>
        {
            Assert.That(Value(replication, "delay_cost_usd_per_day/export/all"), Is.EqualTo(146 * 2 / 4.0).Within(1e-9));
            Assert.That(Value(replication, "delay_cost_usd_per_day/all/all"), Is.EqualTo(146 * 2 / 4.0).Within(1e-9));
            Assert.That(Value(replication, "wait_hours_mean/export/all"), Is.Zero, "the wait on the route is still the route's");
        });
    }

    [Test]
    public void A_park_releasing_one_a_day_releases_one_at_each_local_midnight()
    {
        var (_, trucks) = Run(Scenario(Park(releasePerDay: 1, backlog: 3)));

        Assert.That(ReleaseHours(trucks), Is.EqualTo(new[] { 0.0, 24, 48 }).Within(1e-9));
    }

    [Test]
    public void A_run_shorter_than_the_release_ends_with_the_rest_counted_in_the_park()
    {
        // Two days: 0, 0, 24, 24 leave; the fifth is still in the park at 48 h, counted, never dropped.
        var (replication, trucks) = Run(Scenario(Park(releasePerDay: 2, backlog: 5), days: 2));

        Assert.Multiple(() =>
        {
            Assert.That(ReleaseHours(trucks), Is.EqualTo(new[] { 0.0, 0, 24, 24 }).Within(1e-9));
            Assert.That(Value(replication, "origin_in_park_at_end/province"), Is.EqualTo(1));
            Assert.That(Value(replication, "origin_routed/export/all/province"), Is.EqualTo(4));
        });
    }

    [TestCase(23, 3, TestName = "Patience 23 h: the three released at 24 h and 48 h give up at 23 h")]
    [TestCase(24, 1, TestName = "Patience 24 h: released at its deadline it sets out; only the fifth (48 h) gives up")]
    [TestCase(48, 0, TestName = "Patience 48 h: all five set out")]
    public void Trucks_of_the_park_backlog_give_up_there_when_their_patience_runs_out_before_their_release(double patienceHours, int gaveUp)
    {
        // A backlog truck's patience runs from the start of the run (as a direction's backlog); releases at 0, 0, 24, 24, 48 h.
        var (replication, trucks) = Run(Scenario(Park(releasePerDay: 2, backlog: 5), patience: new Deterministic(patienceHours)));

        Assert.Multiple(() =>
        {
            Assert.That(Value(replication, "origin_park_gave_up/province"), Is.EqualTo(gaveUp));
            Assert.That(trucks, Has.Count.EqualTo(5 - gaveUp), "a truck that gave up in the park never reached the route");
            Assert.That(trucks.Select(t => t.Outcome), Is.All.EqualTo(TruckOutcome.Served));
            Assert.That(Value(replication, "gave_up/export/all"), Is.Zero, "not in the route's gave_up");
            Assert.That(Value(replication, "origin_in_park_at_end/province"), Is.Zero);
        });
    }

    [Test]
    public void A_released_truck_keeps_the_patience_it_drew_in_the_park_on_its_route()
    {
        // One booth, 1 h fixed: the five backlog trucks, released together at 0 h with patience 2.5 h from the start,
        // start service at 0, 1, 2 h; the fourth and fifth would start at 3 and 4 h, past 2.5 h: they give up on the route at 2.5 h.
        var (replication, trucks) = Run(Scenario(Park(releasePerDay: 5, backlog: 5), patience: new Deterministic(2.5), booths: 1));

        Assert.Multiple(() =>
        {
            Assert.That(Value(replication, "served/export/all"), Is.EqualTo(3));
            Assert.That(Value(replication, "gave_up/export/all"), Is.EqualTo(2));
            Assert.That(trucks.Where(t => t.Outcome == TruckOutcome.GaveUp).Select(t => t.LeftHours), Is.All.EqualTo(2.5).Within(1e-9));
            Assert.That(Value(replication, "origin_park_gave_up/province"), Is.Zero);
        });
    }

    [Test]
    public void A_full_park_turns_arrivals_back_and_takes_one_for_each_release()
    {
        // Capacity 3 filled by the backlog; one release a day. Each midnight frees one place, which the next arrival
        // takes; every other arrival that day turns back. Over 3 days: the 3 backlog trucks are routed, 3 arrivals are
        // in the park at the end, all other arrivals turned back (about 48 a day arrive: the first of each day finds a place).
        var (replication, trucks) = Run(Scenario(Park(releasePerDay: 1, backlog: 3, capacity: 3), trucksPerDay: 48, days: 3));
        var arrived = Value(replication, "origin_arrived/province");

        Assert.Multiple(() =>
        {
            Assert.That(arrived, Is.GreaterThan(100));
            Assert.That(ReleaseHours(trucks), Is.EqualTo(new[] { 0.0, 24, 48 }).Within(1e-9));
            Assert.That(Value(replication, "origin_park_wait_hours_max/province"), Is.EqualTo(58).Within(1e-9), "only the backlog (aged 10 h) was released, the last at 48 h");
            Assert.That(Value(replication, "origin_in_park_at_end/province"), Is.EqualTo(3));
            Assert.That(Value(replication, "origin_park_trucks_max/province"), Is.EqualTo(3), "never more than its places");
            Assert.That(Value(replication, "origin_park_full/province"), Is.EqualTo(arrived - 3));
            Assert.That(Value(replication, "origin_turned_back/province"), Is.EqualTo(arrived - 3), "a full park turns them back at the origin");
        });
    }

    [Test]
    public void A_park_with_a_calendar_releases_only_while_it_is_open()
    {
        // Open 07:00-19:00 Hanoi time (the run's zone): the backlog of 3 leaves together at 7 h.
        var calendar = SpecBuilder.Calendar("park_hours", SpecBuilder.Hanoi, 7, 19);
        var (_, trucks) = Run(Scenario(Park(releasePerDay: null, backlog: 3, calendar: "park_hours"), calendars: [calendar]));

        Assert.That(ReleaseHours(trucks), Is.EqualTo(new[] { 7.0, 7, 7 }).Within(1e-9));
    }

    [Test]
    public void An_arrival_waits_in_the_park_while_its_calendar_is_closed_and_the_park_counts_that_wait()
    {
        // Arrivals around the clock; the park releases 07:00-19:00 only. Every truck reaches its route while the park is
        // open, those that came while it was closed all at 07:00; none waits on the route (100 booths, 1 h each).
        var calendar = SpecBuilder.Calendar("park_hours", SpecBuilder.Hanoi, 7, 19);
        var (replication, trucks) = Run(Scenario(Park(releasePerDay: null, calendar: "park_hours"), trucksPerDay: 48, days: 2, calendars: [calendar], booths: 100));
        var heldOvernight = trucks.Count(t => t.ArrivedHours is 7 or 31);

        Assert.Multiple(() =>
        {
            Assert.That(trucks, Has.Count.GreaterThan(40));
            Assert.That(trucks.Select(t => t.ArrivedHours % 24), Is.All.InRange(7, 19), "released only while open");
            Assert.That(trucks.Select(t => t.WaitHours), Is.All.Zero);
            Assert.That(heldOvernight, Is.GreaterThan(10), "about half the day's trucks come between 19:00 and 07:00");
            Assert.That(Value(replication, "origin_park_wait_hours_max/province"), Is.GreaterThan(7).And.LessThanOrEqualTo(12), "at most the 12 closed hours");
            Assert.That(Value(replication, "origin_in_park_at_end/province"), Is.GreaterThan(0), "the run ends at 48 h, midnight: the evening's trucks wait for 07:00");
        });
    }

    [Test]
    public void A_park_that_never_holds_a_truck_gives_what_no_park_gives()
    {
        // No limit that binds, no calendar: every truck passes straight through, drawing what it would without the park
        // (its patience from its class's stream, in the same order), so every metric both runs report is the same.
        var patience = new LogNormalDistribution(3, 2);
        var without = Scenario(null, trucksPerDay: 200, days: 5, patience: patience, booths: 2) with { Replications = 2 };
        var with = without with { Origins = [without.Origins[0] with { Park = Park(releasePerDay: 1_000_000) }] };
        var a = ExperimentRunner.Run(without, new RunOptions(Threads: 1));
        var b = ExperimentRunner.Run(with, new RunOptions(Threads: 1));

        var bById = b.Summary.ToDictionary(m => m.Key.Id, m => m.Mean);
        Assert.That(a.Summary.Select(m => m.Key.Id).Where(id => !bById.ContainsKey(id)), Is.Empty);
        Assert.Multiple(() =>
        {
            foreach (var metric in a.Summary)
            {
                Assert.That(bById[metric.Key.Id], Is.EqualTo(metric.Mean), metric.Key.Id);
            }
        });
        Assert.That(a.Summary.Single(m => m.Key.Id == "gave_up/export/all").Mean, Is.GreaterThan(0), "patience is drawn (the streams are exercised)");
    }

    [Test]
    public void The_origin_keeps_its_books_with_a_park_and_the_results_do_not_depend_on_the_thread_count()
    {
        // Arrivals above the release (240 a day against 150), a park of 100 places, patience: trucks turn back, give up
        // and stay. Per replication: arrived + backlog = routed + turned back + gave up in the park + in the park at the end.
        var scenario = Scenario(Park(releasePerDay: 150, backlog: 40, capacity: 100), trucksPerDay: 240, days: 6, patience: new LogNormalDistribution(20, 10)) with { Replications = 4 };
        var one = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        var two = ExperimentRunner.Run(scenario, new RunOptions(Threads: 2));

        Assert.That(two.Summary.Select(m => (m.Key.Id, m.Mean, m.StandardDeviation)), Is.EqualTo(one.Summary.Select(m => (m.Key.Id, m.Mean, m.StandardDeviation))));
        Assert.Multiple(() =>
        {
            foreach (var replication in one.Replications)
            {
                Assert.That(
                    Value(replication, "origin_arrived/province") + 40,
                    Is.EqualTo(Value(replication, "origin_routed/export/all/province") + Value(replication, "origin_turned_back/province")
                        + Value(replication, "origin_park_gave_up/province") + Value(replication, "origin_in_park_at_end/province")));
                Assert.That(Value(replication, "origin_park_full/province"), Is.GreaterThan(0));
                Assert.That(Value(replication, "origin_park_gave_up/province"), Is.GreaterThan(0));
                Assert.That(Value(replication, "origin_routed/export/all/province"), Is.EqualTo(Value(replication, "arrived/export/all")));
            }
        });
    }

    [Test]
    public void The_work_estimate_counts_the_park_backlog_on_the_origin_s_longest_route()
    {
        // No arrivals; 1,000 trucks in the park, one stage on the route, one replication: 1,000 truck-stages
        // (before, the park's trucks were not counted, and a huge park backlog passed --max-work unseen).
        var scenario = Scenario(Park(releasePerDay: 100, backlog: 1000));

        Assert.That(WorkEstimate.TruckStages(new CrossingModel(scenario), replications: 1), Is.EqualTo(1000).Within(1e-9));
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}
