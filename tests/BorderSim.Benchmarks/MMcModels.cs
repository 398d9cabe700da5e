using BorderSim.Engine;
using BorderSim.Engine.Randomness;

namespace BorderSim.Benchmarks;

/// <summary>
/// M/M/c as the kernel is meant to be used: every truck a process that arrives, asks for a lane,
/// holds it for an exponential service time and gives it back. The simulation is kept between
/// runs, so its pools are warm and a run measures the steady state.
/// </summary>
internal sealed class ProcessMMcModel
{
    private readonly Simulation _simulation = new();
    private readonly Resource _lanes;
    private readonly RandomStream _arrivals;
    private readonly RandomStream _service;
    private readonly double _arrivalsPerHour;
    private readonly double _servicesPerHour;
    private int _holdQueueAt = -1;

    public ProcessMMcModel(double arrivalsPerHour, double servicesPerHour, int lanes, ulong seed)
    {
        _arrivalsPerHour = arrivalsPerHour;
        _servicesPerHour = servicesPerHour;
        _lanes = new Resource(_simulation, lanes);
        var streams = new RandomStreams(seed, replication: 0);
        _arrivals = streams["arrivals"];
        _service = streams["service"];
    }

    /// <summary>Sum of the waits for a lane, in hours: the models' common output, checked equal.</summary>
    public double TotalWaitHours { get; private set; }

    public long ProcessedEventCount => _simulation.ProcessedEventCount;

    /// <summary>Poisson arrivals of <paramref name="trucks"/> trucks, run until the last has left.</summary>
    public void RunArrivals(int trucks)
    {
        _simulation.Start(Arrivals(trucks));
        _simulation.Run();
    }

    /// <summary>
    /// Fills the queue with <paramref name="waitingTrucks"/> trucks and starts endless arrivals; then
    /// <see cref="RunFor"/> advances the clock with the queue held at about that length (see
    /// <see cref="MMcArrivals.RatePerHour"/>).
    /// </summary>
    public void FillQueue(int waitingTrucks)
    {
        _holdQueueAt = waitingTrucks;
        for (var i = 0; i < waitingTrucks; i++)
        {
            _simulation.Start(Truck());
        }

        _simulation.Start(Arrivals(int.MaxValue));
        _simulation.Run(_simulation.NowHours + 1e-9);
    }

    /// <summary>Runs <paramref name="hours"/> more hours of an endless arrival stream.</summary>
    public void RunFor(double hours) => _simulation.Run(_simulation.NowHours + hours);

    public int QueueLengthTrucks => _lanes.QueueLength;

    /// <summary><paramref name="trucks"/> trucks all arriving now: the queue starts <paramref name="trucks"/> − c long.</summary>
    public void RunBurst(int trucks)
    {
        for (var i = 0; i < trucks; i++)
        {
            _simulation.Start(Truck());
        }

        _simulation.Run();
    }

    private IEnumerable<SimEvent> Arrivals(int trucks)
    {
        for (var i = 0; i < trucks; i++)
        {
            var ratePerHour = MMcArrivals.RatePerHour(_arrivalsPerHour, _lanes.QueueLength, _holdQueueAt);
            yield return _simulation.Timeout(MathNet.Numerics.Distributions.Exponential.Sample(_arrivals, ratePerHour));
            _simulation.Start(Truck());
        }
    }

    private IEnumerable<SimEvent> Truck()
    {
        var lane = _lanes.Request();
        yield return lane;
        TotalWaitHours += lane.GrantedAtHours - lane.RequestedAtHours;
        yield return _simulation.Timeout(MathNet.Numerics.Distributions.Exponential.Sample(_service, _servicesPerHour));
        _lanes.Release(lane);
    }
}

/// <summary>
/// The same M/M/c as a bare event loop over <see cref="PriorityQueue{TElement, TPriority}"/>: two
/// event kinds, a counter of busy lanes and a FIFO of arrival times. No processes, no events as
/// objects: the practical limit the kernel is compared with. Random draws happen in the same order
/// as in <see cref="ProcessMMcModel"/>, so both give the same waits.
/// </summary>
internal sealed class BareLoopMMcModel
{
    private readonly PriorityQueue<EventKind, EventKey> _calendar = new();
    private readonly Queue<double> _waitingSinceHours = new();
    private readonly RandomStream _arrivals;
    private readonly RandomStream _service;
    private readonly double _arrivalsPerHour;
    private readonly double _servicesPerHour;
    private readonly int _lanes;
    private double _nowHours;
    private long _sequence;
    private int _busy;
    private int _holdQueueAt = -1;

    public BareLoopMMcModel(double arrivalsPerHour, double servicesPerHour, int lanes, ulong seed)
    {
        _arrivalsPerHour = arrivalsPerHour;
        _servicesPerHour = servicesPerHour;
        _lanes = lanes;
        var streams = new RandomStreams(seed, replication: 0);
        _arrivals = streams["arrivals"];
        _service = streams["service"];
    }

    public double TotalWaitHours { get; private set; }

    public long ProcessedEventCount { get; private set; }

