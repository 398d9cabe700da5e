using BorderSim.Engine;
using BorderSim.Engine.Randomness;
using BorderSim.Engine.Statistics;
using BorderSim.Model.Results;
using NodaTime;

namespace BorderSim.Model.Crossing;

/// <summary>
/// One replication of a crossing: trucks arrive, pass their direction's stages in order and leave.
/// Every stage has places in front; a truck that cannot get the next place keeps the one it holds
/// (blocking), so a slow downstream stage backs trucks up into yards and onto the highway.
/// </summary>
public sealed partial class CrossingReplication
{
    /// <summary>Where a truck comes from: it arrives, it returns empty, or it was waiting when the run started.</summary>
    private enum TruckOrigin
    {
        Arrival,
        EmptyReturn,
        Backlog,
    }

    private readonly CrossingModel _model;
    private readonly Simulation _sim;
    private readonly RandomStreams _streams;
    private readonly ITruckObserver? _observer;
    private readonly StageRuntime[][] _stages;
    private readonly DirectionRuntime[] _directions;
    private readonly ClassRuntime[] _classes;
    private readonly PoolRuntime[] _pools;
    private readonly OriginRuntime[] _origins;
    private readonly Dictionary<(string Calendar, LocalDate Day), int> _appointmentsAdmitted = [];
    private readonly Dictionary<string, int> _calendarIndex;
    private readonly double _warmUpHours;
    private readonly Calendars.LocalDays _days;

    /// <summary>Local days of the scenario zone the run touches (<see cref="_days"/> also holds the day after the end).</summary>
    private readonly int _runDayCount;
    private Truck? _liveHead;
    private long _nextTruckId;

    public CrossingReplication(CrossingModel model, int replication, ulong seed, double warmUpHours, ITruckObserver? observer = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        Replication = replication;
        _warmUpHours = warmUpHours;
        _observer = observer;
        _sim = new Simulation();
        _streams = new RandomStreams(seed, replication);
        _calendarIndex = model.Calendars.Keys.Order(StringComparer.Ordinal).Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        _stages = [.. model.Directions.Select(d => d.Stages.Select(s => new StageRuntime(_sim, s, d.Name, _streams)).ToArray())];
        _directions = [.. model.Directions.Select(d => new DirectionRuntime(d, _streams, model.ClassNames.Length))];
        _classes = [.. model.Classes.Select(c => new ClassRuntime(c, _streams))];
        _pools = [.. model.Pools.Select(p => new PoolRuntime(_sim, p, _streams))];
        _origins = [.. model.Origins.Select(o => new OriginRuntime(o, _streams, model.Directions.Length))];
        _days = model.ScenarioDays;
        _runDayCount = Enumerable.Range(0, _days.Count).Count(d => _days.StartOf(d) < model.Clock.RunHours);
        foreach (var direction in _directions)
        {
            var mix = direction.Direction.Arrivals.ClassMix;
            for (var c = 0; c < mix.Count; c++)
            {
                direction.HasClass[c] = mix[c] > 0;
            }
        }

        // The classes an origin sends along each route of their rule.
        foreach (var origin in model.Origins)
        {
            for (var c = 0; c < origin.RuleByClass.Length; c++)
            {
                foreach (var route in origin.RuleByClass[c]?.Routes ?? [])
                {
                    _directions[route].HasClass[c] = true;
                }
            }
        }

        // A second pass: the empties' direction may come before or after the one they return from.
        foreach (var direction in _directions)
        {
            foreach (var stage in direction.Direction.Stages)
            {
                if (stage.ReturnEmptyDirection >= 0 && model.EmptyClassIndex >= 0)
                {
                    _directions[stage.ReturnEmptyDirection].HasClass[model.EmptyClassIndex] = true;
                }
            }
        }
    }

    public int Replication { get; }

    /// <summary>Runs the whole replication and returns what it measured after the warm-up.</summary>
    public ReplicationResult Run() => Run(CancellationToken.None);

    /// <summary>Runs the whole replication; stops with <see cref="OperationCanceledException"/> soon after <paramref name="cancellationToken"/> is cancelled.</summary>
    public ReplicationResult Run(CancellationToken cancellationToken)
    {
        var runHours = _model.Clock.RunHours;
        StartBacklog();
        foreach (var direction in _directions)
        {
            _sim.Start(ArrivalSource(direction));
        }

        for (var d = 0; d < _stages.Length; d++)
        {
            foreach (var stage in _stages[d])
            {
                if (stage.Servers is not null && stage.Stage.CapacitySchedule.Length > 1)
                {
                    _sim.Start(CapacityController(stage));
                }

                if (stage.Stage.PrioritySchedule.Length > 1)
                {
                    _sim.Start(PriorityController(stage));
                }

                if (stage.Stage.ReservationSchedule.Length > 1)
                {
                    _sim.Start(ReservationController(stage));
                }
            }
        }

        foreach (var origin in _origins)
        {
            _sim.Start(OriginSource(origin));
        }

        foreach (var pool in _pools)
        {
            if (pool.Pool.CapacitySchedule.Length > 1)
            {
                _sim.Start(PoolController(pool));
            }
        }

        var sampler = new TimeSeriesSampler(this, _model.Scenario.TimeseriesStepMinutes / 60.0, runHours);
        _sim.Start(sampler.Sample());
        if (_warmUpHours > 0)
        {
            _sim.Start(WarmUpReset());
        }

        _sim.Start(DayEnds());
        _sim.Run(runHours, cancellationToken);
        sampler.SampleNow(runHours);
        RecordBacklog(_runDayCount - 1);
        ReportTrucksStillInSystem(runHours);
        return new ReplicationResult(
            Replication,
            _warmUpHours,
            CollectMetrics(runHours, sampler),
            sampler.ToTimeSeries(),
            CollectServedPerDay(runHours),
            _model.ClassNames.Select((name, i) => (name, _classes[i].WaitHours.Quantiles)).ToDictionary(p => p.name, p => p.Quantiles, StringComparer.Ordinal))
        {
            Days = CollectDays(),
        };
    }

