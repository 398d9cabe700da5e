using BorderSim.Model.Calendars;
using BorderSim.Model.Crossing;
using BorderSim.Model.Results;

namespace BorderSim.Model.Experiments;

/// <summary>
/// The check made before running: for each direction and stage, the demand per day against what the stage can
/// serve per day over its opening hours (servers × open hours / mean service time; for a road, lanes × open
/// hours / crossing time), both averaged over the run; where a clearance cap or an appointment quota is in force,
/// no more than it lets start each day (<see cref="DailyLimits"/>), with a line per class that has a cap of its own
/// and lines for caps shared by several checks (<see cref="SharedCapLoads"/>) and for origins' parks that release no more than a number a day (<see cref="ParkLoads"/>). Stages without a limit (an unbounded yard) are left out.
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

        // Trucks per day and class reaching each direction (bans, diversions, suspensions and routing taken in), then
        // the empty trucks each direction sends back.
        var parks = ParkLoads.Of(model);
        var demand = ExpectedDemand.TrucksPerDayByClass(model, parks);
        var loaded = demand.Select(d => d.Sum()).ToArray();
        var emptiesSkipping = model.Directions.Select(d => new double[d.Stages.Length]).ToArray();
        foreach (var direction in model.Directions)
        {
            var last = direction.Stages[^1];
            if (last.EmptyReturn is { } back && model.EmptyClassIndex >= 0)
            {
                var empties = loaded[direction.Index] * back.Share;
                demand[back.Direction][model.EmptyClassIndex] += empties;
                SkippedStages(back, emptiesSkipping[back.Direction], empties);
            }
        }

        var loads = new List<StageLoad>();
        foreach (var direction in model.Directions)
        {
            for (var s = 0; s < direction.Stages.Length; s++)
            {
                var stage = direction.Stages[s];
                var perClass = demand[direction.Index];
                if (emptiesSkipping[direction.Index][s] > 0)
                {
                    perClass = (double[])perClass.Clone();
                    perClass[model.EmptyClassIndex] -= emptiesSkipping[direction.Index][s];
                }

                var total = perClass.Sum();
                var capacity = CapacityTrucksPerDay(stage, perClass, runHours, runDays, classCount);
                if (double.IsFinite(capacity))
                {
                    loads.Add(new StageLoad(direction.Name, stage.Name, total, capacity));
                }

                loads.AddRange(ReservedLoads(model, stage, direction.Name, perClass, runHours, runDays));
                foreach (var (cargoClass, classCapacity) in DailyLimits.ClassCaps(stage, runHours))
                {
                    if (perClass[cargoClass] > 0)
                    {
                        loads.Add(new StageLoad(direction.Name, $"{stage.Name}{ClassCapInfix}{model.ClassNames[cargoClass]}", perClass[cargoClass], classCapacity));
                    }
                }
            }
        }

        loads.AddRange(SharedCapLoads.For(model, demand));
        loads.AddRange(ParkLoads.For(model, parks));
        loads.AddRange(PoolLoads(model, demand, runHours, runDays));
        return loads;
    }

    /// <summary>The empties sent back over <paramref name="back"/> do not load the stages of their return route they do not pass.</summary>
    private static void SkippedStages(CompiledEmptyReturn back, double[] skipping, double empties)
    {
        for (var s = 0; s < skipping.Length; s++)
        {
            if (!back.Passes(s))
            {
                skipping[s] += empties;
            }
        }
    }

    /// <summary>
    /// The lines whose demand reaches their capacity, as facts for a view to word in its own language (<see
    /// cref="StageLoad.Describe"/> in the model's English); empty when none does.
    /// </summary>
    public static IReadOnlyList<StageLoad> OverloadedLines(CrossingModel model) =>
        [.. For(model).Where(l => l.IsOverloaded)];

    /// <summary>Between a stage and a class in the name of a class cap's line in the check ("cn_inspection cap for fruit").</summary>
    public const string ClassCapInfix = " cap for ";

    /// <summary>Prefix of the stage name of a shared cap's line in the check ("shared cap cn_acceptance").</summary>
    public const string SharedCapPrefix = SharedCapLoads.Prefix;

    /// <summary>Prefix of the stage name of a park's line in the check ("park lang_son_export").</summary>
    public const string ParkPrefix = ParkLoads.Prefix;

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
            var capacity = cycleHours > 0 ? OpenHours(pool.UnitsInForce, runHours) / cycleHours / runDays : double.PositiveInfinity;
            foreach (var user in users.Distinct())
            {
                yield return new StageLoad(user, PoolPrefix + pool.Name, trucks, capacity);
            }
        }
    }

    /// <summary>
    /// At a check or road whose reserved classes keep to their own servers (<c>reserved_only</c>): one line per
    /// such class, its demand against its kept servers' open hours, and one for the other classes against the
    /// rest, since a class confined to k servers can be overloaded while the stage as a whole is not. The kept
    /// hours follow the reservation within the open servers (a cut takes the shared ones first, then the class
    /// named last). Left out when a class is kept for only part of the run (then it is confined only part of it).
    /// </summary>
    private static IEnumerable<StageLoad> ReservedLoads(CrossingModel model, CompiledStage stage, string direction, double[] demandByClass, double runHours, double runDays)
    {
        if (!stage.ReservedOnly || stage.ReservedInForce is not { } schedule || stage.ServersInForce is not { } serversInForce)
        {
            yield break;
        }

        var kept = schedule.Initial.Where(r => r.Servers > 0).Select(r => r.CargoClass).ToList();
        if (schedule.Any(reserved => !reserved.Where(r => r.Servers > 0).Select(r => r.CargoClass).ToHashSet().SetEquals(kept)))
        {
            yield break;
        }

        // Server-hours kept for each class and left shared, over the intervals of both schedules.
        var times = Hours(serversInForce).Concat(Hours(schedule)).Where(t => t < runHours).Append(0).Distinct().Order().ToList();
        var keptHours = new double[demandByClass.Length];
        double sharedHours = 0;
        for (var i = 0; i < times.Count; i++)
        {
            var from = times[i];
            var to = i + 1 < times.Count ? times[i + 1] : runHours;
            var open = serversInForce.ValueAt(from).Open;
            var reserved = schedule.ValueAt(from);
            var left = open;
            foreach (var (cargoClass, servers) in reserved)
            {
                var effective = Math.Min(servers, left);
                keptHours[cargoClass] += effective * (to - from);
                left -= effective;
            }

            sharedHours += left * (to - from);
        }

        foreach (var c in kept.Where(c => demandByClass[c] > 0))
        {
            var service = MeanServiceHours(stage.ChannelsByClass[c]);
            yield return new StageLoad(direction, $"{stage.Name} kept for {model.ClassNames[c]}", demandByClass[c], service > 0 ? keptHours[c] / service / runDays : double.PositiveInfinity);
        }

        double others = 0, weighted = 0;
        for (var c = 0; c < demandByClass.Length; c++)
        {
            if (!kept.Contains(c) && demandByClass[c] > 0)
            {
                others += demandByClass[c];
                weighted += demandByClass[c] * MeanServiceHours(stage.ChannelsByClass[c]);
            }
        }

        if (others > 0)
        {
            yield return new StageLoad(direction, $"{stage.Name} not kept", others, weighted > 0 ? sharedHours / (weighted / others) / runDays : double.PositiveInfinity);
        }
    }

    /// <summary>Open server-hours (or unit-hours) over the run.</summary>
    private static double OpenHours(Schedule<ServerCount>? schedule, double runHours) =>
        schedule?.Integral(s => s.Open, 0, runHours) ?? 0;

    private static IEnumerable<double> Hours<T>(Schedule<T> schedule)
    {
        for (var i = 0; i < schedule.Count; i++)
        {
            yield return schedule[i].Hours;
        }
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

        var serverHours = OpenHours(stage.ServersInForce, runHours);

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
        if (DailyLimits.Apply(stage))
        {
            return DailyLimits.CapacityTrucksPerDay(stage, meanService, runHours);
        }

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
