using BorderSim.Engine.Randomness;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Syntax;
using BorderSim.Scenarios.Yaml;
using NodaTime;

namespace BorderSim.Scenarios.Mapping;

/// <summary>Reads one stage of a direction: a yard, a check (with its channels) or a road.</summary>
internal sealed class StageMapper(Fields f, Names names, IReadOnlyList<RoadSpec> roads)
{
    private static readonly Bilingual ServiceAndChannels = new("give either service or channels, not both", "chỉ ghi service hoặc channels, không ghi cả hai");

    private static readonly Advice ServiceOrChannels = new(
        "service: exp(8min) is one green channel; channels: { green: {...}, red: {...} } routes trucks",
        "service: exp(8min) là một luồng xanh; channels: { green: {...}, red: {...} } phân luồng xe");

    private readonly PoolMapper _pools = new(f, names);
    private List<PendingUse> _poolUses = [];

    // Yard and check names are unique across the scenario: changes refer to them by name alone.
    private readonly Dictionary<string, YNode> _stageNames = new(StringComparer.Ordinal);

    public StageSpec? Read(string direction, YNode node, string field, int index, Dictionary<string, YNode> namesInDirection, List<PendingUse> poolUses, bool isLast)
    {
        _poolUses = poolUses;
        const string Example = "write - yard: {...}, - check: {...} or - road: name";
        var map = f.Map(node, field, Example);
        if (map is null)
        {
            return null;
        }

        if (map.Entries.Count != 1)
        {
            f.Error(map, field, $"a stage is one key (yard, check or road), found {map.Entries.Count}: {string.Join(", ", map.Keys)}",
                "put the stage's settings inside, e.g. - check: { name: vn_customs, servers: 4, service: exp(10min) }; check the indentation");
            return null;
        }

        var (kind, value) = map.Entries[0];
        var stageField = Fields.Join(field, kind.Value);
        StageSpec? stage = kind.Value switch
        {
            "yard" => ReadYard(direction, value, stageField, index, isLast),
            "check" => ReadCheck(value, stageField),
            "road" => ReadRoadStage(direction, value, stageField),
            _ => null,
        };
        if (!StageSections.Stage.Known.Contains(kind.Value))
        {
            f.Error(kind, stageField, $"unknown kind of stage '{kind.Value}'", (Advice?)DidYouMean.Hint(kind.Value, StageSections.Stage.Known) ?? new Advice("a stage is a yard, a check or a road", "một khâu là yard (bãi), check (kiểm tra) hoặc road (đường)"));
        }

        if (stage is null && kind.Value != "road" && value is YMap settings && settings.Get("name") is YScalar { IsNull: false } brokenName)
        {
            // Still a stage others may refer to: do not add "unknown stage" errors to the one already reported.
            names.StageKinds.TryAdd(brokenName.Value, kind.Value);
        }

        if (stage is not null)
        {
            var nameNode = (value as YMap)?.Get("name") ?? value;
            if (namesInDirection.TryGetValue(stage.Name, out var firstInDirection))
            {
                f.Error(nameNode, stageField, $"duplicate stage name '{stage.Name}' in direction '{direction}' (first at line {firstInDirection.Line})",
                    "give each stage its own name" + (stage is RoadStageSpec ? "; a road stage may take stage_name" : ""));
                return null;
            }

            namesInDirection[stage.Name] = nameNode;
            if (stage is not RoadStageSpec)
            {
                if (_stageNames.TryGetValue(stage.Name, out var first))
                {
                    f.Error(nameNode, stageField, $"duplicate stage name '{stage.Name}' (first at line {first.Line})", "changes refer to stages by name, so each yard and check needs its own");
                    return null;
                }

                _stageNames[stage.Name] = nameNode;
                names.StageKinds[stage.Name] = kind.Value;
            }
        }

        return stage;
    }