    /// <summary>At each local midnight of the scenario zone, the backlog of the day that ends.</summary>
    private IEnumerable<SimEvent> DayEnds()
    {
        for (var day = 0; day + 1 < _runDayCount; day++)
        {
            var end = _days.StartOf(day + 1);
            if (end > _sim.NowHours)
            {
                yield return _sim.Timeout(end - _sim.NowHours);
            }

            RecordBacklog(day);
        }
    }

    private void RecordBacklog(int day)
    {
        if (day < 0)
        {
            return;
        }

        foreach (var direction in _directions)
        {
            for (var c = 0; c < direction.InSystemByClass.Length; c++)
            {
                direction.Day(day, c).BacklogAtEnd = direction.InSystemByClass[c];
            }
        }
    }

    private IEnumerable<SimEvent> ArrivalSource(DirectionRuntime direction)
    {
        var rates = direction.Direction.Arrivals;
        while (true)
        {
            var next = rates.NextArrival(_sim.NowHours, direction.ArrivalStream.NextExponential());
            if (double.IsPositiveInfinity(next))
            {
                yield break;
            }

            yield return _sim.Timeout(next - _sim.NowHours);
            var cargoClass = rates.ClassAt(_sim.NowHours, direction.ClassStream.NextDouble());
            Arrive(direction, cargoClass);
        }
    }

    /// <summary>A truck arrives in a direction and sets out, unless a ban turns it away or holds it at its origin.</summary>
    private void Arrive(DirectionRuntime direction, int cargoClass)
    {
        var truck = NewTruck(direction.Direction.Index, cargoClass, TruckOrigin.Arrival);
        if (BanOnArrival(direction, cargoClass) is { } ban)
        {
            // A ban that diverts acts on the origins' trucks before they reach the route; the route's own arrivals
            // have no other route to take: they are turned away.
            if (ban.Action is Spec.BanAction.TurnAway or Spec.BanAction.Divert)
            {
                direction.TurnedAway[cargoClass] += _sim.NowHours >= _warmUpHours ? 1 : 0;
                Leave(truck, TruckOutcome.GaveUp);
                return;
            }

            truck.HeldUntilHours = ban.UntilHours; // held at its origin
        }

        _sim.Start(Journey(truck));
    }

    /// <summary>
    /// Trucks already waiting when the run starts, oldest first in each direction, ahead of every arrival:
    /// each starts its journey at the stage where it waits (or on the highway, at the first stage).
    /// </summary>
    private void StartBacklog()
    {
        foreach (var direction in _directions)
        {
            var backlog = direction.Direction.Backlog;
            if (backlog.Length == 0)
            {
                continue;
            }

            // Ages come from their own stream, so the trucks that arrive during the run draw what they would without a backlog.
            var ages = new List<(double AgeHours, int Order, CompiledBacklog Group)>();
            foreach (var group in backlog)
            {
                for (var i = 0; i < group.Trucks; i++)
                {
                    ages.Add((group.AgeHours?.Sample(direction.BacklogStream) ?? 0, ages.Count, group));
                }
            }

            ages.Sort((a, b) => a.AgeHours != b.AgeHours ? b.AgeHours.CompareTo(a.AgeHours) : a.Order.CompareTo(b.Order));
            foreach (var (age, _, group) in ages)
            {
                var truck = NewTruck(direction.Direction.Index, group.CargoClass, TruckOrigin.Backlog, age);
                truck.IsCommitted = group.IsCommitted;
                _sim.Start(Journey(truck, group.FirstPhase));
            }

            direction.HasStartingBacklog = true;
            if (_warmUpHours <= 0)
            {
                direction.ResetStatistics(_sim.NowHours);
            }
        }
    }

