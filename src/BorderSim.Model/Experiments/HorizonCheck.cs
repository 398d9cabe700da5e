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
/// appointment-only period (events with a last day), an advisory or a change (from a day on) that ends, or starts,
/// after the run ends.
/// </summary>
/// <param name="Event">What it is: <c>surge</c>, <c>ban</c>, <c>suspension</c>, <c>closure</c>, <c>appointment-only period</c>, <c>advisory</c> or <c>change</c>.</param>
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
        var horizon = new Horizon(scenario);
        AddCalendarPeriods(horizon);
        AddTrafficPeriods(horizon);
        AddAdvisories(horizon);
        AddChanges(horizon);
        return horizon.Cuts;
    }

    /// <summary>Closures and appointment-only periods, each in its calendar's zone.</summary>
    private static void AddCalendarPeriods(Horizon horizon)
    {
        foreach (var calendar in horizon.Scenario.Calendars)
        {
            foreach (var closure in calendar.Closures)
            {
                horizon.Period("closure", closure.Reason, $"calendar {calendar.Name}", closure.From, closure.To, calendar.TimeZone);
            }

            foreach (var appointment in calendar.AppointmentOnly)
            {
                horizon.Period("appointment-only period", $"{appointment.QuotaPerDay} a day", $"calendar {calendar.Name}", appointment.From, appointment.To, calendar.TimeZone);
            }
        }
    }

    /// <summary>Surges of directions and origins, route suspensions and bans with a last day, in the scenario's zone.</summary>
    private static void AddTrafficPeriods(Horizon horizon)
    {
        var scenario = horizon.Scenario;
        foreach (var direction in scenario.Directions)
        {
            foreach (var surge in direction.Arrivals.Surges)
            {
                horizon.Period("surge", surge.Reason, $"direction {direction.Name}", surge.From, surge.To, scenario.TimeZone);
            }
        }

        foreach (var origin in scenario.Origins)
        {
            foreach (var surge in origin.Arrivals.Surges)
            {
                horizon.Period("surge", surge.Reason, $"origin {origin.Name}", surge.From, surge.To, scenario.TimeZone);
            }

            foreach (var suspension in origin.Suspensions)
            {
                horizon.Period("suspension", suspension.Reason, $"origin {origin.Name} to route {suspension.Route}", suspension.From, suspension.To, scenario.TimeZone);
            }
        }

        foreach (var ban in scenario.Bans)
        {
            // A ban without a last day holds to the end of whatever run: no horizon cuts it.
            if (ban.To is { } to)
            {
                horizon.Period("ban", ban.Reason, $"direction {ban.Direction}", ban.From, to, scenario.TimeZone);
            }
        }
    }

    /// <summary>Advisories, which act at the midnight they are issued (in the scenario's zone): a run that ends by then never sees one.</summary>
    private static void AddAdvisories(Horizon horizon)
    {
        foreach (var advisory in horizon.Scenario.Advisories)
        {
            horizon.PointInTime("advisory", advisory.Reason, $"direction {advisory.Direction}", advisory.From, horizon.Scenario.TimeZone);
        }
    }

    /// <summary>Changes (in force from a day on, in their calendar's zone or the scenario's) that start when the run has ended.</summary>
    private static void AddChanges(Horizon horizon)
    {
        var scenario = horizon.Scenario;
        var zoneOf = scenario.Calendars.ToDictionary(c => c.Name, c => c.TimeZone, StringComparer.Ordinal);
        foreach (var change in scenario.Changes)
        {
            var zone = change.Calendar is { } name && zoneOf.TryGetValue(name, out var calendarZone) ? calendarZone : scenario.TimeZone;
            horizon.PointInTime("change", change.Reason, TargetOf(change), change.From, zone);
        }
    }

    private static string TargetOf(ScheduledChangeSpec change) =>
        change.Stage is { } stage ? $"stage {stage}"
        : change.Road is { } road ? $"road {road}"
        : change.Calendar is { } calendar ? $"calendar {calendar}"
        : change.CargoClass is { } cargoClass ? $"class {cargoClass}"
        : change.Pool is { } pool ? $"pool {pool}"
        : "scenario";

    /// <summary>The run's start and end, and the cuts found so far.</summary>
    private sealed class Horizon(ScenarioSpec scenario)
    {
        private readonly Instant runStart = scenario.StartInstant;
        private readonly Instant runEnd = scenario.StartInstant + Duration.FromDays(scenario.Days);

        public ScenarioSpec Scenario { get; } = scenario;

        public List<HorizonCut> Cuts { get; } = [];

        /// <summary>An event with a last day: cut when it ends (the local midnight after its last day) after the run ends.</summary>
        public void Period(string kind, string name, string where, LocalDate from, LocalDate to, DateTimeZone zone)
        {
            var end = zone.AtStartOfDay(to.PlusDays(1)).ToInstant();
            if (end > runEnd)
            {
                Cuts.Add(Cut(kind, name, where, from, to, zone, end));
            }
        }

        /// <summary>An event that acts from a local midnight on: cut when that midnight is at or after the run's end.</summary>
        public void PointInTime(string kind, string name, string where, LocalDate from, DateTimeZone zone)
        {
            if (zone.AtStartOfDay(from).ToInstant() >= runEnd)
            {
                Cuts.Add(Cut(kind, name, where, from, null, zone, zone.AtStartOfDay(from.PlusDays(1)).ToInstant()));
            }
        }

        private HorizonCut Cut(string kind, string name, string where, LocalDate from, LocalDate? to, DateTimeZone zone, Instant seenAt)
        {
            var starts = zone.AtStartOfDay(from).ToInstant();
            var lastDay = runEnd.Minus(Duration.FromTicks(1)).InZone(Scenario.TimeZone).Date;
            var days = (int)Math.Ceiling((seenAt - runStart).TotalDays - 1e-9);
            return new HorizonCut(kind, name, where, from, to, starts >= runEnd ? HorizonCutKind.NotReached : HorizonCutKind.CutOff, lastDay, days);
        }
    }
}
