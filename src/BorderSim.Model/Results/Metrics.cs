namespace BorderSim.Model.Results;

/// <summary>
/// The table of the metrics a replication writes (summary.csv, baselines, <c>--metric</c>): one place for
/// their names, units and scopes, and for what a planner reads for each (English and Vietnamese labels, report
/// section, headline rank), shared by the model that writes them and the reports, code and tests that read them.
/// </summary>
public static class Metrics
{
    private const MetricScope DirectionClass = MetricScope.Direction | MetricScope.Class;
    private const MetricScope DirectionStage = MetricScope.Direction | MetricScope.Stage;

    public static readonly MetricDefinition ServedPerDay = new("served_per_day", MetricUnits.TrucksPerDay, DirectionClass, new("trucks served per day", "số xe thông quan mỗi ngày"), MetricSection.Throughput) { Headline = new(1, MetricBreakdown.PerDirection, new("served per day", "số xe thông quan mỗi ngày")) };
    public static readonly MetricDefinition ServedTonnesPerDay = new("served_tonnes_per_day", MetricUnits.TonnesPerDay, DirectionClass, new("tonnes served per day", "số tấn hàng thông quan mỗi ngày"), MetricSection.Throughput);
    public static readonly MetricDefinition Arrived = new("arrived", MetricUnits.Trucks, DirectionClass, new("trucks arrived", "số xe đến"), MetricSection.Backlog);
    public static readonly MetricDefinition Served = new("served", MetricUnits.Trucks, DirectionClass, new("trucks served", "số xe đã thông quan"), MetricSection.Backlog);
    /// <summary>Trucks that gave up waiting (their patience ran out); a ban's turned away are not among them.</summary>
    public static readonly MetricDefinition GaveUp = new("gave_up", MetricUnits.Trucks, DirectionClass, new("trucks that gave up waiting", "số xe bỏ cuộc vì chờ quá lâu"), MetricSection.Backlog);

    /// <summary>Trucks turned away on arrival by a ban (not in gave_up).</summary>
    public static readonly MetricDefinition TurnedAway = new("turned_away", MetricUnits.Trucks, DirectionClass, new("trucks turned away by a ban", "số xe phải quay đầu do lệnh cấm"), MetricSection.Backlog);

    /// <summary>Trucks that left the line when a suspension or a ban started (its waiting share; not in gave_up).</summary>
    public static readonly MetricDefinition MovedOnEvent = new("moved_on_event", MetricUnits.Trucks, DirectionClass, new("trucks in line that moved to another route when their origin's route was suspended", "số xe đang xếp hàng chuyển sang tuyến khác khi tuyến bị tạm dừng"), MetricSection.Backlog);

    public static readonly MetricDefinition LeftOnEvent = new("left_on_event", MetricUnits.Trucks, DirectionClass, new("trucks that left the line when a suspension or ban started", "số xe đang xếp hàng phải quay đầu khi tạm dừng tuyến hoặc có lệnh cấm"), MetricSection.Backlog);

    /// <summary>Trucks an origin's rule sent to the route that took another route (all origins; per origin in origin_diverted).</summary>
    public static readonly MetricDefinition Diverted = new("diverted", MetricUnits.Trucks, DirectionClass, new("trucks diverted to another route", "số xe chuyển sang tuyến khác"), MetricSection.Backlog);

    /// <summary>
    /// Trucks served at a destination yard that returns empties which stayed on the far side (its share below 1): with
    /// the empties that arrived in the return direction from it, they make up the trucks served there.
    /// </summary>
    public static readonly MetricDefinition NotReturnedEmpty = new("not_returned_empty", MetricUnits.Trucks, DirectionClass, new("trucks unloaded at the destination yard that did not return empty", "số xe dỡ hàng tại bãi đích không quay về rỗng"), MetricSection.Backlog);

    /// <summary>Trucks a ban holds at their origin at the end: arrived at no queue of the route yet, so not in in_system_at_end.</summary>
    public static readonly MetricDefinition HeldAtOriginAtEnd = new("held_at_origin_at_end", MetricUnits.Trucks, DirectionClass, new("trucks held at their origin by a ban at the end", "số xe bị giữ tại nơi xuất phát do lệnh cấm khi kết thúc"), MetricSection.Backlog);