    private YardStageSpec? ReadYard(string direction, YNode node, string field, int index, bool isLast)
    {
        var map = f.Map(node, field, "write e.g. { name: vn_yard, capacity: 450, overflow: highway, road_per_truck: 19m }");
        if (map is null)
        {
            return null;
        }

        f.Keys(map, field, StageSections.Yard);
        var name = map.Get("name") is { } nameNode ? f.Name(nameNode, Fields.Join(field, "name")) : null;
        int? capacity = map.Get("capacity") is { } capacityNode ? f.Int(capacityNode, Fields.Join(field, "capacity"), 1, "leave capacity out for an unlimited yard") : null;
        var overflow = false;
        if (map.Get("overflow") is { } overflowNode && f.Scalar(overflowNode, Fields.Join(field, "overflow"), "highway or none") is { } overflowText)
        {
            if (!StageSections.Overflows.Contains(overflowText))
            {
                f.Error(overflowNode, Fields.Join(field, "overflow"), $"expected highway or none, found '{overflowText}'",
                    DidYouMean.Hint(overflowText, StageSections.Overflows));
            }
            else if (overflowText == "highway")
            {
                overflow = true;
                if (index != 0)
                {
                    f.Error(overflowNode, Fields.Join(field, "overflow"), "only the first stage of a direction can overflow onto the highway",
                        "later stages block: trucks keep their place upstream");
                }
                else if (capacity is null && map.Get("capacity") is null)
                {
                    f.Error(overflowNode, Fields.Join(field, "overflow"), new Bilingual("overflow: highway needs a capacity", "overflow: highway cần có capacity"), new Advice("add capacity: 450, or leave overflow out", "hãy thêm capacity: 450, hoặc bỏ overflow"));
                }
            }
        }

        var metres = map.Get("road_per_truck") is { } roadNode ? f.DistanceMetres(roadNode, Fields.Join(field, "road_per_truck")) : 19;
        if (metres is <= 0 && map.Get("road_per_truck") is { } zeroNode)
        {
            f.Error(zeroNode, Fields.Join(field, "road_per_truck"), "a stopped truck takes road: the highway queue would always read 0 km",
                new Advice("give the length a truck takes with its gap, e.g. 19m (18-20 m)", "hãy ghi chiều dài một xe chiếm kể cả khoảng cách, ví dụ 19m (18-20 m)"));
            metres = null;
        }

        int? quota = map.Get("release_quota_per_day") is { } quotaNode ? f.Int(quotaNode, Fields.Join(field, "release_quota_per_day"), 1) : null;
        Distribution? dwell = map.Get("dwell") is { } dwellNode ? f.Distribution(dwellNode, Fields.Join(field, "dwell")) : null;
        var back = map.Get("return_empty_via") is { } returnNode ? ReadYardReturn(direction, returnNode, Fields.Join(field, "return_empty_via"), isLast) : default;

        return name is null || metres is null ? null : new YardStageSpec(name, capacity, overflow, metres.Value, quota, dwell, back.Via)
        {
            Priority = ReadPriority(map, field),
            ReturnEmptyFrom = back.From,
            ReturnEmptyTo = back.To,
            ReturnEmptyShare = back.Via is null ? 1 : back.Share,
        };
    }

    /// <summary>A yard's return_empty_via, checked against its direction and place: where its trucks return, over which stages, what share.</summary>
    private (string? Via, string? From, string? To, double Share) ReadYardReturn(string direction, YNode returnNode, string returnField, bool isLast)
    {
        string? returnVia = null;
        string? returnFrom = null;
        string? returnTo = null;
        double returnShare = 1;
        if (ReadReturn(direction, returnNode, returnField) is ({ } via, var viaNode, var viaField, var stages, var share))
        {
            returnShare = share;
            if (f.Reference(viaNode, viaField, via, "direction", names.Directions))
            {
                if (via == direction)
                {
                    f.Error(viaNode, viaField, $"trucks cannot return empty through their own direction '{direction}'", "name the opposite direction, e.g. import");
                }
                else if (!isLast)
                {
                    f.Error(viaNode, viaField, $"only the yard at the end of '{direction}' (its destination) sends trucks back empty; this yard is not the last stage",
                        "move return_empty_via to the last stage, or make this yard the last stage");
                }

                returnVia = via;
                names.NeedsEmptyClass = true;
                names.ReturnRoutes.Add((direction, via, viaNode, viaField));
                if (stages is not null)
                {
                    names.ReturnStages.Add(stages);
                    (returnFrom, returnTo) = (stages.From, stages.To);
                }
            }
        }

        return (returnVia, returnFrom, returnTo, returnShare);
    }