    public void RunArrivals(int trucks)
    {
        var arrivalsLeft = trucks;
        var busy = 0;
        Schedule(MathNet.Numerics.Distributions.Exponential.Sample(_arrivals, _arrivalsPerHour), EventKind.Arrival);
        while (_calendar.TryDequeue(out var kind, out var key))
        {
            _nowHours = key.TimeHours;
            ProcessedEventCount++;
            if (kind == EventKind.Arrival)
            {
                if (--arrivalsLeft > 0)
                {
                    Schedule(MathNet.Numerics.Distributions.Exponential.Sample(_arrivals, _arrivalsPerHour), EventKind.Arrival);
                }

                if (busy < _lanes)
                {
                    busy++;
                    Schedule(MathNet.Numerics.Distributions.Exponential.Sample(_service, _servicesPerHour), EventKind.Departure);
                }
                else
                {
                    _waitingSinceHours.Enqueue(_nowHours);
                }
            }
            else if (_waitingSinceHours.TryDequeue(out var sinceHours))
            {
                TotalWaitHours += _nowHours - sinceHours;
                Schedule(MathNet.Numerics.Distributions.Exponential.Sample(_service, _servicesPerHour), EventKind.Departure);
            }
            else
            {
                busy--;
            }
        }
    }

    /// <summary>As <see cref="ProcessMMcModel.FillQueue"/>: a queue of <paramref name="waitingTrucks"/> and endless arrivals.</summary>
    public void FillQueue(int waitingTrucks)
    {
        _holdQueueAt = waitingTrucks;
        for (var i = 0; i < waitingTrucks; i++)
        {
            Arrive();
        }

        ScheduleArrival();
    }

    /// <summary>Runs <paramref name="hours"/> more hours of an endless arrival stream.</summary>
    public void RunFor(double hours)
    {
        var untilHours = _nowHours + hours;
        while (_calendar.TryPeek(out var kind, out var key) && key.TimeHours < untilHours)
        {
            _calendar.Dequeue();
            _nowHours = key.TimeHours;
            ProcessedEventCount++;
            if (kind == EventKind.Arrival)
            {
                ScheduleArrival();
                Arrive();
            }
            else
            {
                Depart();
            }
        }

        _nowHours = untilHours;
    }

    public int QueueLengthTrucks => _waitingSinceHours.Count;

    private void Arrive()
    {
        if (_busy < _lanes)
        {
            _busy++;
            Schedule(MathNet.Numerics.Distributions.Exponential.Sample(_service, _servicesPerHour), EventKind.Departure);
        }
        else
        {
            _waitingSinceHours.Enqueue(_nowHours);
        }
    }

    private void Depart()
    {
        if (_waitingSinceHours.TryDequeue(out var sinceHours))
        {
            TotalWaitHours += _nowHours - sinceHours;
            Schedule(MathNet.Numerics.Distributions.Exponential.Sample(_service, _servicesPerHour), EventKind.Departure);
        }
        else
        {
            _busy--;
        }
    }

    public void RunBurst(int trucks)
    {
        var busy = 0;
        for (var i = 0; i < trucks; i++)
        {
            if (busy < _lanes)
            {
                busy++;
                Schedule(MathNet.Numerics.Distributions.Exponential.Sample(_service, _servicesPerHour), EventKind.Departure);
            }
            else
            {
                _waitingSinceHours.Enqueue(_nowHours);
            }
        }

        while (_calendar.TryDequeue(out _, out var key))
        {
            _nowHours = key.TimeHours;
            ProcessedEventCount++;
            if (_waitingSinceHours.TryDequeue(out var sinceHours))
            {
                TotalWaitHours += _nowHours - sinceHours;
                Schedule(MathNet.Numerics.Distributions.Exponential.Sample(_service, _servicesPerHour), EventKind.Departure);
            }
            else
            {
                busy--;
            }
        }
    }

    private void ScheduleArrival()
    {
        var ratePerHour = MMcArrivals.RatePerHour(_arrivalsPerHour, _waitingSinceHours.Count, _holdQueueAt);
        Schedule(MathNet.Numerics.Distributions.Exponential.Sample(_arrivals, ratePerHour), EventKind.Arrival);
    }

    private void Schedule(double delayHours, EventKind kind) =>
        _calendar.Enqueue(kind, new EventKey(_nowHours + delayHours, _sequence++));

    private enum EventKind : byte
    {
        Arrival,
        Departure,
    }

    /// <summary>Time, then scheduling order: the kernel's tie rule, so the two models agree exactly.</summary>
    private readonly record struct EventKey(double TimeHours, long Sequence) : IComparable<EventKey>
    {
        public int CompareTo(EventKey other)
        {
            var byTime = TimeHours.CompareTo(other.TimeHours);
            return byTime != 0 ? byTime : Sequence.CompareTo(other.Sequence);
        }
    }
}

/// <summary>The arrival rate both models draw with, so they stay one model.</summary>
internal static class MMcArrivals
{
    /// <summary>
    /// The rate for the next arrival. With a queue to hold (run at ρ = 1), 5 % above it while the queue
    /// is shorter and 5 % below while it is longer: without that pull the queue is a random walk that
    /// drifts by thousands of trucks over a benchmark run, and would empty a short held queue.
    /// </summary>
    public static double RatePerHour(double ratePerHour, int queueLength, int holdQueueAt) =>
        holdQueueAt < 0 ? ratePerHour : queueLength < holdQueueAt ? ratePerHour * 1.05 : ratePerHour * 0.95;
}