    /// <summary>Per direction with a hold_at_origin ban: the mean hours the trucks it released were held at their origin; not in the route's wait, which starts when the ban ends.</summary>
    public static readonly MetricDefinition HeldAtOriginHoursMean = new("held_at_origin_hours_mean", MetricUnits.Hours, DirectionClass, new("mean hours held at their origin by a ban", "thời gian bị giữ tại nơi xuất phát do lệnh cấm, trung bình"), MetricSection.Backlog);

    /// <summary>Per direction with a hold_at_origin ban: the longest a truck it released was held at its origin.</summary>
    public static readonly MetricDefinition HeldAtOriginHoursMax = new("held_at_origin_hours_max", MetricUnits.Hours, DirectionClass, new("longest hold at their origin by a ban", "thời gian bị giữ tại nơi xuất phát do lệnh cấm, lâu nhất"), MetricSection.Backlog);
    public static readonly MetricDefinition InSystemAtWarmUp = new("in_system_at_warm_up", MetricUnits.Trucks, DirectionClass, new("trucks in the system at the end of the warm-up", "số xe trong hệ thống khi hết giai đoạn khởi động"), MetricSection.Backlog);
    public static readonly MetricDefinition InSystemAtEnd = new("in_system_at_end", MetricUnits.Trucks, DirectionClass, new("trucks still in the system at the end", "số xe còn tồn khi kết thúc"), MetricSection.Backlog);
    public static readonly MetricDefinition OldestWaitHours = new("oldest_wait_hours", MetricUnits.Hours, DirectionClass, new("oldest wait of a truck still in the system", "thời gian chờ lâu nhất của xe còn tồn"), MetricSection.Waits);
    public static readonly MetricDefinition BacklogGrowthTrucksPerDay = new("backlog_growth_trucks_per_day", MetricUnits.TrucksPerDay, MetricScope.Direction, new("backlog growth", "mức tăng xe tồn"), MetricSection.Backlog);

    /// <summary>Days from the start of the run to the first moment no truck of a direction with a starting backlog waits (NaN: not within the run).</summary>
    public static readonly MetricDefinition DaysToClear = new("days_to_clear", MetricUnits.Days, MetricScope.Direction, new("days to clear the starting backlog", "số ngày giải tỏa xe tồn ban đầu"), MetricSection.Backlog);

