using BorderSim.Engine;
using BorderSim.Engine.Statistics;

namespace BorderSim.Model.Crossing;

/// <summary>A truck in an origin's park: not yet on a route, so not yet a <see cref="Truck"/> of a direction.</summary>
internal sealed class ParkedTruck
{
    public int CargoClass;

    /// <summary>When it reached the park (before the run for the starting backlog): its wait in the park counts from then.</summary>
    public double ArrivedHours;

    /// <summary>When its patience runs out (+∞: never); it keeps it on its route after the release.</summary>
    public double PatienceDeadlineHours = double.PositiveInfinity;

    public bool IsReleased;

    public bool GaveUp;
}

/// <summary>
/// An origin's parking area in one replication: every truck of the origin arrives in it and waits there until the
/// park releases it into the origin's routing, first come first served (the starting backlog first, oldest first), at
/// most the day's limit a local day of the scenario zone and only while its calendar is open. A truck that finds the
/// park full turns back; one whose patience runs out before its release gives up there (at its deadline; one released
/// at its deadline sets out). A truck that may go at once passes straight through, drawing nothing more than without a park.
/// </summary>
internal sealed class OriginPark
{
    private readonly CompiledPark _park;
    private readonly OriginRuntime _origin;
    private readonly RunClock _clock;
    private readonly CrossingModel _model;
    private readonly ClassRuntime[] _classes;
    private readonly Action<OriginRuntime, ParkedTruck> _release;
    private readonly Store<ParkedTruck> _queue;
    private readonly PriorityQueue<ParkedTruck, double> _deadlines = new();
    private int _releaseDay = -1;
    private int _releasedToday;

    /// <param name="release">Sends a released truck into the origin's routing (it is routed then, as a new arrival would be).</param>
    public OriginPark(CompiledPark park, OriginRuntime origin, RunClock clock, CrossingModel model, ClassRuntime[] classes, Action<OriginRuntime, ParkedTruck> release)
    {
        _park = park;
        _origin = origin;
        _clock = clock;
        _model = model;
        _classes = classes;
        _release = release;
        _queue = new Store<ParkedTruck>(clock.Simulation);
    }

    /// <summary>Trucks in the park now (those whose patience ran out are gone once <see cref="Settle"/> has seen them).</summary>
    public int InPark { get; private set; }

    /// <summary>
    /// The most trucks in the park at once after the warm-up. Exact although give-ups are settled lazily: the count only
    /// rises when a truck enters, and every entry of an arrival comes right after <see cref="Settle"/>.
    /// </summary>
    public int MostInPark { get; private set; }

    /// <summary>Hours each truck released after the warm-up waited in the park (the starting backlog's age included).</summary>
    public SampleStatistic WaitHours { get; } = new();

    /// <summary>Trucks that gave up waiting in the park, after the warm-up.</summary>
    public long GaveUp { get; private set; }

    /// <summary>Trucks that found the park full and turned back, after the warm-up (also in the origin's turned back; reset with the warm-up).</summary>
    public long TurnedBackFull { get; private set; }

    /// <summary>Puts the starting backlog in the park, oldest first, and starts releasing.</summary>
    public void Start()
    {
        PlaceBacklog();
        _clock.Simulation.Start(Releases());
    }

    /// <summary>
    /// A truck of <paramref name="cargoClass"/> reaches the park now. Its patience is drawn here, from its class's stream as
    /// an arrival's, and runs from now: a park that never holds a truck gives what no park gives.
    /// </summary>
    public void Arrive(int cargoClass)
    {
        var now = _clock.NowHours;
        var truck = new ParkedTruck { CargoClass = cargoClass, ArrivedHours = now };
        if (_model.PatienceInForce[cargoClass].ValueAt(now) is { } patience)
        {
            truck.PatienceDeadlineHours = now + patience.Sample(_classes[cargoClass].PatienceStream);
        }

        Settle();
        if (InPark == 0 && HoursUntilRelease() == 0)
        {
            Release(truck);
            return;
        }

        if (_park.Capacity is { } capacity && InPark >= capacity)
        {
            TurnedBackFull++;
            if (_clock.IsMeasured)
            {
                _origin.TurnedBack++;
            }

            return;
        }

        Enter(truck);
    }