    /// <summary>
    /// return_empty_via: a direction's name, or { direction, from, to, share } (the stages of that direction where the
    /// empties join and leave it, recorded in <see cref="Names.ReturnStages"/> and checked once every direction is read;
    /// the share of the trucks that return, 1 when not given).
    /// </summary>
    private (string? Via, YNode Node, string Field, ReturnStages? Stages, double Share) ReadReturn(string direction, YNode node, string field)
    {
        if (node is not YMap map)
        {
            return (f.Name(node, field), node, field, null, 1);
        }

        f.Keys(map, field, StageSections.EmptyReturn);
        var directionNode = map.Get("direction") ?? map;
        var directionField = Fields.Join(field, "direction");
        var via = map.Get("direction") is { } d ? f.Name(d, directionField) : null;
        var fromNode = map.Get("from");
        var toNode = map.Get("to");
        var from = fromNode is null ? null : f.Name(fromNode, Fields.Join(field, "from"));
        var to = toNode is null ? null : f.Name(toNode, Fields.Join(field, "to"));
        var stages = via is not null && (from is not null || to is not null)
            ? new ReturnStages(direction, via, from, fromNode, Fields.Join(field, "from"), to, toNode, Fields.Join(field, "to"))
            : null;
        var share = map.Get("share") is { } shareNode ? f.Probability(shareNode, Fields.Join(field, "share")) ?? 1 : 1;
        return (via, directionNode, directionField, stages, share);
    }

