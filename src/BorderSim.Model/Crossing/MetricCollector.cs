using BorderSim.Engine.Statistics;
using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

/// <summary>
/// The metrics of one replication at the end of its run, in their order: per direction (with its stages), per class,
/// per pool, per origin and for the whole network. Counts and statistics are those after the warm-up.
/// </summary>
internal sealed class MetricCollector
{
    private const string All = "all";

    private static readonly MetricDefinition[] Waits = [Metrics.WaitHoursMean, Metrics.WaitHoursP50, Metrics.WaitHoursP95, Metrics.WaitHoursMax];
    private static readonly MetricDefinition[] TimesInSystem = [Metrics.TimeInSystemHoursMean, Metrics.TimeInSystemHoursP50, Metrics.TimeInSystemHoursP95, Metrics.TimeInSystemHoursMax];

    private readonly CrossingModel _model;
    private readonly CrossingRuntime _runtime;
    private readonly DailyRecords _daily;
    private readonly double _warmUpHours;
    private readonly double _endHours;
    private readonly double _measuredDays;
    private readonly TimeSeriesSampler _sampler;
    private readonly List<MetricValue> _metrics = [];

    // Trucks still in the system: their waits so far are censored (they wait on after the run ends).
    private readonly double[] _waitingSumByDirection;
    private readonly long[] _waitingByDirection;
    private readonly double[] _oldestByDirection;
    private readonly double[] _waitingSumByClass;
    private readonly long[] _waitingByClass;

    public MetricCollector(CrossingModel model, CrossingRuntime runtime, LiveTrucks live, DailyRecords daily, double warmUpHours, double endHours, TimeSeriesSampler sampler)
    {
        _model = model;
        _runtime = runtime;
        _daily = daily;
        _warmUpHours = warmUpHours;
        _endHours = endHours;
        _measuredDays = (endHours - warmUpHours) / 24.0;
        _sampler = sampler;
        _waitingSumByDirection = new double[runtime.Directions.Length];
        _waitingByDirection = new long[runtime.Directions.Length];
        _oldestByDirection = new double[runtime.Directions.Length];
        _waitingSumByClass = new double[model.ClassNames.Length];
        _waitingByClass = new long[model.ClassNames.Length];
        foreach (var truck in live.NewestFirst()) // in the order they entered, last first, so the sums add up as always
        {
            if (truck.IsHeldAtOrigin)
            {
                continue; // off the road, in no queue of the route: held_at_origin_at_end
            }

            var wait = truck.WaitedHoursAt(endHours);
            _waitingSumByDirection[truck.Direction] += wait;
            _waitingByDirection[truck.Direction]++;
            _oldestByDirection[truck.Direction] = Math.Max(_oldestByDirection[truck.Direction], wait);
            _waitingSumByClass[truck.CargoClass] += wait;
            _waitingByClass[truck.CargoClass]++;
        }
    }

    public IReadOnlyList<MetricValue> Collect()
    {
        double totalDelayCost = 0;
        foreach (var direction in _runtime.Directions)
        {
            AddDirection(direction);
            totalDelayCost += direction.DelayCostUsd;
        }

        Add(Metrics.DelayCostUsdPerDay, totalDelayCost / _measuredDays, All, All);
        if (_model.Scenario.Costs is { } costs)
        {
            Add(Metrics.CostUsdPerDay, ResourceCost.UsdPerDay(_model, costs, _warmUpHours, _endHours) + (totalDelayCost / _measuredDays));
        }

        AddClasses();
        foreach (var pool in _runtime.Pools)
        {
            AddPool(pool);
        }

        AddOrigins();
        return _metrics;
    }

    // A share is a ratio of integrals: rounding can put it a hair outside [0, 1] (-3.5e-15 idle), which it never is.
    private void Add(MetricDefinition metric, double value, string direction = "", string cargoClass = "", string stage = "") =>
        _metrics.Add(new MetricValue(metric.Key(direction, cargoClass, stage), metric.Unit == MetricUnits.Share ? Math.Clamp(value, 0, 1) : value));

    private void AddSample(MetricDefinition[] meanP50P95Max, SampleStatistic statistic, string direction, string cargoClass)
    {
        Add(meanP50P95Max[0], statistic.Count > 0 ? statistic.Mean : double.NaN, direction, cargoClass);
        Add(meanP50P95Max[1], statistic.Quantile(0.5), direction, cargoClass);
        Add(meanP50P95Max[2], statistic.Quantile(0.95), direction, cargoClass);
        Add(meanP50P95Max[3], statistic.Count > 0 ? statistic.Max : double.NaN, direction, cargoClass);
    }

