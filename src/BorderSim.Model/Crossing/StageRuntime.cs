using BorderSim.Engine;
using BorderSim.Engine.Randomness;
using BorderSim.Engine.Statistics;

namespace BorderSim.Model.Crossing;

/// <summary>A stage's resources, random streams and statistics in one replication.</summary>
internal sealed class StageRuntime
{
    private readonly Simulation? _simulation;
    private readonly RandomStreams _streams;
    private readonly string _direction;
    private RandomStream? _backlogServiceStream;
    private RandomStream? _backlogChannelStream;

    public StageRuntime(Simulation simulation, CompiledStage stage, string direction, RandomStreams streams)
    {
        Stage = stage;
        // A stage's priority order also orders the trucks waiting for its places (a yard's: the highway queue's order).
        Places = stage.Places is { } places && places > 0
            ? stage.PriorityInForce is not null ? new PriorityResource(simulation, places) : new Resource(simulation, places)
            : null;
        var servers = stage.ServersInForce?.Initial.Open ?? 0;
        Servers = !stage.HasServers ? null
            : stage.ReservedInForce is not null ? Reserve(simulation, stage, servers)
            : stage.PriorityInForce is not null ? new PriorityResource(simulation, servers)
            : new Resource(simulation, servers);
        ExitTurn = stage.ReleaseQuotaPerDay is null ? null
            : stage.PriorityInForce is not null ? new PriorityResource(simulation, 1)
            : new Resource(simulation, 1);
        ServiceStream = streams[$"service/{direction}/{stage.Name}"];
        ChannelStream = streams[$"channel/{direction}/{stage.Name}"];
        EmptyServiceStream = streams[$"empty-service/{direction}/{stage.Name}"];
        EmptyChannelStream = streams[$"empty-channel/{direction}/{stage.Name}"];
        _streams = streams;
        _direction = direction;
        if (Servers is not null)
        {
            _simulation = simulation;
            NominalServers = stage.ServersInForce?.Initial.Nominal ?? 0;
            ServerHours = new ServerHours(Servers.Capacity, Math.Max(NominalServers, Servers.Capacity));
            if (Servers is ReservedResource reserved)
            {
                ReservedInUse = new TimeWeightedStatistic();
                ReservedAvailable = new TimeWeightedStatistic(0, reserved.ReservedCapacity);
                UnreservedInUse = new TimeWeightedStatistic();
                UnreservedAvailable = new TimeWeightedStatistic(0, Servers.Capacity - reserved.ReservedCapacity);
            }

            // A server finishing a truck after its gate closed works overtime: it counts as available while
            // serving. One holding a finished truck while the gate is closed is closed, not blocked: it could
            // not serve anyway. So the busy, blocked and idle shares of available server-hours stay within [0, 1].
            Servers.Changed += _ => ObserveServers();
        }
    }

    public CompiledStage Stage { get; }

    /// <summary>Servers kept for a class in use (serving or holding a finished truck); null without a reservation.</summary>
    public TimeWeightedStatistic? ReservedInUse { get; }

    /// <summary>Servers kept for a class that are open (or still in use after closing or a cut).</summary>
    public TimeWeightedStatistic? ReservedAvailable { get; }

    /// <summary>The other servers in use.</summary>
    public TimeWeightedStatistic? UnreservedInUse { get; }

    /// <summary>The other servers open (or still in use).</summary>
    public TimeWeightedStatistic? UnreservedAvailable { get; }

    /// <summary>Places in front of the stage (yard places or buffer); null = unbounded.</summary>
    public Resource? Places { get; }

    /// <summary>Booths, teams or lanes; null for yards.</summary>
    public Resource? Servers { get; }

    public RandomStream ServiceStream { get; }

    public RandomStream ChannelStream { get; }

    public RandomStream EmptyServiceStream { get; }

    public RandomStream EmptyChannelStream { get; }

    /// <summary>Service draws of the trucks of a starting backlog (created on first use).</summary>
    public RandomStream BacklogServiceStream => _backlogServiceStream ??= _streams[$"backlog-service/{_direction}/{Stage.Name}"];

    public RandomStream BacklogChannelStream => _backlogChannelStream ??= _streams[$"backlog-channel/{_direction}/{Stage.Name}"];

    /// <summary>Trucks at the stage that have not started service (for yards: trucks in the yard).</summary>
    public TimeWeightedStatistic Waiting { get; } = new();

    /// <summary>For a yard: trucks in it that are in the queue of the next check (which has no places of its own).</summary>
    public int QueuedOnward { get; set; }

