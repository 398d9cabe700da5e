using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>
/// How trucks leave, by reason: turned away by a ban, gave up waiting, served; and trucks a ban holds at their origin,
/// counted there and not at the route. Every count is checked against the trucks themselves, counted by hand from
/// their records (one replication, fixed seed): the run's metrics and each day's counts must be exactly those.
/// </summary>
public class OutcomesByReasonTests
{
    private static readonly LocalDate Start = new(2026, 6, 1);
    private static readonly Dictionary<string, double> Mix = new() { ["fruit"] = 0.5, ["general"] = 0.5 };

    // Every truck gives up after an exponential patience of mean 2 h.
    private static readonly CargoClassSpec[] Impatient =
        [new("fruit", 0.5, null, 19, 6, new ExponentialDistribution(2)), new("general", 0.5, null, 25, 2, new ExponentialDistribution(2))];

    // Fruit waits for ever (general still gives up): a held fruit driver whose patience ran out would give up at its
    // origin (HeldTrucksPatienceTests); here the held trucks are counted, so none of them gives up.
    private static readonly CargoClassSpec[] PatientFruit =
        [new("fruit", 0.5, null, 19, 6, null), new("general", 0.5, null, 25, 2, new ExponentialDistribution(2))];

    private static double Value(ReplicationResult replication, string id) => replication.Metrics.Single(m => m.Key.Id == id).Value;

    private static LocalDate DayOf(double hours) => Start.PlusDays((int)Math.Floor(hours / 24));