    /// <summary>1 when the starting backlog cleared within the run, else 0: the mean is the share of replications where it did (days_to_clear averages only those).</summary>
    public static readonly MetricDefinition BacklogCleared = new("backlog_cleared", MetricUnits.Share, MetricScope.Direction, new("share of replications that cleared the starting backlog", "tỷ lệ lần lặp giải tỏa được xe tồn ban đầu"), MetricSection.Backlog);
    /// <summary>
    /// Trucks served per day from the start of the run until the starting backlog cleared (to the end of the run where it did
    /// not): the pace of clearing while trucks were there to serve, where served_per_day averages the whole run, days with
    /// nothing left to serve included.
    /// </summary>
    public static readonly MetricDefinition ServedPerDayWhileBacklog = new("served_per_day_while_backlog", MetricUnits.TrucksPerDay, MetricScope.Direction, new("trucks served per day while the starting backlog lasted", "số xe thông quan mỗi ngày trong thời gian còn xe tồn ban đầu"), MetricSection.Backlog);
    public static readonly MetricDefinition InSystemTrucksMean = new("in_system_trucks_mean", MetricUnits.Trucks, DirectionClass, new("trucks in the system, mean", "số xe trong hệ thống trung bình"), MetricSection.Backlog);
    public static readonly MetricDefinition ArrivalRatePerHour = new("arrival_rate_per_hour", MetricUnits.TrucksPerHour, DirectionClass, new("arrival rate", "tốc độ xe đến"), MetricSection.Throughput);
    public static readonly MetricDefinition WaitHoursMean = new("wait_hours_mean", MetricUnits.Hours, DirectionClass, new("mean wait", "thời gian chờ trung bình"), MetricSection.Waits) { Headline = new(2, MetricBreakdown.PerClass, new("wait mean", "thời gian chờ trung bình")) };
    public static readonly MetricDefinition WaitHoursP50 = new("wait_hours_p50", MetricUnits.Hours, DirectionClass, new("median wait", "thời gian chờ trung vị"), MetricSection.Waits);
    public static readonly MetricDefinition WaitHoursP95 = new("wait_hours_p95", MetricUnits.Hours, DirectionClass, new("wait of the 95th percentile", "thời gian chờ phân vị 95"), MetricSection.Waits) { Headline = new(2, MetricBreakdown.PerClass, new("wait p95", "thời gian chờ phân vị 95")) };
    public static readonly MetricDefinition WaitHoursMax = new("wait_hours_max", MetricUnits.Hours, DirectionClass, new("longest wait", "thời gian chờ lâu nhất"), MetricSection.Waits);
    public static readonly MetricDefinition WaitHoursMeanInclWaiting = new("wait_hours_mean_incl_waiting", MetricUnits.Hours, DirectionClass, new("mean wait incl. trucks still waiting", "thời gian chờ trung bình, tính cả xe còn chờ"), MetricSection.Waits);
    public static readonly MetricDefinition TimeInSystemHoursMean = new("time_in_system_hours_mean", MetricUnits.Hours, DirectionClass, new("mean time in the system", "thời gian trong hệ thống trung bình"), MetricSection.Waits);
    public static readonly MetricDefinition TimeInSystemHoursP50 = new("time_in_system_hours_p50", MetricUnits.Hours, DirectionClass, new("median time in the system", "thời gian trong hệ thống trung vị"), MetricSection.Waits);
    public static readonly MetricDefinition TimeInSystemHoursP95 = new("time_in_system_hours_p95", MetricUnits.Hours, DirectionClass, new("time in the system, 95th percentile", "thời gian trong hệ thống phân vị 95"), MetricSection.Waits);
    public static readonly MetricDefinition TimeInSystemHoursMax = new("time_in_system_hours_max", MetricUnits.Hours, DirectionClass, new("longest time in the system", "thời gian trong hệ thống lâu nhất"), MetricSection.Waits);
    public static readonly MetricDefinition HighwayQueueTrucksMean = new("highway_queue_trucks_mean", MetricUnits.Trucks, MetricScope.Direction, new("trucks queuing on the highway, mean", "số xe xếp hàng trên quốc lộ, trung bình"), MetricSection.HighwayQueue);
    public static readonly MetricDefinition HighwayQueueTrucksMax = new("highway_queue_trucks_max", MetricUnits.Trucks, MetricScope.Direction, new("trucks queuing on the highway, most", "số xe xếp hàng trên quốc lộ, nhiều nhất"), MetricSection.HighwayQueue);
    public static readonly MetricDefinition HighwayQueueKmMean = new("highway_queue_km_mean", MetricUnits.Km, MetricScope.Direction, new("highway queue, mean", "hàng xe trên quốc lộ, trung bình"), MetricSection.HighwayQueue) { Headline = new(3, MetricBreakdown.PerDirection, new("highway queue mean", "hàng xe trên quốc lộ, trung bình")) };
    public static readonly MetricDefinition HighwayQueueKmMax = new("highway_queue_km_max", MetricUnits.Km, MetricScope.Direction, new("highway queue, longest", "hàng xe trên quốc lộ, dài nhất"), MetricSection.HighwayQueue);
    public static readonly MetricDefinition DelayCostUsdPerDay = new("delay_cost_usd_per_day", MetricUnits.UsdPerDay, DirectionClass, new("cost of delay", "chi phí chờ đợi"), MetricSection.Costs) { Headline = new(4, MetricBreakdown.Total, new("delay cost", "chi phí chờ đợi")) };
    public static readonly MetricDefinition QueueTrucksMean = new("queue_trucks_mean", MetricUnits.Trucks, DirectionStage, new("queue, mean", "hàng đợi trung bình"), MetricSection.Stages);
    public static readonly MetricDefinition QueueTrucksMax = new("queue_trucks_max", MetricUnits.Trucks, DirectionStage, new("queue, longest", "hàng đợi dài nhất"), MetricSection.Stages);
    public static readonly MetricDefinition Utilisation = new("utilisation", MetricUnits.Share, DirectionStage, new("busy share of open hours", "tỷ lệ bận trong giờ mở cửa"), MetricSection.Stages);
    public static readonly MetricDefinition UtilisationBusy = new("utilisation_busy", MetricUnits.Share, DirectionStage, new("share busy", "tỷ lệ bận"), MetricSection.Stages);
    public static readonly MetricDefinition UtilisationBlocked = new("utilisation_blocked", MetricUnits.Share, DirectionStage, new("share blocked", "tỷ lệ bị chặn"), MetricSection.Stages);

