using BorderSim.Engine;
using BorderSim.Engine.Randomness;

namespace BorderSim.Model.Crossing;

/// <summary>
/// What of the compiled model runs in one replication: every stage, direction, class, pool and origin with its
/// resources, random streams and statistics, and which classes use which direction.
/// </summary>
internal sealed class CrossingRuntime
{
    public CrossingRuntime(CrossingModel model, Simulation simulation, RandomStreams streams)
    {
        Stages = [.. model.Directions.Select(d => d.Stages.Select(s => new StageRuntime(simulation, s, d.Name, streams)).ToArray())];
        Directions = [.. model.Directions.Select(d => new DirectionRuntime(d, streams, model.ClassNames.Length))];
        Classes = [.. model.Classes.Select(c => new ClassRuntime(c, streams))];
        Pools = [.. model.Pools.Select(p => new PoolRuntime(simulation, p, streams))];
        Origins = [.. model.Origins.Select(o => new OriginRuntime(o, streams, model.Directions.Length))];
        MarkClassesCarried(model);
    }

    /// <summary>Per direction index, its stages in route order.</summary>
    public StageRuntime[][] Stages { get; }

    public DirectionRuntime[] Directions { get; }

    public ClassRuntime[] Classes { get; }

    public PoolRuntime[] Pools { get; }

    public OriginRuntime[] Origins { get; }

    /// <summary>Every statistic starts again at <paramref name="nowHours"/> (the end of the warm-up).</summary>
    public void ResetStatistics(double nowHours)
    {
        foreach (var direction in Directions)
        {
            direction.ResetStatistics(nowHours);
        }

        foreach (var stage in Stages.SelectMany(s => s))
        {
            stage.ResetStatistics(nowHours);
        }

        foreach (var cargoClass in Classes)
        {
            cargoClass.ResetStatistics();
        }

        foreach (var pool in Pools)
        {
            pool.ResetStatistics(nowHours);
        }

        foreach (var origin in Origins)
        {
            origin.ResetStatistics();
        }
    }

    /// <summary>The classes each direction carries, as the compiled model says.</summary>
    private void MarkClassesCarried(CrossingModel model)
    {
        for (var d = 0; d < Directions.Length; d++)
        {
            for (var c = 0; c < model.ClassNames.Length; c++)
            {
                Directions[d].HasClass[c] = model.ClassesCarried[d][c];
            }
        }
    }
}
