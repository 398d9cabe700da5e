using BorderSim.Engine;
using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

/// <summary>
/// Samples queue lengths on a fixed step; sample i is at i × step hours. Besides the stages' queues: trucks in the system
/// per direction and over the whole network (every gate and direction), and the oldest wait of a truck still in the system,
/// so a backlog's size and age read over time, not only at the end.
/// </summary>
internal sealed class TimeSeriesSampler
{
    private readonly Simulation _simulation;
    private readonly double _stepHours;
    private readonly List<(NamedSeries Series, Func<double> Read)> _series = [];
    private readonly LiveTrucks _live;
    private readonly double[] _oldestWaitHours;
    private int _count;

    // Room for rounding when a truck's age bounds its wait: the walk stops only when the bound is this far under (1 ms).
    private const double StopMarginHours = 1.0 / 3_600_000;

    public TimeSeriesSampler(CrossingModel model, CrossingRuntime runtime, LiveTrucks live, Simulation simulation, double stepHours, double runHours)
    {
        _simulation = simulation;
        _stepHours = stepHours;
        _live = live;
        _oldestWaitHours = new double[runtime.Directions.Length + 1]; // per direction index, then the network
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
            var d = direction.Direction.Index;
            Track(new NamedSeries("oldest_wait_hours", "h", name, "", new double[samples]), () => _oldestWaitHours[d]);
            for (var c = 0; c < model.ClassNames.Length; c++)
            {
                if (direction.HasClass[c])
                {
                    var cargoClass = c;
                    Track(new NamedSeries("in_system_trucks", "trucks", name, "", new double[samples]) { CargoClass = model.ClassNames[c] }, () => direction.InSystemByClass[cargoClass]);
                }
            }

            var stages = runtime.Stages[direction.Direction.Index];
            foreach (var stage in stages)
            {
                var seriesName = stage.Stage.HasServers ? "queue_trucks" : "yard_occupancy_trucks";
                Track(new NamedSeries(seriesName, "trucks", name, stage.Stage.Name, new double[samples]), () => stage.Waiting.Current);
                if (!stage.Stage.HasServers)
                {
                    // The yard's trucks that are not in the next check's queue: dwelling, held by a release
                    // quota, or waiting for a place downstream. With the queues, each truck counts once.
                    Track(new NamedSeries("yard_parked_trucks", "trucks", name, stage.Stage.Name, new double[samples]), () => stage.Waiting.Current - stage.QueuedOnward);
                }

                // The trucks waiting at the stage, each truck of the direction once (the views' queues): a check's or
                // road's queue (no truck is queued onward from a check), a yard's parked trucks, and those waiting for a
                // place in front that stand nowhere yet. A destination yard holds trucks dwelling to unload, not waiting.
                if (!stage.Stage.IsDestinationYard)
                {
                    Track(new NamedSeries("waiting_trucks", "trucks", name, stage.Stage.Name, new double[samples]), () => stage.Waiting.Current - stage.QueuedOnward + stage.WaitingForPlace);
                }
            }
        }

        var directions = runtime.Directions;
        Track(new NamedSeries("network_in_system_trucks", "trucks", "", "", new double[samples]), () =>
        {
            double sum = 0;
            foreach (var direction in directions)
            {
                sum += direction.InSystem.Current;
            }

            return sum;
        });
        Track(new NamedSeries("network_oldest_wait_hours", "h", "", "", new double[samples]), () => _oldestWaitHours[^1]);
        foreach (var pool in runtime.Pools)
        {
            Track(new NamedSeries("pool_queue_trucks", "trucks", "", pool.Pool.Name, new double[samples]), () => pool.Waiting.Current);
            Track(new NamedSeries("pool_units_in_use", "units", "", pool.Pool.Name, new double[samples]), () => pool.Units.InUse);
        }
    }

    public double StepHours => _stepHours;

    /// <summary>Trucks in the system per direction index, as sampled.</summary>
    public List<double[]> InSystemSeries { get; } = [];

    /// <summary>Trucks the oldest-wait walks have read so far (what a long queue costs a sample; for tests).</summary>
    public long TrucksRead { get; private set; }

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

        MeasureOldestWaits(hours);
        foreach (var (series, read) in _series)
        {
            series.Values[index] = read();
        }

        _count = index + 1;
    }

    public TimeSeriesSet ToTimeSeries() => new(_stepHours, [.. _series.Select(s => s.Series)]);

    private void Track(NamedSeries series, Func<double> read) => _series.Add((series, read));

    // The same wait as oldest_wait_hours at the end: waited so far (not in service), of every truck still in the system.
    // A truck has waited at most since it arrived, and from a direction's tail on its trucks go in the order they entered,
    // which after the starting backlog (entered at the start, oldest first) is the order they arrived: once a truck that
    // arrived after the start is younger than its direction's oldest wait so far, no later truck of that direction can
    // raise it, and that direction's walk stops (the maxima are the same as over every truck; in a long queue, far fewer
    // trucks are read, and a direction's queue is not read for another's sake).
    private void MeasureOldestWaits(double hours)
    {
        var network = 0.0;
        for (var d = 0; d < _oldestWaitHours.Length - 1; d++)
        {
            var oldest = 0.0;
            for (var truck = _live.TailOf(d); truck is not null; truck = truck.PreviousLive)
            {
                if (truck.ArrivedHours > 0 && hours - truck.ArrivedHours + StopMarginHours < oldest)
                {
                    break;
                }

                TrucksRead++;
                var wait = truck.WaitedHoursAt(hours);
                if (!(wait <= oldest))
                {
                    oldest = Math.Max(oldest, wait);
                }
            }

            _oldestWaitHours[d] = oldest;
            network = Math.Max(network, oldest);
        }

        _oldestWaitHours[^1] = network;
    }
}
