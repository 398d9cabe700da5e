using BorderSim.Engine;
using BorderSim.Engine.Randomness;
using BorderSim.Model.Results;

namespace BorderSim.Model.Crossing;

/// <summary>
/// One replication of a crossing: trucks arrive, pass their direction's stages in order and leave. Every stage has
/// places in front; a truck that cannot get the next place keeps the one it holds (blocking), so a slow downstream
/// stage backs trucks up into yards and onto the highway. This class wires the collaborators that do the work:
/// the truck source and origin routing, the journey and its phases, admission, the books, the sampler and the trace.
/// </summary>
public sealed partial class CrossingReplication
{
    private readonly CrossingModel _model;
    private readonly Simulation _sim;
    private readonly RunClock _clock;
    private readonly CrossingRuntime _runtime;
    private readonly LiveTrucks _live;
    private readonly TruckTrace _trace;
    private readonly OutcomeLedger _ledger;
    private readonly TruckSource _source;
    private readonly OriginRouting _routing;
    private readonly WaitingReactions _reactions;
    private readonly ScheduledChanges _changes;
    private readonly DailyRecords _daily;

    /// <param name="model">The compiled scenario.</param>
    /// <param name="replication">Its index: its random streams are those of (seed, replication).</param>
    /// <param name="seed">The master seed.</param>
    /// <param name="warmUpHours">Hours before measuring starts.</param>
    /// <param name="observer">Sees every truck's times (trucks.csv), or null.</param>
    /// <param name="maxTrucksInSystem">The most trucks in the system at once; one more stops the run with <see cref="TrucksInSystemLimitException"/>.</param>
    public CrossingReplication(CrossingModel model, int replication, ulong seed, double warmUpHours, ITruckObserver? observer = null, int maxTrucksInSystem = Experiments.RunOptions.MaxTrucksInSystem)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _live = new LiveTrucks(model.Directions.Length, maxTrucksInSystem);
        Replication = replication;
        _sim = new Simulation();
        var streams = new RandomStreams(seed, replication);
        _clock = new RunClock(_sim, warmUpHours, model.Clock.RunHours, model.ScenarioDays);
        _runtime = new CrossingRuntime(model, _sim, streams);
        _trace = new TruckTrace(model, _runtime, _clock, replication, observer);
        _ledger = new OutcomeLedger(_runtime, _clock, _live, _trace);
        var admission = new Admission(_clock, _runtime, new ClearanceCaps(model, _clock, streams), new SharedClearanceCaps(model, _clock, streams), new AppointmentQuotas(model, _clock));
        var trucks = new TruckFactory(model, _runtime, _clock, _ledger, _trace);
        var journey = new Journey(model, new PhaseContext(_runtime, _clock, admission, _ledger, _trace), trucks);
        _source = new TruckSource(_runtime, _clock, trucks, admission, _ledger, journey);
        _routing = new OriginRouting(model, _runtime, _clock, _source, _ledger);
        _reactions = new WaitingReactions(model, _clock, _live, streams, _routing, _source, _runtime);
        _changes = new ScheduledChanges(_runtime, _sim);
        _daily = new DailyRecords(model, _runtime, model.ScenarioDays, _ledger.RunDayCount, warmUpHours);
    }

    public int Replication { get; }

    /// <summary>Runs the whole replication and returns what it measured after the warm-up.</summary>
    public ReplicationResult Run() => Run(CancellationToken.None);

    /// <summary>Runs the whole replication; stops with <see cref="OperationCanceledException"/> soon after <paramref name="cancellationToken"/> is cancelled.</summary>
    public ReplicationResult Run(CancellationToken cancellationToken)
    {
        var runHours = _clock.RunHours;
        _source.Start();
        _changes.StartStages();
        _routing.Start();
        _changes.StartPools();
        _reactions.Start();
        var sampler = NewSampler(runHours);
        _sim.Start(sampler.Sample());
        if (_clock.WarmUpHours > 0)
        {
            _sim.Start(WarmUpReset());
        }

        _sim.Start(_ledger.DayEnds());
        _sim.Run(runHours, cancellationToken);
        _routing.SettleParks(runHours);
        sampler.SampleNow(runHours);
        _ledger.RecordBacklog(_ledger.RunDayCount - 1);
        _trace.StillInSystem(_live, runHours);
        return new ReplicationResult(
            Replication,
            _clock.WarmUpHours,
            CollectMetrics(runHours, sampler),
            sampler.ToTimeSeries(),
            _daily.ServedPerDay(runHours),
            _model.ClassNames.Select((name, i) => (name, _runtime.Classes[i].WaitHours.Quantiles)).ToDictionary(p => p.name, p => p.Quantiles, StringComparer.Ordinal))
        {
            Days = _daily.Days(),
        };
    }

    private TimeSeriesSampler NewSampler(double runHours) => new(_model, _runtime, _live, _sim, _model.Scenario.TimeseriesStepMinutes / 60.0, runHours);

    private IReadOnlyList<MetricValue> CollectMetrics(double endHours, TimeSeriesSampler sampler) =>
        new MetricCollector(_model, _runtime, _live, _daily, _clock.WarmUpHours, endHours, sampler).Collect();

    private IEnumerable<SimEvent> WarmUpReset()
    {
        yield return _sim.Timeout(_clock.WarmUpHours);
        _runtime.ResetStatistics(_sim.NowHours);
    }
}
