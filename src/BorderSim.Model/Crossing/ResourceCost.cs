using BorderSim.Model.Spec;

namespace BorderSim.Model.Crossing;

/// <summary>
/// The cost a day of running the crossing's resources over a window of the run (after the warm-up), from the
/// compiled schedules, so dated changes count from their date: lane-days of every direction's road lanes × the lane
/// cost, open booth-hours of every check (servers while its calendar is open; always, without a calendar) × the
/// booth cost, and open hours of every calendar × the opening cost. Deterministic: the same in every replication.
/// </summary>
public static class ResourceCost
{
    public static double UsdPerDay(CrossingModel model, CostSpec costs, double fromHours, double toHours)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(costs);
        var days = (toHours - fromHours) / 24;
        if (!(days > 0))
        {
            return double.NaN;
        }

        double laneHours = 0, boothHours = 0, openHours = 0;
        foreach (var direction in model.Directions)
        {
            foreach (var stage in direction.Stages)
            {
                if (stage.Kind == StageKind.Road)
                {
                    laneHours += stage.ServersInForce?.Integral(s => s.Nominal, fromHours, toHours) ?? 0;
                }
                else if (stage.Kind == StageKind.Check)
                {
                    boothHours += stage.ServersInForce?.Integral(s => s.Open, fromHours, toHours) ?? 0;
                }
            }
        }

        foreach (var calendar in model.Calendars.Values)
        {
            foreach (var (open, close) in calendar.OpenIntervals)
            {
                openHours += Math.Max(0, Math.Min(close, toHours) - Math.Max(open, fromHours));
            }
        }

        return ((laneHours / 24 * costs.LaneUsdPerDay) + (boothHours * costs.BoothUsdPerHour) + (openHours * costs.OpeningUsdPerHour)) / days;
    }

    /// <summary>
    /// Booths of every check plus lanes of every road, each per direction, that the crossing has (open or closed)
    /// over the run, as their mean over time: the scenario's counts when nothing changes by date; a dated change
    /// counts from its date (6 booths, then 8 from the middle of the run, is 7).
    /// </summary>
    public static double ServersAndLanes(CrossingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var runHours = model.Clock.RunHours;
        double total = 0;
        foreach (var direction in model.Directions)
        {
            foreach (var stage in direction.Stages)
            {
                if (stage.ServersInForce is not { } servers)
                {
                    continue;
                }

                // Exact when the count never changes (a calendar alone only opens and closes them).
                var initial = servers.Initial.Nominal;
                total += runHours > 0 && servers.Any(s => s.Nominal != initial) ? servers.Integral(s => s.Nominal, 0, runHours) / runHours : initial;
            }
        }

        return total;
    }
}
