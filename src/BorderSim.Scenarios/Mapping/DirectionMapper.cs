using BorderSim.Engine.Randomness;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Syntax;
using BorderSim.Scenarios.Yaml;
using NodaTime;

namespace BorderSim.Scenarios.Mapping;

/// <summary>Reads one direction: its arrivals and its stages (yard, check, road), in order.</summary>
internal sealed class DirectionMapper(Fields f, Names names, IReadOnlyList<RoadSpec> roads, IReadOnlyList<CargoClassSpec> classes)
{
    private readonly ArrivalsMapper _arrivals = new(f, names, classes);
    private readonly StageMapper _stages = new(f, names, roads);
    private readonly PoolMapper _pools = new(f, names);
    private readonly BacklogMapper _backlog = new(f, names);

    public DirectionSpec? Read(string direction, YNode node)
    {
        var field = Fields.Join("directions", direction);
        var map = f.Map(node, field, "write e.g. { arrivals: { trucks_per_day: 450 }, stages: [ ... ] }");
        if (map is null)
        {
            return null;
        }

        // A route fed by an origin needs no arrivals of its own (it may still have local traffic).
        var isFed = names.FedDirections.Contains(direction);
        f.Keys(map, field, DirectionSections.Direction, withConditional: !isFed);
        var arrivals = map.Get("arrivals") is { } arrivalsNode ? _arrivals.Read(arrivalsNode, Fields.Join(field, "arrivals"))
            : isFed ? new ArrivalSpec(0, ArrivalSpec.Flat, new Dictionary<IsoDayOfWeek, double>(), new Dictionary<int, double>(), [], new Dictionary<string, double>()) : null;
        var stages = new List<StageSpec>();
        if (map.Get("stages") is { } stagesNode)
        {
            var stagesField = Fields.Join(field, "stages");
            var seq = f.Seq(stagesNode, stagesField, new Advice("write one '- yard: {...}', '- check: {...}' or '- road: name' per line", "hãy viết mỗi dòng một '- yard: {...}', '- check: {...}' hoặc '- road: name'"));
            if (seq is not null)
            {
                if (seq.Items.Count == 0)
                {
                    f.Error(seq, stagesField, $"direction '{direction}' has no stages", "a truck passes at least one stage, e.g. - check: { name: customs, servers: 2, service: exp(10min) }");
                }

                var namesInDirection = new Dictionary<string, YNode>(StringComparer.Ordinal);
                var poolUses = new List<PendingUse>();
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    if (_stages.Read(direction, seq.Items[i], Fields.Index(stagesField, i), i, namesInDirection, poolUses, i == seq.Items.Count - 1) is { } stage)
                    {
                        stages.Add(stage);
                    }
                }

                _pools.CheckSpans(direction, stages, poolUses);
            }
        }

        var backlog = map.Get("backlog") is { } backlogNode ? _backlog.Read(direction, backlogNode, Fields.Join(field, "backlog"), stages) : [];
        return arrivals is null ? null : new DirectionSpec(direction, arrivals, stages) { Backlog = backlog };
    }
}
