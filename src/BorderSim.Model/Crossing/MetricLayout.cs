using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Crossing;

/// <summary>
/// The keys of the metrics every replication of a model reports, in the order it reports them, read from the
/// compiled model alone (nothing is built or run): for checking a <c>--metric</c> or a target before a long run.
/// A replication reports each of them in every run, zeros included, because which metrics exist depends on the
/// scenario only: the classes a direction carries, its bans and starting backlog, each stage's servers and
/// reservations, the costs, shelf lives, pools and origins. A test holds this list to the replication's own.
/// </summary>
public static class MetricLayout
{
    private const string All = "all";

    private static readonly MetricDefinition[] Waits = [Metrics.WaitHoursMean, Metrics.WaitHoursP50, Metrics.WaitHoursP95, Metrics.WaitHoursMax];

    private static readonly MetricDefinition[] TimesInSystem = [Metrics.TimeInSystemHoursMean, Metrics.TimeInSystemHoursP50, Metrics.TimeInSystemHoursP95, Metrics.TimeInSystemHoursMax];

    private static readonly MetricDefinition[] ServerShares = [Metrics.Utilisation, Metrics.UtilisationBusy, Metrics.UtilisationBlocked, Metrics.UtilisationHeldBack, Metrics.UtilisationIdle, Metrics.UtilisationClosed];

    private static readonly MetricDefinition[] PoolMetrics =
    [
        Metrics.PoolTripsPerDay, Metrics.PoolWaitHoursMean, Metrics.PoolQueueTrucksMean, Metrics.PoolQueueTrucksMax,
        Metrics.PoolUtilisation, Metrics.PoolUtilisationBusy, Metrics.PoolUtilisationReturning, Metrics.PoolUtilisationIdle, Metrics.PoolUtilisationClosed,
    ];

    /// <summary>Every metric key of a replication of <paramref name="model"/>, in the replication's order.</summary>
    public static IReadOnlyList<MetricKey> KeysOf(CrossingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var keys = new List<MetricKey>();
        var classNames = model.ClassNames;
        var carried = model.ClassesCarried;
        foreach (var direction in model.Directions)
        {
            AddDirection(keys, model, direction, carried[direction.Index]);
        }

        keys.Add(Metrics.DelayCostUsdPerDay.Key(All, All));
        if (model.Scenario.Costs is not null)
        {
            keys.Add(Metrics.CostUsdPerDay.Key());
        }

        for (var c = 0; c < classNames.Length; c++)
        {
            if (!carried.Any(d => d[c]))
            {
                continue;
            }

            keys.AddRange(Sample(Waits, All, classNames[c]));
            keys.Add(Metrics.WaitHoursMeanInclWaiting.Key(All, classNames[c]));
            keys.AddRange(Sample(TimesInSystem, All, classNames[c]));
            if (model.Classes[c].ShelfLifeHours is not null)
            {
                keys.Add(Metrics.PastShelfLife.Key(All, classNames[c]));
                keys.Add(Metrics.PastShelfLifeShare.Key(All, classNames[c]));
            }
        }

        foreach (var pool in model.Pools)
        {
            keys.AddRange(PoolMetrics.Select(m => m.Key(stage: pool.Name)));
        }

        AddOrigins(keys, model);
        return keys;
    }

    /// <summary>Whether an origin's rule may send trucks along the direction (its trucks may then be diverted from it).</summary>
    public static bool IsFedByAnOrigin(CrossingModel model, CompiledDirection direction) => model.Origins.Any(o => o.Routes.Contains(direction.Index));

    /// <summary>Whether a suspension or ban makes a share of the trucks in line on the direction leave (left_on_event).</summary>
    public static bool HasWaitingReaction(CrossingModel model, CompiledDirection direction) => model.WaitingReactions.Any(r => r.Direction == direction.Index);

    /// <summary>Whether an origin's suspension moves a share of its trucks in line on the direction to another route (moved_on_event).</summary>
    public static bool HasMovingReaction(CrossingModel model, CompiledDirection direction) => model.WaitingReactions.Any(r => r.Direction == direction.Index && r.Move > 0);

    /// <summary>Whether the direction's destination yard sends only a share of its trucks back empty (not_returned_empty).</summary>
    public static bool KeepsSomeEmpties(CrossingModel model, CompiledDirection direction) =>
        direction.Stages[^1].EmptyReturn is { Share: < 1 } && model.EmptyClassIndex >= 0;

    private static IEnumerable<MetricKey> Sample(MetricDefinition[] metrics, string direction, string cargoClass) => metrics.Select(m => m.Key(direction, cargoClass));