    /// <summary>Share of server-hours open and idle while trucks refused for the day by a clearance cap or an appointment quota wait at the stage (held back by the rule, not idle for want of trucks).</summary>
    public static readonly MetricDefinition UtilisationHeldBack = new("utilisation_held_back", MetricUnits.Share, DirectionStage, new("share held back by a cap or quota", "tỷ lệ bị giữ lại do hạn mức hoặc chỉ tiêu"), MetricSection.Stages);
    public static readonly MetricDefinition UtilisationIdle = new("utilisation_idle", MetricUnits.Share, DirectionStage, new("share idle", "tỷ lệ rảnh"), MetricSection.Stages);
    public static readonly MetricDefinition UtilisationClosed = new("utilisation_closed", MetricUnits.Share, DirectionStage, new("share closed", "tỷ lệ đóng cửa"), MetricSection.Stages);
    /// <summary>At a check or road that keeps servers for a class: the share of the reserved server-hours (open) in use, serving or holding a finished truck.</summary>
    public static readonly MetricDefinition UtilisationReserved = new("utilisation_reserved", MetricUnits.Share, DirectionStage, new("in use of the open hours of servers kept for a class", "hệ số sử dụng bàn/làn dành riêng cho loại hàng trong giờ mở cửa"), MetricSection.Stages);

    /// <summary>The same for the servers not kept for a class (written only where some are kept).</summary>
    public static readonly MetricDefinition UtilisationUnreserved = new("utilisation_unreserved", MetricUnits.Share, DirectionStage, new("in use of the open hours of servers not kept for a class", "hệ số sử dụng bàn/làn không dành riêng trong giờ mở cửa"), MetricSection.Stages);
    public static readonly MetricDefinition YardOccupancyTrucksMean = new("yard_occupancy_trucks_mean", MetricUnits.Trucks, DirectionStage, new("trucks in the yard, mean", "số xe trong bãi, trung bình"), MetricSection.Yards);
    public static readonly MetricDefinition YardOccupancyTrucksMax = new("yard_occupancy_trucks_max", MetricUnits.Trucks, DirectionStage, new("trucks in the yard, most", "số xe trong bãi, nhiều nhất"), MetricSection.Yards);
    public static readonly MetricDefinition PastShelfLife = new("past_shelf_life", MetricUnits.Trucks, DirectionClass, new("trucks past shelf life", "số xe quá hạn bảo quản"), MetricSection.Perishables);
    public static readonly MetricDefinition PastShelfLifeShare = new("past_shelf_life_share", MetricUnits.Share, DirectionClass, new("share past shelf life", "tỷ lệ xe quá hạn bảo quản"), MetricSection.Perishables);

    public static readonly MetricDefinition PoolTripsPerDay = new("pool_trips_per_day", MetricUnits.TripsPerDay, MetricScope.Pool, new("trips per day of the pool", "số chuyến mỗi ngày của đội"), MetricSection.Pools);
    public static readonly MetricDefinition PoolWaitHoursMean = new("pool_wait_hours_mean", MetricUnits.Hours, MetricScope.Pool, new("mean wait for a unit of the pool", "thời gian xe chờ đội, trung bình"), MetricSection.Pools);
    public static readonly MetricDefinition PoolQueueTrucksMean = new("pool_queue_trucks_mean", MetricUnits.Trucks, MetricScope.Pool, new("trucks waiting for a unit of the pool, mean", "số xe chờ đội, trung bình"), MetricSection.Pools);
    public static readonly MetricDefinition PoolQueueTrucksMax = new("pool_queue_trucks_max", MetricUnits.Trucks, MetricScope.Pool, new("trucks waiting for a unit of the pool, most", "số xe chờ đội, nhiều nhất"), MetricSection.Pools);
    public static readonly MetricDefinition PoolUtilisation = new("pool_utilisation", MetricUnits.Share, MetricScope.Pool, new("pool in use of its on-duty hours", "hệ số sử dụng của đội trong giờ làm việc"), MetricSection.Pools);
    public static readonly MetricDefinition PoolUtilisationBusy = new("pool_utilisation_busy", MetricUnits.Share, MetricScope.Pool, new("pool share with a truck", "tỷ lệ thời gian đội đang phục vụ xe"), MetricSection.Pools);
    public static readonly MetricDefinition PoolUtilisationReturning = new("pool_utilisation_returning", MetricUnits.Share, MetricScope.Pool, new("pool share returning", "tỷ lệ thời gian đội đang quay về"), MetricSection.Pools);
    public static readonly MetricDefinition PoolUtilisationIdle = new("pool_utilisation_idle", MetricUnits.Share, MetricScope.Pool, new("pool share idle", "tỷ lệ thời gian đội rảnh"), MetricSection.Pools);
    public static readonly MetricDefinition PoolUtilisationClosed = new("pool_utilisation_closed", MetricUnits.Share, MetricScope.Pool, new("pool share off duty", "tỷ lệ thời gian đội ngoài giờ làm việc"), MetricSection.Pools);

