using BorderSim.Engine.Randomness;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Reads the pools (<c>pools: { handover_drivers: { units: 40, calendar: driver_shifts, return: fixed(20min) } }</c>)
/// and a stage's use of one (<c>pool: handover_drivers</c> or <c>pool: { name: handover_drivers, through: cn_inspection }</c>).
/// </summary>
internal sealed class PoolMapper(Fields f, Names names)
{
    public List<PoolSpec> Read(YNode node)
    {
        var pools = new List<PoolSpec>();
        var map = f.Map(node, "pools", "write pools: { handover_drivers: { units: 40, return: fixed(20min) } }");
        if (map is null)
        {
            return pools;
        }

        foreach (var (key, value) in map.Entries)
        {
            var field = Fields.Join("pools", key.Value);
            names.Pools.Add(key.Value);
            if (!Fields.IsName(key.Value))
            {
                f.Error(key, field, $"'{key.Value}' is not a valid name", "use letters, digits, '_' and '-', not '-' first");
            }

            var pool = f.Map(value, field, "write e.g. { units: 40, calendar: driver_shifts, return: fixed(20min) }");
            if (pool is null)
            {
                continue;
            }

            f.Keys(pool, field, StageSections.Pool);
            int? units = pool.Get("units") is { } unitsNode
                ? f.Int(unitsNode, Fields.Join(field, "units"), 1, new Advice("a pool needs at least one unit; take the pool off its stages instead", "một nhóm cần ít nhất một đơn vị; muốn bỏ thì gỡ nhóm khỏi các khâu dùng nó"))
                : null;
            string? calendar = null;
            if (pool.Get("calendar") is { } calendarNode && f.Name(calendarNode, Fields.Join(field, "calendar")) is { } calendarName)
            {
                calendar = calendarName;
                f.Reference(calendarNode, Fields.Join(field, "calendar"), calendarName, "calendar", names.Calendars);
            }

            Distribution? returnHours = pool.Get("return") is { } returnNode ? f.Distribution(returnNode, Fields.Join(field, "return")) : null;
            if (units is not null)
            {
                pools.Add(new PoolSpec(key.Value, units.Value, calendar, returnHours));
            }
        }

        return pools;
    }

    /// <summary>
    /// A stage's <c>pool</c>: a pool's name (held over this stage alone), or <c>{ name, through }</c> (held from this
    /// stage's service until the truck leaves stage <c>through</c>). Whether <c>through</c> names this stage or a later
    /// one of the direction is checked once the direction's stages are read (<see cref="CheckSpans"/>).
    /// </summary>
    public PoolUseSpec? ReadUse(YNode node, string field, string? stageName, List<PendingUse> pending)
    {
        string? pool;
        string? through = stageName;
        YNode poolNode = node;
        YNode? throughNode = null;
        if (node is YMap map)
        {
            f.Keys(map, field, StageSections.PoolUse);
            poolNode = map.Get("name") ?? map;
            pool = map.Get("name") is { } nameNode ? f.Name(nameNode, Fields.Join(field, "name")) : null;
            if (map.Get("through") is { } t)
            {
                throughNode = t;
                through = f.Name(t, Fields.Join(field, "through"));
            }
        }
        else
        {
            pool = f.Name(node, field);
        }

        if (pool is null || through is null || stageName is null || !f.Reference(poolNode, field, pool, "pool", names.Pools))
        {
            return null;
        }

        pending.Add(new PendingUse(stageName, through, throughNode ?? node, throughNode is null ? field : Fields.Join(field, "through")));
        return new PoolUseSpec(pool, through);
    }

    /// <summary>
    /// Each pool use's <c>through</c> names the stage itself or a later stage of the direction, and a truck holds at
    /// most one unit at a time: spans of one direction do not overlap.
    /// </summary>
    public void CheckSpans(string direction, IReadOnlyList<StageSpec> stages, List<PendingUse> pending)
    {
        var heldUntil = -1;
        string? heldFrom = null;
        foreach (var use in pending)
        {
            var from = IndexOf(stages, use.Stage);
            if (from < 0)
            {
                continue;
            }

            var through = IndexOf(stages, use.Through);
            if (through < from)
            {
                var later = stages.Skip(from).Select(s => s.Name).ToList();
                var message = through < 0
                    ? $"no stage '{use.Through}' in direction '{direction}'"
                    : $"stage '{use.Through}' comes before '{use.Stage}': a pool unit is held from its stage on";
                f.Error(use.ThroughNode, use.Field, message, Syntax.DidYouMean.Hint(use.Through, later) ?? "name this stage or a later one: " + string.Join(", ", later));
                continue;
            }

            if (from <= heldUntil)
            {
                f.Error(use.ThroughNode, use.Field, $"stage '{use.Stage}' takes a pool unit while the truck still holds the one it took at '{heldFrom}'",
                    $"a truck holds one pool unit at a time; end the first at a stage before '{use.Stage}'");
                continue;
            }

            heldUntil = through;
            heldFrom = use.Stage;
        }
    }

    private static int IndexOf(IReadOnlyList<StageSpec> stages, string name)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A pool use read on a stage, to check against the direction's stages once they are all read.</summary>
internal sealed record PendingUse(string Stage, string Through, YNode ThroughNode, string Field);
