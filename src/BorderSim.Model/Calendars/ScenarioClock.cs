using NodaTime;

namespace BorderSim.Model.Calendars;

/// <summary>
/// Converts between simulation time (hours from the start instant) and local dates and times in any
/// zone. The only place the model meets wall-clock types; everything inside runs on hours.
/// </summary>
public sealed class ScenarioClock
{
    public ScenarioClock(Instant start, double runHours)
    {
        Start = start;
        RunHours = runHours;
    }

    public Instant Start { get; }

    public double RunHours { get; }

    public double HoursAt(Instant instant) => (instant - Start).TotalHours;

    public Instant InstantAt(double hours) => Start.Plus(Duration.FromTicks((long)Math.Round(hours * NodaConstants.TicksPerHour)));

    /// <summary>Simulation hours of local midnight starting <paramref name="date"/> in <paramref name="zone"/>.</summary>
    public double HoursAtStartOf(LocalDate date, DateTimeZone zone) => HoursAt(zone.AtStartOfDay(date).ToInstant());

    /// <summary>
    /// Simulation hours of the wall-clock time <paramref name="hourOfDay"/> (24 = the next midnight) on
    /// <paramref name="date"/> in <paramref name="zone"/>, by the zone's rules: 07:00 stays 07:00 on a
    /// daylight-saving day. A time in a spring-forward gap moves forward by the gap; a time that occurs
    /// twice (fall back) is the earlier one (NodaTime's lenient resolver).
    /// </summary>
    public double HoursAt(LocalDate date, double hourOfDay, DateTimeZone zone)
    {
        var local = date.AtMidnight().PlusTicks((long)Math.Round(hourOfDay * NodaConstants.TicksPerHour));
        return HoursAt(zone.ResolveLocal(local, NodaTime.TimeZones.Resolvers.LenientResolver).ToInstant());
    }

    public LocalDate LocalDateAt(double hours, DateTimeZone zone) => InstantAt(hours).InZone(zone).Date;

    /// <summary>
    /// Simulation hours of every local midnight in <paramref name="zone"/> from the day the run starts to
    /// the day after it ends: a table to find a time's local day by binary search instead of a zone lookup.
    /// </summary>
    public LocalDays LocalDays(DateTimeZone zone)
    {
        var first = LocalDateAt(0, zone);
        var last = LocalDateAt(RunHours, zone).PlusDays(1);
        var midnights = new List<double>();
        for (var day = first; day <= last; day = day.PlusDays(1))
        {
            midnights.Add(HoursAtStartOf(day, zone));
        }

        return new LocalDays(first, [.. midnights]);
    }

    public LocalDateTime LocalTimeAt(double hours, DateTimeZone zone) => InstantAt(hours).InZone(zone).LocalDateTime;
}

/// <summary>The local days of a run in one zone: day i starts at <c>Midnights[i]</c> hours.</summary>
public sealed class LocalDays(LocalDate firstDay, double[] midnights)
{
    public LocalDate FirstDay { get; } = firstDay;

    public int Count => midnights.Length;

    public LocalDate DateOf(int dayIndex) => FirstDay.PlusDays(dayIndex);

    /// <summary>Index of the local day containing <paramref name="hours"/> (0 = the day the run starts).</summary>
    public int IndexAt(double hours)
    {
        var index = Array.BinarySearch(midnights, hours);
        index = index >= 0 ? index : ~index - 1;
        return Math.Clamp(index, 0, midnights.Length - 1);
    }

    public double StartOf(int dayIndex) => midnights[dayIndex];
}
