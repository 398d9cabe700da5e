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

    /// <summary>The classes each direction carries: its own arrivals, the classes origins route to it, and the empties returning through it.</summary>
    private void MarkClassesCarried(CrossingModel model)
    {
        foreach (var direction in Directions)
        {
            var mix = direction.Direction.Arrivals.ClassMix;
            for (var c = 0; c < mix.Count; c++)
            {
                direction.HasClass[c] = mix[c] > 0;
            }
        }

        foreach (var origin in model.Origins)
        {
            for (var c = 0; c < origin.RuleByClass.Length; c++)
            {
                foreach (var route in origin.RuleByClass[c]?.Routes ?? [])
                {
                    Directions[route].HasClass[c] = true;
                }
            }
        }

        // A second pass: the empties' direction may come before or after the one they return from.
        foreach (var direction in Directions)
        {
            foreach (var stage in direction.Direction.Stages)
            {
                if (stage.ReturnEmptyDirection >= 0 && model.EmptyClassIndex >= 0)
                {
                    Directions[stage.ReturnEmptyDirection].HasClass[model.EmptyClassIndex] = true;
                }
            }
        }
    }
}