    private Truck NewTruck(int direction, int cargoClass, TruckOrigin origin, double ageHours = 0)
    {
        var stages = _stages[direction];
        var isEmptyReturn = origin == TruckOrigin.EmptyReturn;
        var isBacklog = origin == TruckOrigin.Backlog;
        var truck = new Truck
        {
            Id = _nextTruckId++,
            Direction = direction,
            CargoClass = cargoClass,
            ArrivedHours = _sim.NowHours - ageHours,
            FreeSinceHours = _sim.NowHours - ageHours,
            ServiceHours = new double[stages.Length],
            Channels = new byte[stages.Length],
        };

        for (var s = 0; s < stages.Length; s++)
        {
            var stage = stages[s];
            if (stage.Stage.HasServers)
            {
                var table = stage.Stage.ChannelsByClass[cargoClass];
                var channel = table.Names.Length == 1 ? 0 : table.Choose((isEmptyReturn ? stage.EmptyChannelStream : isBacklog ? stage.BacklogChannelStream : stage.ChannelStream).NextDouble());
                truck.Channels[s] = (byte)channel;
                truck.ServiceHours[s] = table.Services[channel].Sample(isEmptyReturn ? stage.EmptyServiceStream : isBacklog ? stage.BacklogServiceStream : stage.ServiceStream);
            }
            else if (stage.Stage.Dwell is { } dwell)
            {
                truck.ServiceHours[s] = dwell.Sample(isEmptyReturn ? stage.EmptyServiceStream : isBacklog ? stage.BacklogServiceStream : stage.ServiceStream);
            }

            if (stage.Stage.PoolIndex >= 0 && _pools[stage.Stage.PoolIndex] is { Pool.ReturnHours: { } returnHours } pool)
            {
                if (truck.PoolReturnHours.Length == 0)
                {
                    truck.PoolReturnHours = new double[stages.Length];
                }

                truck.PoolReturnHours[s] = returnHours.Sample(pool.ReturnStream);
            }
        }

        var classRuntime = _classes[cargoClass];
        if (!isEmptyReturn && PatienceNow(cargoClass) is { } patience)
        {
            // A truck of the starting backlog has been waiting since it arrived: its patience runs from then.
            truck.PatienceDeadlineHours = truck.ArrivedHours + patience.Sample(isBacklog ? classRuntime.BacklogPatienceStream : classRuntime.PatienceStream);
        }

        if (_observer is not null)
        {
            truck.Visits = new StageVisit[stages.Length];
            for (var s = 0; s < stages.Length; s++)
            {
                truck.Visits[s] = new StageVisit(stages[s].Stage.Name, double.NaN, double.NaN, double.NaN);
            }
        }

        truck.NextLive = _liveHead;
        if (_liveHead is not null)
        {
            _liveHead.PreviousLive = truck;
        }

        _liveHead = truck;

        var directionRuntime = _directions[direction];
        directionRuntime.InSystem.Add(_sim.NowHours, 1);
        directionRuntime.InSystemByClass[cargoClass]++;
        directionRuntime.WaitingTrucks++;
        if (isBacklog)
        {
            return truck; // in the system at the start, not an arrival
        }

        directionRuntime.Day(_days.IndexAt(_sim.NowHours), cargoClass).Arrived++;
        if (_sim.NowHours >= _warmUpHours)
        {
            directionRuntime.Arrived[cargoClass]++;
        }

        return truck;
    }

    /// <summary>The patience a truck of the class draws if it arrives now: the class's, or a dated change's from its date.</summary>
    private Distribution? PatienceNow(int cargoClass)
    {
        var schedule = _model.PatienceSchedules[cargoClass];
        var breakpoint = 0;
        while (breakpoint + 1 < schedule.Length && schedule[breakpoint + 1].Hours <= _sim.NowHours)
        {
            breakpoint++;
        }

        return schedule[breakpoint].PatienceHours;
    }

