using BorderSim.Model.Crossing;
using BorderSim.Model.Results;

namespace BorderSim.Model.Experiments;

/// <summary>
/// The check made before running: for each direction and stage, the demand per day against what the stage can
/// serve per day over its opening hours (servers × open hours / mean service time; for a road, lanes × open
/// hours / crossing time), both averaged over the run. Stages without a limit (an unbounded yard) are left out.
/// </summary>
public static class LoadCheck
{
    public static IReadOnlyList<StageLoad> For(CrossingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var runHours = model.Clock.RunHours;
        var runDays = runHours / 24;
        var classCount = model.ClassNames.Length;

        // Expected arrivals per day and class of each direction, then the empty trucks each direction sends back.
        var demand = model.Directions.Select(d => d.Arrivals.ExpectedArrivalsByClass().Select(a => a / runDays).ToArray()).ToArray();
        foreach (var direction in model.Directions)
        {
            var last = direction.Stages[^1];
            if (last.ReturnEmptyDirection >= 0 && model.EmptyClassIndex >= 0)
            {
                demand[last.ReturnEmptyDirection][model.EmptyClassIndex] += model.Directions[direction.Index].Arrivals.ExpectedArrivalsByClass().Sum() / runDays;
            }
        }

        var loads = new List<StageLoad>();
        foreach (var direction in model.Directions)
        {
            var perClass = demand[direction.Index];
            var total = perClass.Sum();
            foreach (var stage in direction.Stages)
            {
                var capacity = CapacityTrucksPerDay(stage, perClass, runHours, runDays, classCount);
                if (double.IsFinite(capacity))
                {
                    loads.Add(new StageLoad(direction.Name, stage.Name, total, capacity));
                }
            }
        }

        return loads;
    }

    private static double CapacityTrucksPerDay(CompiledStage stage, double[] demandByClass, double runHours, double runDays, int classCount)
    {
        if (!stage.HasServers)
        {
            var capacity = double.PositiveInfinity;
            if (stage.Places is { } places && places > 0 && stage.Dwell is { Mean: > 0 } dwell)
            {
                capacity = places * 24 / dwell.Mean;
            }

            if (stage.ReleaseQuotaPerDay is { } quota)
            {
                capacity = Math.Min(capacity, quota);
            }

            return capacity;
        }

        // Open server-hours over the run: the integral of the capacity schedule.
        double serverHours = 0;
        var schedule = stage.CapacitySchedule;
        for (var i = 0; i < schedule.Length; i++)
        {
            var from = Math.Min(runHours, schedule[i].Hours);
            var to = i + 1 < schedule.Length ? Math.Min(runHours, schedule[i + 1].Hours) : runHours;
            serverHours += schedule[i].Servers * Math.Max(0, to - from);
        }

        // Mean service time of the trucks that use the stage, weighted by their expected numbers.
        double weighted = 0, trucks = 0;
        for (var c = 0; c < classCount; c++)
        {
            if (demandByClass[c] > 0)
            {
                weighted += demandByClass[c] * MeanServiceHours(stage.ChannelsByClass[c]);
                trucks += demandByClass[c];
            }
        }

        var meanService = trucks > 0 ? weighted / trucks : MeanServiceHours(stage.ChannelsByClass[0]);
        return meanService > 0 ? serverHours / meanService / runDays : double.PositiveInfinity;
    }

    private static double MeanServiceHours(ChannelTable table)
    {
        double mean = 0, previous = 0;
        var total = table.Cumulative[^1];
        for (var i = 0; i < table.Services.Length; i++)
        {
            mean += (table.Cumulative[i] - previous) / total * table.Services[i].Mean;
            previous = table.Cumulative[i];
        }

        return mean;
    }
}