    private static double MeanOf(double sum, long count) => count > 0 ? sum / count : double.NaN;

    private void AddDirection(DirectionRuntime direction)
    {
        var classNames = _model.ClassNames;
        var name = direction.Direction.Name;
        var served = direction.Served.Sum();
        Add(Metrics.ServedPerDay, served / _measuredDays, name, All);
        for (var c = 0; c < classNames.Length; c++)
        {
            // Every class the direction carries, zeros included: the metrics a replication reports depend on
            // the scenario alone, so each metric has a value in every replication and --metric can be checked
            // before anything runs (MetricLayout.KeysOf, which lists them).
            if (direction.HasClass[c])
            {
                Add(Metrics.ServedPerDay, direction.Served[c] / _measuredDays, name, classNames[c]);
            }
        }

        Add(Metrics.ServedTonnesPerDay, direction.ServedTonnes / _measuredDays, name, All);
        Add(Metrics.Arrived, direction.Arrived.Sum(), name, All);
        Add(Metrics.Served, served, name, All);
        Add(Metrics.GaveUp, direction.GaveUp.Sum(), name, All);
        if (direction.Direction.Bans.Any(b => b.Action is Spec.BanAction.TurnAway or Spec.BanAction.Divert))
        {
            Add(Metrics.TurnedAway, direction.TurnedAway.Sum(), name, All);
        }

        if (MetricLayout.HasWaitingReaction(_model, direction.Direction))
        {
            Add(Metrics.LeftOnEvent, direction.LeftOnEvent.Sum(), name, All);
        }

        if (MetricLayout.HasMovingReaction(_model, direction.Direction))
        {
            Add(Metrics.MovedOnEvent, direction.MovedOnEvent.Sum(), name, All);
        }

        if (MetricLayout.IsFedByAnOrigin(_model, direction.Direction))
        {
            Add(Metrics.Diverted, direction.Diverted.Sum(), name, All);
        }

        AddHeldAtOrigin(direction);

        if (MetricLayout.KeepsSomeEmpties(_model, direction.Direction))
        {
            Add(Metrics.NotReturnedEmpty, direction.NotReturnedEmpty, name, All);
        }

        Add(Metrics.InSystemAtWarmUp, direction.InSystemAtWarmUp, name, All);
        Add(Metrics.InSystemAtEnd, direction.InSystem.Current, name, All);
        for (var c = 0; c < classNames.Length; c++)
        {
            if (direction.HasClass[c])
            {
                Add(Metrics.InSystemAtEnd, direction.InSystemByClass[c], name, classNames[c]);
            }
        }

        var d = direction.Direction.Index;
        Add(Metrics.OldestWaitHours, _oldestByDirection[d], name, All);
        Add(Metrics.BacklogGrowthTrucksPerDay, _daily.BacklogGrowthTrucksPerDay(_sampler.InSystemSeries[d], _sampler.StepHours, _endHours), name);
        if (direction.Direction.Backlog.Length > 0)
        {
            // NaN when the run ended before the backlog cleared: the answer is beyond the run's length.
            Add(Metrics.DaysToClear, direction.BacklogClearedAtHours / 24.0, name);
            Add(Metrics.BacklogCleared, double.IsNaN(direction.BacklogClearedAtHours) ? 0 : 1, name);
            var lastedHours = double.IsNaN(direction.BacklogClearedAtHours) ? _endHours : direction.BacklogClearedAtHours;
            Add(Metrics.ServedPerDayWhileBacklog, lastedHours > 0 ? direction.ServedWhileBacklog / (lastedHours / 24.0) : double.NaN, name);
        }

        AddWaitsAndQueues(direction);
        foreach (var stage in _runtime.Stages[direction.Direction.Index])
        {
            AddStage(name, stage);
        }
    }

    // Only for a direction with a hold_at_origin ban (MetricLayout lists the same keys): those held at the end, and the hours
    // the released were held (not in the route's wait, which starts when the ban ends).
    private void AddHeldAtOrigin(DirectionRuntime direction)
    {
        if (!direction.Direction.Bans.Any(b => b.Action is Spec.BanAction.HoldAtOrigin))
        {
            return;
        }

        var name = direction.Direction.Name;
        var held = direction.HeldAtOriginHours;
        Add(Metrics.HeldAtOriginAtEnd, direction.HeldAtOriginByClass.Sum(), name, All);
        Add(Metrics.HeldAtOriginHoursMean, held.Count > 0 ? held.Mean : double.NaN, name, All);
        Add(Metrics.HeldAtOriginHoursMax, held.Count > 0 ? held.Max : double.NaN, name, All);
    }

