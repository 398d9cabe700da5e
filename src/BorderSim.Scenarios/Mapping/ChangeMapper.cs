using System.Globalization;
using BorderSim.Model.Calendars;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Yaml;
using NodaTime;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Reads dated changes: from a day, a check stage gets other servers, a road other lanes,
/// a calendar other hours or another appointment quota, a class another patience, a pool another number of units. Each change has exactly one target.
/// </summary>
internal sealed class ChangeMapper(Fields f, Names names)
{
    private readonly List<(YNode Node, string Field, string Target, string Name, LocalDate From, IReadOnlyList<ReservedServers> Reserved)> _reservations = [];

    public List<ScheduledChangeSpec> Read(YNode node)
    {
        var changes = new List<ScheduledChangeSpec>();
        var seq = f.Seq(node, "changes", "write one '- { from: 2026-06-15, stage: vn_customs, servers: 8 }' per line");
        if (seq is null)
        {
            return changes;
        }

        var written = new List<SameDayChanges.Written>();
        for (var i = 0; i < seq.Items.Count; i++)
        {
            if (ReadChange(seq.Items[i], Fields.Index("changes", i)) is { } change)
            {
                changes.Add(change);
                written.Add(new SameDayChanges.Written(change, seq.Items[i], Fields.Index("changes", i)));
            }
        }

        SameDayChanges.Check(written, f);
        CheckReservationsFit(changes);
        return changes;
    }

    private ScheduledChangeSpec? ReadChange(YNode node, string field)
    {
        var map = f.Map(node, field, "write e.g. { from: 2026-06-15, stage: vn_customs, servers: 8 }");
        if (map is null)
        {
            return null;
        }

        f.Keys(map, field, ChangeSections.Change);
        LocalDate? from = map.Get("from") is { } fromNode ? f.Date(fromNode, Fields.Join(field, "from")) : null;
        // A change dated outside the run is a warning (DatedEntry.WarningsFor), not an error: the run's
        // length can still change with --days.
        var targets = ChangeSections.Targets.Select(t => t.Key).Where(t => map.Get(t) is not null).ToList();
        if (targets.Count != 1)
        {
            f.Error(map, field, targets.Count == 0
                    ? "a change needs a target: stage, road, calendar, class or pool"
                    : $"a change has one target, found {string.Join(" and ", targets)}",
                "write one change per target, e.g. { from: 2026-06-20, stage: vn_customs, servers: 8 }");
            return null;
        }

        var target = targets[0];
        var targetNode = map.Get(target)!;
        var targetField = Fields.Join(field, target);
        var name = f.Name(targetNode, targetField);
        var reason = map.Get("reason") is { } reasonNode ? f.Reason(reasonNode, Fields.Join(field, "reason")) ?? "" : "";
        var allowed = ChangeSections.Target(target).Settings;
        foreach (var key in ChangeSections.Settings.Where(k => map.Get(k) is not null && !allowed.Contains(k)))
        {
            f.Error(map.Get(key)!, Fields.Join(field, key), $"{key} does not apply to a {target} change",
                key switch
                {
                    "servers" => "servers change on a stage: { from, stage, servers }",
                    "lanes" => "lanes change on a road: { from, road, lanes }",
                    "priority" => "a priority order changes on a check { from, stage, priority: [fruit] } or a road { from, road, priority: [fruit] }",
                    "reserved" => "reserved servers change on a check { from, stage, reserved: { fruit: 2 } } or a road { from, road, reserved: { fruit: 1 } }",
                    "cap_per_day" => "a clearance cap changes on a check { from, stage, cap_per_day } or a road { from, road, cap_per_day: { export: 300 } }",
                    "patience" => "patience changes on a class: { from, class: fruit, patience: lognormal(24h, 6h) }",
                    "units" => "units change on a pool: { from, pool: handover_drivers, units: 30 }",
                    _ => "hours and quota_per_day change on a calendar: { from, calendar, hours }",
                });
        }

        if (!allowed.Any(k => map.Get(k) is not null))
        {
            f.Error(map, field, $"a {target} change needs {string.Join(" or ", allowed)}");
            return null;
        }

        if (name is null)
        {
            return null;
        }

        int? servers = null;
        IReadOnlyDictionary<string, int>? lanes = null;
        WeeklyHours? hours = null;
        int? quota = null;
        ClearanceCapSpec? cap = null;
        Dictionary<string, ClearanceCapSpec>? roadCaps = null;
        PatienceChangeSpec? patience = null;
        int? units = null;
        switch (target)
        {
            case "pool":
                if (!f.Reference(targetNode, targetField, name, "pool", names.Pools)
                    || (units = f.Int(map.Get("units")!, Fields.Join(field, "units"), 1, "a pool keeps at least one unit; take it off duty with its calendar instead")) is null)
                {
                    return null;
                }

                break;
            case "class":
                if (!f.Reference(targetNode, targetField, name, "class", names.Classes) || (patience = ReadPatience(map.Get("patience")!, Fields.Join(field, "patience"), name)) is null)
                {
                    return null;
                }

                break;
            case "stage":
                if (!names.StageKinds.TryGetValue(name, out var kind))
                {
                    f.Reference(targetNode, targetField, name, "stage", names.StageKinds.Keys);
                    return null;
                }

                if (kind != "check")
                {
                    f.Error(targetNode, targetField, $"stage '{name}' is a {kind}; only check stages have servers or a clearance cap",
                        "to change a road's lanes write { from, road, lanes }");
                    return null;
                }

                if (map.Get("servers") is { } serversNode && (servers = f.Int(serversNode, Fields.Join(field, "servers"), 1, new Advice("a check needs at least one booth or team", "một khâu kiểm tra cần ít nhất một buồng hoặc một tổ"))) is null)
                {
                    return null;
                }

                if (map.Get("cap_per_day") is { } capNode && (cap = new CapMapper(f, names).Read(capNode, Fields.Join(field, "cap_per_day"), allowNone: true)) is null)
                {
                    return null;
                }

                break;
            case "road":
                if (!f.Reference(targetNode, targetField, name, "road", names.Roads))
                {
                    return null;
                }

                if (map.Get("lanes") is { } lanesNode && (lanes = ReadLanes(lanesNode, Fields.Join(field, "lanes"))) is null)
                {
                    return null;
                }

                if (map.Get("cap_per_day") is { } roadCapNode && (roadCaps = new CapMapper(f, names).ReadByDirection(roadCapNode, Fields.Join(field, "cap_per_day"), allowNone: true)) is null)
                {
                    return null;
                }

                break;
            default:
                if (!f.Reference(targetNode, targetField, name, "calendar", names.Calendars))
                {
                    return null;
                }

                if (map.Get("hours") is { } hoursNode && (hours = f.Hours(hoursNode, Fields.Join(field, "hours"))) is null)
                {
                    return null;
                }

                if (map.Get("quota_per_day") is { } quotaNode && (quota = f.Int(quotaNode, Fields.Join(field, "quota_per_day"), 1)) is null)
                {
                    return null;
                }

                break;
        }

        IReadOnlyList<ReservedServers>? reserved = null;
        if (map.Get("reserved") is { } reservedNode && target != "calendar")
        {
            reserved = Reservation.Read(f, names, reservedNode, Fields.Join(field, "reserved"), classesKnown: true);
            if (reserved is null)
            {
                return null;
            }

            if (from is not null)
            {
                _reservations.Add((reservedNode, Fields.Join(field, "reserved"), target, name, from.Value, reserved));
            }
        }

        return from is null
            ? null
            : new ScheduledChangeSpec(from.Value, target == "stage" ? name : null, target == "road" ? name : null,
                target == "calendar" ? name : null, servers, lanes, hours, quota, reason)
            {
                CargoClass = target == "class" ? name : null,
                Patience = patience,
                Pool = target == "pool" ? name : null,
                Units = units,
                CapPerDay = cap,
                CapPerDayByDirection = roadCaps,
                Priority = map.Get("priority") is { } priorityNode && target is "stage" or "road" ? PriorityOrder.Read(f, names, priorityNode, Fields.Join(field, "priority")) : null,
                Reserved = reserved,
            };
    }

