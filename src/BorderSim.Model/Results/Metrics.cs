namespace BorderSim.Model.Results;

/// <summary>What a metric is broken down by: the parts of its id that may name a direction, a class or a stage.</summary>
[Flags]
public enum MetricScope
{
    /// <summary>One value for the whole run.</summary>
    Run = 0,

    /// <summary>Per direction (or "all").</summary>
    Direction = 1,

    /// <summary>Per cargo class (or "all").</summary>
    Class = 2,

    /// <summary>Per stage of a direction.</summary>
    Stage = 4,

    /// <summary>Per pool (hand-over drivers, automated vehicles): the pool's name is in the stage part of the id.</summary>
    Pool = 8,

    /// <summary>Per shared origin stream: the origin's name is in the stage part of the id.</summary>
    Origin = 16,
}

/// <summary>One metric the model writes: its name (the first part of its id), unit and scope.</summary>
public sealed record MetricDefinition(string Name, string Unit, MetricScope Scope)
{
    /// <summary>The key of this metric for a direction, class and stage ("" where it does not apply).</summary>
    public MetricKey Key(string direction = "", string cargoClass = "", string stage = "") => new(Name, Unit, direction, cargoClass, stage);
}

/// <summary>
/// The table of the metrics a replication writes (summary.csv, baselines, <c>--metric</c>): one place for
/// their names, units and scopes, shared by the model that writes them and the code and tests that read them.
/// </summary>
public static class Metrics
{
    private const MetricScope DirectionClass = MetricScope.Direction | MetricScope.Class;
    private const MetricScope DirectionStage = MetricScope.Direction | MetricScope.Stage;

    public static readonly MetricDefinition ServedPerDay = new("served_per_day", "trucks/day", DirectionClass);
    public static readonly MetricDefinition ServedTonnesPerDay = new("served_tonnes_per_day", "t/day", DirectionClass);
    public static readonly MetricDefinition Arrived = new("arrived", "trucks", DirectionClass);
    public static readonly MetricDefinition Served = new("served", "trucks", DirectionClass);
    public static readonly MetricDefinition GaveUp = new("gave_up", "trucks", DirectionClass);

    /// <summary>Trucks turned away on arrival by a ban (also in gave_up).</summary>
    public static readonly MetricDefinition TurnedAway = new("turned_away", "trucks", DirectionClass);
    public static readonly MetricDefinition InSystemAtWarmUp = new("in_system_at_warm_up", "trucks", DirectionClass);
    public static readonly MetricDefinition InSystemAtEnd = new("in_system_at_end", "trucks", DirectionClass);
    public static readonly MetricDefinition OldestWaitHours = new("oldest_wait_hours", "h", DirectionClass);
    public static readonly MetricDefinition BacklogGrowthTrucksPerDay = new("backlog_growth_trucks_per_day", "trucks/day", MetricScope.Direction);

    /// <summary>Days from the start of the run to the first moment no truck of a direction with a starting backlog waits (NaN: not within the run).</summary>
    public static readonly MetricDefinition DaysToClear = new("days_to_clear", "days", MetricScope.Direction);

