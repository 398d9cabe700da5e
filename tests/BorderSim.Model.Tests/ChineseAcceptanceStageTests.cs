using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>
/// The Chinese side's acceptance and hand-over as a stage of its own (issue 25, item 5): a check with its own calendar in
/// Beijing time, hours that differ by weekday and a daily cap counted over Beijing's days, in a scenario reported in
/// Hanoi time. Every service start is counted by hand.
/// </summary>
public class ChineseAcceptanceStageTests
{
    private static List<double> ServiceStarts(CalendarSpec calendar, ClearanceCapSpec cap, int backlogTrucks, int days)
    {
        // No arrivals: a backlog of trucks waits at the hand-over when the run starts (00:00 Hanoi, Monday 1 June 2026),
        // one server, exactly 1 h a truck.
        var handOver = SpecBuilder.Check("cn_handover", 1, new Deterministic(1), calendar: calendar.Name) with { CapPerDay = cap };
        var direction = new DirectionSpec("export", SpecBuilder.Flat(0), [handOver])
        {
            Backlog = [new BacklogSpec("cn_handover", "general", backlogTrucks, null)],
        };
        var scenario = SpecBuilder.Scenario([direction], days: days, warmUpHours: 0, replications: 1, calendars: [calendar]);
        var observer = new Recorder();
        new CrossingReplication(new CrossingModel(scenario), 0, scenario.Seed, 0, observer).Run();
        return [.. observer.Trucks.Select(t => t.Stages[0].ServiceStartHours).Where(double.IsFinite).Order()];
    }

    private static ClearanceCapSpec Cap(int trucksPerDay) => new(new TrucksPerDayRange(trucksPerDay, trucksPerDay), new Dictionary<string, TrucksPerDayRange>());

    [Test]
    public void A_hand_over_open_by_beijing_weekday_hours_under_a_daily_cap_starts_service_exactly_at_the_hours_counted_by_hand()
    {
        // Hand-over 08:00-12:00 Beijing Monday to Friday, 08:00-10:00 on Saturday, closed on Sunday; at most 3 a day.
        // 08:00 Beijing is 07:00 Hanoi = hour 7 of each day. Mon-Fri: 3 starts (07, 08, 09 Hanoi; the cap stops the
        // fourth slot at 10); Saturday (day 5): the 2 slots of its window (127, 128 h); Sunday: none; Monday 8 June
        // (day 7): the last 3. 20 trucks: 5 x 3 + 2 + 3.
        var hours = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>>
        {
            [IsoDayOfWeek.Monday] = [new(8, 12)],
            [IsoDayOfWeek.Tuesday] = [new(8, 12)],
            [IsoDayOfWeek.Wednesday] = [new(8, 12)],
            [IsoDayOfWeek.Thursday] = [new(8, 12)],
            [IsoDayOfWeek.Friday] = [new(8, 12)],
            [IsoDayOfWeek.Saturday] = [new(8, 10)],
        };
        var calendar = new CalendarSpec("cn_gate", SpecBuilder.Beijing, new WeeklyHours(hours), [], []);

        var starts = ServiceStarts(calendar, Cap(3), backlogTrucks: 20, days: 9);

        double[] expected =
        [
            7, 8, 9, 31, 32, 33, 55, 56, 57, 79, 80, 81, 103, 104, 105,
            127, 128,
            175, 176, 177,
        ];
        Assert.That(starts, Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void A_cap_on_a_stage_with_a_beijing_calendar_counts_beijing_days_not_the_scenario_s()
    {
        // Open 00:00-06:00 Beijing every day, 2 a day. Beijing's 1 June began at 23:00 Hanoi on 31 May (hour -1): the
        // run starts at 01:00 Beijing, so 2 start at 0 and 1 h; Beijing's 2 June opens at 23 h (still 1 June in Hanoi):
        // 2 more at 23 and 24 h; then 47 and 48 h. Counted over Hanoi days, 23 h would be a third start on Hanoi's
        // 1 June, and the starts would be 0, 1, 24, 25, 48, 49.
        var calendar = SpecBuilder.Calendar("cn_gate", SpecBuilder.Beijing, 0, 6);

        var starts = ServiceStarts(calendar, Cap(2), backlogTrucks: 6, days: 3);

        Assert.That(starts, Is.EqualTo(new double[] { 0, 1, 23, 24, 47, 48 }).Within(1e-9));
    }

    [TestCase(0)]
    [TestCase(1)]
    public void A_hand_over_with_a_cap_of_zero_or_one_starts_none_or_one_a_beijing_day(int cap)
    {
        // The boundaries of the cap: 0 accepts nobody; 1 accepts the first truck at each opening (07:00 Hanoi).
        var calendar = SpecBuilder.Calendar("cn_gate", SpecBuilder.Beijing, 8, 20);

        var starts = ServiceStarts(calendar, Cap(cap), backlogTrucks: 5, days: 3);

        Assert.That(starts, Is.EqualTo(cap == 0 ? Array.Empty<double>() : new double[] { 7, 31, 55 }).Within(1e-9));
    }

    private sealed class Recorder : ITruckObserver
    {
        public List<TruckRecord> Trucks { get; } = [];

        public void OnTruckLeft(TruckRecord truck) => Trucks.Add(truck);
    }
}
