using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Model.Experiments;

/// <summary>How the run's horizon meets a dated event that ends after it.</summary>
public enum HorizonCutKind
{
    /// <summary>The event starts inside the run and ends after it: the run sees only its first days.</summary>
    CutOff,

    /// <summary>The event starts when the run has ended (or as it ends): the run sees none of it.</summary>
    NotReached,
}

/// <summary>
/// A dated event of the scenario that the run's horizon cuts: a surge, a ban, a route suspension, a closure, an
/// appointment-only period (events with a last day) or a change (in force from a day on) that ends, or starts,
/// after the run ends.
/// </summary>
/// <param name="Event">What it is: <c>surge</c>, <c>ban</c>, <c>suspension</c>, <c>closure</c>, <c>appointment-only period</c> or <c>change</c>.</param>
/// <param name="Name">Its reason as the scenario wrote it (for an appointment-only period, its quota).</param>
/// <param name="Where">What it applies to: a direction, an origin and route, a calendar, a stage, road, class or pool.</param>
/// <param name="From">Its first local day.</param>
/// <param name="To">Its last local day (inclusive); null for a change, in force from <paramref name="From"/> on.</param>
/// <param name="RunLastDay">The last local day the run covers, in the scenario's zone (a closure of a gate in another zone ends by the gate's clock).</param>
/// <param name="DaysToSeeIt">The <c>--days</c> at which the run covers the event to its end (a change: its first whole day).</param>
public sealed record HorizonCut(string Event, string Name, string Where, LocalDate From, LocalDate? To, HorizonCutKind Kind, LocalDate RunLastDay, int DaysToSeeIt)
{
    /// <summary>The event's dates: <c>2027-06-01..2027-06-14</c>, or <c>from 2027-06-01</c> for a change.</summary>
    public string Dates => To is { } to ? $"{From:uuuu-MM-dd}..{to:uuuu-MM-dd}" : $"from {From:uuuu-MM-dd}";

    /// <summary>One English sentence: what is cut, when the run ends, and the --days that would see it through.</summary>
    public string Describe() => Kind == HorizonCutKind.CutOff
        ? $"the run ends on {RunLastDay:uuuu-MM-dd}, before the {Event} '{Name}' ({Where}, {Dates}) ends: {DaysNotSimulated} not simulated; --days {DaysToSeeIt} runs through it"
        : $"the run ends on {RunLastDay:uuuu-MM-dd}, before the {Event} '{Name}' ({Where}, {Dates}) starts: none of it is simulated; --days {DaysToSeeIt} reaches it";

    /// <summary>Whole local days of the event after the run's last day (0: the run ends within its last day).</summary>
    public int DaysLeftOut => To is { } to ? Math.Max(0, Period.Between(RunLastDay, to, PeriodUnits.Days).Days) : 0;

    private string DaysNotSimulated => DaysLeftOut switch
    {
        0 => "the rest of its last day is",
        1 => "its last day is",
        var n => $"its last {n} days are",
    };
}

/// <summary>
/// Which dated events of a scenario the run's horizon (its start and <see cref="ScenarioSpec.Days"/>) ends before they
/// end: the facts every verb prints before it runs and writes to its report and run.json. Each date is read in its own
/// zone (a closure or appointment period, or a change of a calendar, in the calendar's zone; the rest in the scenario's),
/// and an event ends at the local midnight after its last day, as the model applies it.
/// </summary>
public static class HorizonCheck
{
    /// <summary>The events that end after the run ends, in the order the scenario lists them; empty when the run sees every event through.</summary>
    public static IReadOnlyList<HorizonCut> CutsOf(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var runStart = scenario.StartInstant;
        var runEnd = runStart + Duration.FromDays(scenario.Days);
        var cuts = new List<HorizonCut>();

        void Period(string kind, string name, string where, LocalDate from, LocalDate to, DateTimeZone zone)
        {
            var end = zone.AtStartOfDay(to.PlusDays(1)).ToInstant();
            if (end > runEnd)
            {
                cuts.Add(Cut(kind, name, where, from, to, zone, end));
            }
        }

        HorizonCut Cut(string kind, string name, string where, LocalDate from, LocalDate? to, DateTimeZone zone, Instant seenAt)
        {
            var starts = zone.AtStartOfDay(from).ToInstant();
            var lastDay = runEnd.Minus(Duration.FromTicks(1)).InZone(scenario.TimeZone).Date;
            var days = (int)Math.Ceiling((seenAt - runStart).TotalDays - 1e-9);
            return new HorizonCut(kind, name, where, from, to, starts >= runEnd ? HorizonCutKind.NotReached : HorizonCutKind.CutOff, lastDay, days);
        }

        var zoneOf = scenario.Calendars.ToDictionary(c => c.Name, c => c.TimeZone, StringComparer.Ordinal);
        foreach (var calendar in scenario.Calendars)
        {
            foreach (var closure in calendar.Closures)
            {
                Period("closure", closure.Reason, $"calendar {calendar.Name}", closure.From, closure.To, calendar.TimeZone);
            }

            foreach (var appointment in calendar.AppointmentOnly)
            {
                Period("appointment-only period", $"{appointment.QuotaPerDay} a day", $"calendar {calendar.Name}", appointment.From, appointment.To, calendar.TimeZone);
            }
        }

        foreach (var direction in scenario.Directions)
        {
            foreach (var surge in direction.Arrivals.Surges)
            {
                Period("surge", surge.Reason, $"direction {direction.Name}", surge.From, surge.To, scenario.TimeZone);
            }
        }

        foreach (var origin in scenario.Origins)
        {
            foreach (var surge in origin.Arrivals.Surges)
            {
                Period("surge", surge.Reason, $"origin {origin.Name}", surge.From, surge.To, scenario.TimeZone);
            }

            foreach (var suspension in origin.Suspensions)
            {
                Period("suspension", suspension.Reason, $"origin {origin.Name} to route {suspension.Route}", suspension.From, suspension.To, scenario.TimeZone);
            }
        }

        foreach (var ban in scenario.Bans)
        {
            // A ban without a last day holds to the end of whatever run: no horizon cuts it.
            if (ban.To is { } to)
            {
                Period("ban", ban.Reason, $"direction {ban.Direction}", ban.From, to, scenario.TimeZone);
            }
        }

        foreach (var change in scenario.Changes)
        {
            var zone = change.Calendar is { } name && zoneOf.TryGetValue(name, out var calendarZone) ? calendarZone : scenario.TimeZone;
            var starts = zone.AtStartOfDay(change.From).ToInstant();
            if (starts >= runEnd)
            {
                cuts.Add(Cut("change", change.Reason, TargetOf(change), change.From, null, zone, zone.AtStartOfDay(change.From.PlusDays(1)).ToInstant()));
            }
        }

        return cuts;
    }

    private static string TargetOf(ScheduledChangeSpec change) =>
        change.Stage is { } stage ? $"stage {stage}"
        : change.Road is { } road ? $"road {road}"
        : change.Calendar is { } calendar ? $"calendar {calendar}"
        : change.CargoClass is { } cargoClass ? $"class {cargoClass}"
        : change.Pool is { } pool ? $"pool {pool}"
        : "scenario";
}