    /// <summary>
    /// A dated reservation must fit the servers (or each direction's lanes) the stage has on its date: the
    /// last change of them dated on or before it, else the stage's own. A later cut below it is allowed: the
    /// reservation then shrinks to what is open (the class named last first).
    /// </summary>
    private void CheckReservationsFit(List<ScheduledChangeSpec> changes)
    {
        foreach (var (node, field, target, name, from, reserved) in _reservations)
        {
            if (target == "stage")
            {
                if (!names.CheckServers.TryGetValue(name, out var servers))
                {
                    continue;
                }

                servers = Schedule.InForceOn(servers, changes.Where(c => c.Stage == name && c.Servers is not null).Select(c => (c.From, c.Servers!.Value)), from);
                Reservation.CheckFits(f, node, field, reserved, servers, $"check '{name}' has {servers} servers on {from.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}");
            }
            else if (names.RoadLanes.TryGetValue(name, out var lanes))
            {
                foreach (var (direction, baseLanes) in lanes)
                {
                    var count = Schedule.InForceOn(baseLanes, changes.Where(c => c.Road == name && c.Lanes is not null && c.Lanes.ContainsKey(direction)).Select(c => (c.From, c.Lanes![direction])), from);
                    if (!Reservation.CheckFits(f, node, field, reserved, count, $"road '{name}' has {count} lanes for {direction} on {from.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}"))
                    {
                        break;
                    }
                }
            }
        }
    }

    /// <summary>A class's new patience: a distribution, or <c>none</c> (its trucks no longer give up).</summary>
    private PatienceChangeSpec? ReadPatience(YNode node, string field, string cargoClass)
    {
        if (cargoClass == CargoClassSpec.EmptyClassName)
        {
            f.Error(node, field, "trucks returning empty never give up", "change the patience of a loaded class");
            return null;
        }

        if (node is YScalar { Value: "none" })
        {
            return new PatienceChangeSpec(null);
        }

        var patience = f.Distribution(node, field);
        if (patience is { Mean: <= 0 })
        {
            f.Error(node, field, "a patience of 0 makes every truck give up at once", "give how long drivers wait, e.g. lognormal(24h, 6h); write none if they no longer give up");
            return null;
        }

        return patience is null ? null : new PatienceChangeSpec(patience);
    }

    private Dictionary<string, int>? ReadLanes(YNode node, string field)
    {
        var map = f.Map(node, field, "write e.g. { export: 3, import: 3 }");
        if (map is null)
        {
            return null;
        }

        var lanes = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (key, value) in map.Entries)
        {
            var entryField = Fields.Join(field, key.Value);
            ok &= f.Reference(key, entryField, key.Value, "direction", names.Directions);
            if (f.Int(value, entryField, 1, "a direction needs at least one lane") is { } count)
            {
                lanes[key.Value] = count;
            }
            else
            {
                ok = false;
            }
        }

        return ok && lanes.Count > 0 ? lanes : null;
    }
}