    /// <summary>The crossing's cost a day: its resources at the scenario's prices (<c>costs:</c>) plus the trucks' delay cost; only with costs.</summary>
    public static readonly MetricDefinition CostUsdPerDay = new("cost_usd_per_day", MetricUnits.UsdPerDay, MetricScope.Run, new("cost a day (resources and delay)", "chi phí mỗi ngày (nguồn lực và chờ đợi)"), MetricSection.Costs);
    public static readonly MetricDefinition OriginArrived = new("origin_arrived", MetricUnits.Trucks, MetricScope.Origin, new("trucks that set out from the origin", "số xe xuất phát từ nguồn"), MetricSection.Network);
    public static readonly MetricDefinition OriginTurnedBack = new("origin_turned_back", MetricUnits.Trucks, MetricScope.Origin, new("trucks that turned back at the origin", "số xe quay đầu tại nguồn, không vào tuyến nào"), MetricSection.Network);
    public static readonly MetricDefinition OriginRouted = new("origin_routed", MetricUnits.Trucks, MetricScope.Origin | MetricScope.Direction, new("trucks sent along the route", "số xe đi theo tuyến"), MetricSection.Network);

    /// <summary>Per origin and route: trucks whose rule chose the route but that took another (suspended, over an overflow threshold, or a ban that diverts); also in the other route's origin_routed.</summary>
    public static readonly MetricDefinition OriginDiverted = new("origin_diverted", MetricUnits.Trucks, MetricScope.Origin | MetricScope.Direction, new("trucks diverted from the route their rule chose", "số xe phải chuyển khỏi tuyến đã chọn"), MetricSection.Network);
    /// <summary>Per origin with a park: trucks whose patience ran out in the park before it released them (not in any route's gave_up).</summary>
    public static readonly MetricDefinition OriginParkGaveUp = new("origin_park_gave_up", MetricUnits.Trucks, MetricScope.Origin, new("trucks that gave up waiting in the origin's park", "số xe bỏ chờ tại bãi tập kết của nguồn"), MetricSection.Network);

    /// <summary>Per origin with a park: trucks that found it full and turned back (also in origin_turned_back).</summary>
    public static readonly MetricDefinition OriginParkFull = new("origin_park_full", MetricUnits.Trucks, MetricScope.Origin, new("trucks that found the origin's park full and turned back", "số xe quay đầu vì bãi tập kết của nguồn đã đầy"), MetricSection.Network);

    /// <summary>Per origin with a park: the mean hours the trucks it released waited in it (the starting backlog's age included); not in the route's wait, which starts at the release.</summary>
    public static readonly MetricDefinition OriginParkWaitHoursMean = new("origin_park_wait_hours_mean", MetricUnits.Hours, MetricScope.Origin, new("mean wait in the origin's park", "thời gian chờ tại bãi tập kết của nguồn, trung bình"), MetricSection.Network);

    /// <summary>Per origin with a park: the longest wait in it of a truck it released.</summary>
    public static readonly MetricDefinition OriginParkWaitHoursMax = new("origin_park_wait_hours_max", MetricUnits.Hours, MetricScope.Origin, new("longest wait in the origin's park", "thời gian chờ tại bãi tập kết của nguồn, lâu nhất"), MetricSection.Network);