    /// <summary>
    /// Trucks waiting for a place in front of the stage that stand at no stage yet (at the route's first stage: on the
    /// highway, or upstream with <c>overflow: none</c>); a truck that waits for a place while it stands at an earlier
    /// stage counts there.
    /// </summary>
    public int WaitingForPlace { get; set; }

    /// <summary>
    /// The servers by state over time (null for a yard): serving a truck (not holding a finished one); blocked, holding
    /// a finished truck that cannot move on while the stage is open; held back, open and idle while trucks refused for
    /// the day by a clearance cap or an appointment quota wait (at most one per such truck: time the stage's own rule
    /// holds back, not time without trucks); available, open or still serving after closing; staffed, available or closed.
    /// </summary>
    public ServerHours? ServerHours { get; }

    /// <summary>Trucks at the stage refused for the day (a cap or an appointment quota) that wait to ask again.</summary>
    public int RefusedWaiting { get; private set; }

    /// <summary>A truck was refused for the day (<paramref name="trucks"/> = 1) or asks again (−1).</summary>
    public void CountRefused(int trucks)
    {
        RefusedWaiting += trucks;
        ObserveServers();
    }

    /// <summary>Servers holding a finished truck (blocked), open or closed.</summary>
    public int HoldingFinished { get; private set; }

    public void BlockServer()
    {
        HoldingFinished++;
        ObserveServers();
    }

    public void UnblockServer()
    {
        HoldingFinished--;
        ObserveServers();
    }

    /// <summary>A staging yard with a release quota lets one truck at a time take its turn to leave, in order.</summary>
    public Resource? ExitTurn { get; }

    /// <summary>Servers the stage has at present, whether its calendar is open or closed.</summary>
    public int NominalServers { get; private set; }

    /// <summary>The capacity controller moved to a breakpoint of the stage's schedule.</summary>
    public void SetServers(int openServers, int nominalServers)
    {
        NominalServers = nominalServers;
        Servers!.SetCapacity(openServers);
        ObserveServers();
    }

    private static ReservedResource Reserve(Simulation simulation, CompiledStage stage, int servers)
    {
        var resource = new ReservedResource(simulation, servers, stage.ChannelsByClass.Length, stage.ReservedOnly);
        resource.SetReservation(stage.ReservedInForce!.Initial);
        return resource;
    }

    private void ObserveServers()
    {
        var now = _simulation!.NowHours;
        var servers = Servers!;
        if (servers is ReservedResource reserved)
        {
            var reservedInUse = reserved.ReservedInUse;
            var unreservedInUse = servers.InUse - reservedInUse;
            ReservedInUse!.Observe(now, reservedInUse);
            ReservedAvailable!.Observe(now, Math.Max(reserved.ReservedCapacity, reservedInUse));
            UnreservedInUse!.Observe(now, unreservedInUse);
            UnreservedAvailable!.Observe(now, Math.Max(servers.Capacity - reserved.ReservedCapacity, unreservedInUse));
        }

        var serving = Math.Max(0, servers.InUse - HoldingFinished);
        var available = Math.Max(servers.Capacity, serving);
        var blocked = Math.Min(HoldingFinished, available - serving);
        ServerHours!.Observe(now, serving, blocked, Math.Min(RefusedWaiting, available - serving - blocked), available, Math.Max(NominalServers, Math.Max(available, servers.InUse)));
    }

    /// <summary>The local day (of the cap's zone) whose clearance counts are below; −1 before the first.</summary>
    public int CapDay { get; set; } = -1;

    /// <summary>Trucks that started service at the stage on <see cref="CapDay"/>, in all.</summary>
    public int CapUsed { get; set; }

    /// <summary>The same per class index (allocated when the stage has a cap).</summary>
    public int[]? CapUsedByClass { get; set; }

    /// <summary>Caps drawn from a range, per (day, class index or −1 for the total, schedule breakpoint).</summary>
    public Dictionary<(int Day, int CargoClass, int Breakpoint), int> CapDrawn { get; } = [];

    /// <summary>Release quota of a staging yard: trucks released per local day index.</summary>
    public Dictionary<int, int> ReleasedPerDay { get; } = [];

    public void ResetStatistics(double atHours)
    {
        Waiting.Reset(atHours);
        ServerHours?.Reset(atHours);
        ReservedInUse?.Reset(atHours);
        ReservedAvailable?.Reset(atHours);
        UnreservedInUse?.Reset(atHours);
        UnreservedAvailable?.Reset(atHours);
    }
}