    /// <summary>
    /// The story of one truck: the phases of its route in order (take a place, wait for a release, join,
    /// take a server, be served). What it holds is in <see cref="Truck.Held"/>; moving on gives the old
    /// place back, giving up gives everything back (<see cref="GiveUp"/>).
    /// </summary>
    private IEnumerable<SimEvent> Journey(Truck truck, int firstPhase = 0)
    {
        var stages = _stages[truck.Direction];
        var phases = _model.Directions[truck.Direction].Phases;
        var resumeAt = -1;
        if (truck.HeldUntilHours > _sim.NowHours)
        {
            // Held at its origin by a ban: it waits off the road (its wait counts) and sets out when the ban ends.
            yield return _sim.Timeout(Math.Min(truck.HeldUntilHours, _model.Clock.RunHours + 1) - _sim.NowHours);
        }

        for (var p = firstPhase; p < phases.Length; p++)
        {
            var phase = phases[p];
            var s = phase.Stage;
            var stage = stages[s];
            switch (phase.Kind)
            {
                case PhaseKind.AwaitRelease:
                    {
                        // A staging yard releases trucks in turn and only within its daily quota. The turn is held
                        // until the truck has its place downstream, and the release counts on the day it leaves
                        // the yard (EndTurn), never on a day it spent stuck in the yard.
                        var turn = stage.ExitTurn!.Request();
                        if (!turn.IsProcessed)
                        {
                            yield return Await(truck, turn);
                            if (!turn.IsGranted)
                            {
                                GiveUp(truck, turn);
                                yield break;
                            }
                        }

                        truck.Held.TurnYard = stage;
                        truck.Held.Turn = turn;
                        while (QuotaUsedUp(stage))
                        {
                            yield return _sim.Timeout(HoursToNextQuotaDay());
                        }

                        if (resumeAt >= 0)
                        {
                            p = resumeAt - 1;
                            resumeAt = -1;
                        }

                        break;
                    }

                case PhaseKind.TakePlace:
                    {
                        // While waiting for a place the truck keeps the one it holds (blocking).
                        Request? place = null;
                        if (stage.Places is { } places)
                        {
                            place = places.Request();
                            if (!place.IsProcessed)
                            {
                                var direction = _directions[truck.Direction];
                                var onHighway = s == 0 && stage.Stage.OverflowToHighway;
                                if (onHighway)
                                {
                                    direction.HighwayQueue.Add(_sim.NowHours, 1);
                                }

                                yield return Await(truck, place);
                                if (onHighway)
                                {
                                    direction.HighwayQueue.Add(_sim.NowHours, -1);
                                }

                                if (!place.IsGranted)
                                {
                                    GiveUp(truck, place);
                                    yield break;
                                }
                            }
                        }

                        MoveTo(truck, s, stage, place, isServer: false);
                        break;
                    }

                case PhaseKind.AwaitBanEnd:
                    foreach (var ban in stage.Stage.BanHolds)
                    {
                        // Checked again after each wait: another ban may hold the class from then.
                        if (ban.Holds(truck.CargoClass, _sim.NowHours))
                        {
                            yield return _sim.Timeout(Math.Min(ban.UntilHours, _model.Clock.RunHours + 1) - _sim.NowHours);
                            p--;
                            break;
                        }
                    }

                    break;

                case PhaseKind.Join:
                    Join(truck, s, stage);
                    break;

                case PhaseKind.Dwell:
                    if (truck.ServiceHours[s] > 0)
                    {
                        StartService(truck);
                        yield return _sim.Timeout(truck.ServiceHours[s]);
                        EndService(truck);
                    }

                    break;

                case PhaseKind.TakeUnit:
                    {
                        // The truck waits in the stage's queue for a unit of its pool (a hand-over driver, an
                        // automated vehicle) and keeps it over the stages the pool covers (ReleaseUnit).
                        var pool = _pools[stage.Stage.PoolIndex];
                        var unit = pool.Units.Request();
                        if (!unit.IsProcessed)
                        {
                            var requestedHours = _sim.NowHours;
                            pool.Waiting.Add(_sim.NowHours, 1);
                            yield return Await(truck, unit);
                            pool.Waiting.Add(_sim.NowHours, -1);
                            if (!unit.IsGranted)
                            {
                                GiveUp(truck, unit);
                                yield break;
                            }

                            if (requestedHours >= _warmUpHours)
                            {
                                pool.WaitHours.Add(_sim.NowHours - requestedHours);
                            }
                        }
                        else if (_sim.NowHours >= _warmUpHours)
                        {
                            pool.WaitHours.Add(0);
                        }

                        pool.Take();
                        ref var held = ref truck.Held;
                        held.Pool = pool;
                        held.PoolUnit = unit;
                        held.PoolFromStage = s;
                        held.PoolThroughStage = stage.Stage.PoolThroughStage;
                        break;
                    }

                case PhaseKind.TakeServer:
                    {
                        var server = stage.Servers is ReservedResource reserved ? RequestReserved(truck, stage, reserved)
                            : stage.Stage.PrioritySchedule.Length == 0 ? stage.Servers!.Request()
                            : RequestByRank(truck, stage);
                        if (!server.IsProcessed)
                        {
                            yield return Await(truck, server);
                            if (!server.IsGranted)
                            {
                                GiveUp(truck, server);
                                yield break;
                            }
                        }

                        // On appointment-only days a truck may start only within the day's quota and if its class
                        // is not excluded; otherwise it gives the server back and waits for the next local day of
                        // the gate, letting the trucks behind it pass.
                        // A capped stage likewise starts at most its cap a local day (per class too); the refused wait for
                        // the next local day of the cap.
                        var refusedUntil = RefusedUntilHours(truck, stage);
                        if (!double.IsNaN(refusedUntil))
                        {
                            stage.Servers!.Release(server);
                            ReleaseUnit(truck, trip: false);
                            EndTurn(truck, leftYard: false);
                            yield return _sim.Timeout(refusedUntil - _sim.NowHours);

                            // It asks again from its pool unit, if the stage has a pool.
                            var retry = p > 0 && phases[p - 1].Kind == PhaseKind.TakeUnit ? p - 1 : p;
                            if (phase.RetryFrom >= 0)
                            {
                                resumeAt = retry;
                                p = phase.RetryFrom - 1;
                            }
                            else
                            {
                                p = retry - 1;
                            }

                            break;
                        }

                        LeaveQueue(truck);
                        MoveTo(truck, s, stage, server, isServer: true);
                        truck.IsCommitted = true;
                        MarkVisit(truck, s, entered: false);
                        break;
                    }

                case PhaseKind.Serve:
                    StartService(truck);
                    yield return _sim.Timeout(truck.ServiceHours[s]);
                    EndService(truck);

                    // Served: the server now holds a finished truck until it gets a place downstream (blocked).
                    stage.BlockServer();
                    break;
            }
        }

        Release(truck, leftYard: true);
        ReleaseUnit(truck, trip: true);
        var last = stages[^1];
        Leave(truck, TruckOutcome.Served);
        if (last.Stage.ReturnEmptyDirection >= 0 && _model.EmptyClassIndex >= 0)
        {
            _sim.Start(Journey(NewTruck(last.Stage.ReturnEmptyDirection, _model.EmptyClassIndex, TruckOrigin.EmptyReturn)));
        }
    }

