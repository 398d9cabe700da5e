using BorderSim.Model.Spec;
using BorderSim.Scenarios.Syntax;
using BorderSim.Scenarios.Yaml;
using NodaTime;

namespace BorderSim.Scenarios;

/// <summary>
/// A dated entry of a scenario (closure, appointment period, surge, suspension, ban, advisory or change) with where it
/// was written, kept so that one outside the dates actually run, or inside the warm-up (<see cref="WarmUpWarnings"/>),
/// can be named with file:line:col once the run's start and length are final (after <c>--days</c>).
/// </summary>
/// <param name="Kind">"closure", "appointment period", "surge", "suspension", "ban", "advisory" or "change".</param>
/// <param name="Calendar">The calendar whose zone the dates are in; null = the scenario's zone.</param>
/// <param name="To">Last day, inclusive; null for a change or a ban without a last day (in force from <paramref name="From"/> on) and an advisory.</param>
public sealed record DatedEntry(string File, int Line, int Column, string Field, string Kind, string? Calendar, LocalDate From, LocalDate? To)
{
    /// <summary>An event that acts once, at the midnight of <see cref="From"/> (an advisory), rather than from then on.</summary>
    public bool IsMoment { get; init; }

    /// <summary>Its dates as the warnings write them: <c>2026-06-01..2026-06-03</c>, <c>from 2026-06-01</c>, or <c>of 2026-06-01</c> for a moment.</summary>
    internal string Dates => To is { } to ? $"{From:uuuu-MM-dd}..{to:uuuu-MM-dd}" : IsMoment ? $"of {From:uuuu-MM-dd}" : $"from {From:uuuu-MM-dd}";

    /// <summary>The instants it starts and ends (the midnight after its last day; none without one), each date in its calendar's zone.</summary>
    internal (Instant From, Instant? End) InstantsIn(ScenarioSpec scenario)
    {
        var zone = scenario.Calendars.FirstOrDefault(c => c.Name == Calendar)?.TimeZone ?? scenario.TimeZone;
        return (zone.AtStartOfDay(From).ToInstant(), To is { } to ? zone.AtStartOfDay(to.PlusDays(1)).ToInstant() : null);
    }

    /// <summary>
    /// The warnings for entries that miss the run [start, start + days): a closure, appointment period or
    /// surge entirely before or after it, a change dated after its end (no effect) or before its start
    /// (in force from the first hour). Comparison is by instant, each date in its own calendar's zone.
    /// </summary>
    public static IReadOnlyList<ScenarioError> WarningsFor(IEnumerable<DatedEntry> entries, ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(scenario);
        var runStart = scenario.StartInstant;
        var runEnd = runStart + Duration.FromDays(scenario.Days);
        var first = scenario.Start.Date;
        var last = runEnd.Minus(Duration.FromTicks(1)).InZone(scenario.TimeZone).Date;
        var span = $"the run is {first:uuuu-MM-dd}..{last:uuuu-MM-dd}";
        var warnings = new List<ScenarioError>();
        foreach (var entry in entries)
        {
            var (from, endOrNone) = entry.InstantsIn(scenario);
            var end = endOrNone ?? Instant.MaxValue;
            var dates = entry.To is { } t ? $"{entry.From:uuuu-MM-dd}..{t:uuuu-MM-dd}" : $"{entry.From:uuuu-MM-dd}";
            string? message = null;
            if (from >= runEnd)
            {
                message = $"the {entry.Kind} {dates} starts after the run ends ({span}): it has no effect";
            }
            else if (end <= runStart)
            {
                message = $"the {entry.Kind} {dates} ends before the run starts ({span}): it has no effect";
            }
            else if (entry.IsMoment && from < runStart)
            {
                message = $"the {entry.Kind} {entry.Dates} is issued before the run starts ({span}): it has no effect";
            }
            else if (entry.To is null && from < runStart)
            {
                message = $"the {entry.Kind} from {dates} is dated before the run starts ({span}): it is in force from the first hour";
            }

            if (message is not null)
            {
                warnings.Add(new ScenarioError(entry.File, entry.Line, entry.Column, entry.Field, message, "check the dates, or the run's start and days") { IsWarning = true });
            }
        }

        return warnings;
    }