    /// <summary>
    /// 96 trucks a day (4 an hour) at one booth of mean 30 minutes (2 an hour): overloaded, so trucks give up waiting;
    /// half are fruit, and the ban (3 to 4 June, hours 48 to 96) acts on fruit.
    /// </summary>
    private static (ReplicationResult Replication, List<TruckRecord> Trucks) Run(BanAction action, LocalDate? banEnds, CargoClassSpec[]? classes = null)
    {
        var direction = new DirectionSpec("export", SpecBuilder.Flat(96, Mix), [SpecBuilder.Check("booth", 1, new ExponentialDistribution(0.5))]);
        var ban = new BanSpec(new LocalDate(2026, 6, 3), banEnds, "export", ["fruit"], action, null, "");
        var scenario = SpecBuilder.Scenario([direction], days: 6, warmUpHours: 0, replications: 1, classes: classes ?? Impatient) with { Bans = [ban] };
        var recorder = new Recorder();
        var replication = new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, recorder).Run();
        return (replication, recorder.Trucks);
    }

    [Test]
    public void A_ban_that_turns_trucks_away_counts_them_as_turned_away_apart_from_those_that_gave_up_waiting_each_day_and_over_the_run()
    {
        var (replication, trucks) = Run(BanAction.TurnAway, new LocalDate(2026, 6, 4));

        var turnedAway = trucks.Where(t => t.Outcome == TruckOutcome.TurnedAway).ToList();
        var gaveUp = trucks.Where(t => t.Outcome == TruckOutcome.GaveUp).ToList();
        var fruitInBan = trucks.Where(t => t.CargoClass == "fruit" && t.ArrivedHours is >= 48 and < 96).ToList();
        var days = replication.Days.Where(d => d.CargoClass == "fruit").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(turnedAway, Is.EqualTo(fruitInBan), "exactly the fruit trucks that came during the ban, and no other");
            Assert.That(turnedAway, Has.Count.GreaterThan(50), "about 48 fruit trucks a day for two days");
            Assert.That(gaveUp, Has.Count.GreaterThan(50), "an overloaded booth: many give up waiting");
            Assert.That(Value(replication, "turned_away/export/all"), Is.EqualTo(turnedAway.Count));
            Assert.That(Value(replication, "gave_up/export/all"), Is.EqualTo(gaveUp.Count), "gave_up: patience only");
            Assert.That(days.Select(d => d.TurnedAway), Is.EqualTo(days.Select(d => turnedAway.Count(t => DayOf(t.ArrivedHours) == d.Date))), "turned away per day");
            Assert.That(days.Select(d => d.GaveUp), Is.EqualTo(days.Select(d => gaveUp.Count(t => t.CargoClass == "fruit" && DayOf(t.LeftHours) == d.Date))), "gave up per day");
            Assert.That(days.Select(d => d.Arrived), Is.EqualTo(days.Select(d => trucks.Count(t => t.CargoClass == "fruit" && DayOf(t.ArrivedHours) == d.Date))), "arrived per day, turned away included");
            Assert.That(
                Value(replication, "arrived/export/all"),
                Is.EqualTo(Value(replication, "served/export/all") + Value(replication, "gave_up/export/all") + Value(replication, "turned_away/export/all")
                    + Value(replication, "in_system_at_end/export/all")),
                "the books: arrived = served + gave up + turned away + still in the system");
        });
    }

    [Test]
    public void Trucks_held_at_their_origin_are_counted_there_and_not_in_the_routes_backlog_until_the_ban_ends()
    {
        // Fruit held from 3 June (48 h) to the end of 4 June (96 h): they reach the route at 96 h, on 5 June.
        var (replication, trucks) = Run(BanAction.HoldAtOrigin, new LocalDate(2026, 6, 4), PatientFruit);

        var held = trucks.Where(t => t.CargoClass == "fruit" && t.ArrivedHours is >= 48 and < 96).ToList();
        var fruitDays = replication.Days.Where(d => d.CargoClass == "fruit").ToDictionary(d => d.Date);
        var generalDays = replication.Days.Where(d => d.CargoClass == "general").ToDictionary(d => d.Date);

        // In the route's system at the end of day d: arrived before its end, not yet left, and not held at its origin then.
        int InSystemAtEndOf(LocalDate day, string cargoClass)
        {
            var end = (day.PlusDays(1).ToDateTimeUnspecified() - Start.ToDateTimeUnspecified()).TotalHours;
            return trucks.Count(t => t.CargoClass == cargoClass && t.ArrivedHours < end && !(t.LeftHours <= end) && !(held.Contains(t) && end <= 96));
        }

        var june3 = new LocalDate(2026, 6, 3);
        var june5 = new LocalDate(2026, 6, 5);
        Assert.Multiple(() =>
        {
            Assert.That(held, Has.Count.GreaterThan(50));
            Assert.That(held.Select(t => t.Stages[0].EnteredHours), Is.All.GreaterThanOrEqualTo(96.0), "none reached the booth before the ban ended");
            Assert.That(fruitDays[june3].HeldAtOriginAtEnd, Is.EqualTo(held.Count(t => t.ArrivedHours < 72)), "3 June: held at the origin at its end");
            Assert.That(fruitDays[june3].BacklogAtEnd, Is.EqualTo(InSystemAtEndOf(june3, "fruit")), "3 June: the route's backlog leaves the held out");
            Assert.That(generalDays[june3].BacklogAtEnd, Is.EqualTo(InSystemAtEndOf(june3, "general")));
            Assert.That(fruitDays[june3].Arrived, Is.Zero, "held fruit trucks have not arrived at the route");
            Assert.That(fruitDays[june5].Arrived, Is.EqualTo(held.Count + trucks.Count(t => t.CargoClass == "fruit" && DayOf(t.ArrivedHours) == june5)), "they arrive when the ban ends");
            Assert.That(fruitDays[june5].HeldAtOriginAtEnd, Is.Zero);
            Assert.That(fruitDays[june5].BacklogAtEnd, Is.EqualTo(InSystemAtEndOf(june5, "fruit")));
            Assert.That(held.Where(t => t.Outcome == TruckOutcome.Served).Select(t => t.WaitHours - (t.Stages[0].ServiceStartHours - 96)), Is.All.EqualTo(0).Within(1e-9), "their wait on the route counts from when the ban ended (HeldAtOriginWaitTests)");
            Assert.That(Value(replication, "held_at_origin_at_end/export/all"), Is.Zero, "the ban ended before the run did");
        });
    }

    [Test]
    public void Trucks_still_held_at_their_origin_when_the_run_ends_are_counted_there_and_not_as_arrived_or_in_the_system()
    {
        var (replication, trucks) = Run(BanAction.HoldAtOrigin, null, PatientFruit);

        var held = trucks.Where(t => t.Outcome == TruckOutcome.HeldAtOriginAtEnd).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(held, Is.EqualTo(trucks.Where(t => t.CargoClass == "fruit" && t.ArrivedHours >= 48)), "every fruit truck from 3 June on");
            Assert.That(Value(replication, "held_at_origin_at_end/export/all"), Is.EqualTo(held.Count));
            Assert.That(Value(replication, "in_system_at_end/export/all"), Is.EqualTo(trucks.Count(t => t.Outcome == TruckOutcome.InSystemAtEnd)));
            Assert.That(Value(replication, "arrived/export/all"), Is.EqualTo(trucks.Count - held.Count), "held trucks never arrived at the route");
            Assert.That(
                Value(replication, "arrived/export/all"),
                Is.EqualTo(Value(replication, "served/export/all") + Value(replication, "gave_up/export/all") + Value(replication, "in_system_at_end/export/all")),
                "the route's books leave the held out");
            Assert.That(replication.Days.Where(d => d.CargoClass == "fruit").Select(d => d.HeldAtOriginAtEnd).Last(), Is.EqualTo(held.Count), "the last day ends with them held");
        });
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}