    /// <summary>The ban at the direction's origin that covers a truck of <paramref name="cargoClass"/> arriving now, if any.</summary>
    private CompiledBan? BanOnArrival(DirectionRuntime direction, int cargoClass)
    {
        foreach (var ban in direction.Direction.Bans)
        {
            if (ban.Holds(cargoClass, _sim.NowHours))
            {
                return ban;
            }
        }

        return null;
    }

    /// <summary>The truck stops waiting: its service, crossing or dwell starts.</summary>
    private void StartService(Truck truck)
    {
        truck.StartService(_sim.NowHours);
        StopWaiting(_directions[truck.Direction]);
    }

    /// <summary>The truck is free to move on again: it waits until it has its next place or leaves.</summary>
    private void EndService(Truck truck)
    {
        truck.EndService(_sim.NowHours);
        _directions[truck.Direction].WaitingTrucks++;
    }

    /// <summary>One truck fewer waits in the direction; the first time none does, a starting backlog has cleared.</summary>
    private void StopWaiting(DirectionRuntime direction)
    {
        if (--direction.WaitingTrucks == 0 && direction.HasStartingBacklog && double.IsNaN(direction.BacklogClearedAtHours))
        {
            direction.BacklogClearedAtHours = _sim.NowHours;
        }
    }

    /// <summary>The event a truck waits on for <paramref name="request"/>: with its patience unless it is committed.</summary>
    private SimEvent Await(Truck truck, Request request)
    {
        if (truck.IsCommitted || truck.PatienceDeadlineHours == double.PositiveInfinity)
        {
            return request;
        }

        var left = Math.Max(0, truck.PatienceDeadlineHours - _sim.NowHours);
        return _sim.AnyOf(request, _sim.Timeout(left));
    }

    /// <summary>The truck joins stage <paramref name="s"/>: it counts in the stage's queue (or in the yard).</summary>
    private void Join(Truck truck, int s, StageRuntime stage)
    {
        ref var held = ref truck.Held;
        stage.Waiting.Add(_sim.NowHours, 1);
        if (stage.Stage.HasServers)
        {
            held.QueuedAt = stage;

            // A check fed straight from a yard (no places of its own) has its queue standing in that yard: the
            // yard counts those trucks as queued onward, so parked trucks and queues count each truck once.
            if (stage.Stage.Places == 0 && !held.IsServer && held.Stage is { Stage.HasServers: false } yard)
            {
                yard.QueuedOnward++;
                held.QueuedInYard = yard;
            }

            // A first check or road with no finite places in front: its queue stands on the approach road.
            if (s == 0 && stage.Places is null)
            {
                _directions[truck.Direction].HighwayQueue.Add(_sim.NowHours, 1);
                held.QueuedOnHighway = true;
            }
        }

        MarkVisit(truck, s, entered: true);
    }

    /// <summary>The truck leaves the queue it joined (it got its server, or gave up).</summary>
    private void LeaveQueue(Truck truck)
    {
        ref var held = ref truck.Held;
        if (held.QueuedAt is null)
        {
            return;
        }

        held.QueuedAt.Waiting.Add(_sim.NowHours, -1);
        held.QueuedAt = null;
        if (held.QueuedInYard is { } yard)
        {
            yard.QueuedOnward--;
            held.QueuedInYard = null;
        }

        if (held.QueuedOnHighway)
        {
            _directions[truck.Direction].HighwayQueue.Add(_sim.NowHours, -1);
            held.QueuedOnHighway = false;
        }
    }

    /// <summary>
    /// The truck moves to stage <paramref name="s"/>, onto <paramref name="unit"/> (a place, a server, or
    /// null for an unbounded place): it lets go of where it stood and of its yard turn, which counts as a
    /// release of that yard today.
    /// </summary>
    private void MoveTo(Truck truck, int s, StageRuntime stage, Request? unit, bool isServer)
    {
        MarkLeftPrevious(truck, s);
        Release(truck, leftYard: true);
        ref var held = ref truck.Held;
        if (held.PoolUnit is not null && s > held.PoolThroughStage)
        {
            ReleaseUnit(truck, trip: true);
        }

        held.Stage = stage;
        held.StageIndex = s;
        held.Unit = unit;
        held.IsServer = isServer;
    }

    /// <summary>
    /// The truck gives up: it withdraws the request it was waiting on, leaves the queue it joined and gives
    /// back everything it holds; its yard turn does not count as a release.
    /// </summary>
    private void GiveUp(Truck truck, Request pending)
    {
        pending.Resource.Release(pending);
        LeaveQueue(truck);
        Release(truck, leftYard: false);
        ReleaseUnit(truck, trip: false);
        Leave(truck, TruckOutcome.GaveUp);
    }

    /// <summary>
    /// The truck lets its pool unit go, if it holds one. After a <paramref name="trip"/> the unit returns for its
    /// return time before another truck can take it; given back unused (the truck gave up, or was turned away
    /// for the day before its service) it is free at once.
    /// </summary>
    private void ReleaseUnit(Truck truck, bool trip)
    {
        ref var held = ref truck.Held;
        if (held.PoolUnit is not { } unit)
        {
            return;
        }

        var pool = held.Pool!;
        var returnHours = trip && truck.PoolReturnHours.Length > 0 ? truck.PoolReturnHours[held.PoolFromStage] : 0;
        if (trip && _sim.NowHours >= _warmUpHours)
        {
            pool.Trips++;
        }

        held.Pool = null;
        held.PoolUnit = null;
        pool.LetGo(returning: returnHours > 0);
        if (returnHours > 0)
        {
            _sim.Start(ReturnUnit(pool, unit, returnHours));
        }
        else
        {
            pool.Units.Release(unit);
        }
    }