    /// <summary>Every closure, appointment period, surge, suspension, ban, advisory and change whose dates read; the mapper reports the rest.</summary>
    internal static List<DatedEntry> Collect(YNode root)
    {
        var entries = new List<DatedEntry>();
        if (root is not YMap map)
        {
            return entries;
        }

        if (map.Get("calendars") is YMap calendars)
        {
            foreach (var (name, value) in calendars.Entries)
            {
                if (value is YMap calendar)
                {
                    AddPeriods(entries, calendar.Get("closures"), $"calendars.{name.Value}.closures", "closure", name.Value);
                    AddPeriods(entries, calendar.Get("appointment_only"), $"calendars.{name.Value}.appointment_only", "appointment period", name.Value);
                }
            }
        }

        if (map.Get("directions") is YMap directions)
        {
            foreach (var (name, value) in directions.Entries)
            {
                if (value is YMap direction && direction.Get("arrivals") is YMap arrivals)
                {
                    AddPeriods(entries, arrivals.Get("surges"), $"directions.{name.Value}.arrivals.surges", "surge", null);
                }
            }
        }

        if (map.Get("origins") is YMap origins)
        {
            foreach (var (name, value) in origins.Entries)
            {
                if (value is YMap origin)
                {
                    AddPeriods(entries, (origin.Get("arrivals") as YMap)?.Get("surges"), $"origins.{name.Value}.arrivals.surges", "surge", null);
                    AddPeriods(entries, origin.Get("suspensions"), $"origins.{name.Value}.suspensions", "suspension", null);
                }
            }
        }

        AddPeriods(entries, map.Get("bans"), "bans", "ban", null, lastDayOptional: true);
        if (map.Get("advisories") is YSeq advisories)
        {
            for (var i = 0; i < advisories.Items.Count; i++)
            {
                if (advisories.Items[i] is YMap advisory && Date(advisory.Get("from")) is { } from)
                {
                    var node = advisory.Get("from")!;
                    entries.Add(new DatedEntry(node.File, node.Line, node.Column, $"advisories[{i}].from", "advisory", null, from, null) { IsMoment = true });
                }
            }
        }

        if (map.Get("changes") is YSeq changes)
        {
            for (var i = 0; i < changes.Items.Count; i++)
            {
                if (changes.Items[i] is YMap change && Date(change.Get("from")) is { } from)
                {
                    var node = change.Get("from")!;
                    var calendar = (change.Get("calendar") as YScalar)?.Value;
                    entries.Add(new DatedEntry(node.File, node.Line, node.Column, $"changes[{i}].from", "change", calendar, from, null));
                }
            }
        }

        return entries;
    }

    /// <summary>The entries of a list of periods (from, to); with <paramref name="lastDayOptional"/>, one without <c>to</c> holds from its first day on.</summary>
    private static void AddPeriods(List<DatedEntry> entries, YNode? list, string field, string kind, string? calendar, bool lastDayOptional = false)
    {
        if (list is not YSeq seq)
        {
            return;
        }

        for (var i = 0; i < seq.Items.Count; i++)
        {
            if (seq.Items[i] is YMap item && Date(item.Get("from")) is { } from)
            {
                var to = Date(item.Get("to"));
                if (to is not null || (lastDayOptional && item.Get("to") is null))
                {
                    entries.Add(new DatedEntry(item.File, item.Line, item.Column, $"{field}[{i}]", kind, calendar, from, to));
                }
            }
        }
    }

    private static LocalDate? Date(YNode? node) =>
        node is YScalar scalar && DateSyntax.TryDate(scalar.Value, out var date, out _) ? date : null;
}
