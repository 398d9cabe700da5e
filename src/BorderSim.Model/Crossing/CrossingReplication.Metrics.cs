using BorderSim.Engine;
using BorderSim.Engine.Statistics;
using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

public sealed partial class CrossingReplication
{
    private const string All = "all";

    private IReadOnlyList<MetricValue> CollectMetrics(double endHours)
    {
        var metrics = new List<MetricValue>();
        var measuredDays = (endHours - _warmUpHours) / 24.0;
        var classNames = _model.ClassNames;
        void Add(string name, string unit, double value, string direction = "", string cargoClass = "", string stage = "") =>
            metrics.Add(new MetricValue(new MetricKey(name, unit, direction, cargoClass, stage), value));

        void AddSample(string name, SampleStatistic statistic, string direction, string cargoClass)
        {
            Add($"{name}_mean", "h", statistic.Count > 0 ? statistic.Mean : double.NaN, direction, cargoClass);
            Add($"{name}_p50", "h", statistic.Quantile(0.5), direction, cargoClass);
            Add($"{name}_p95", "h", statistic.Quantile(0.95), direction, cargoClass);
            Add($"{name}_max", "h", statistic.Count > 0 ? statistic.Max : double.NaN, direction, cargoClass);
        }

        double totalDelayCost = 0;
        foreach (var direction in _directions)
        {
            var name = direction.Direction.Name;
            var served = direction.Served.Sum();
            Add("served_per_day", "trucks/day", served / measuredDays, name, All);
            for (var c = 0; c < classNames.Length; c++)
            {
                if (direction.Arrived[c] > 0 || direction.Served[c] > 0)
                {
                    Add("served_per_day", "trucks/day", direction.Served[c] / measuredDays, name, classNames[c]);
                }
            }

            Add("served_tonnes_per_day", "t/day", direction.ServedTonnes / measuredDays, name, All);
            Add("arrived", "trucks", direction.Arrived.Sum(), name, All);
            Add("served", "trucks", served, name, All);
            Add("gave_up", "trucks", direction.GaveUp.Sum(), name, All);
            Add("in_system_at_warm_up", "trucks", direction.InSystemAtWarmUp, name, All);
            Add("in_system_at_end", "trucks", direction.InSystem.Current, name, All);
            Add("in_system_trucks_mean", "trucks", direction.InSystem.Mean(endHours), name, All);
            Add("arrival_rate_per_hour", "trucks/h", direction.Arrived.Sum() / (endHours - _warmUpHours), name, All);
            AddSample("wait_hours", direction.WaitHours, name, All);
            AddSample("time_in_system_hours", direction.TimeInSystemHours, name, All);
            var kmPerTruck = _stages[direction.Direction.Index][0].Stage.RoadPerTruckMetres / 1000.0;
            Add("highway_queue_trucks_mean", "trucks", direction.HighwayQueue.Mean(endHours), name);
            Add("highway_queue_trucks_max", "trucks", direction.HighwayQueue.Max, name);
            Add("highway_queue_km_mean", "km", direction.HighwayQueue.Mean(endHours) * kmPerTruck, name);
            Add("highway_queue_km_max", "km", direction.HighwayQueue.Max * kmPerTruck, name);
            Add("delay_cost_usd_per_day", "USD/day", direction.DelayCostUsd / measuredDays, name, All);
            totalDelayCost += direction.DelayCostUsd;

            foreach (var stage in _stages[direction.Direction.Index])
            {
                var stageName = stage.Stage.Name;
                if (stage.Stage.HasServers)
                {
                    Add("queue_trucks_mean", "trucks", stage.Waiting.Mean(endHours), name, stage: stageName);
                    Add("queue_trucks_max", "trucks", stage.Waiting.Max, name, stage: stageName);
                    var capacity = stage.ServerCapacity!.Integral(endHours);
                    Add("utilisation", "share", capacity > 0 ? stage.BusyServers!.Integral(endHours) / capacity : 0, name, stage: stageName);
                }
                else
                {
                    Add("yard_occupancy_trucks_mean", "trucks", stage.Waiting.Mean(endHours), name, stage: stageName);
                    Add("yard_occupancy_trucks_max", "trucks", stage.Waiting.Max, name, stage: stageName);
                }
            }
        }

        Add("delay_cost_usd_per_day", "USD/day", totalDelayCost / measuredDays, All, All);
        for (var c = 0; c < classNames.Length; c++)
        {
            var cargoClass = _classes[c];
            if (cargoClass.WaitHours.Count == 0 && _directions.All(d => d.Arrived[c] == 0))
            {
                continue;
            }

            AddSample("wait_hours", cargoClass.WaitHours, All, classNames[c]);
            AddSample("time_in_system_hours", cargoClass.TimeInSystemHours, All, classNames[c]);
            if (cargoClass.Spec.ShelfLifeHours is not null)
            {
                Add("past_shelf_life", "trucks", cargoClass.PastShelfLife, All, classNames[c]);
                Add("past_shelf_life_share", "share", cargoClass.WaitHours.Count > 0 ? cargoClass.PastShelfLife / (double)cargoClass.WaitHours.Count : 0, All, classNames[c]);
            }
        }

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
                Track(new NamedSeries("in_system_trucks", "trucks", name, "", new double[samples]), () => direction.InSystem.Current);
                foreach (var stage in replication._stages[direction.Direction.Index])
                {
                    var seriesName = stage.Stage.HasServers ? "queue_trucks" : "yard_occupancy_trucks";
                    Track(new NamedSeries(seriesName, "trucks", name, stage.Stage.Name, new double[samples]), () => stage.Waiting.Current);
                }
            }
        }

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