    private CheckStageSpec? ReadCheck(YNode node, string field)
    {
        var map = f.Map(node, field, "write e.g. { name: vn_customs, servers: 6, calendar: vn_gate, service: exp(10min) }");
        if (map is null)
        {
            return null;
        }

        f.Keys(map, field, StageSections.Check);
        var name = map.Get("name") is { } nameNode ? f.Name(nameNode, Fields.Join(field, "name")) : null;
        var pool = map.Get("pool") is { } poolNode ? _pools.ReadUse(poolNode, Fields.Join(field, "pool"), name, _poolUses) : null;
        int? servers = map.Get("servers") is { } serversNode
            ? f.Int(serversNode, Fields.Join(field, "servers"), 1, new Advice("a check needs at least one booth or team; close it with a calendar instead", "một khâu kiểm tra cần ít nhất một buồng hoặc một tổ; muốn đóng khâu thì dùng lịch"))
            : null;
        string? calendar = null;
        if (map.Get("calendar") is { } calendarNode && f.Name(calendarNode, Fields.Join(field, "calendar")) is { } calendarName)
        {
            calendar = calendarName;
            f.Reference(calendarNode, Fields.Join(field, "calendar"), calendarName, "calendar", names.Calendars);
        }

        int? buffer = map.Get("buffer") is { } bufferNode ? f.Int(bufferNode, Fields.Join(field, "buffer"), 0) : null;
        var service = map.Get("service");
        var channelsNode = map.Get("channels");
        IReadOnlyList<ChannelSpec>? channels = null;
        if (service is not null && channelsNode is not null)
        {
            f.Error(channelsNode, Fields.Join(field, "channels"), ServiceAndChannels, ServiceOrChannels);
        }
        else if (service is not null)
        {
            if (f.ServiceTime(service, Fields.Join(field, "service")) is { } distribution)
            {
                channels = [new ChannelSpec("green", 1, distribution, new Dictionary<string, double>(), new Dictionary<string, Distribution>())];
            }
        }
        else if (channelsNode is not null)
        {
            channels = ReadChannels(channelsNode, Fields.Join(field, "channels"));
        }
        else
        {
            f.Error(map, Fields.Join(field, "service"), "missing required key 'service' (or 'channels')", "e.g. service: exp(8min)");
        }

        var cap = map.Get("cap_per_day") is { } capNode ? new CapMapper(f, names).Read(capNode, Fields.Join(field, "cap_per_day"), allowNone: false) : null;
        IReadOnlyList<ReservedServers>? reserved = null;
        if (map.Get("reserved") is { } reservedNode)
        {
            var reservedField = Fields.Join(field, "reserved");
            reserved = Reservation.Read(f, names, reservedNode, reservedField, classesKnown: false);
            if (reserved is not null && servers is { } count && !Reservation.CheckFits(f, reservedNode, reservedField, reserved, count, $"check '{name}' has {count} servers"))
            {
                reserved = null;
            }
        }

        var reservedOnly = map.Get("reserved_only") is { } onlyNode ? Reservation.ReadOnlyFlag(f, onlyNode, Fields.Join(field, "reserved_only")) : false;
        if (name is not null && servers is not null)
        {
            names.CheckServers[name] = servers.Value;
        }

        return name is null || servers is null || channels is null || (cap is null && map.Get("cap_per_day") is not null)
            || (reserved is null && map.Get("reserved") is not null) || reservedOnly is null
            ? null
            : new CheckStageSpec(name, servers.Value, calendar, channels, buffer)
            {
                Pool = pool,
                CapPerDay = cap,
                Priority = ReadPriority(map, field),
                Reserved = reserved,
                ReservedOnly = reservedOnly.Value,
            };
    }

    /// <summary><c>priority: [fruit, cold_chain]</c>: classes served first, in order; each named once.</summary>
    private IReadOnlyList<string>? ReadPriority(YMap map, string field) => map.Get("priority") is { } node ? PriorityOrder.Read(f, names, node, Fields.Join(field, "priority")) : null;

