using BorderSim.Engine;
using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

/// <summary>Samples queue lengths on a fixed step; sample i is at i × step hours.</summary>
internal sealed class TimeSeriesSampler
{
    private readonly Simulation _simulation;
    private readonly double _stepHours;
    private readonly List<(NamedSeries Series, Func<double> Read)> _series = [];
    private int _count;

    public TimeSeriesSampler(CrossingModel model, CrossingRuntime runtime, Simulation simulation, double stepHours, double runHours)
    {
        _simulation = simulation;
        _stepHours = stepHours;
        var samples = (int)Math.Floor(runHours / stepHours) + 1;
        foreach (var direction in runtime.Directions)
        {
            var name = direction.Direction.Name;
            var kmPerTruck = runtime.Stages[direction.Direction.Index][0].Stage.RoadPerTruckMetres / 1000.0;
            Track(new NamedSeries("highway_queue_km", "km", name, "", new double[samples]), () => direction.HighwayQueue.Current * kmPerTruck);
            Track(new NamedSeries("highway_queue_trucks", "trucks", name, "", new double[samples]), () => direction.HighwayQueue.Current);
            var inSystem = new NamedSeries("in_system_trucks", "trucks", name, "", new double[samples]);
            InSystemSeries.Add(inSystem.Values);
            Track(inSystem, () => direction.InSystem.Current);
            for (var c = 0; c < model.ClassNames.Length; c++)
            {
                if (direction.HasClass[c])
                {
                    var cargoClass = c;
                    Track(new NamedSeries("in_system_trucks", "trucks", name, "", new double[samples]) { CargoClass = model.ClassNames[c] }, () => direction.InSystemByClass[cargoClass]);
                }
            }

            foreach (var stage in runtime.Stages[direction.Direction.Index])
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

        foreach (var pool in runtime.Pools)
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
        var sim = _simulation;
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
