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

    /// <summary>Simulation hours of a local date and time in <paramref name="zone"/> (gaps and overlaps resolved leniently).</summary>
    public double HoursAt(LocalDate date, double hourOfDay, DateTimeZone zone)
    {
        var midnight = zone.AtStartOfDay(date).ToInstant();
        return HoursAt(midnight) + hourOfDay;
    }

    public LocalDate LocalDateAt(double hours, DateTimeZone zone) => InstantAt(hours).InZone(zone).Date;

    public LocalDateTime LocalTimeAt(double hours, DateTimeZone zone) => InstantAt(hours).InZone(zone).LocalDateTime;
}
