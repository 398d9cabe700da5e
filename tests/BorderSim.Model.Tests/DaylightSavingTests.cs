using BorderSim.Model.Calendars;
using NodaTime;

namespace BorderSim.Model.Tests;

/// <summary>
/// Opening hours are local wall-clock times: on a day a zone changes its clocks, a gate open
/// 07:00–19:00 still opens at 07:00 local, and the day is 23 or 25 hours long. Europe/Berlin
/// springs forward at 02:00 on 29 Mar 2026 and falls back at 03:00 on 25 Oct 2026.
/// </summary>
public class DaylightSavingTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static ScenarioClock ClockFrom(LocalDate first, int days) =>
        new(Berlin.AtStartOfDay(first).ToInstant(), Berlin.AtStartOfDay(first.PlusDays(days)).ToInstant().Minus(Berlin.AtStartOfDay(first).ToInstant()).TotalHours);

    [TestCase(2026, 3, 27, TestName = "A gate open 07:00-19:00 opens and closes at those local times around the spring-forward day")]
    [TestCase(2026, 10, 23, TestName = "A gate open 07:00-19:00 opens and closes at those local times around the fall-back day")]
    public void A_gate_keeps_its_local_hours_on_daylight_saving_days(int year, int month, int day)
    {
        var first = new LocalDate(year, month, day);
        var clock = ClockFrom(first, 5);
        var gate = new GateCalendar(SpecBuilder.Calendar("de_gate", Berlin, 7, 19), clock, []);

        var intervals = gate.OpenIntervals.Where(i => i.Open >= 0 && i.Close <= clock.RunHours).ToList();
        Assert.That(intervals, Has.Count.EqualTo(5), "one opening a day");
        Assert.That(intervals.Select(i => clock.LocalTimeAt(i.Open, Berlin)), Is.EqualTo(Enumerable.Range(0, 5).Select(d => first.PlusDays(d).At(new LocalTime(7, 0)))));
        Assert.That(intervals.Select(i => clock.LocalTimeAt(i.Close, Berlin)), Is.EqualTo(Enumerable.Range(0, 5).Select(d => first.PlusDays(d).At(new LocalTime(19, 0)))));
        Assert.That(intervals.Select(i => i.Close - i.Open), Is.All.EqualTo(12).Within(1e-9), "the change happens at night: 12 open hours every day");
    }

    [Test]
    public void The_spring_forward_day_is_23_hours_long_and_the_fall_back_day_25()
    {
        var spring = new ScenarioClock(Berlin.AtStartOfDay(new LocalDate(2026, 3, 28)).ToInstant(), 72).LocalDays(Berlin);
        Assert.That(spring.DateOf(1), Is.EqualTo(new LocalDate(2026, 3, 29)));
        Assert.That(spring.StartOf(2) - spring.StartOf(1), Is.EqualTo(23).Within(1e-9));
        Assert.That(spring.StartOf(1) - spring.StartOf(0), Is.EqualTo(24).Within(1e-9));

        var autumn = new ScenarioClock(Berlin.AtStartOfDay(new LocalDate(2026, 10, 24)).ToInstant(), 72).LocalDays(Berlin);
        Assert.That(autumn.StartOf(2) - autumn.StartOf(1), Is.EqualTo(25).Within(1e-9));
    }

    [TestCase(2.5, 3, 30, TestName = "A local time in the spring-forward gap moves forward by the gap (NodaTime's lenient resolver)")]
    [TestCase(1.5, 1, 30, TestName = "A local time before the spring-forward gap is kept")]
    [TestCase(24, 24, 0, TestName = "24:00 on the spring-forward day is the next local midnight, 23 hours after this one")]
    public void Local_times_on_the_spring_forward_day(double hourOfDay, int expectedHour, int expectedMinute)
    {
        var date = new LocalDate(2026, 3, 29);
        var clock = new ScenarioClock(Berlin.AtStartOfDay(date).ToInstant(), 48);
        var hours = clock.HoursAt(date, hourOfDay, Berlin);
        var expected = Berlin.AtStartOfDay(date).LocalDateTime.PlusHours(expectedHour).PlusMinutes(expectedMinute);
        Assert.That(clock.LocalTimeAt(hours, Berlin), Is.EqualTo(expected));
        if (hourOfDay == 24)
        {
            Assert.That(hours, Is.EqualTo(23).Within(1e-9));
        }
    }
}