    private IEnumerable<SimEvent> ReturnUnit(PoolRuntime pool, Request unit, double returnHours)
    {
        yield return _sim.Timeout(returnHours);
        pool.Returned();
        pool.Units.Release(unit);
    }

    private IEnumerable<SimEvent> PoolController(PoolRuntime pool)
    {
        foreach (var (hours, units, nominal) in pool.Pool.CapacitySchedule)
        {
            if (hours > _sim.NowHours)
            {
                yield return _sim.Timeout(hours - _sim.NowHours);
            }

            pool.SetUnits(units, nominal);
        }
    }

    /// <summary>
    /// Gives back where the truck stands (its place or server; a yard also counts it out) and then its yard
    /// turn. The one place where what a truck holds is released.
    /// </summary>
    private void Release(Truck truck, bool leftYard)
    {
        ref var held = ref truck.Held;
        if (held.Stage is { } stage)
        {
            if (held.Unit is { } unit)
            {
                if (held.IsServer)
                {
                    stage.UnblockServer();
                }

                (held.IsServer ? stage.Servers! : stage.Places!).Release(unit);
            }

            if (!held.IsServer && !stage.Stage.HasServers)
            {
                stage.Waiting.Add(_sim.NowHours, -1); // left the yard
            }

            held.Stage = null;
            held.Unit = null;
        }

        EndTurn(truck, leftYard);
    }

    /// <summary>Whether the local day's release quota of a staging yard is used up.</summary>
    private bool QuotaUsedUp(StageRuntime yard) =>
        yard.ReleasedPerDay.GetValueOrDefault(_days.IndexAt(_sim.NowHours)) >= yard.Stage.ReleaseQuotaPerDay;

    /// <summary>Hours to the next local midnight of the scenario zone (an hour past the end on the last day).</summary>
    private double HoursToNextQuotaDay()
    {
        var day = _days.IndexAt(_sim.NowHours);
        return day + 1 < _days.Count ? Math.Max(0, _days.StartOf(day + 1) - _sim.NowHours) : Math.Max(0, _model.Clock.RunHours - _sim.NowHours) + 1;
    }

    /// <summary>
    /// Gives back a truck's turn at a staging yard's exit, if it holds one; a truck that <paramref name="leftYard"/>
    /// counts against the quota of the local day it leaves.
    /// </summary>
    private void EndTurn(Truck truck, bool leftYard)
    {
        ref var held = ref truck.Held;
        if (held.Turn is not { } turn)
        {
            return;
        }

        var yard = held.TurnYard!;
        yard.ExitTurn!.Release(turn);
        held.Turn = null;
        if (leftYard)
        {
            var day = _days.IndexAt(_sim.NowHours);
            yard.ReleasedPerDay[day] = yard.ReleasedPerDay.GetValueOrDefault(day) + 1;
        }
    }

    /// <summary>A server of a stage with a priority order: the request carries the truck's class, so a dated change re-ranks it while it waits.</summary>
    private Request RequestByRank(Truck truck, StageRuntime stage)
    {
        var server = ((PriorityResource)stage.Servers!).Request(RankOf(truck, stage));
        server.Tag = truck.CargoClass;
        return server;
    }

    /// <summary>At each dated change of a stage's priority order, the trucks waiting for its servers take their new ranks.</summary>
    private IEnumerable<SimEvent> PriorityController(StageRuntime stage)
    {
        var schedule = stage.Stage.PrioritySchedule;
        for (var b = 1; b < schedule.Length; b++)
        {
            if (schedule[b].Hours > _sim.NowHours)
            {
                yield return _sim.Timeout(schedule[b].Hours - _sim.NowHours);
            }

            var ranks = schedule[b].RankByClass;
            if (stage.Servers is ReservedResource reserved)
            {
                reserved.Reprioritize(request => ranks[request.Tag]);
            }
            else
            {
                ((PriorityResource)stage.Servers!).Reprioritize(request => ranks[request.Tag]);
            }
        }
    }

    /// <summary>A server of a stage that keeps servers for classes: the request names the truck's class (and its rank, with a priority order).</summary>
    private Request RequestReserved(Truck truck, StageRuntime stage, ReservedResource servers) =>
        servers.Request(stage.Stage.PrioritySchedule.Length == 0 ? 0 : RankOf(truck, stage), truck.CargoClass);

    /// <summary>At each dated change of a stage's reserved servers, the new reservation holds; trucks in service finish.</summary>
    private IEnumerable<SimEvent> ReservationController(StageRuntime stage)
    {
        var schedule = stage.Stage.ReservationSchedule;
        for (var b = 1; b < schedule.Length; b++)
        {
            if (schedule[b].Hours > _sim.NowHours)
            {
                yield return _sim.Timeout(schedule[b].Hours - _sim.NowHours);
            }

            ((ReservedResource)stage.Servers!).SetReservation(schedule[b].Reserved);
        }
    }