    /// <summary>Trucks whose patience ran out before now have given up: they leave the park at their deadline.</summary>
    public void Settle(double? atHours = null)
    {
        var now = atHours ?? _clock.NowHours;
        while (_deadlines.TryPeek(out var truck, out var deadline) && deadline < now)
        {
            _deadlines.Dequeue();
            if (truck.IsReleased)
            {
                continue;
            }

            truck.GaveUp = true;
            InPark--;
            if (deadline >= _clock.WarmUpHours)
            {
                GaveUp++;
            }
        }
    }

    /// <summary>At the end of the warm-up: the most in the park starts again from the trucks in it now.</summary>
    public void ResetStatistics()
    {
        Settle();
        MostInPark = InPark;
        TurnedBackFull = 0;
        WaitHours.Reset();
    }

    private void Enter(ParkedTruck truck)
    {
        InPark++;
        MostInPark = Math.Max(MostInPark, InPark);
        if (!double.IsPositiveInfinity(truck.PatienceDeadlineHours))
        {
            _deadlines.Enqueue(truck, truck.PatienceDeadlineHours);
        }

        _queue.Put(truck);
    }

    /// <summary>The oldest truck first, each released when the day's limit and the calendar allow.</summary>
    private IEnumerable<SimEvent> Releases()
    {
        while (true)
        {
            var next = _queue.Get();
            yield return next;
            var truck = next.Item;
            while (true)
            {
                Settle();
                if (truck.GaveUp)
                {
                    break;
                }

                var wait = HoursUntilRelease();
                if (wait == 0)
                {
                    InPark--;
                    Release(truck);
                    break;
                }

                yield return _clock.Until(_clock.NowHours + wait);
            }
        }
    }

    /// <summary>0 if the park may release a truck now; else how long until it may ask again (the next local midnight, the calendar's next opening).</summary>
    private double HoursUntilRelease()
    {
        if (_park.ReleasePerDay is { } limit)
        {
            if (_releaseDay != _clock.Today)
            {
                _releaseDay = _clock.Today;
                _releasedToday = 0;
            }

            if (_releasedToday >= limit)
            {
                return _clock.HoursToTomorrow();
            }
        }

        return _park.Calendar is { } calendar ? calendar.OpenFrom(_clock.NowHours) - _clock.NowHours : 0;
    }

    private void Release(ParkedTruck truck)
    {
        truck.IsReleased = true;
        _releasedToday++;
        if (_clock.IsMeasured)
        {
            WaitHours.Add(_clock.NowHours - truck.ArrivedHours);
        }

        _release(_origin, truck);
    }

    /// <summary>The starting backlog, oldest first (ties in the order written); ages and patience from streams of the park's own.</summary>
    private void PlaceBacklog()
    {
        var now = _clock.NowHours;
        var trucks = new List<(double Age, int Order, int CargoClass)>();
        foreach (var group in _park.Backlog)
        {
            for (var i = 0; i < group.Trucks; i++)
            {
                trucks.Add((group.AgeHours?.Sample(_origin.ParkBacklogStream) ?? 0, trucks.Count, group.CargoClass));
            }
        }

        trucks.Sort((a, b) => a.Age != b.Age ? b.Age.CompareTo(a.Age) : a.Order.CompareTo(b.Order));
        foreach (var (age, _, cargoClass) in trucks)
        {
            var truck = new ParkedTruck { CargoClass = cargoClass, ArrivedHours = now - age };

            // As a direction's starting backlog: patience runs from the start of the run, not from the truck's arrival.
            if (_model.PatienceInForce[cargoClass].ValueAt(now) is { } patience)
            {
                truck.PatienceDeadlineHours = now + patience.Sample(_origin.ParkBacklogPatienceStream);
            }

            Enter(truck);
        }
    }
}
