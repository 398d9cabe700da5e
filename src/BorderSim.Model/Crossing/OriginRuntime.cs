using BorderSim.Engine.Randomness;

namespace BorderSim.Model.Crossing;

/// <summary>An origin's streams and counts in one replication (counts after the warm-up).</summary>
internal sealed class OriginRuntime(CompiledOrigin origin, RandomStreams streams, int directionCount)
{
    private RandomStream? _banStream;
    private RandomStream? _letThroughStream;
    private RandomStream? _parkBacklogStream;
    private RandomStream? _parkBacklogPatienceStream;

    public CompiledOrigin Origin { get; } = origin;

    public RandomStream ArrivalStream { get; } = streams[$"arrivals/origin/{origin.Name}"];

    public RandomStream ClassStream { get; } = streams[$"class/origin/{origin.Name}"];

    public RandomStream RouteStream { get; } = streams[$"route/origin/{origin.Name}"];

    /// <summary>Drivers' reactions to a ban that diverts them (drawn only when one does).</summary>
    public RandomStream BanStream => _banStream ??= streams[$"ban-divert/origin/{Origin.Name}"];

    /// <summary>Drivers' lots against a ban that diverts but lets a share through (drawn only when one does).</summary>
    public RandomStream LetThroughStream => _letThroughStream ??= streams[$"ban-let-through/origin/{Origin.Name}"];

    /// <summary>Ages of the trucks in the origin's park when the run starts.</summary>
    public RandomStream ParkBacklogStream => _parkBacklogStream ??= streams[$"park-backlog/origin/{Origin.Name}"];

    /// <summary>Patience of the trucks in the origin's park when the run starts (their own stream: arrivals draw as without them).</summary>
    public RandomStream ParkBacklogPatienceStream => _parkBacklogPatienceStream ??= streams[$"park-backlog-patience/origin/{Origin.Name}"];

    /// <summary>The origin's parking area in this replication; null: none.</summary>
    public OriginPark? Park { get; set; }

    public long Arrived { get; set; }

    public long TurnedBack { get; set; }

    public long[] Routed { get; } = new long[directionCount];

    /// <summary>Per route: trucks whose rule chose it but that took another route (counted in that one's Routed).</summary>
    public long[] Diverted { get; } = new long[directionCount];

    public void ResetStatistics()
    {
        Arrived = 0;
        TurnedBack = 0;
        Array.Clear(Routed);
        Array.Clear(Diverted);
        Park?.ResetStatistics();
    }
}
