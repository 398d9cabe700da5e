using BorderSim.Model.Crossing;
using BorderSim.Model.Results;

namespace BorderSim.Model.Experiments;

/// <summary>
/// The load check's lines for origins' parks with a daily release limit: for each such park, one line per route its
/// origin sends trucks to, named "park ORIGIN", with the origin's arrivals a day against what the park can release a
/// day (the limit on each local day of the scenario's zone on which its calendar opens at all, averaged over the run). A park releases no more than
/// that, so its routes see at most that many of the origin's trucks (<see cref="ParkLoad.ReleasedShare"/>); the rest wait in
/// the park, where the growth of the direction's own queue does not show them: this line is what flags it.
/// </summary>
internal static class ParkLoads
{
    /// <summary>Prefix of the stage name of a park's line in the check ("park lang_son_export").</summary>
    public const string Prefix = "park ";

    /// <summary>Per origin index: its park's arrivals and release limit a day, computed once; null without a park or a daily limit.</summary>
    public static ParkLoad?[] Of(CrossingModel model) =>
        [.. model.Origins.Select(o => CapacityTrucksPerDay(model, o) is { } capacity ? new ParkLoad(o, ArrivalsPerDay(model, o), capacity) : null)];

    /// <summary>The check's lines: one per route of each origin whose park has a daily limit.</summary>
    public static IEnumerable<StageLoad> For(CrossingModel model, IReadOnlyList<ParkLoad?> parks)
    {
        foreach (var park in parks)
        {
            if (park is null)
            {
                continue;
            }

            var routes = park.Origin.RuleByClass.OfType<CompiledRule>().SelectMany(r => r.Routes).Distinct().Order();
            foreach (var route in routes)
            {
                yield return new StageLoad(model.Directions[route].Name, Prefix + park.Origin.Name, park.ArrivalsPerDay, park.CapacityTrucksPerDay);
            }
        }
    }

    private static double ArrivalsPerDay(CrossingModel model, CompiledOrigin origin) =>
        origin.Arrivals.ExpectedArrivalsByClass(0, model.Clock.RunHours).Sum() / (model.Clock.RunHours / 24);

    /// <summary>
    /// The park's daily limit times the share of the run's days on which its calendar opens (a day cut by the run's
    /// end counts by the part in the run); null without a park or a limit (it then holds a truck only while closed).
    /// </summary>
    private static double? CapacityTrucksPerDay(CrossingModel model, CompiledOrigin origin)
    {
        if (origin.Park is not { ReleasePerDay: { } perDay } park)
        {
            return null;
        }

        var runHours = model.Clock.RunHours;
        if (park.Calendar is not { } calendar)
        {
            return perDay;
        }

        // The limit counts local days of the scenario's zone, as the park does.
        var days = model.ScenarioDays;
        double openDayHours = 0;
        for (var d = 0; d < days.Count; d++)
        {
            var start = Math.Max(0, days.StartOf(d));
            var end = Math.Min(d + 1 < days.Count ? days.StartOf(d + 1) : runHours, runHours);
            if (end > start && calendar.OpenIntervals.Any(i => i.Open < end && i.Close > start))
            {
                openDayHours += end - start;
            }
        }

        return perDay * openDayHours / runHours;
    }
}

/// <summary>An origin's park with a daily release limit: the origin's arrivals a day against what the park releases a day, over the run.</summary>
internal sealed record ParkLoad(CompiledOrigin Origin, double ArrivalsPerDay, double CapacityTrucksPerDay)
{
    /// <summary>The share of the origin's arrivals the park can release over the run (1 when the limit is not reached).</summary>
    public double ReleasedShare => ArrivalsPerDay > CapacityTrucksPerDay ? CapacityTrucksPerDay / ArrivalsPerDay : 1;
}
