using NodaTime;

namespace BorderSim.Model.Spec;

/// <summary>
/// When a gate works, in its own time zone (Vietnam UTC+7, China UTC+8): opening hours per weekday,
/// closures over date ranges (Tết), and appointment-only periods with a daily quota.
/// </summary>
/// <param name="Name">Key used by stages (<c>calendar: vn_gate</c>).</param>
/// <param name="TimeZone">The gate's own zone; hours and dates below are local to it.</param>
/// <param name="WeeklyHours">Opening hours for each day of the week (a day missing = closed).</param>
/// <param name="Closures">Whole local days closed, inclusive ranges.</param>
/// <param name="AppointmentOnly">Periods when only pre-registered trucks cross, within a daily quota.</param>
public sealed record CalendarSpec(
    string Name,
    DateTimeZone TimeZone,
    WeeklyHours WeeklyHours,
    IReadOnlyList<ClosureSpec> Closures,
    IReadOnlyList<AppointmentPeriodSpec> AppointmentOnly)
{
    /// <summary>A calendar that is always open (stages without a calendar).</summary>
    public static CalendarSpec AlwaysOpen(DateTimeZone zone) => new("always", zone, WeeklyHours.AllDay, [], []);
}

/// <summary>Opening intervals for each ISO day of the week, local time.</summary>
public sealed record WeeklyHours(IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>> Days)
{
    public static WeeklyHours AllDay { get; } = new(
        Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None)
            .ToDictionary(d => d, _ => (IReadOnlyList<OpeningInterval>)[OpeningInterval.WholeDay]));

    public IReadOnlyList<OpeningInterval> On(IsoDayOfWeek day) =>
        Days.TryGetValue(day, out var intervals) ? intervals : [];
}

/// <summary>
/// One opening interval within a local day, from <see cref="OpensAtHour"/> to <see cref="ClosesAtHour"/>
/// in hours after local midnight (0 ≤ opens &lt; closes ≤ 24). Overnight opening is two intervals.
/// </summary>
public sealed record OpeningInterval(double OpensAtHour, double ClosesAtHour)
{
    public static OpeningInterval WholeDay { get; } = new(0, 24);
}

/// <summary>Closed on every local day from <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record ClosureSpec(LocalDate From, LocalDate To, string Reason);

/// <summary>
/// From <see cref="From"/> to <see cref="To"/> (local days, inclusive) only trucks with an appointment
/// cross, at most <see cref="QuotaPerDay"/> a local day; classes in <see cref="ExcludedClasses"/> wait
/// until the period ends.
/// </summary>
public sealed record AppointmentPeriodSpec(LocalDate From, LocalDate To, int QuotaPerDay, IReadOnlyList<string> ExcludedClasses);
