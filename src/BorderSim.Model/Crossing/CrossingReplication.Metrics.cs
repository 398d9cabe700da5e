using BorderSim.Engine;
using BorderSim.Engine.Statistics;
using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

public sealed partial class CrossingReplication
{
    private const string All = "all";

    private IReadOnlyList<MetricValue> CollectMetrics(double endHours, TimeSeriesSampler sampler)
    {
        var metrics = new List<MetricValue>();
        var measuredDays = (endHours - _warmUpHours) / 24.0;
        var classNames = _model.ClassNames;
        void Add(MetricDefinition metric, double value, string direction = "", string cargoClass = "", string stage = "") =>
            metrics.Add(new MetricValue(metric.Key(direction, cargoClass, stage), value));

        void AddSample(MetricDefinition[] meanP50P95Max, SampleStatistic statistic, string direction, string cargoClass)
        {
            Add(meanP50P95Max[0], statistic.Count > 0 ? statistic.Mean : double.NaN, direction, cargoClass);
            Add(meanP50P95Max[1], statistic.Quantile(0.5), direction, cargoClass);
            Add(meanP50P95Max[2], statistic.Quantile(0.95), direction, cargoClass);
            Add(meanP50P95Max[3], statistic.Count > 0 ? statistic.Max : double.NaN, direction, cargoClass);
        }

        MetricDefinition[] waits = [Metrics.WaitHoursMean, Metrics.WaitHoursP50, Metrics.WaitHoursP95, Metrics.WaitHoursMax];
        MetricDefinition[] timesInSystem = [Metrics.TimeInSystemHoursMean, Metrics.TimeInSystemHoursP50, Metrics.TimeInSystemHoursP95, Metrics.TimeInSystemHoursMax];

        // Trucks still in the system: their waits so far are censored (they wait on after the run ends).
        var waitingSumByDirection = new double[_directions.Length];
        var waitingByDirection = new long[_directions.Length];
        var oldestByDirection = new double[_directions.Length];
        var waitingSumByClass = new double[classNames.Length];
        var waitingByClass = new long[classNames.Length];
        for (var truck = _liveHead; truck is not null; truck = truck.NextLive)
        {
            var wait = WaitSoFar(truck, endHours);
            waitingSumByDirection[truck.Direction] += wait;
            waitingByDirection[truck.Direction]++;
            oldestByDirection[truck.Direction] = Math.Max(oldestByDirection[truck.Direction], wait);
            waitingSumByClass[truck.CargoClass] += wait;
            waitingByClass[truck.CargoClass]++;
        }

        static double MeanOf(double sum, long count) => count > 0 ? sum / count : double.NaN;

        double totalDelayCost = 0;
        foreach (var direction in _directions)
        {
            var name = direction.Direction.Name;
            var served = direction.Served.Sum();
            Add(Metrics.ServedPerDay, served / measuredDays, name, All);
            for (var c = 0; c < classNames.Length; c++)
            {
                // Every class the direction carries, zeros included: the metrics a replication reports depend on
                // the scenario alone, so each metric has a value in every replication and --metric can be checked
                // before anything runs (MetricLayout.KeysOf, which lists them).
                if (direction.HasClass[c])
                {
                    Add(Metrics.ServedPerDay, direction.Served[c] / measuredDays, name, classNames[c]);
                }
            }

            Add(Metrics.ServedTonnesPerDay, direction.ServedTonnes / measuredDays, name, All);
            Add(Metrics.Arrived, direction.Arrived.Sum(), name, All);
            Add(Metrics.Served, served, name, All);
            Add(Metrics.GaveUp, direction.GaveUp.Sum(), name, All);
            if (direction.Direction.Bans.Any(b => b.Action is Spec.BanAction.TurnAway or Spec.BanAction.Divert))
            {
                Add(Metrics.TurnedAway, direction.TurnedAway.Sum(), name, All);
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
            Add(Metrics.OldestWaitHours, oldestByDirection[d], name, All);
            Add(Metrics.BacklogGrowthTrucksPerDay, BacklogGrowthTrucksPerDay(sampler.InSystemSeries[d], sampler.StepHours, endHours), name);
            if (direction.Direction.Backlog.Length > 0)
            {
                // NaN when the run ended before the backlog cleared: the answer is beyond the run's length.
                Add(Metrics.DaysToClear, direction.BacklogClearedAtHours / 24.0, name);
                Add(Metrics.BacklogCleared, double.IsNaN(direction.BacklogClearedAtHours) ? 0 : 1, name);
            }

            Add(Metrics.InSystemTrucksMean, direction.InSystem.Mean(endHours), name, All);
            Add(Metrics.ArrivalRatePerHour, direction.Arrived.Sum() / (endHours - _warmUpHours), name, All);
            AddSample(waits, direction.WaitHours, name, All);
            Add(Metrics.WaitHoursMeanInclWaiting, MeanOf(direction.WaitHours.Sum + waitingSumByDirection[d], direction.WaitHours.Count + waitingByDirection[d]), name, All);
            AddSample(timesInSystem, direction.TimeInSystemHours, name, All);
            var kmPerTruck = _stages[direction.Direction.Index][0].Stage.RoadPerTruckMetres / 1000.0;
            Add(Metrics.HighwayQueueTrucksMean, direction.HighwayQueue.Mean(endHours), name);
            Add(Metrics.HighwayQueueTrucksMax, direction.HighwayQueue.Max, name);
            Add(Metrics.HighwayQueueKmMean, direction.HighwayQueue.Mean(endHours) * kmPerTruck, name);
            Add(Metrics.HighwayQueueKmMax, direction.HighwayQueue.Max * kmPerTruck, name);
            Add(Metrics.DelayCostUsdPerDay, direction.DelayCostUsd / measuredDays, name, All);
            totalDelayCost += direction.DelayCostUsd;

            foreach (var stage in _stages[direction.Direction.Index])
            {
                var stageName = stage.Stage.Name;
                if (stage.Stage.HasServers)
                {
                    Add(Metrics.QueueTrucksMean, stage.Waiting.Mean(endHours), name, stage: stageName);
                    Add(Metrics.QueueTrucksMax, stage.Waiting.Max, name, stage: stageName);
                    // Server-hours after the warm-up: available = serving + blocked + idle (open, or serving after
                    // closing); staffed = available + closed (a booth holding a finished truck while closed is
                    // closed). The four shares sum to 1.
                    var staffed = stage.StaffedServers!.Integral(endHours);
                    var available = stage.ServerCapacity!.Integral(endHours);
                    var serving = stage.BusyServers!.Integral(endHours);
                    var blocked = stage.BlockedServers!.Integral(endHours);
                    var held = serving + blocked;
                    Add(Metrics.Utilisation, available > 0 ? serving / available : 0, name, stage: stageName);
                    Add(Metrics.UtilisationBusy, staffed > 0 ? serving / staffed : 0, name, stage: stageName);
                    Add(Metrics.UtilisationBlocked, staffed > 0 ? blocked / staffed : 0, name, stage: stageName);
                    Add(Metrics.UtilisationIdle, staffed > 0 ? (available - held) / staffed : 0, name, stage: stageName);
                    Add(Metrics.UtilisationClosed, staffed > 0 ? (staffed - available) / staffed : 1, name, stage: stageName);
                    if (stage.ReservedInUse is not null)
                    {
                        var reservedOpen = stage.ReservedAvailable!.Integral(endHours);
                        var unreservedOpen = stage.UnreservedAvailable!.Integral(endHours);
                        Add(Metrics.UtilisationReserved, reservedOpen > 0 ? stage.ReservedInUse.Integral(endHours) / reservedOpen : 0, name, stage: stageName);
                        Add(Metrics.UtilisationUnreserved, unreservedOpen > 0 ? stage.UnreservedInUse!.Integral(endHours) / unreservedOpen : 0, name, stage: stageName);
                    }
                }
                else
                {
                    Add(Metrics.YardOccupancyTrucksMean, stage.Waiting.Mean(endHours), name, stage: stageName);
                    Add(Metrics.YardOccupancyTrucksMax, stage.Waiting.Max, name, stage: stageName);
                }
            }
        }

        Add(Metrics.DelayCostUsdPerDay, totalDelayCost / measuredDays, All, All);
        if (_model.Scenario.Costs is { } costs)
        {
            Add(Metrics.CostUsdPerDay, ResourceCost.UsdPerDay(_model, costs, _warmUpHours, endHours) + (totalDelayCost / measuredDays));
        }
        for (var c = 0; c < classNames.Length; c++)
        {
            var cargoClass = _classes[c];
            if (!_directions.Any(d => d.HasClass[c]))
            {
                continue;
            }

            AddSample(waits, cargoClass.WaitHours, All, classNames[c]);
            Add(Metrics.WaitHoursMeanInclWaiting, MeanOf(cargoClass.WaitHours.Sum + waitingSumByClass[c], cargoClass.WaitHours.Count + waitingByClass[c]), All, classNames[c]);
            AddSample(timesInSystem, cargoClass.TimeInSystemHours, All, classNames[c]);
            if (cargoClass.Spec.ShelfLifeHours is not null)
            {
                Add(Metrics.PastShelfLife, cargoClass.PastShelfLife, All, classNames[c]);
                Add(Metrics.PastShelfLifeShare, cargoClass.WaitHours.Count > 0 ? cargoClass.PastShelfLife / (double)cargoClass.WaitHours.Count : 0, All, classNames[c]);
            }
        }

        foreach (var pool in _pools)
        {
            // Unit-hours after the warm-up: available = with a truck + returning + idle (on duty, or still out after
            // the calendar closed); staffed = available + off duty. The four shares of staffed sum to 1.
            var name = pool.Pool.Name;
            var staffed = pool.Staffed.Integral(endHours);
            var available = pool.Available.Integral(endHours);
            var withTruck = pool.WithTruck.Integral(endHours);
            var returning = pool.Returning.Integral(endHours);
            Add(Metrics.PoolTripsPerDay, pool.Trips / measuredDays, stage: name);
            Add(Metrics.PoolWaitHoursMean, pool.WaitHours.Count > 0 ? pool.WaitHours.Mean : double.NaN, stage: name);
            Add(Metrics.PoolQueueTrucksMean, pool.Waiting.Mean(endHours), stage: name);
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

        AddOriginMetrics(metrics, endHours, measuredDays);
        return metrics;
    }

    /// <summary>
    /// Trucks served on every simulated local day (warm-up included) for every direction and class that
    /// had traffic, zeros included: a day with nothing served (a closure) is a result, not a gap.
    /// </summary>
    private List<DailyCount> CollectServedPerDay(double endHours)
    {
        var counts = new List<DailyCount>();
        var lastDay = _days.IndexAt(endHours);
        if (lastDay > 0 && _days.StartOf(lastDay) >= endHours)
        {
            lastDay--; // the run ends at a local midnight: the day it opens is not simulated
        }

        foreach (var direction in _directions)
        {
            var perDay = direction.ServedPerDay;
            var withTraffic = new List<int>();
            for (var c = 0; c < _model.ClassNames.Length; c++)
            {
                var hasTraffic = direction.Arrived[c] > 0 || direction.GaveUp[c] > 0;
                for (var dayIndex = 0; dayIndex < perDay.Count && !hasTraffic; dayIndex++)
                {
                    hasTraffic = perDay[dayIndex][c] > 0;
                }

                if (hasTraffic)
                {
                    withTraffic.Add(c);
                }
            }

            for (var dayIndex = 0; dayIndex <= lastDay; dayIndex++)
            {
                foreach (var c in withTraffic)
                {
                    var trucks = dayIndex < perDay.Count ? perDay[dayIndex][c] : 0;
                    counts.Add(new DailyCount(_days.DateOf(dayIndex), direction.Direction.Name, _model.ClassNames[c], trucks));
                }
            }
        }

        return counts;
    }

    /// <summary>
    /// The trend of trucks in the system at the end of the run: the least-squares slope of the daily means
    /// over the later half of the whole local days after the warm-up (all of them when there are fewer than
    /// six), in trucks per day; NaN with fewer than three such days. Daily means remove the daily cycle of
    /// arrivals and opening hours; the later half lets a backlog built by a surge or a closure that has
    /// levelled off or is draining by the end read as such, while a queue that grows without bound keeps growing.
    /// </summary>
    private double BacklogGrowthTrucksPerDay(double[] inSystem, double stepHours, double endHours)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var day = 0; day < _runDayCount; day++)
        {
            var start = _days.StartOf(day);
            var end = Math.Min(endHours, _days.StartOf(day + 1));
            if (start < _warmUpHours - 1e-9 || end - start < 22.9)
            {
                continue;
            }

            double sum = 0;
            var count = 0;
            for (var i = (int)Math.Ceiling((start / stepHours) - 1e-9); i < inSystem.Length && i * stepHours < end - 1e-9; i++)
            {
                sum += inSystem[i];
                count++;
            }

            if (count > 0)
            {
                xs.Add((start + end) / 2 / 24);
                ys.Add(sum / count);
            }
        }

        if (xs.Count < 3)
        {
            return double.NaN;
        }

        if (xs.Count >= 6)
        {
            var later = xs.Count / 2;
            xs.RemoveRange(0, xs.Count - later);
            ys.RemoveRange(0, ys.Count - later);
        }

        var meanX = xs.Average();
        var meanY = ys.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < xs.Count; i++)
        {
            sxy += (xs[i] - meanX) * (ys[i] - meanY);
            sxx += (xs[i] - meanX) * (xs[i] - meanX);
        }

