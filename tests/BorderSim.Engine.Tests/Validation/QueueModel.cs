using BorderSim.Engine.Randomness;
using BorderSim.Engine.Statistics;

namespace BorderSim.Engine.Tests.Validation;

/// <summary>
/// A queue built from kernel parts the way a model would: Poisson arrivals, each truck a process
/// that requests one of c lanes, holds it for a service time and releases it. With a system
/// capacity K, a truck that finds K trucks in the system leaves at once.
/// </summary>
internal sealed class QueueModel
{
    private readonly Simulation _simulation = new();
    private readonly Resource _lanes;
    private readonly RandomStream _arrivalStream;
    private readonly RandomStream _serviceStream;
    private readonly double _arrivalsPerHour;
    private readonly Distribution _service;
    private readonly int? _systemCapacity;
    private readonly TimeWeightedStatistic _queueLength = new();
    private readonly TimeWeightedStatistic _inSystem = new();
    private readonly SampleStatistic _waitHours = new();
    private readonly SampleStatistic _sojournHours = new();
    private long _arrivals;
    private long _blocked;
    private bool _arriving = true;

    public QueueModel(double arrivalsPerHour, Distribution service, int lanes, int? systemCapacity, ulong seed)
    {
        _arrivalsPerHour = arrivalsPerHour;
        _service = service;
        _systemCapacity = systemCapacity;
        _lanes = new Resource(_simulation, lanes);
        var streams = new RandomStreams(seed, replication: 0);
        _arrivalStream = streams["arrivals"];
        _serviceStream = streams["service"];
        _lanes.Changed += OnLanesChanged;
        _simulation.Start(Arrivals());
    }

    /// <summary>
    /// Runs a warm-up, then <paramref name="batches"/> batches of <paramref name="batchHours"/> each, and
    /// returns each batch's mean wait, mean queue length, mean number in system and blocked fraction.
    /// </summary>
    public BatchSeries RunBatches(double warmupHours, double batchHours, int batches)
    {
        _simulation.Run(warmupHours);
        var series = new BatchSeries(batches);
        for (var b = 0; b < batches; b++)
        {
            var start = _simulation.NowHours;
            ResetStatistics(start);
            _simulation.Run(start + batchHours);
            var end = _simulation.NowHours;
            series.WaitHours.Add(_waitHours.Mean);
            series.QueueLength.Add(_queueLength.Mean(end));
            series.InSystem.Add(_inSystem.Mean(end));
            series.BlockedFraction.Add((double)_blocked / _arrivals);
        }

        return series;
    }

    /// <summary>
    /// Runs arrivals for <paramref name="arrivingHours"/>, then lets the system empty. Returns the
    /// integral of the number in system over the run, the sum of the trucks' times in system, the
    /// number of trucks served and the run's length.
    /// </summary>
    public (double InSystemTruckHours, double SojournTruckHours, long Served, double EndHours) RunUntilEmpty(double arrivingHours)
    {
        ResetStatistics(_simulation.NowHours);
        _simulation.Run(arrivingHours);
        _arriving = false;
        _simulation.Run();
        var end = _simulation.NowHours;
        return (_inSystem.Integral(end), _sojournHours.Sum, _sojournHours.Count, end);
    }

    private void ResetStatistics(double atHours)
    {
        _queueLength.Reset(atHours);
        _inSystem.Reset(atHours);
        _waitHours.Reset();
        _sojournHours.Reset();
        _arrivals = 0;
        _blocked = 0;
    }

    private void OnLanesChanged(Resource lanes)
    {
        var now = _simulation.NowHours;
        _queueLength.Observe(now, lanes.QueueLength);
        _inSystem.Observe(now, lanes.InUse + lanes.QueueLength);
    }

    private IEnumerable<SimEvent> Arrivals()
    {
        while (true)
        {
            yield return _simulation.Timeout(MathNet.Numerics.Distributions.Exponential.Sample(_arrivalStream, _arrivalsPerHour));
            if (!_arriving)
            {
                yield break;
            }

            _arrivals++;
            if (_systemCapacity is { } capacity && _lanes.InUse + _lanes.QueueLength >= capacity)
            {
                _blocked++;
                continue;
            }

            _simulation.Start(Truck());
        }
    }

    private IEnumerable<SimEvent> Truck()
    {
        var arrivedAt = _simulation.NowHours;
        var lane = _lanes.Request();
        yield return lane;
        _waitHours.Add(lane.GrantedAtHours - lane.RequestedAtHours);
        yield return _simulation.Timeout(_service.Sample(_serviceStream));
        _lanes.Release(lane);
        _sojournHours.Add(_simulation.NowHours - arrivedAt);
    }
}

internal sealed class BatchSeries(int batches)
{
    public List<double> WaitHours { get; } = new(batches);

    public List<double> QueueLength { get; } = new(batches);

    public List<double> InSystem { get; } = new(batches);

    public List<double> BlockedFraction { get; } = new(batches);
}