    private void AddWaitsAndQueues(DirectionRuntime direction)
    {
        var name = direction.Direction.Name;
        var d = direction.Direction.Index;
        Add(Metrics.InSystemTrucksMean, direction.InSystem.Mean(_endHours), name, All);
        Add(Metrics.ArrivalRatePerHour, direction.Arrived.Sum() / (_endHours - _warmUpHours), name, All);
        AddSample(Waits, direction.WaitHours, name, All);
        Add(Metrics.WaitHoursMeanInclWaiting, MeanOf(direction.WaitHours.Sum + _waitingSumByDirection[d], direction.WaitHours.Count + _waitingByDirection[d]), name, All);
        AddSample(TimesInSystem, direction.TimeInSystemHours, name, All);
        var kmPerTruck = _runtime.Stages[direction.Direction.Index][0].Stage.RoadPerTruckMetres / 1000.0;
        Add(Metrics.HighwayQueueTrucksMean, direction.HighwayQueue.Mean(_endHours), name);
        Add(Metrics.HighwayQueueTrucksMax, direction.HighwayQueue.Max, name);
        Add(Metrics.HighwayQueueKmMean, direction.HighwayQueue.Mean(_endHours) * kmPerTruck, name);
        Add(Metrics.HighwayQueueKmMax, direction.HighwayQueue.Max * kmPerTruck, name);
        Add(Metrics.DelayCostUsdPerDay, direction.DelayCostUsd / _measuredDays, name, All);
    }

    private void AddStage(string name, StageRuntime stage)
    {
        var stageName = stage.Stage.Name;
        if (!stage.Stage.HasServers)
        {
            Add(Metrics.YardOccupancyTrucksMean, stage.Waiting.Mean(_endHours), name, stage: stageName);
            Add(Metrics.YardOccupancyTrucksMax, stage.Waiting.Max, name, stage: stageName);
            return;
        }

        Add(Metrics.QueueTrucksMean, stage.Waiting.Mean(_endHours), name, stage: stageName);
        Add(Metrics.QueueTrucksMax, stage.Waiting.Max, name, stage: stageName);
        // Server-hours after the warm-up: available = serving + blocked + held back + idle (open, or serving
        // after closing); staffed = available + closed (a booth holding a finished truck while closed is
        // closed). Held back: open and idle while trucks refused for the day by a cap or quota wait. The five
        // shares sum to 1.
        var hours = stage.ServerHours!;
        var staffed = hours.Staffed(_endHours);
        var available = hours.Available(_endHours);
        var serving = hours.Serving(_endHours);
        var blocked = hours.Blocked(_endHours);
        var heldBack = hours.HeldBack(_endHours);
        // Idle is what is left; below 1e-9 of the available server-hours it is round-off of the sums (a booth
        // never idle must read 0, not 1.6e-16).
        var idle = available - (serving + blocked + heldBack);
        if (idle < 1e-9 * available)
        {
            idle = 0;
        }

        Add(Metrics.Utilisation, available > 0 ? serving / available : 0, name, stage: stageName);
        Add(Metrics.UtilisationBusy, staffed > 0 ? serving / staffed : 0, name, stage: stageName);
        Add(Metrics.UtilisationBlocked, staffed > 0 ? blocked / staffed : 0, name, stage: stageName);
        Add(Metrics.UtilisationHeldBack, staffed > 0 ? heldBack / staffed : 0, name, stage: stageName);
        Add(Metrics.UtilisationIdle, staffed > 0 ? idle / staffed : 0, name, stage: stageName);
        Add(Metrics.UtilisationClosed, staffed > 0 ? (staffed - available) / staffed : 1, name, stage: stageName);
        if (stage.ReservedInUse is not null)
        {
            var reservedOpen = stage.ReservedAvailable!.Integral(_endHours);
            var unreservedOpen = stage.UnreservedAvailable!.Integral(_endHours);
            Add(Metrics.UtilisationReserved, reservedOpen > 0 ? stage.ReservedInUse.Integral(_endHours) / reservedOpen : 0, name, stage: stageName);
            Add(Metrics.UtilisationUnreserved, unreservedOpen > 0 ? stage.UnreservedInUse!.Integral(_endHours) / unreservedOpen : 0, name, stage: stageName);
        }
    }