    /// <summary>The truck's priority at the stage now (lower is served first); ties first come, first served.</summary>
    private int RankOf(Truck truck, StageRuntime stage)
    {
        var schedule = stage.Stage.PrioritySchedule;
        var breakpoint = 0;
        while (breakpoint + 1 < schedule.Length && schedule[breakpoint + 1].Hours <= _sim.NowHours)
        {
            breakpoint++;
        }

        return schedule[breakpoint].RankByClass[truck.CargoClass];
    }

    /// <summary>
    /// NaN if the truck may start service at <paramref name="stage"/> now; else when it may ask again: the next
    /// local midnight of the appointment calendar that turned it away, or of its clearance cap.
    /// </summary>
    private double RefusedUntilHours(Truck truck, StageRuntime stage)
    {
        if (stage.Stage.AppointmentCalendar is { } calendar && !IsAdmitted(truck, calendar))
        {
            return calendar.NextMidnightAfter(_sim.NowHours);
        }

        return stage.Stage.CapSchedule.Length == 0 || WithinCap(truck, stage) ? double.NaN : NextCapDayHours(stage);
    }

    /// <summary>Whether the stage's clearance cap lets the truck start today; if so, it counts against it.</summary>
    private bool WithinCap(Truck truck, StageRuntime stage)
    {
        var now = _sim.NowHours;
        var schedule = stage.Stage.CapSchedule;
        var breakpoint = 0;
        while (breakpoint + 1 < schedule.Length && schedule[breakpoint + 1].Hours <= now)
        {
            breakpoint++;
        }

        var day = stage.Stage.CapDays!.IndexAt(now);
        var usedByClass = stage.CapUsedByClass ??= new int[_model.ClassNames.Length];
        if (day != stage.CapDay)
        {
            stage.CapDay = day;
            stage.CapUsed = 0;
            Array.Clear(usedByClass);
        }

        if (schedule[breakpoint].Cap is { } cap)
        {
            if (cap.Total is { } total && stage.CapUsed >= CapOn(stage, truck.Direction, total, day, -1, breakpoint))
            {
                return false;
            }

            if (cap.ByClass[truck.CargoClass] is { } ofClass && usedByClass[truck.CargoClass] >= CapOn(stage, truck.Direction, ofClass, day, truck.CargoClass, breakpoint))
            {
                return false;
            }
        }

        stage.CapUsed++;
        usedByClass[truck.CargoClass]++;
        return true;
    }

    /// <summary>
    /// The cap of a day: fixed, or drawn from its range once per day from a stream named after the stage, the
    /// class and the day, so the draw does not depend on when the first truck asks.
    /// </summary>
    private int CapOn(StageRuntime stage, int direction, Spec.TrucksPerDayRange range, int day, int cargoClass, int breakpoint)
    {
        if (range.IsFixed)
        {
            return range.Min;
        }

        if (!stage.CapDrawn.TryGetValue((day, cargoClass, breakpoint), out var cap))
        {
            var who = cargoClass < 0 ? "all" : _model.ClassNames[cargoClass];
            var stream = _streams[$"cap/{_model.Directions[direction].Name}/{stage.Stage.Name}/{who}/{breakpoint}/{day}"];
            cap = range.Min + (int)Math.Floor(stream.NextDouble() * (range.Max - range.Min + 1));
            stage.CapDrawn[(day, cargoClass, breakpoint)] = cap;
        }

        return cap;
    }

    /// <summary>The next local midnight of the stage's cap days (an hour past the end on the last day).</summary>
    private double NextCapDayHours(StageRuntime stage)
    {
        var days = stage.Stage.CapDays!;
        var day = days.IndexAt(_sim.NowHours);
        return day + 1 < days.Count ? Math.Max(_sim.NowHours, days.StartOf(day + 1)) : Math.Max(_sim.NowHours, _model.Clock.RunHours) + 1;
    }

    private bool IsAdmitted(Truck truck, Calendars.GateCalendar calendar)
    {
        var index = _calendarIndex[calendar.Name];
        if (truck.AdmittedCalendars?.Contains(index) == true)
        {
            return true;
        }

        var rules = calendar.AppointmentDayAt(_sim.NowHours, out var day);
        if (rules is null)
        {
            return true;
        }

        if (rules.ExcludedClasses.Contains(_model.ClassNames[truck.CargoClass]))
        {
            return false;
        }

        var admitted = _appointmentsAdmitted.GetValueOrDefault((calendar.Name, day));
        if (admitted >= rules.QuotaPerDay)
        {
            return false;
        }

        _appointmentsAdmitted[(calendar.Name, day)] = admitted + 1;
        (truck.AdmittedCalendars ??= []).Add(index);
        return true;
    }

    private void MarkVisit(Truck truck, int stage, bool entered)
    {
        if (truck.Visits is null)
        {
            return;
        }

        var visit = truck.Visits[stage];
        truck.Visits[stage] = entered ? visit with { EnteredHours = _sim.NowHours } : visit with { ServiceStartHours = _sim.NowHours };
    }

    /// <summary>
    /// Records that the truck leaves stage <paramref name="stage"/> − 1 now, if that is the stage where it
    /// stands. Called where the truck lets its previous place go, which for a stage without places of its
    /// own is when its service starts, not when it begins to wait for it.
    /// </summary>
    private void MarkLeftPrevious(Truck truck, int stage)
    {
        if (truck.Visits is not null && stage > 0 && truck.Held.Stage is not null && truck.Held.StageIndex == stage - 1)
        {
            truck.Visits[stage - 1] = truck.Visits[stage - 1] with { LeftHours = _sim.NowHours };
        }
    }