    private static void AddDirection(List<MetricKey> keys, CrossingModel model, CompiledDirection direction, IReadOnlyList<bool> carried)
    {
        var name = direction.Name;
        var classNames = model.ClassNames;
        IEnumerable<string> Carried() => classNames.Where((_, c) => carried[c]);

        keys.Add(Metrics.ServedPerDay.Key(name, All));
        keys.AddRange(Carried().Select(c => Metrics.ServedPerDay.Key(name, c)));
        keys.AddRange([Metrics.ServedTonnesPerDay.Key(name, All), Metrics.Arrived.Key(name, All), Metrics.Served.Key(name, All), Metrics.GaveUp.Key(name, All)]);
        if (direction.Bans.Any(b => b.Action is BanAction.TurnAway or BanAction.Divert))
        {
            keys.Add(Metrics.TurnedAway.Key(name, All));
        }

        if (HasWaitingReaction(model, direction))
        {
            keys.Add(Metrics.LeftOnEvent.Key(name, All));
        }

        if (HasMovingReaction(model, direction))
        {
            keys.Add(Metrics.MovedOnEvent.Key(name, All));
        }

        if (IsFedByAnOrigin(model, direction))
        {
            keys.Add(Metrics.Diverted.Key(name, All));
        }

        if (direction.Bans.Any(b => b.Action is BanAction.HoldAtOrigin))
        {
            keys.AddRange([Metrics.HeldAtOriginAtEnd.Key(name, All), Metrics.HeldAtOriginHoursMean.Key(name, All), Metrics.HeldAtOriginHoursMax.Key(name, All)]);
        }

        if (KeepsSomeEmpties(model, direction))
        {
            keys.Add(Metrics.NotReturnedEmpty.Key(name, All));
        }

        keys.AddRange([Metrics.InSystemAtWarmUp.Key(name, All), Metrics.InSystemAtEnd.Key(name, All)]);
        keys.AddRange(Carried().Select(c => Metrics.InSystemAtEnd.Key(name, c)));
        keys.AddRange([Metrics.OldestWaitHours.Key(name, All), Metrics.BacklogGrowthTrucksPerDay.Key(name)]);
        if (direction.Backlog.Length > 0)
        {
            keys.AddRange([Metrics.DaysToClear.Key(name), Metrics.BacklogCleared.Key(name), Metrics.ServedPerDayWhileBacklog.Key(name)]);
        }

        keys.AddRange([Metrics.InSystemTrucksMean.Key(name, All), Metrics.ArrivalRatePerHour.Key(name, All)]);
        keys.AddRange(Sample(Waits, name, All));
        keys.Add(Metrics.WaitHoursMeanInclWaiting.Key(name, All));
        keys.AddRange(Sample(TimesInSystem, name, All));
        keys.AddRange(
        [
            Metrics.HighwayQueueTrucksMean.Key(name), Metrics.HighwayQueueTrucksMax.Key(name), Metrics.HighwayQueueKmMean.Key(name), Metrics.HighwayQueueKmMax.Key(name),
            Metrics.DelayCostUsdPerDay.Key(name, All),
        ]);
        foreach (var stage in direction.Stages)
        {
            if (!stage.HasServers)
            {
                keys.AddRange([Metrics.YardOccupancyTrucksMean.Key(name, stage: stage.Name), Metrics.YardOccupancyTrucksMax.Key(name, stage: stage.Name)]);
                continue;
            }

            keys.AddRange([Metrics.QueueTrucksMean.Key(name, stage: stage.Name), Metrics.QueueTrucksMax.Key(name, stage: stage.Name)]);
            keys.AddRange(ServerShares.Select(m => m.Key(name, stage: stage.Name)));
            if (stage.ReservedInForce is not null)
            {
                keys.AddRange([Metrics.UtilisationReserved.Key(name, stage: stage.Name), Metrics.UtilisationUnreserved.Key(name, stage: stage.Name)]);
            }
        }
    }

    private static void AddOrigins(List<MetricKey> keys, CrossingModel model)
    {
        if (model.Origins.Length == 0)
        {
            return;
        }

        foreach (var origin in model.Origins)
        {
            keys.AddRange([Metrics.OriginArrived.Key(stage: origin.Name), Metrics.OriginTurnedBack.Key(stage: origin.Name)]);
            foreach (var route in origin.Routes)
            {
                var direction = model.Directions[route].Name;
                keys.AddRange([Metrics.OriginRouted.Key(direction, All, origin.Name), Metrics.OriginDiverted.Key(direction, All, origin.Name)]);
            }

            if (origin.Park is not null)
            {
                keys.AddRange([Metrics.OriginParkGaveUp.Key(stage: origin.Name), Metrics.OriginParkFull.Key(stage: origin.Name), Metrics.OriginParkTrucksMax.Key(stage: origin.Name),
                    Metrics.OriginParkWaitHoursMean.Key(stage: origin.Name), Metrics.OriginParkWaitHoursMax.Key(stage: origin.Name), Metrics.OriginInParkAtEnd.Key(stage: origin.Name)]);
            }
        }

        keys.AddRange([Metrics.NetworkServedPerDay.Key(), Metrics.NetworkWaitHoursMean.Key(), Metrics.NetworkInSystemAtEnd.Key()]);
    }
}