        return sxy / sxx;
    }

    private List<DayRecord> CollectDays()
    {
        var days = new List<DayRecord>();
        foreach (var direction in _directions)
        {
            for (var day = 0; day < _runDayCount; day++)
            {
                for (var c = 0; c < _model.ClassNames.Length; c++)
                {
                    if (!direction.HasClass[c])
                    {
                        continue;
                    }

                    var counts = direction.Day(day, c);
                    days.Add(new DayRecord(_days.DateOf(day), direction.Direction.Name, _model.ClassNames[c], counts.Arrived, counts.Served, counts.GaveUp, counts.WaitHoursSum, counts.BacklogAtEnd, _days.StartOf(day) < _warmUpHours));
                }
            }
        }

        return days;
    }

    /// <summary>Samples queue lengths on a fixed step; sample i is at i × step hours.</summary>
    private sealed class TimeSeriesSampler
    {
        private readonly CrossingReplication _replication;
        private readonly double _stepHours;
        private readonly List<(NamedSeries Series, Func<double> Read)> _series = [];
        private int _count;

        public TimeSeriesSampler(CrossingReplication replication, double stepHours, double runHours)
        {
            _replication = replication;
            _stepHours = stepHours;
            var samples = (int)Math.Floor(runHours / stepHours) + 1;
            foreach (var direction in replication._directions)
            {
                var name = direction.Direction.Name;
                var kmPerTruck = replication._stages[direction.Direction.Index][0].Stage.RoadPerTruckMetres / 1000.0;
                Track(new NamedSeries("highway_queue_km", "km", name, "", new double[samples]), () => direction.HighwayQueue.Current * kmPerTruck);
                Track(new NamedSeries("highway_queue_trucks", "trucks", name, "", new double[samples]), () => direction.HighwayQueue.Current);
                var inSystem = new NamedSeries("in_system_trucks", "trucks", name, "", new double[samples]);
                InSystemSeries.Add(inSystem.Values);
                Track(inSystem, () => direction.InSystem.Current);
                for (var c = 0; c < replication._model.ClassNames.Length; c++)
                {
                    if (direction.HasClass[c])
                    {
                        var cargoClass = c;
                        Track(new NamedSeries("in_system_trucks", "trucks", name, "", new double[samples]) { CargoClass = replication._model.ClassNames[c] }, () => direction.InSystemByClass[cargoClass]);
                    }
                }

                foreach (var stage in replication._stages[direction.Direction.Index])
                {
                    var seriesName = stage.Stage.HasServers ? "queue_trucks" : "yard_occupancy_trucks";
                    Track(new NamedSeries(seriesName, "trucks", name, stage.Stage.Name, new double[samples]), () => stage.Waiting.Current);
                    if (!stage.Stage.HasServers)
                    {
                        // The yard's trucks that are not in the next check's queue: dwelling, held by a release
                        // quota, or waiting for a place downstream. With the queues, each truck counts once.
                        Track(new NamedSeries("yard_parked_trucks", "trucks", name, stage.Stage.Name, new double[samples]), () => stage.Waiting.Current - stage.QueuedOnward);
                    }
                }
            }

            foreach (var pool in replication._pools)
            {
                Track(new NamedSeries("pool_queue_trucks", "trucks", "", pool.Pool.Name, new double[samples]), () => pool.Waiting.Current);
                Track(new NamedSeries("pool_units_in_use", "units", "", pool.Pool.Name, new double[samples]), () => pool.Units.InUse);
            }
        }

        public double StepHours => _stepHours;

        /// <summary>Trucks in the system per direction index, as sampled.</summary>
        public List<double[]> InSystemSeries { get; } = [];

        public IEnumerable<SimEvent> Sample()
        {
            var sim = _replication._sim;
            while (true)
            {
                SampleNow(sim.NowHours);
                yield return sim.Timeout(_stepHours);
            }
        }

        public void SampleNow(double hours)
        {
            var index = (int)Math.Round(hours / _stepHours);
            if (index < _count || _series.Count == 0 || index >= _series[0].Series.Values.Length)
            {
                return;
            }

            foreach (var (series, read) in _series)
            {
                series.Values[index] = read();
            }

            _count = index + 1;
        }

        public TimeSeriesSet ToTimeSeries() => new(_stepHours, [.. _series.Select(s => s.Series)]);

        private void Track(NamedSeries series, Func<double> read) => _series.Add((series, read));
    }
}
