using BorderSim.Model.Spec;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// A returning empty truck meets the yards of the direction it returns through, and a yard with
/// return_empty_via sends it back again: around a cycle of directions it would never leave.
/// </summary>
internal static class ReturnCycles
{
    /// <summary>
    /// Reports every return_empty_via that closes a cycle of return routes (one whose empties leave before the last stage
    /// of their return never reach its destination yard, so it closes none), and every 'from' or 'to' that is not a stage
    /// of the return direction, or a 'to' before its 'from'.
    /// </summary>
    public static void Check(Fields f, Names names, IReadOnlyList<DirectionSpec> directions)
    {
        var stopsEarly = new HashSet<(string, string)>();
        foreach (var stages in names.ReturnStages)
        {
            if (directions.FirstOrDefault(d => d.Name == stages.Via) is not { } via)
            {
                continue;
            }

            var stageNames = via.Stages.Select(s => s.Name).ToList();
            var from = StageIndex(f, stages.From, stages.FromNode, stages.FromField, stageNames, stages.Via);
            var to = StageIndex(f, stages.To, stages.ToNode, stages.ToField, stageNames, stages.Via);
            if (from >= 0 && to >= 0 && to < from)
            {
                f.Error(stages.ToNode!, stages.ToField, $"empty trucks would leave '{stages.Via}' at '{stages.To}' before they join it at '{stages.From}'",
                    "name a 'to' at or after 'from' in the direction's order of stages");
            }

            if (stages.StopsBefore(via.Stages))
            {
                stopsEarly.Add((stages.Direction, stages.Via));
            }
        }

        names.ReturnRoutes.RemoveAll(r => stopsEarly.Contains((r.Direction, r.Via)));
        foreach (var (direction, via, node, field) in names.ReturnRoutes)
        {
            if (via == direction || PathBack(names, via, direction) is not { } path)
            {
                continue;
            }

            f.Error(node, field, $"empty trucks would circulate for ever: {direction} -> {string.Join(" -> ", path)}",
                "a direction that receives returning trucks must not send them back; remove one return_empty_via");
        }
    }

    /// <summary>The index of stage <paramref name="name"/> of the return direction (−1 when not given or reported unknown).</summary>
    private static int StageIndex(Fields f, string? name, YNode? node, string field, List<string> stageNames, string via)
    {
        if (name is null || node is null)
        {
            return -1;
        }

        var index = stageNames.IndexOf(name);
        if (index < 0)
        {
            f.Error(node, field, $"'{name}' is not a stage of direction '{via}'", $"name one of its stages: {string.Join(", ", stageNames)}");
        }

        return index;
    }

    /// <summary>The directions from <paramref name="from"/> to <paramref name="to"/> along return routes (both included), or null.</summary>
    private static List<string>? PathBack(Names names, string from, string to)
    {
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal) { [from] = null };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == to)
            {
                var path = new List<string>();
                for (string? step = current; step is not null; step = previous[step])
                {
                    path.Insert(0, step);
                }

                return path;
            }

            foreach (var route in names.ReturnRoutes)
            {
                if (route.Direction == current && previous.TryAdd(route.Via, current))
                {
                    queue.Enqueue(route.Via);
                }
            }
        }

        return null;
    }
}