    /// <summary>Per origin with a park: the most trucks in it at once after the warm-up.</summary>
    public static readonly MetricDefinition OriginParkTrucksMax = new("origin_park_trucks_max", MetricUnits.Trucks, MetricScope.Origin, new("trucks in the origin's park, most", "số xe trong bãi tập kết của nguồn, nhiều nhất"), MetricSection.Network);

    /// <summary>Per origin with a park: trucks still in it when the run ends (on no route yet, so in no route's in_system_at_end).</summary>
    public static readonly MetricDefinition OriginInParkAtEnd = new("origin_in_park_at_end", MetricUnits.Trucks, MetricScope.Origin, new("trucks still in the origin's park at the end", "số xe còn trong bãi tập kết của nguồn khi kết thúc"), MetricSection.Network);
    public static readonly MetricDefinition NetworkServedPerDay = new("network_served_per_day", MetricUnits.TrucksPerDay, MetricScope.Run, new("trucks served per day, whole network", "số xe thông quan mỗi ngày, toàn mạng lưới"), MetricSection.Network);
    public static readonly MetricDefinition NetworkWaitHoursMean = new("network_wait_hours_mean", MetricUnits.Hours, MetricScope.Run, new("mean wait, whole network", "thời gian chờ trung bình, toàn mạng lưới"), MetricSection.Network);
    public static readonly MetricDefinition NetworkInSystemAtEnd = new("network_in_system_at_end", MetricUnits.Trucks, MetricScope.Run, new("trucks still in the network at the end", "số xe còn tồn trong mạng lưới khi kết thúc"), MetricSection.Network);

    /// <summary>Whether a direction was overloaded (1) or not (0), from the capacity check over all replications.</summary>
    public static readonly MetricDefinition Overloaded = new("overloaded", MetricUnits.Flag, MetricScope.Direction, new("overloaded (1 = yes)", "quá tải (1 = có)"), MetricSection.Overload);

    /// <summary>Every metric, in the order of this table.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        ServedPerDay, ServedTonnesPerDay, Arrived, Served, GaveUp, TurnedAway, LeftOnEvent, MovedOnEvent, Diverted, HeldAtOriginAtEnd, HeldAtOriginHoursMean, HeldAtOriginHoursMax, NotReturnedEmpty, InSystemAtWarmUp, InSystemAtEnd, OldestWaitHours,
        BacklogGrowthTrucksPerDay, DaysToClear, BacklogCleared, ServedPerDayWhileBacklog, InSystemTrucksMean, ArrivalRatePerHour,
        WaitHoursMean, WaitHoursP50, WaitHoursP95, WaitHoursMax, WaitHoursMeanInclWaiting,
        TimeInSystemHoursMean, TimeInSystemHoursP50, TimeInSystemHoursP95, TimeInSystemHoursMax,
        HighwayQueueTrucksMean, HighwayQueueTrucksMax, HighwayQueueKmMean, HighwayQueueKmMax, DelayCostUsdPerDay, CostUsdPerDay,
        QueueTrucksMean, QueueTrucksMax, Utilisation, UtilisationBusy, UtilisationBlocked, UtilisationHeldBack, UtilisationIdle, UtilisationClosed,
        UtilisationReserved, UtilisationUnreserved, YardOccupancyTrucksMean, YardOccupancyTrucksMax, PastShelfLife, PastShelfLifeShare,
        PoolTripsPerDay, PoolWaitHoursMean, PoolQueueTrucksMean, PoolQueueTrucksMax,
        PoolUtilisation, PoolUtilisationBusy, PoolUtilisationReturning, PoolUtilisationIdle, PoolUtilisationClosed,
        OriginArrived, OriginTurnedBack, OriginRouted, OriginDiverted, OriginParkGaveUp, OriginParkFull, OriginParkTrucksMax, OriginParkWaitHoursMean, OriginParkWaitHoursMax, OriginInParkAtEnd, NetworkServedPerDay, NetworkWaitHoursMean, NetworkInSystemAtEnd,
        Overloaded,
    ];

    /// <summary>The definition of the metric named <paramref name="name"/>, or null.</summary>
    public static MetricDefinition? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}