    /// <summary>1 when the starting backlog cleared within the run, else 0: the mean is the share of replications where it did (days_to_clear averages only those).</summary>
    public static readonly MetricDefinition BacklogCleared = new("backlog_cleared", "share", MetricScope.Direction);
    public static readonly MetricDefinition InSystemTrucksMean = new("in_system_trucks_mean", "trucks", DirectionClass);
    public static readonly MetricDefinition ArrivalRatePerHour = new("arrival_rate_per_hour", "trucks/h", DirectionClass);
    public static readonly MetricDefinition WaitHoursMean = new("wait_hours_mean", "h", DirectionClass);
    public static readonly MetricDefinition WaitHoursP50 = new("wait_hours_p50", "h", DirectionClass);
    public static readonly MetricDefinition WaitHoursP95 = new("wait_hours_p95", "h", DirectionClass);
    public static readonly MetricDefinition WaitHoursMax = new("wait_hours_max", "h", DirectionClass);
    public static readonly MetricDefinition WaitHoursMeanInclWaiting = new("wait_hours_mean_incl_waiting", "h", DirectionClass);
    public static readonly MetricDefinition TimeInSystemHoursMean = new("time_in_system_hours_mean", "h", DirectionClass);
    public static readonly MetricDefinition TimeInSystemHoursP50 = new("time_in_system_hours_p50", "h", DirectionClass);
    public static readonly MetricDefinition TimeInSystemHoursP95 = new("time_in_system_hours_p95", "h", DirectionClass);
    public static readonly MetricDefinition TimeInSystemHoursMax = new("time_in_system_hours_max", "h", DirectionClass);
    public static readonly MetricDefinition HighwayQueueTrucksMean = new("highway_queue_trucks_mean", "trucks", MetricScope.Direction);
    public static readonly MetricDefinition HighwayQueueTrucksMax = new("highway_queue_trucks_max", "trucks", MetricScope.Direction);
    public static readonly MetricDefinition HighwayQueueKmMean = new("highway_queue_km_mean", "km", MetricScope.Direction);
    public static readonly MetricDefinition HighwayQueueKmMax = new("highway_queue_km_max", "km", MetricScope.Direction);
    public static readonly MetricDefinition DelayCostUsdPerDay = new("delay_cost_usd_per_day", "USD/day", DirectionClass);
    public static readonly MetricDefinition QueueTrucksMean = new("queue_trucks_mean", "trucks", DirectionStage);
    public static readonly MetricDefinition QueueTrucksMax = new("queue_trucks_max", "trucks", DirectionStage);
    public static readonly MetricDefinition Utilisation = new("utilisation", "share", DirectionStage);
    public static readonly MetricDefinition UtilisationBusy = new("utilisation_busy", "share", DirectionStage);
    public static readonly MetricDefinition UtilisationBlocked = new("utilisation_blocked", "share", DirectionStage);
    public static readonly MetricDefinition UtilisationIdle = new("utilisation_idle", "share", DirectionStage);
    public static readonly MetricDefinition UtilisationClosed = new("utilisation_closed", "share", DirectionStage);
    /// <summary>At a check or road that keeps servers for a class: the share of the reserved server-hours (open) in use, serving or holding a finished truck.</summary>
    public static readonly MetricDefinition UtilisationReserved = new("utilisation_reserved", "share", DirectionStage);

    /// <summary>The same for the servers not kept for a class (written only where some are kept).</summary>
    public static readonly MetricDefinition UtilisationUnreserved = new("utilisation_unreserved", "share", DirectionStage);
    public static readonly MetricDefinition YardOccupancyTrucksMean = new("yard_occupancy_trucks_mean", "trucks", DirectionStage);
    public static readonly MetricDefinition YardOccupancyTrucksMax = new("yard_occupancy_trucks_max", "trucks", DirectionStage);
    public static readonly MetricDefinition PastShelfLife = new("past_shelf_life", "trucks", DirectionClass);
    public static readonly MetricDefinition PastShelfLifeShare = new("past_shelf_life_share", "share", DirectionClass);

    public static readonly MetricDefinition PoolTripsPerDay = new("pool_trips_per_day", "trips/day", MetricScope.Pool);
    public static readonly MetricDefinition PoolWaitHoursMean = new("pool_wait_hours_mean", "h", MetricScope.Pool);
    public static readonly MetricDefinition PoolQueueTrucksMean = new("pool_queue_trucks_mean", "trucks", MetricScope.Pool);
    public static readonly MetricDefinition PoolQueueTrucksMax = new("pool_queue_trucks_max", "trucks", MetricScope.Pool);
    public static readonly MetricDefinition PoolUtilisation = new("pool_utilisation", "share", MetricScope.Pool);
    public static readonly MetricDefinition PoolUtilisationBusy = new("pool_utilisation_busy", "share", MetricScope.Pool);
    public static readonly MetricDefinition PoolUtilisationReturning = new("pool_utilisation_returning", "share", MetricScope.Pool);
    public static readonly MetricDefinition PoolUtilisationIdle = new("pool_utilisation_idle", "share", MetricScope.Pool);
    public static readonly MetricDefinition PoolUtilisationClosed = new("pool_utilisation_closed", "share", MetricScope.Pool);

