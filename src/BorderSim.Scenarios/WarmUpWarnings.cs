using System.Globalization;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Scenarios;

/// <summary>
/// The dated events a run's warm-up hides: a closure, appointment period, surge, suspension, ban, advisory or change
/// that starts, or ends, inside the warm-up acts on trucks that no result counts (the statistics start when the
/// warm-up ends). A warning each, with file:line:col, never an error: the scenario still runs.
/// </summary>
public static class WarmUpWarnings
{
    /// <summary>What to do about it, the same for every such event.</summary>
    public const string Hint = "shorten warm_up, or start the run earlier, to count it";

    /// <summary>
    /// The warnings for <paramref name="entries"/> that start in [start, start + warm-up) or end in (start, start +
    /// warm-up] of <paramref name="scenario"/> (the scenario as it will run); none without a fixed warm-up (0, or
    /// <c>auto</c>: detected after the run). An event starting exactly when the warm-up ends is not inside it.
    /// </summary>
    public static IReadOnlyList<ScenarioError> For(IEnumerable<DatedEntry> entries, ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.WarmUpHours is not { } hours || hours <= 0)
        {
            return [];
        }

        var runStart = scenario.StartInstant;
        var warmUpEnd = runStart + Duration.FromHours(hours);
        var ends = $"which ends at {warmUpEnd.InZone(scenario.TimeZone).LocalDateTime:uuuu-MM-dd HH:mm}";
        var warnings = new List<ScenarioError>();
        foreach (var entry in entries)
        {
            var (from, end) = entry.InstantsIn(scenario);
            var startsInside = from >= runStart && from < warmUpEnd;
            var endsInside = end is { } e && e > runStart && e <= warmUpEnd;
            if (!startsInside && !endsInside)
            {
                continue;
            }

            var where = entry.IsMoment ? "is issued inside" : startsInside && endsInside ? "lies inside" : startsInside ? "starts inside" : "ends inside";
            // How much of it the warm-up hides, when it goes on past it: a change of a gate in another zone may start an hour before.
            var hidden = startsInside && !endsInside && !entry.IsMoment
                ? $" ({(warmUpEnd - from).TotalHours.ToString("0.##", CultureInfo.InvariantCulture)} h after the {entry.Kind} starts)"
                : "";
            warnings.Add(new ScenarioError(entry.File, entry.Line, entry.Column, entry.Field,
                $"the {entry.Kind} {entry.Dates} {where} the warm-up, {ends}{hidden}: what it does to trucks before then is not counted in the results",
                Hint)
            { IsWarning = true });
        }

        return warnings;
    }
}