    private List<ChannelSpec>? ReadChannels(YNode node, string field)
    {
        var map = f.Map(node, field, "write e.g. { green: { p: 0.8, service: exp(10min) }, red: { p: 0.2, service: lognormal(2h, 1h) } }");
        if (map is null)
        {
            return null;
        }

        if (map.Entries.Count == 0)
        {
            f.Error(map, field, "no channel is defined", "write e.g. { green: { p: 1, service: exp(10min) } }");
            return null;
        }

        var channels = new List<ChannelSpec>();
        var ok = true;
        foreach (var (key, value) in map.Entries)
        {
            var channelField = Fields.Join(field, key.Value);
            var channel = f.Map(value, channelField, "write e.g. { p: 0.8, service: exp(10min) }");
            if (channel is null)
            {
                ok = false;
                continue;
            }

            var single = map.Entries.Count == 1;
            f.Keys(channel, channelField, StageSections.Channel, withConditional: !single);
            double? p = channel.Get("p") is { } pNode ? f.Probability(pNode, Fields.Join(channelField, "p")) : single ? 1 : null;
            var service = channel.Get("service") is { } serviceNode ? f.ServiceTime(serviceNode, Fields.Join(channelField, "service")) : null;
            var pByClass = new Dictionary<string, double>(StringComparer.Ordinal);
            if (channel.Get("p_by_class") is { } pByClassNode && f.Map(pByClassNode, Fields.Join(channelField, "p_by_class"), "write e.g. { fruit: 0.6 }") is { } pMap)
            {
                foreach (var (cls, pValue) in pMap.Entries)
                {
                    var clsField = Fields.Join(Fields.Join(channelField, "p_by_class"), cls.Value);
                    names.ClassReferences.Add((cls, clsField, cls.Value));
                    if (f.Probability(pValue, clsField) is { } pc)
                    {
                        pByClass[cls.Value] = pc;
                    }
                    else
                    {
                        ok = false;
                    }
                }
            }

            var serviceByClass = new Dictionary<string, Distribution>(StringComparer.Ordinal);
            if (channel.Get("service_by_class") is { } sByClassNode && f.Map(sByClassNode, Fields.Join(channelField, "service_by_class"), "write e.g. { fruit: exp(20min) }") is { } sMap)
            {
                foreach (var (cls, sValue) in sMap.Entries)
                {
                    var clsField = Fields.Join(Fields.Join(channelField, "service_by_class"), cls.Value);
                    names.ClassReferences.Add((cls, clsField, cls.Value));
                    if (f.ServiceTime(sValue, clsField) is { } d)
                    {
                        serviceByClass[cls.Value] = d;
                    }
                    else
                    {
                        ok = false;
                    }
                }
            }

            if (p is null || service is null)
            {
                ok = false;
                continue;
            }

            channels.Add(new ChannelSpec(key.Value, p.Value, service, pByClass, serviceByClass));
        }

        if (!ok)
        {
            return null;
        }

        var sum = channels.Sum(c => c.Probability);
        if (Math.Abs(sum - 1) > 1e-6)
        {
            f.Error(
                map,
                field,
                new Bilingual($"the channel probabilities sum to {Fields.Format(sum)}, not 1", $"tổng xác suất các luồng là {Fields.Format(sum)}, không phải 1"),
                string.Join(" + ", channels.Select(c => $"{c.Name} {Fields.Format(c.Probability)}")));
            return null;
        }

        foreach (var cls in channels.SelectMany(c => c.ProbabilityByClass.Keys).Distinct(StringComparer.Ordinal))
        {
            var classSum = channels.Sum(c => c.ProbabilityFor(cls));
            if (Math.Abs(classSum - 1) > 1e-6)
            {
                f.Error(map, field, $"for class '{cls}' the channel probabilities sum to {Fields.Format(classSum)}, not 1",
                    string.Join(" + ", channels.Select(c => $"{c.Name} {Fields.Format(c.ProbabilityFor(cls))}")) + "; give p_by_class for every channel");
                return null;
            }
        }

        return channels;
    }

    private RoadStageSpec? ReadRoadStage(string direction, YNode node, string field)
    {
        string? road;
        string? stageName = null;
        int? buffer = null;
        YNode roadNode;
        YNode? poolNode = null;
        if (node is YMap map)
        {
            f.Keys(map, field, StageSections.RoadStage);
            roadNode = map.Get("name") ?? map;
            road = map.Get("name") is { } nameNode ? f.Name(nameNode, Fields.Join(field, "name")) : null;
            buffer = map.Get("buffer") is { } bufferNode ? f.Int(bufferNode, Fields.Join(field, "buffer"), 0) : null;
            stageName = map.Get("stage_name") is { } stageNode ? f.Name(stageNode, Fields.Join(field, "stage_name")) : null;
            poolNode = map.Get("pool");
        }
        else
        {
            roadNode = node;
            road = f.Name(node, field);
        }

        if (road is null || !f.Reference(roadNode, field, road, "road", names.Roads))
        {
            return null;
        }

        var spec = roads.FirstOrDefault(r => r.Name == road);
        if (spec is not null && !spec.LanesByDirection.ContainsKey(direction))
        {
            f.Error(roadNode, field, RoadMapper.NoLanes(road, direction), RoadMapper.AddLanes(direction, $"roads.{road}.lanes"));
            return null;
        }

        var pool = poolNode is null ? null : _pools.ReadUse(poolNode, Fields.Join(field, "pool"), stageName ?? road, _poolUses);
        return new RoadStageSpec(stageName ?? road, road, buffer ?? spec?.BufferTrucks) { Pool = pool };
    }
}
