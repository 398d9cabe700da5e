using BorderSim.Engine;
using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

/// <summary>
/// The collaborators of one replication wired as <see cref="CrossingReplication"/> wires them, but with nothing
/// started: a unit test makes trucks, steps them or starts their journeys itself, and runs the simulation.
/// </summary>
internal sealed class ReplicationParts : ITruckObserver
{
    public ReplicationParts(ScenarioSpec scenario, double warmUpHours = 0, ulong seed = 1)
    {
        Model = new CrossingModel(scenario);
        Simulation = new Simulation();
        var streams = new RandomStreams(seed, 0);
        Clock = new RunClock(Simulation, warmUpHours, Model.Clock.RunHours, Model.ScenarioDays);
        Runtime = new CrossingRuntime(Model, Simulation, streams);
        Live = new LiveTrucks(Model.Directions.Length);
        var trace = new TruckTrace(Model, Runtime, Clock, 0, this);
        Ledger = new OutcomeLedger(Runtime, Clock, Live, trace);
        Admission = new Admission(Clock, Runtime, new ClearanceCaps(Model, Clock, streams), new SharedClearanceCaps(Model, Clock, streams), new AppointmentQuotas(Model, Clock));
        Trucks = new TruckFactory(Model, Runtime, Clock, Ledger, trace);
        Phases = new PhaseContext(Runtime, Clock, Admission, Ledger, trace);
        Journey = new Journey(Model, Phases, Trucks);
    }

    public CrossingModel Model { get; }

    /// <summary>The trucks in the system (the ledger adds and removes them).</summary>
    public LiveTrucks Live { get; }

    public Simulation Simulation { get; }

    public RunClock Clock { get; }

    public CrossingRuntime Runtime { get; }

    public OutcomeLedger Ledger { get; }

    public Admission Admission { get; }

    public TruckFactory Trucks { get; }

    public PhaseContext Phases { get; }

    public Journey Journey { get; }

    /// <summary>The trucks that left, as the trace reported them.</summary>
    public List<TruckRecord> Left { get; } = [];

    public StageRuntime Stage(string name) => Runtime.Stages.SelectMany(s => s).Single(s => s.Stage.Name == name);

    /// <summary>A truck of class 0 entering direction 0 now.</summary>
    public Truck NewTruck(int cargoClass = 0) => Trucks.Enter(0, cargoClass, TruckOrigin.Arrival);

    /// <summary>A truck of class <paramref name="cargoClass"/> sets out on its journey now.</summary>
    public Truck StartJourney(int cargoClass = 0)
    {
        var truck = NewTruck(cargoClass);
        Simulation.Start(Journey.Of(truck));
        return truck;
    }

    public void OnTruckLeft(TruckRecord truck) => Left.Add(truck);
}
