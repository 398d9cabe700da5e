using BorderSim.Model.Crossing;
using BorderSim.Model.Results;

namespace BorderSim.Model.Experiments;

/// <summary>
/// The check made before running: for each direction and stage, the demand per day against what the stage can
/// serve per day over its opening hours (servers × open hours / mean service time; for a road, lanes × open
/// hours / crossing time), both averaged over the run. Stages without a limit (an unbounded yard) are left out.
/// Pools come last, one line per direction that uses them.
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
        AddOriginDemand(model, demand, runDays);
        var loaded = demand.Select(d => d.Sum()).ToArray();
        foreach (var direction in model.Directions)
        {
            var last = direction.Stages[^1];
            if (last.ReturnEmptyDirection >= 0 && model.EmptyClassIndex >= 0)
            {
                demand[last.ReturnEmptyDirection][model.EmptyClassIndex] += loaded[direction.Index];
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

        loads.AddRange(PoolLoads(model, demand, runHours, runDays));
        return loads;
    }

    /// <summary>
    /// An origin's trucks per day and class on each route of their rule: by the shares of a fixed-share rule; for
    /// the shortest expected wait and overflow, in proportion to the routes' service rates (where the choice
    /// settles when every route is busy; an overflow rule sends nothing to its second route at low load, so this
    /// is the capacity check's view of a loaded network). Suspensions are not taken off.
    /// </summary>
    private static void AddOriginDemand(CrossingModel model, double[][] demand, double runDays)
    {
        foreach (var origin in model.Origins)
        {
            var expected = origin.Arrivals.ExpectedArrivalsByClass();
            for (var c = 0; c < expected.Length; c++)
            {
                if (origin.RuleByClass[c] is not { } rule || expected[c] <= 0)
                {
                    continue;
                }

                var weights = rule.Kind == Spec.RoutingKind.Shares
                    ? rule.Shares
                    : [.. rule.Routes.Select(r => model.Directions[r].ServiceRatePerHour[c])];
                var total = weights.Sum();
                for (var i = 0; i < rule.Routes.Length; i++)
                {
                    demand[rule.Routes[i]][c] += total > 0 ? expected[c] / runDays * weights[i] / total : expected[c] / runDays / rule.Routes.Length;
                }
            }
        }
    }

    /// <summary>Prefix of the stage name of a pool's line in the check ("pool handover_drivers").</summary>
    public const string PoolPrefix = "pool ";

    /// <summary>
    /// For each pool, one line per direction that uses it: the demand of every direction using it against its
    /// on-duty unit-hours over the mean cycle of a unit (the mean service times of the stages it is held over, plus
    /// its mean return). Time a unit spends with a truck waiting for a server or a place is not in that cycle, so
    /// the capacity is an upper bound.
    /// </summary>
    private static IEnumerable<StageLoad> PoolLoads(CrossingModel model, double[][] demand, double runHours, double runDays)
    {
        foreach (var pool in model.Pools)
        {
            double trucks = 0, holdHours = 0;
            var users = new List<string>();
            foreach (var direction in model.Directions)
            {
                var perClass = demand[direction.Index];
                for (var s = 0; s < direction.Stages.Length; s++)
                {
                    var stage = direction.Stages[s];
                    if (stage.PoolIndex != pool.Index)
                    {
                        continue;
                    }

                    users.Add(direction.Name);
                    for (var c = 0; c < perClass.Length; c++)
                    {
                        if (perClass[c] <= 0)
                        {
                            continue;
                        }

                        trucks += perClass[c];
                        for (var t = s; t <= stage.PoolThroughStage; t++)
                        {
                            var held = direction.Stages[t];
                            holdHours += perClass[c] * (held.HasServers ? MeanServiceHours(held.ChannelsByClass[c]) : held.Dwell?.Mean ?? 0);
                        }
                    }
                }
            }

            if (trucks <= 0)
            {
                continue;
            }

            var cycleHours = (holdHours / trucks) + (pool.ReturnHours?.Mean ?? 0);
            var capacity = cycleHours > 0 ? OpenHours(pool.CapacitySchedule, runHours) / cycleHours / runDays : double.PositiveInfinity;
            foreach (var user in users.Distinct())
            {
                yield return new StageLoad(user, PoolPrefix + pool.Name, trucks, capacity);
            }
        }
    }

    /// <summary>Open server-hours (or unit-hours) over the run: the integral of a capacity schedule.</summary>
    private static double OpenHours((double Hours, int Servers, int NominalServers)[] schedule, double runHours)
    {
        double hours = 0;
        for (var i = 0; i < schedule.Length; i++)
        {
            var from = Math.Min(runHours, schedule[i].Hours);
            var to = i + 1 < schedule.Length ? Math.Min(runHours, schedule[i + 1].Hours) : runHours;
            hours += schedule[i].Servers * Math.Max(0, to - from);
        }

        return hours;
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

        var serverHours = OpenHours(stage.CapacitySchedule, runHours);

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
