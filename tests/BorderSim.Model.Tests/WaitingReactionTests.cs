using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>
/// Trucks already in line react when a route is suspended or a ban starts: a stated share of those waiting (not yet in
/// service) leaves the line (left_on_event); the truck in service is served. Counted by hand on small cases.
/// </summary>
public class WaitingReactionTests
{
    private static double Value(ReplicationResult replication, string id) => replication.Metrics.Single(m => m.Key.Id == id).Value;

    /// <summary>
    /// Ten general trucks wait at one booth at the start (5 h each, fixed), nothing arrives; a ban on general from 2 June
    /// (24 h) turns arrivals away and makes <paramref name="leave"/> of those in line leave. By hand: trucks 1-4 are
    /// served 0-20 h, truck 5 is in service 20-25 h, trucks 6-10 (ids 5-9) wait at 24 h.
    /// </summary>
    private static (ReplicationResult Replication, List<TruckRecord> Trucks) BanOnABacklog(double? leave)
    {
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [SpecBuilder.Check("booth", 1, new Deterministic(5))])
        {
            Backlog = [new BacklogSpec(null, "general", 10, null)],
        };
        var ban = new BanSpec(new LocalDate(2026, 6, 2), null, "export", ["general"], BanAction.TurnAway, null, "");
        if (leave is { } share)
        {
            ban = ban with { Waiting = new WaitingReactionSpec(share) };
        }

