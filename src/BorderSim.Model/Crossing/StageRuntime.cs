using BorderSim.Engine;
using BorderSim.Engine.Randomness;
using BorderSim.Engine.Statistics;

namespace BorderSim.Model.Crossing;

/// <summary>A stage's resources, random streams and statistics in one replication.</summary>
internal sealed class StageRuntime
{
    public StageRuntime(Simulation simulation, CompiledStage stage, string direction, RandomStreams streams)
    {
        Stage = stage;
        Places = stage.Places is { } places && places > 0 ? new Resource(simulation, places) : null;
        Servers = stage.HasServers ? new Resource(simulation, stage.CapacitySchedule.Length > 0 ? stage.CapacitySchedule[0].Servers : 0) : null;
        ExitTurn = stage.ReleaseQuotaPerDay is not null ? new Resource(simulation, 1) : null;
        ServiceStream = streams[$"service/{direction}/{stage.Name}"];
        ChannelStream = streams[$"channel/{direction}/{stage.Name}"];
        EmptyServiceStream = streams[$"empty-service/{direction}/{stage.Name}"];
        EmptyChannelStream = streams[$"empty-channel/{direction}/{stage.Name}"];
        if (Servers is not null)
        {
            BusyServers = new TimeWeightedStatistic();
            ServerCapacity = new TimeWeightedStatistic(0, Servers.Capacity);
            var busy = BusyServers;
            var capacity = ServerCapacity;
            // A server finishing a truck after its gate closed works overtime: it counts as available
            // while busy, so utilisation (busy / available server-hours) stays within [0, 1].
            Servers.Changed += r =>
            {
                busy.Observe(simulation.NowHours, r.InUse);
                capacity.Observe(simulation.NowHours, Math.Max(r.Capacity, r.InUse));
            };
        }
    }

    public CompiledStage Stage { get; }

    /// <summary>Places in front of the stage (yard places or buffer); null = unbounded.</summary>
    public Resource? Places { get; }

    /// <summary>Booths, teams or lanes; null for yards.</summary>
    public Resource? Servers { get; }

    public RandomStream ServiceStream { get; }

    public RandomStream ChannelStream { get; }

    public RandomStream EmptyServiceStream { get; }

    public RandomStream EmptyChannelStream { get; }

    /// <summary>Trucks at the stage that have not started service (for yards: trucks in the yard).</summary>
    public TimeWeightedStatistic Waiting { get; } = new();

    public TimeWeightedStatistic? BusyServers { get; }

    public TimeWeightedStatistic? ServerCapacity { get; }

    /// <summary>A staging yard with a release quota lets one truck at a time take its turn to leave, in order.</summary>
    public Resource? ExitTurn { get; }

    /// <summary>Release quota of a staging yard: trucks released per local day index.</summary>
    public Dictionary<int, int> ReleasedPerDay { get; } = [];

    public void ResetStatistics(double atHours)
    {
        Waiting.Reset(atHours);
        BusyServers?.Reset(atHours);
        ServerCapacity?.Reset(atHours);
    }
}