    /// <summary>The crossing's cost a day: its resources at the scenario's prices (<c>costs:</c>) plus the trucks' delay cost; only with costs.</summary>
    public static readonly MetricDefinition CostUsdPerDay = new("cost_usd_per_day", "USD/day", MetricScope.Run);
    public static readonly MetricDefinition OriginArrived = new("origin_arrived", "trucks", MetricScope.Origin);
    public static readonly MetricDefinition OriginTurnedBack = new("origin_turned_back", "trucks", MetricScope.Origin);
    public static readonly MetricDefinition OriginRouted = new("origin_routed", "trucks", MetricScope.Origin | MetricScope.Direction);

    /// <summary>Per origin and route: trucks whose rule chose the route but that took another (suspended, over an overflow threshold, or a ban that diverts); also in the other route's origin_routed.</summary>
    public static readonly MetricDefinition OriginDiverted = new("origin_diverted", "trucks", MetricScope.Origin | MetricScope.Direction);
    public static readonly MetricDefinition NetworkServedPerDay = new("network_served_per_day", "trucks/day", MetricScope.Run);
    public static readonly MetricDefinition NetworkWaitHoursMean = new("network_wait_hours_mean", "h", MetricScope.Run);
    public static readonly MetricDefinition NetworkInSystemAtEnd = new("network_in_system_at_end", "trucks", MetricScope.Run);

    /// <summary>Whether a direction was overloaded (1) or not (0), from the capacity check over all replications.</summary>
    public static readonly MetricDefinition Overloaded = new("overloaded", "flag", MetricScope.Direction);

    /// <summary>Every metric, in the order of this table.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        ServedPerDay, ServedTonnesPerDay, Arrived, Served, GaveUp, TurnedAway, InSystemAtWarmUp, InSystemAtEnd, OldestWaitHours,
        BacklogGrowthTrucksPerDay, DaysToClear, BacklogCleared, InSystemTrucksMean, ArrivalRatePerHour,
        WaitHoursMean, WaitHoursP50, WaitHoursP95, WaitHoursMax, WaitHoursMeanInclWaiting,
        TimeInSystemHoursMean, TimeInSystemHoursP50, TimeInSystemHoursP95, TimeInSystemHoursMax,
        HighwayQueueTrucksMean, HighwayQueueTrucksMax, HighwayQueueKmMean, HighwayQueueKmMax, DelayCostUsdPerDay, CostUsdPerDay,
        QueueTrucksMean, QueueTrucksMax, Utilisation, UtilisationBusy, UtilisationBlocked, UtilisationIdle, UtilisationClosed,
        UtilisationReserved, UtilisationUnreserved, YardOccupancyTrucksMean, YardOccupancyTrucksMax, PastShelfLife, PastShelfLifeShare,
        PoolTripsPerDay, PoolWaitHoursMean, PoolQueueTrucksMean, PoolQueueTrucksMax,
        PoolUtilisation, PoolUtilisationBusy, PoolUtilisationReturning, PoolUtilisationIdle, PoolUtilisationClosed,
        OriginArrived, OriginTurnedBack, OriginRouted, OriginDiverted, NetworkServedPerDay, NetworkWaitHoursMean, NetworkInSystemAtEnd,
        Overloaded,
    ];

    /// <summary>The definition of the metric named <paramref name="name"/>, or null.</summary>
    public static MetricDefinition? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}