        var scenario = SpecBuilder.Scenario([direction], days: 4, warmUpHours: 0, replications: 1) with { Bans = [ban] };
        var observer = new Recorder();
        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();
        return (replication, observer.Trucks);
    }

    [Test]
    public void A_ban_whose_waiting_share_is_one_makes_every_truck_in_line_leave_and_the_one_in_service_is_served()
    {
        var (replication, trucks) = BanOnABacklog(1);

        var left = trucks.Where(t => t.Outcome == TruckOutcome.LeftOnEvent).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(left, Has.Count.EqualTo(5));
            Assert.That(left.Select(t => t.LeftHours), Is.All.EqualTo(24.0), "they leave when the ban starts");
            Assert.That(left.Select(t => t.WaitHours), Is.All.EqualTo(24.0), "their wait so far counts");
            Assert.That(trucks.Where(t => t.Outcome == TruckOutcome.Served).Select(t => t.LeftHours), Is.EqualTo(new[] { 5.0, 10, 15, 20, 25 }));
            Assert.That(Value(replication, "left_on_event/export/all"), Is.EqualTo(5));
            Assert.That(Value(replication, "served/export/all"), Is.EqualTo(5));
            Assert.That(Value(replication, "gave_up/export/all"), Is.Zero, "leaving on an event is not giving up");
            Assert.That(Value(replication, "in_system_at_end/export/all"), Is.Zero);
            Assert.That(
                Value(replication, "in_system_at_warm_up/export/all") + Value(replication, "arrived/export/all"),
                Is.EqualTo(Value(replication, "served/export/all") + Value(replication, "gave_up/export/all") + Value(replication, "turned_away/export/all")
                    + Value(replication, "left_on_event/export/all") + Value(replication, "in_system_at_end/export/all")));
        });
    }

    [Test]
    public void The_day_books_count_the_trucks_that_left_on_the_day_the_ban_started()
    {
        // 1 June: four served (5, 10, 15, 20 h), six still in the system at midnight. 2 June: one served (25 h), five
        // left at 24 h: 6 + 0 arrived - 1 served - 0 gave up - 0 turned away - 5 left = 0 at the end of the day.
        var (replication, _) = BanOnABacklog(1);
        var days = replication.Days.Where(d => d.Direction == "export" && d.CargoClass == "general").OrderBy(d => d.Date).ToList();

        Assert.That(days.Select(d => (d.Served, d.LeftOnEvent, d.BacklogAtEnd)).Take(2), Is.EqualTo(new[] { (4, 0, 6), (1, 5, 0) }));
        for (var i = 1; i < days.Count; i++)
        {
            var d = days[i];
            Assert.That(d.BacklogAtEnd, Is.EqualTo(days[i - 1].BacklogAtEnd + d.Arrived - d.Served - d.GaveUp - d.TurnedAway - d.LeftOnEvent), d.Date.ToString());
        }
    }

    [Test]
    public void A_ban_whose_waiting_share_is_zero_changes_nothing_and_names_no_new_metric()
    {
        var (without, withoutTrucks) = BanOnABacklog(null);
        var (zero, zeroTrucks) = BanOnABacklog(0);

        Assert.Multiple(() =>
        {
            Assert.That(zeroTrucks.Select(t => (t.TruckId, t.Outcome, t.LeftHours)), Is.EqualTo(withoutTrucks.Select(t => (t.TruckId, t.Outcome, t.LeftHours))));
            Assert.That(zeroTrucks.Count(t => t.Outcome == TruckOutcome.Served), Is.EqualTo(10), "all ten served, 5 h apart, by 50 h");
            Assert.That(zero.Metrics.Select(m => (m.Key.Id, m.Value)), Is.EqualTo(without.Metrics.Select(m => (m.Key.Id, m.Value))));
            Assert.That(zero.Metrics.Select(m => m.Key.Id), Has.None.StartsWith("left_on_event"));
        });
    }

    [Test]
    public void With_a_share_between_each_truck_in_line_leaves_by_its_own_draw_in_queue_order()
    {
        // The five trucks in line draw, in queue order, from the ban's own stream: those whose draw is below 0.5 leave.
        var stream = new RandomStreams(20260601, 0)[WaitingReactions.StreamName(WaitingReactions.BanKind, 0)];
        var leaves = Enumerable.Range(0, 5).Select(_ => stream.NextDouble() < 0.5).ToArray();
        var (replication, trucks) = BanOnABacklog(0.5);

        var left = trucks.Where(t => t.Outcome == TruckOutcome.LeftOnEvent).OrderBy(t => t.TruckId).Select(t => t.TruckId).ToArray();
        var expected = Enumerable.Range(0, 5).Where(i => leaves[i]).Select(i => (long)(5 + i)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(expected, Is.Not.Empty.And.Length.LessThan(5), "this seed's draws put some trucks on each side of 0.5");
            Assert.That(left, Is.EqualTo(expected));
            Assert.That(Value(replication, "left_on_event/export/all"), Is.EqualTo(expected.Length));
            Assert.That(Value(replication, "served/export/all"), Is.EqualTo(10 - expected.Length));
        });
    }

    /// <summary>
    /// An origin sends every truck to route a (an overflow above int.MaxValue never fires): 120 a day at one booth of
    /// 0.5 h (fixed), so a line builds; a is suspended on 3 and 4 June (48-96 h) with the given waiting share.
    /// </summary>
    private static (ReplicationResult Replication, List<TruckRecord> Trucks) SuspensionOfALongLine(double? leave, ulong? seed = null, double move = 0)
    {
        var suspension = new RouteSuspensionSpec("a", new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 4), 1, "works");
        if (leave is { } share)
        {
            suspension = suspension with { Waiting = new WaitingReactionSpec(share, move) };
        }

        var scenario = SpecBuilder.Scenario(
            [
                new DirectionSpec("a", SpecBuilder.Flat(0), [SpecBuilder.Check("booth_a", 1, new Deterministic(0.5))]),
                new DirectionSpec("b", SpecBuilder.Flat(0), [SpecBuilder.Check("booth_b", 1, new ExponentialDistribution(0.05))]),
            ],
            days: 5,
            warmUpHours: 0,
            replications: 1) with
        {
            Origins = [new OriginSpec("province", SpecBuilder.Flat(120), [new RoutingRuleSpec("all", RoutingKind.Overflow, ["a", "b"], [], int.MaxValue)], [suspension])],
        };
        scenario = scenario with { Seed = seed ?? scenario.Seed };
        var observer = new Recorder();
        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();
        return (replication, observer.Trucks);
    }

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    public void A_suspension_whose_waiting_share_is_one_makes_exactly_the_origins_trucks_in_line_at_its_start_leave(ulong seed)
    {
        // Counted from the run without the reaction (the same draws up to 48 h): the trucks that reached a before 48 h
        // and had not started service by then are the ones that leave at 48 h; every other truck's journey is unchanged
        // up to then, and the one in service at 48 h is served.
        var (_, before) = SuspensionOfALongLine(null, seed);
        var (replication, trucks) = SuspensionOfALongLine(1, seed);

        var inLine = before.Where(t => t.Direction == "a" && t.ArrivedHours < 48 && !(t.Stages[0].ServiceStartHours <= 48)).Select(t => t.TruckId).Order().ToArray();
        var left = trucks.Where(t => t.Outcome == TruckOutcome.LeftOnEvent).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(inLine, Has.Length.GreaterThan(20), "120 a day at 96 a day of service: a line of tens of trucks by 48 h");
            Assert.That(left.Select(t => t.TruckId).Order(), Is.EqualTo(inLine));
            Assert.That(left.Select(t => t.LeftHours), Is.All.EqualTo(48.0));
            Assert.That(left.Select(t => t.WaitHours), Is.EqualTo(left.Select(t => 48 - t.ArrivedHours)).Within(1e-9), "their wait so far counts");
            Assert.That(
                trucks.Where(t => t.Outcome == TruckOutcome.Served && t.Direction == "a" && t.LeftHours <= 48.5).Select(t => (t.TruckId, t.LeftHours)),
                Is.EqualTo(before.Where(t => t.Outcome == TruckOutcome.Served && t.Direction == "a" && t.LeftHours <= 48.5).Select(t => (t.TruckId, t.LeftHours))),
                "served as before up to the end of the service under way at 48 h");
            Assert.That(Value(replication, "left_on_event/a/all"), Is.EqualTo(inLine.Length));
            Assert.That(replication.Metrics.Select(m => m.Key.Id), Has.None.EqualTo("left_on_event/b/all"), "b is never suspended: it names no such metric");
            Assert.That(
                Value(replication, "in_system_at_warm_up/a/all") + Value(replication, "arrived/a/all"),
                Is.EqualTo(Value(replication, "served/a/all") + Value(replication, "gave_up/a/all") + Value(replication, "left_on_event/a/all") + Value(replication, "in_system_at_end/a/all")));
        });
    }

    [TestCase(1UL)]
    [TestCase(2UL)]
    public void A_suspension_whose_move_share_is_one_moves_every_origin_truck_in_line_to_the_open_route_where_it_is_served(ulong seed)
    {
        // The same line as above (counted from the run without the reaction): at 48 h every origin truck waiting on a
        // moves: it leaves a as moved_on_event and arrives on b at 48 h (the overflow rule's other route, open), where
        // it is served before the end of the run (b serves 20 an hour).
        var (_, before) = SuspensionOfALongLine(null, seed);
        var (replication, trucks) = SuspensionOfALongLine(0, seed, move: 1);

        var inLine = before.Where(t => t.Direction == "a" && t.ArrivedHours < 48 && !(t.Stages[0].ServiceStartHours <= 48)).Select(t => t.TruckId).Order().ToArray();
        var moved = trucks.Where(t => t.Outcome == TruckOutcome.MovedOnEvent).ToList();
        var arrivedOnB = trucks.Where(t => t.Direction == "b" && t.ArrivedHours == 48.0).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(inLine, Has.Length.GreaterThan(20));
            Assert.That(moved.Select(t => t.TruckId).Order(), Is.EqualTo(inLine));
            Assert.That(moved.Select(t => (t.Direction, t.LeftHours)), Is.All.EqualTo(("a", 48.0)));
            Assert.That(moved.Select(t => t.WaitHours), Is.EqualTo(moved.Select(t => 48 - t.ArrivedHours)).Within(1e-9), "the wait on a is counted on a");
            Assert.That(arrivedOnB, Has.Count.EqualTo(inLine.Length), "each moved truck arrives on b at the move");
            Assert.That(arrivedOnB.Select(t => t.Outcome), Is.All.EqualTo(TruckOutcome.Served));
            Assert.That(trucks.Count(t => t.Outcome == TruckOutcome.LeftOnEvent), Is.Zero);
            Assert.That(Value(replication, "moved_on_event/a/all"), Is.EqualTo(inLine.Length));
            Assert.That(Value(replication, "left_on_event/a/all"), Is.Zero);
            Assert.That(replication.Metrics.Select(m => m.Key.Id), Has.None.EqualTo("moved_on_event/b/all"));
            foreach (var d in new[] { "a", "b" })
            {
                var outcomes = Value(replication, $"served/{d}/all") + Value(replication, $"gave_up/{d}/all") + Value(replication, $"in_system_at_end/{d}/all")
                    + (d == "a" ? Value(replication, "left_on_event/a/all") + Value(replication, "moved_on_event/a/all") : 0);
                Assert.That(Value(replication, $"in_system_at_warm_up/{d}/all") + Value(replication, $"arrived/{d}/all"), Is.EqualTo(outcomes), $"books of {d}");
            }

            var movedOnJune3 = replication.Days.Where(r => r.Direction == "a" && r.Date == new LocalDate(2026, 6, 3)).Sum(r => r.MovedOnEvent);
            Assert.That(movedOnJune3, Is.EqualTo(inLine.Length), "the day books of a count the moves on the day the suspension started");
        });
    }

    [Test]
    public void With_leave_and_move_the_leavers_are_those_of_leave_alone_and_the_others_in_line_move()
    {
        // One lot per truck: below 0.5 it leaves (the same trucks as with leave 0.5 alone, move 0), the rest move.
        var (_, before) = SuspensionOfALongLine(null);
        var (leaveOnlyReplication, leaveOnly) = SuspensionOfALongLine(0.5);
        var (_, both) = SuspensionOfALongLine(0.5, move: 0.5);
        var (moveZeroReplication, moveZero) = SuspensionOfALongLine(0.5, move: 0);

        var inLine = before.Where(t => t.Direction == "a" && t.ArrivedHours < 48 && !(t.Stages[0].ServiceStartHours <= 48)).Select(t => t.TruckId).Order().ToArray();
        var leavers = leaveOnly.Where(t => t.Outcome == TruckOutcome.LeftOnEvent).Select(t => t.TruckId).Order().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(leavers, Is.Not.Empty.And.Length.LessThan(inLine.Length));
            Assert.That(both.Where(t => t.Outcome == TruckOutcome.LeftOnEvent).Select(t => t.TruckId).Order(), Is.EqualTo(leavers));
            Assert.That(both.Where(t => t.Outcome == TruckOutcome.MovedOnEvent).Select(t => t.TruckId).Order(), Is.EqualTo(inLine.Except(leavers)));
            Assert.That(moveZero.Select(t => (t.TruckId, t.Outcome, t.LeftHours)), Is.EqualTo(leaveOnly.Select(t => (t.TruckId, t.Outcome, t.LeftHours))), "move 0 is leave alone");
            Assert.That(moveZeroReplication.Metrics.Select(m => (m.Key.Id, m.Value)), Is.EqualTo(leaveOnlyReplication.Metrics.Select(m => (m.Key.Id, m.Value))));
            Assert.That(moveZeroReplication.Metrics.Select(m => m.Key.Id), Has.None.StartsWith("moved_on_event"));
        });
    }

    [Test]
    public void A_suspension_moves_only_its_origins_trucks_not_a_backlog_already_on_the_route()
    {
        var suspension = new RouteSuspensionSpec("a", new LocalDate(2026, 6, 2), new LocalDate(2026, 6, 2), 1, "works") { Waiting = new WaitingReactionSpec(1) };
        var scenario = SpecBuilder.Scenario(
            [
                new DirectionSpec("a", SpecBuilder.Flat(0), [SpecBuilder.Check("booth_a", 1, new Deterministic(6))]) { Backlog = [new BacklogSpec(null, "general", 10, null)] },
                new DirectionSpec("b", SpecBuilder.Flat(0), [SpecBuilder.Check("booth_b", 1, new Deterministic(6))]),
            ],
            days: 3,
            warmUpHours: 0,
            replications: 1) with
        {
            Origins = [new OriginSpec("province", SpecBuilder.Flat(0), [new RoutingRuleSpec("all", RoutingKind.Overflow, ["a", "b"], [], int.MaxValue)], [suspension])],
        };
        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0).Run();

        Assert.That(Value(replication, "left_on_event/a/all"), Is.Zero, "the backlog did not come from the suspended origin");
        Assert.That(Value(replication, "served/a/all"), Is.EqualTo(10), "ten trucks of 6 h, all served by 60 h");
    }

    [Test]
    public void The_reactions_are_the_same_whatever_the_thread_count()
    {
        var suspension = new RouteSuspensionSpec("a", new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 4), 1, "works") { Waiting = new WaitingReactionSpec(0.4) };
        var scenario = SpecBuilder.Scenario(
            [
                new DirectionSpec("a", SpecBuilder.Flat(0), [SpecBuilder.Check("booth_a", 1, new ExponentialDistribution(0.5))]),
                new DirectionSpec("b", SpecBuilder.Flat(0), [SpecBuilder.Check("booth_b", 1, new ExponentialDistribution(0.05))]),
            ],
            days: 5,
            warmUpHours: 0,
            replications: 6) with
        {
            Origins = [new OriginSpec("province", SpecBuilder.Flat(120), [new RoutingRuleSpec("all", RoutingKind.Overflow, ["a", "b"], [], int.MaxValue)], [suspension])],
        };

        var one = ExperimentRunner.Run(scenario, new RunOptions(Threads: 1));
        var four = ExperimentRunner.Run(scenario, new RunOptions(Threads: 4));

        var leftPerReplication = one.Replications.Select(r => Value(r, "left_on_event/a/all")).ToArray();
        Assert.That(leftPerReplication, Has.Some.GreaterThan(0));
        Assert.That(four.Replications.Select(r => Value(r, "left_on_event/a/all")), Is.EqualTo(leftPerReplication));
        Assert.That(four.Summary.Select(m => (m.Key.Id, m.Mean)), Is.EqualTo(one.Summary.Select(m => (m.Key.Id, m.Mean))));
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}
