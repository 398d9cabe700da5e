using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>Reads the roads: lanes per direction, crossing time, buffer, calendar, caps, priority and reserved lanes.</summary>
internal sealed class RoadMapper(Fields f, Names names)
{
    public List<RoadSpec> Read(YNode node)
    {
        var roads = new List<RoadSpec>();
        var map = f.Map(node, "roads", "write roads: { freight_road_1119: { lanes: { export: 2, import: 2 }, crossing: fixed(4min) } }");
        if (map is null)
        {
            return roads;
        }

        foreach (var (key, value) in map.Entries)
        {
            if (ReadRoad(key, value) is { } road)
            {
                roads.Add(road);
            }
        }

        return roads;
    }

    private RoadSpec? ReadRoad(YScalar key, YNode value)
    {
        var field = Fields.Join("roads", key.Value);
        names.Roads.Add(key.Value);
        if (!Fields.IsName(key.Value))
        {
            f.Error(key, field, $"'{key.Value}' is not a valid name", "use letters, digits, '_' and '-', not '-' first");
        }

        var road = f.Map(value, field, "write e.g. { lanes: { export: 2, import: 2 }, crossing: fixed(4min), buffer: 20 }");
        if (road is null)
        {
            return null;
        }

        f.Keys(road, field, RoadSections.Road);
        var lanes = Fields.Optional(road, "lanes", (n, _) => ReadLanes(n, Fields.Join(field, "lanes")));
        var crossing = Fields.Optional(road, "crossing", (n, _) => f.ServiceTime(n, Fields.Join(field, "crossing")));
        var buffer = Fields.OptionalValue(road, "buffer", (n, _) => f.Int(n, Fields.Join(field, "buffer"), 0));
        string? calendar = null;
        if (road.Get("calendar") is { } calendarNode && f.Name(calendarNode, Fields.Join(field, "calendar")) is { } calendarName)
        {
            calendar = calendarName;
            f.Reference(calendarNode, Fields.Join(field, "calendar"), calendarName, "calendar", names.Calendars);
        }

        var caps = Fields.Optional(road, "cap_per_day", (n, _) => new CapMapper(f, names).ReadByDirection(n, Fields.Join(field, "cap_per_day"), allowNone: false));
        if (caps is not null && lanes is not null)
        {
            foreach (var direction in caps.Keys.Where(d => !lanes.ContainsKey(d) && names.Directions.Contains(d)))
            {
                f.Error(road.Get("cap_per_day")!, Fields.Join(Fields.Join(field, "cap_per_day"), direction), NoLanes(key.Value, direction), new Advice($"add {direction}: N under lanes, or leave its cap out", $"hãy thêm {direction}: N trong lanes, hoặc bỏ hạn mức của nó"));
            }
        }

        IReadOnlyList<ReservedServers>? reserved = null;
        var reservedOk = true;
        if (road.Get("reserved") is { } reservedNode)
        {
            var reservedField = Fields.Join(field, "reserved");
            reserved = Reservation.Read(f, names, reservedNode, reservedField, classesKnown: false);
            reservedOk = reserved is not null && (lanes is null || lanes.All(l => Reservation.CheckFits(f, reservedNode, reservedField, reserved, l.Value, $"road '{key.Value}' has {l.Value} lanes for {l.Key}")));
        }

        var reservedOnly = road.Get("reserved_only") is { } onlyNode ? Reservation.ReadOnlyFlag(f, onlyNode, Fields.Join(field, "reserved_only")) : false;
        if (lanes is not null)
        {
            names.RoadLanes[key.Value] = lanes;
        }

        if (lanes is null || crossing is null || (caps is null && road.Get("cap_per_day") is not null) || !reservedOk || reservedOnly is null)
        {
            return null;
        }

        var priority = road.Get("priority") is { } priorityNode ? PriorityOrder.Read(f, names, priorityNode, Fields.Join(field, "priority")) : null;
        return new RoadSpec(key.Value, lanes, crossing, buffer, calendar)
        {
            CapPerDayByDirection = caps ?? [],
            Priority = priority,
            Reserved = reserved,
            ReservedOnly = reservedOnly.Value,
        };
    }

    /// <summary><c>{ export: 2, import: 2 }</c>: lanes per known direction, each at least 1.</summary>
    private Dictionary<string, int>? ReadLanes(YNode node, string field)
    {
        var map = f.Map(node, field, "write e.g. { export: 2, import: 2 }");
        if (map is null)
        {
            return null;
        }

        var lanes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            var entryField = Fields.Join(field, key.Value);
            f.Reference(key, entryField, key.Value, "direction", names.Directions);
            if (f.Int(value, entryField, 1, new Advice("a direction needs at least one lane; leave it out if the road does not serve it", "mỗi chiều cần ít nhất một làn; bỏ chiều đó đi nếu con đường không phục vụ nó")) is { } count)
            {
                lanes[key.Value] = count;
            }
        }

        if (map.Entries.Count == 0)
        {
            f.Error(map, field, "no lanes are given", "write e.g. { export: 2, import: 2 }");
        }

        return lanes;
    }

    /// <summary>A road named for a direction it has no lanes for (a stage on the road, or a cap).</summary>
    internal static Bilingual NoLanes(string road, string direction) =>
        new($"road '{road}' has no lanes for direction '{direction}'", $"đường '{road}' không có làn cho chiều '{direction}'");

    /// <summary>Where to add the direction's lanes.</summary>
    internal static Advice AddLanes(string direction, string lanesPath) =>
        new($"add {direction}: N under {lanesPath}", $"hãy thêm {direction}: N trong {lanesPath}");
}
