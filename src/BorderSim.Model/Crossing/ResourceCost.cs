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
                    laneHours += Integral(stage.CapacitySchedule, s => s.NominalServers, fromHours, toHours);
                }
                else if (stage.Kind == StageKind.Check)
                {
                    boothHours += Integral(stage.CapacitySchedule, s => s.Servers, fromHours, toHours);
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

    /// <summary>∫ of a step function over [from, to]: each entry holds from its hour until the next entry's.</summary>
    private static double Integral((double Hours, int Servers, int NominalServers)[] schedule, Func<(double Hours, int Servers, int NominalServers), int> value, double from, double to)
    {
        double total = 0;
        for (var i = 0; i < schedule.Length; i++)
        {
            var start = Math.Max(schedule[i].Hours, from);
            var end = Math.Min(i + 1 < schedule.Length ? schedule[i + 1].Hours : double.PositiveInfinity, to);
            if (end > start)
            {
                total += value(schedule[i]) * (end - start);
            }
        }

        return total;
    }
}
