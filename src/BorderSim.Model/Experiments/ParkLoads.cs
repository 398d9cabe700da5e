using BorderSim.Model.Crossing;
using BorderSim.Model.Results;

namespace BorderSim.Model.Experiments;

/// <summary>
/// The load check's lines for origins' parks with a daily release limit: for each such park, one line per route its
/// origin sends trucks to, named "park ORIGIN", with the origin's arrivals a day against what the park can release a
/// day (the limit on each local day of the scenario's zone on which its calendar opens at all, averaged over the run). A park releases no more than
/// that, so its routes see at most that many of the origin's trucks (<see cref="ReleasedShare"/>); the rest wait in
/// the park, where the growth of the direction's own queue does not show them: this line is what flags it.
/// </summary>
internal static class ParkLoads
{
    /// <summary>Prefix of the stage name of a park's line in the check ("park lang_son_export").</summary>
    public const string Prefix = "park ";

    public static IEnumerable<StageLoad> For(CrossingModel model)
    {
        foreach (var origin in model.Origins)
        {
            if (CapacityTrucksPerDay(model, origin) is not { } capacity)
            {
                continue;
            }

            var demand = ArrivalsPerDay(model, origin);
            var routes = origin.RuleByClass.OfType<CompiledRule>().SelectMany(r => r.Routes).Distinct().Order();
            foreach (var route in routes)
            {
                yield return new StageLoad(model.Directions[route].Name, Prefix + origin.Name, demand, capacity);
            }
        }
    }

    /// <summary>The share of the origin's arrivals its park can release over the run (1 without a park or a daily limit).</summary>
    public static double ReleasedShare(CrossingModel model, CompiledOrigin origin)
    {
        if (CapacityTrucksPerDay(model, origin) is not { } capacity)
        {
            return 1;
        }

        var demand = ArrivalsPerDay(model, origin);
        return demand > capacity ? capacity / demand : 1;
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
