using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Calendars;

/// <summary>
/// A calendar compiled for one run: the open intervals in simulation hours (closures and dated
/// changes of hours applied, in the gate's own zone), and the appointment-only days with their quotas.
/// </summary>
public sealed class GateCalendar
{
    private readonly double[] _opens;
    private readonly double[] _closes;
    private readonly Dictionary<LocalDate, AppointmentDay> _appointmentDays;

    public GateCalendar(CalendarSpec spec, ScenarioClock clock, IEnumerable<ScheduledChangeSpec> changes)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(clock);
        Name = spec.Name;
        Zone = spec.TimeZone;
        Clock = clock;
        var myChanges = changes.Where(c => c.Calendar == spec.Name).OrderBy(c => c.From).ToList();

        // Local days that can overlap the run, one either side for zone offsets.
        var firstDay = clock.LocalDateAt(0, Zone).PlusDays(-1);
        var lastDay = clock.LocalDateAt(clock.RunHours, Zone).PlusDays(1);
        var opens = new List<double>();
        var closes = new List<double>();
        _appointmentDays = [];
        for (var day = firstDay; day <= lastDay; day = day.PlusDays(1))
        {
            var appointment = spec.AppointmentOnly.FirstOrDefault(a => a.From <= day && day <= a.To);
            if (appointment is not null)
            {
                var quota = myChanges.LastOrDefault(c => c.From <= day && c.QuotaPerDay is not null)?.QuotaPerDay ?? appointment.QuotaPerDay;
                _appointmentDays[day] = new AppointmentDay(quota, appointment.ExcludedClasses.ToHashSet(StringComparer.Ordinal));
            }

            if (spec.Closures.Any(c => c.From <= day && day <= c.To))
            {
                continue;
            }

            var hours = myChanges.LastOrDefault(c => c.From <= day && c.Hours is not null)?.Hours ?? spec.WeeklyHours;
            foreach (var interval in hours.On(day.DayOfWeek))
            {
                var open = clock.HoursAt(day, interval.OpensAtHour, Zone);
                var close = clock.HoursAt(day, interval.ClosesAtHour, Zone);
                if (opens.Count > 0 && open <= closes[^1])
                {
                    closes[^1] = Math.Max(closes[^1], close); // 24:00 meets the next day's 00:00
                }
                else
                {
                    opens.Add(open);
                    closes.Add(close);
                }
            }
        }

        _opens = [.. opens];
        _closes = [.. closes];
    }

    public string Name { get; }

    public DateTimeZone Zone { get; }

    public ScenarioClock Clock { get; }

    public bool HasAppointmentPeriods => _appointmentDays.Count > 0;

    /// <summary>The open intervals [open, close) in simulation hours, in order and disjoint.</summary>
    public IEnumerable<(double Open, double Close)> OpenIntervals => _opens.Zip(_closes);

    public bool IsOpenAt(double hours)
    {
        var index = Array.BinarySearch(_opens, hours);
        index = index >= 0 ? index : ~index - 1;
        return index >= 0 && hours < _closes[index];
    }

    /// <summary>The first moment at or after <paramref name="hours"/> when the calendar is open; +∞ if it never opens again in the run.</summary>
    public double OpenFrom(double hours)
    {
        var index = Array.BinarySearch(_opens, hours);
        index = index >= 0 ? index : ~index - 1;
        if (index >= 0 && hours < _closes[index])
        {
            return hours;
        }

        return index + 1 < _opens.Length ? _opens[index + 1] : double.PositiveInfinity;
    }

    /// <summary>The appointment rules of the local day at <paramref name="hours"/>, or null on an ordinary day.</summary>
    public AppointmentDay? AppointmentDayAt(double hours, out LocalDate localDate)
    {
        localDate = Clock.LocalDateAt(hours, Zone);
        return _appointmentDays.GetValueOrDefault(localDate);
    }

    /// <summary>Simulation hours of the next local midnight of the gate's zone after <paramref name="hours"/>.</summary>
    public double NextMidnightAfter(double hours) =>
        Clock.HoursAtStartOf(Clock.LocalDateAt(hours, Zone).PlusDays(1), Zone);
}

/// <summary>An appointment-only day: at most <see cref="QuotaPerDay"/> trucks, none of <see cref="ExcludedClasses"/>.</summary>
public sealed record AppointmentDay(int QuotaPerDay, IReadOnlySet<string> ExcludedClasses);
