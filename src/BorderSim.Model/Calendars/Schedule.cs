using BorderSim.Engine;
using NodaTime;

namespace BorderSim.Model.Calendars;

/// <summary>
/// A value in force over simulation time: the value of the first breakpoint until the second's hour, then the
/// second's, and so on. Breakpoints are in hour order; two at the same hour are both kept (the later one written
/// is in force), so a breakpoint's index is stable and can name something (a cap's daily draw). Before the first
/// breakpoint's hour the first value holds. Immutable and shared by all replications; lookups allocate nothing.
/// </summary>
public sealed class Schedule<T>
{
    private readonly (double Hours, T Value)[] _breakpoints;

    /// <summary>A schedule of <paramref name="breakpoints"/> (at least one, in non-decreasing hour order).</summary>
    public Schedule(IEnumerable<(double Hours, T Value)> breakpoints)
    {
        ArgumentNullException.ThrowIfNull(breakpoints);
        _breakpoints = [.. breakpoints];
        if (_breakpoints.Length == 0)
        {
            throw new ArgumentException("a schedule needs a value from the start", nameof(breakpoints));
        }

        for (var i = 1; i < _breakpoints.Length; i++)
        {
            if (!(_breakpoints[i].Hours >= _breakpoints[i - 1].Hours))
            {
                throw new ArgumentException($"breakpoint {i} at {_breakpoints[i].Hours} h comes before the one at {_breakpoints[i - 1].Hours} h", nameof(breakpoints));
            }
        }
    }

    /// <summary>One value all the time.</summary>
    public static Schedule<T> Constant(T value) => new([(0, value)]);

    /// <summary>How many breakpoints (1 = never changes).</summary>
    public int Count => _breakpoints.Length;

    /// <summary>Whether the value ever changes (more than one breakpoint).</summary>
    public bool Changes => _breakpoints.Length > 1;

    /// <summary>Breakpoint <paramref name="index"/>: from its hour, its value.</summary>
    public (double Hours, T Value) this[int index] => _breakpoints[index];

    /// <summary>The breakpoints in hour order.</summary>
    public ReadOnlySpan<(double Hours, T Value)> Breakpoints => _breakpoints;

    /// <summary>The value from the start (the first breakpoint's).</summary>
    public T Initial => _breakpoints[0].Value;

    /// <summary>The index of the breakpoint in force at <paramref name="hours"/>: the last one at or before it (0 before the first).</summary>
    public int IndexAt(double hours)
    {
        // The last index whose hour is <= hours: binary search for the first one after it.
        int low = 1, high = _breakpoints.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_breakpoints[middle].Hours <= hours)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - 1;
    }

    /// <summary>The value in force at <paramref name="hours"/>.</summary>
    public T ValueAt(double hours) => _breakpoints[IndexAt(hours)].Value;

    /// <summary>The hour of the first breakpoint after <paramref name="hours"/>; +∞ when nothing changes after it.</summary>
    public double NextBreakpointAfter(double hours)
    {
        var next = IndexAt(hours) + 1;
        return next < _breakpoints.Length ? _breakpoints[next].Hours : double.PositiveInfinity;
    }

    /// <summary>∫ of <paramref name="measure"/> of the value over [<paramref name="fromHours"/>, <paramref name="toHours"/>] (e.g. open server-hours).</summary>
    public double Integral(Func<T, double> measure, double fromHours, double toHours)
    {
        ArgumentNullException.ThrowIfNull(measure);
        double total = 0;
        for (var i = 0; i < _breakpoints.Length; i++)
        {
            var start = Math.Max(_breakpoints[i].Hours, fromHours);
            var end = Math.Min(i + 1 < _breakpoints.Length ? _breakpoints[i + 1].Hours : double.PositiveInfinity, toHours);
            if (end > start)
            {
                total += measure(_breakpoints[i].Value) * (end - start);
            }
        }

        return total;
    }

    /// <summary>The same breakpoints with each value mapped.</summary>
    public Schedule<TResult> Select<TResult>(Func<T, TResult> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new Schedule<TResult>(_breakpoints.Select(b => (b.Hours, map(b.Value))));
    }

    /// <summary>Whether any breakpoint's value satisfies <paramref name="predicate"/>.</summary>
    public bool Any(Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return _breakpoints.Any(b => predicate(b.Value));
    }

    /// <summary>
    /// A process that applies each breakpoint's value at its hour, from breakpoint <paramref name="firstIndex"/> on
    /// (one in the past or now is applied at once): how a runtime follows the schedule of its stage or pool.
    /// </summary>
    public IEnumerable<SimEvent> Follow(Simulation simulation, Action<T> apply, int firstIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(apply);
        for (var b = firstIndex; b < _breakpoints.Length; b++)
        {
            if (_breakpoints[b].Hours > simulation.NowHours)
            {
                yield return simulation.Timeout(_breakpoints[b].Hours - simulation.NowHours);
            }

            apply(_breakpoints[b].Value);
        }
    }
}

/// <summary>Schedules from dated changes.</summary>
public static class Schedule
{
    /// <summary>
    /// <paramref name="initial"/> from the start, then each change from local midnight of its date in
    /// <paramref name="zone"/> (a date before the start counts from the start), in date order; changes of one
    /// date keep the order written, so the last written is in force.
    /// </summary>
    public static Schedule<T> FromDates<T>(T initial, IEnumerable<(LocalDate From, T Value)> changes, ScenarioClock clock, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zone);
        return new Schedule<T>([(0, initial), .. changes.OrderBy(c => c.From).Select(c => (Math.Max(0, clock.HoursAtStartOf(c.From, zone)), c.Value))]);
    }

    /// <summary>
    /// What is in force on <paramref name="date"/>: the last change dated on or before it (the last written of one
    /// date), else <paramref name="initial"/>. For questions asked of dates before a run's clock exists.
    /// </summary>
    public static T InForceOn<T>(T initial, IEnumerable<(LocalDate From, T Value)> changes, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Dates as days from a fixed epoch: the order of dates, with no zone or run start to know.
        var schedule = new Schedule<T>([(double.NegativeInfinity, initial), .. changes.OrderBy(c => c.From).Select(c => ((double)c.From.ToDateOnly().DayNumber, c.Value))]);
        return schedule.ValueAt(date.ToDateOnly().DayNumber);
    }
}