    private IEnumerable<SimEvent> CapacityController(StageRuntime stage)
    {
        foreach (var (hours, servers, nominal) in stage.Stage.CapacitySchedule)
        {
            if (hours > _sim.NowHours)
            {
                yield return _sim.Timeout(hours - _sim.NowHours);
            }

            stage.SetServers(servers, nominal);
        }
    }

    private IEnumerable<SimEvent> WarmUpReset()
    {
        yield return _sim.Timeout(_warmUpHours);
        var now = _sim.NowHours;
        foreach (var direction in _directions)
        {
            direction.ResetStatistics(now);
        }

        foreach (var stage in _stages.SelectMany(s => s))
        {
            stage.ResetStatistics(now);
        }

        foreach (var cargoClass in _classes)
        {
            cargoClass.ResetStatistics();
        }

        foreach (var pool in _pools)
        {
            pool.ResetStatistics(now);
        }

        foreach (var origin in _origins)
        {
            origin.ResetStatistics();
        }
    }

    private void Leave(Truck truck, TruckOutcome outcome)
    {
        var now = _sim.NowHours;
        var direction = _directions[truck.Direction];
        if (!double.IsNaN(truck.FreeSinceHours))
        {
            StopWaiting(direction);
        }

        direction.InSystem.Add(now, -1);
        direction.InSystemByClass[truck.CargoClass]--;
        if (truck.Visits is not null)
        {
            var lastVisited = Array.FindLastIndex(truck.Visits, v => !double.IsNaN(v.EnteredHours));
            if (lastVisited >= 0)
            {
                truck.Visits[lastVisited] = truck.Visits[lastVisited] with { LeftHours = now };
            }
        }

        if (truck.PreviousLive is null)
        {
            _liveHead = truck.NextLive;
        }
        else
        {
            truck.PreviousLive.NextLive = truck.NextLive;
        }

        if (truck.NextLive is not null)
        {
            truck.NextLive.PreviousLive = truck.PreviousLive;
        }

        var timeInSystem = now - truck.ArrivedHours;
        var wait = truck.WaitedHoursAt(now);
        var cargoClass = _classes[truck.CargoClass];
        var isPastShelfLife = cargoClass.Spec.ShelfLifeHours is { } shelfLife && timeInSystem > shelfLife;
        if (now >= _warmUpHours)
        {
            if (outcome == TruckOutcome.GaveUp)
            {
                direction.GaveUp[truck.CargoClass]++;
            }
            else
            {
                direction.Served[truck.CargoClass]++;
                direction.ServedTonnes += cargoClass.Spec.Tonnes;
                direction.WaitHours.Add(wait);
                direction.TimeInSystemHours.Add(timeInSystem);
                direction.DelayCostUsd += wait * cargoClass.Spec.DelayCostUsdPerHour;
                cargoClass.WaitHours.Add(wait);
                cargoClass.TimeInSystemHours.Add(timeInSystem);
                if (isPastShelfLife)
                {
                    cargoClass.PastShelfLife++;
                }
            }
        }

        ref var today = ref direction.Day(_days.IndexAt(now), truck.CargoClass);
        if (outcome == TruckOutcome.Served)
        {
            direction.CountServedOn(_days.IndexAt(now), truck.CargoClass);
            today.Served++;
            today.WaitHoursSum += wait;
        }
        else
        {
            today.GaveUp++;
        }

        _observer?.OnTruckLeft(ToRecord(truck, now, outcome, wait, isPastShelfLife));
    }

    private TruckRecord ToRecord(Truck truck, double now, TruckOutcome outcome, double wait, bool isPastShelfLife)
    {
        var table = _stages[truck.Direction]
            .Select((stage, s) => (stage, s))
            .FirstOrDefault(p => p.stage.Stage.Kind == StageKind.Check);
        var channel = table.stage is null ? "" : table.stage.Stage.ChannelsByClass[truck.CargoClass].Names[truck.Channels[table.s]];
        return new TruckRecord(
            Replication,
            truck.Id,
            _model.Directions[truck.Direction].Name,
            _model.ClassNames[truck.CargoClass],
            channel,
            truck.ArrivedHours,
            now,
            outcome,
            wait,
            isPastShelfLife,
            truck.Visits ?? []);
    }

    /// <summary>The wait so far of a truck still in the system (censored): its waiting gaps up to now.</summary>
    private static double WaitSoFar(Truck truck, double now) => truck.WaitedHoursAt(now);

    private void ReportTrucksStillInSystem(double now)
    {
        if (_observer is null)
        {
            return;
        }

        var trucks = new List<Truck>();
        for (var truck = _liveHead; truck is not null; truck = truck.NextLive)
        {
            trucks.Add(truck);
        }

        foreach (var truck in trucks.OrderBy(t => t.Id))
        {
            var isPastShelfLife = _classes[truck.CargoClass].Spec.ShelfLifeHours is { } shelfLife && now - truck.ArrivedHours > shelfLife;
            _observer.OnTruckLeft(ToRecord(truck, double.NaN, TruckOutcome.InSystemAtEnd, WaitSoFar(truck, now), isPastShelfLife));
        }
    }
}