    private void AddClasses()
    {
        var classNames = _model.ClassNames;
        for (var c = 0; c < classNames.Length; c++)
        {
            var cargoClass = _runtime.Classes[c];
            if (!_runtime.Directions.Any(d => d.HasClass[c]))
            {
                continue;
            }

            AddSample(Waits, cargoClass.WaitHours, All, classNames[c]);
            Add(Metrics.WaitHoursMeanInclWaiting, MeanOf(cargoClass.WaitHours.Sum + _waitingSumByClass[c], cargoClass.WaitHours.Count + _waitingByClass[c]), All, classNames[c]);
            AddSample(TimesInSystem, cargoClass.TimeInSystemHours, All, classNames[c]);
            if (cargoClass.Spec.ShelfLifeHours is not null)
            {
                Add(Metrics.PastShelfLife, cargoClass.PastShelfLife, All, classNames[c]);
                Add(Metrics.PastShelfLifeShare, cargoClass.WaitHours.Count > 0 ? cargoClass.PastShelfLife / (double)cargoClass.WaitHours.Count : 0, All, classNames[c]);
            }
        }
    }

    private void AddPool(PoolRuntime pool)
    {
        // Unit-hours after the warm-up: available = with a truck + returning + idle (on duty, or still out after
        // the calendar closed); staffed = available + off duty. The four shares of staffed sum to 1.
        var name = pool.Pool.Name;
        var staffed = pool.Staffed.Integral(_endHours);
        var available = pool.Available.Integral(_endHours);
        var withTruck = pool.WithTruck.Integral(_endHours);
        var returning = pool.Returning.Integral(_endHours);
        Add(Metrics.PoolTripsPerDay, pool.Trips / _measuredDays, stage: name);
        Add(Metrics.PoolWaitHoursMean, pool.WaitHours.Count > 0 ? pool.WaitHours.Mean : double.NaN, stage: name);
        Add(Metrics.PoolQueueTrucksMean, pool.Waiting.Mean(_endHours), stage: name);
        Add(Metrics.PoolQueueTrucksMax, pool.Waiting.Max, stage: name);
        // Idle is what is left of the available unit-hours; below 1e-9 of them it is round-off of the sums of
        // products (a pool never idle must read 0 idle and 1 in use, not ±1e-15).
        var idle = available - withTruck - returning;
        if (idle < 1e-9 * available)
        {
            idle = 0;
        }

        Add(Metrics.PoolUtilisation, available > 0 ? (available - idle) / available : 0, stage: name);
        Add(Metrics.PoolUtilisationBusy, staffed > 0 ? withTruck / staffed : 0, stage: name);
        Add(Metrics.PoolUtilisationReturning, staffed > 0 ? returning / staffed : 0, stage: name);
        Add(Metrics.PoolUtilisationIdle, staffed > 0 ? idle / staffed : 0, stage: name);
        Add(Metrics.PoolUtilisationClosed, staffed > 0 ? (staffed - available) / staffed : 1, stage: name);
    }

    private void AddOrigins()
    {
        if (_runtime.Origins.Length == 0)
        {
            return;
        }

        foreach (var origin in _runtime.Origins)
        {
            var name = origin.Origin.Name;
            Add(Metrics.OriginArrived, origin.Arrived, stage: name);
            Add(Metrics.OriginTurnedBack, origin.TurnedBack, stage: name);
            foreach (var route in origin.Origin.Routes)
            {
                Add(Metrics.OriginRouted, origin.Routed[route], _model.Directions[route].Name, All, name);
                Add(Metrics.OriginDiverted, origin.Diverted[route], _model.Directions[route].Name, All, name);
            }

            if (origin.Park is { } park)
            {
                Add(Metrics.OriginParkGaveUp, park.GaveUp, stage: name);
                Add(Metrics.OriginParkFull, park.TurnedBackFull, stage: name);
                Add(Metrics.OriginParkTrucksMax, park.MostInPark, stage: name);
                Add(Metrics.OriginParkWaitHoursMean, park.WaitHours.Mean, stage: name);
                Add(Metrics.OriginParkWaitHoursMax, park.WaitHours.Count > 0 ? park.WaitHours.Max : double.NaN, stage: name);
                Add(Metrics.OriginInParkAtEnd, park.InPark, stage: name);
            }
        }

        // The whole network: every route (and the empties' directions) together.
        double served = 0, waitSum = 0, waitCount = 0, inSystem = 0;
        foreach (var direction in _runtime.Directions)
        {
            served += direction.Served.Sum();
            waitSum += direction.WaitHours.Sum;
            waitCount += direction.WaitHours.Count;
            inSystem += direction.InSystem.Current;
        }

        Add(Metrics.NetworkServedPerDay, served / _measuredDays);
        Add(Metrics.NetworkWaitHoursMean, waitCount > 0 ? waitSum / waitCount : double.NaN);
        Add(Metrics.NetworkInSystemAtEnd, inSystem);
    }
}
