using BorderSim.Model.Spec;
using BorderSim.Scenarios.Yaml;
using NodaTime;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Maps the YAML tree of a whole scenario to a <see cref="ScenarioSpec"/>, reporting every problem found.
/// Sections are read in an order that lets later ones check their references: classes, calendars and
/// direction names first, then roads, directions and changes, then the checks that span sections.
/// </summary>
internal sealed class ScenarioMapper
{
    private static readonly string[] TopKeys =
    [
        "name", "description", "start", "time_zone", "days", "warm_up", "replications", "seed", "timeseries_step",
        "calendars", "roads", "classes", "directions", "changes", "pools", "costs", "origins", "bans",
    ];

    private static readonly string[] TopRequired = ["name", "start", "time_zone", "days", "classes", "directions"];

    /// <summary>The word metric ids use for every direction or class together: no direction or class may take it.</summary>
    private const string ReservedAll = "all";

    private readonly Fields _f;

    private ScenarioMapper(Diagnostics diagnostics) => _f = new Fields(diagnostics);

    /// <summary>Whether some character shows: not only spaces, zero-width and other format or control characters.</summary>
    private static bool HasVisibleCharacter(string text) => text.Any(c =>
        !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control));

    public static ScenarioSpec? Map(YNode root, Diagnostics diagnostics) => new ScenarioMapper(diagnostics).MapRoot(root);

    private ScenarioSpec? MapRoot(YNode root)
    {
        var map = _f.Map(root, "", "a scenario is a mapping with name, start, time_zone, days, classes and directions");
        if (map is null)
        {
            return null;
        }

        _f.Keys(map, "", TopKeys, TopRequired);

        var name = Optional(map, "name", (n, f) => _f.Text(n, f)) ?? "";
        if (map.Get("name") is { } nameNode && !HasVisibleCharacter(name) && _f.Diagnostics.Errors.All(e => e.Field != "name"))
        {
            _f.Error(nameNode, "name", "the scenario has no name", "tables, plots and batch.csv show it; write e.g. name: Hữu Nghị, 6 lanes");
        }

        var description = Optional(map, "description", (n, f) => _f.Text(n, f)) ?? "";
        var start = ReadStart(map);
        var zone = Optional(map, "time_zone", _f.Zone);
        var days = OptionalValue(map, "days", (n, f) => _f.Int(n, f, 1, ScenarioLimits.MaxDays, $"a run lasts from one day to {ScenarioLimits.MaxDays} days (about 100 years)"));
        var warmUp = ReadWarmUp(map);
        var replications = OptionalValue(map, "replications", (n, f) => _f.Int(n, f, 1, "run at least one replication")) ?? 10;
        var seed = OptionalValue(map, "seed", _f.UInt64) ?? 1UL;
        var stepHours = OptionalValue(map, "timeseries_step", (n, f) => _f.DurationHours(n, f, positive: true)) ?? 0.25;

        var names = new Names();
        var classes = map.Get("classes") is { } classesNode ? ReadClasses(classesNode, names) : [];
        var directionsNode = map.Get("directions");
        var directionsMap = directionsNode is null ? null : _f.Map(directionsNode, "directions", "write directions: { export: {...}, import: {...} }");
        if (directionsMap is not null)
        {
            foreach (var (key, _) in directionsMap.Entries)
            {
                names.Directions.Add(key.Value);
            }
        }

        var calendars = map.Get("calendars") is { } calendarsNode ? ReadCalendars(calendarsNode, names) : [];
        var roads = map.Get("roads") is { } roadsNode ? ReadRoads(roadsNode, names) : [];
        var pools = map.Get("pools") is { } poolsNode ? new PoolMapper(_f, names).Read(poolsNode) : [];

        // Origins are read before the directions: a direction an origin routes trucks to needs no arrivals of its own.
        names.FedDirections.UnionWith(OriginMapper.RoutesNamedIn(map.Get("origins")));
        var origins = map.Get("origins") is { } originsNode ? new OriginMapper(_f, names, classes, ReadPeriod).Read(originsNode) : [];
        var directionReader = new DirectionMapper(_f, names, roads, classes);
        var directions = new List<DirectionSpec>();
        if (directionsMap is not null)
        {
            if (directionsMap.Entries.Count == 0)
            {
                _f.Error(directionsMap, "directions", "no direction is defined", "add at least one, e.g. export: { arrivals: {...}, stages: [...] }");
            }

            foreach (var (key, value) in directionsMap.Entries)
            {
                if (!Fields.IsName(key.Value))
                {
                    _f.Error(key, Fields.Join("directions", key.Value), $"'{key.Value}' is not a valid name", "use letters, digits, '_' and '-', not '-' first");
                }
                else if (key.Value == ReservedAll)
                {
                    _f.Error(key, Fields.Join("directions", key.Value), "'all' names both directions together in the metric ids (served_per_day/all/all)", "name this direction otherwise, e.g. inbound");
                }

                if (directionReader.Read(key.Value, value) is { } direction)
                {
                    directions.Add(direction);
                }
            }
        }

        CheckReturnCycles(names);

        if (names.NeedsEmptyClass && !names.Classes.Contains(CargoClassSpec.EmptyClassName))
        {
            classes.Add(new CargoClassSpec(CargoClassSpec.EmptyClassName, 0, null, 0, 0, null));
            names.Classes.Add(CargoClassSpec.EmptyClassName);
        }

        // After the changes: a dated priority order or cap_per_day names classes too (reserved, class and bans check their own).
        var changes = map.Get("changes") is { } changesNode ? new ChangeMapper(_f, names).Read(changesNode) : [];
        foreach (var (refNode, refField, refName) in names.ClassReferences)
        {
            _f.Reference(refNode, refField, refName, "class", names.Classes);
        }

        var costs = map.Get("costs") is { } costsNode ? new CostsMapper(_f).Read(costsNode) : null;
        var bans = map.Get("bans") is { } bansNode ? new BanMapper(_f, names, this).Read(bansNode, directions, origins) : [];

        CheckTimeSeriesStep(map, stepHours, days);

        if (warmUp is { Hours: { } warmUpHours, Node: var warmUpNode } && days is { } runDays && warmUpHours >= runDays * 24.0)
        {
            _f.Error(warmUpNode, "warm_up", $"the warm-up ({Fields.Format(warmUpHours)}h) is not shorter than the run ({runDays} days)",
                "shorten warm_up, lengthen days, or write warm_up: auto");
        }

        if (_f.Diagnostics.Count > 0 || start is null || zone is null || days is null)
        {
            return null;
        }

        return new ScenarioSpec(
            name, description, start.Value, zone, days.Value, warmUp?.Hours, replications, seed, stepHours * 60,
            calendars, roads, classes, directions, changes)
        {
            Pools = pools,
            Costs = costs,
            Origins = origins,
            Bans = bans,
        };
    }

    /// <summary>The time series has a row per step per series: bound the step from below and the points per series.</summary>
    private void CheckTimeSeriesStep(YMap map, double stepHours, int? days)
    {
        var stepNode = map.Get("timeseries_step");
        if (_f.Diagnostics.Errors.Any(e => e.Field is "timeseries_step" or "days"))
        {
            return;
        }

        if (stepNode is not null && days is { } runDays && stepHours > runDays * 24.0)
        {
            _f.Error(stepNode, "timeseries_step", $"the step ({Fields.Format(stepHours)}h) is longer than the run ({runDays} days)",
                "the time series averages each step; 15min is the default");
        }
        else if (stepNode is not null && stepHours * 60 < ScenarioLimits.MinTimeSeriesStepMinutes)
        {
            _f.Error(stepNode, "timeseries_step", $"must be at least {Fields.Format(ScenarioLimits.MinTimeSeriesStepMinutes)}min, found {Fields.Format(stepHours * 3600)}s",
                "the time series is an average over each step; 15min is the default");
        }
        else if (days is { } d && ScenarioLimits.TimeSeriesPoints(d, stepHours * 60) > ScenarioLimits.MaxTimeSeriesPoints)
        {
            var node = stepNode ?? map.Get("days")!;
            _f.Error(node, stepNode is null ? "days" : "timeseries_step",
                $"{d} days at a timeseries_step of {Fields.Format(stepHours * 60)}min{(stepNode is null ? " (the default)" : "")} is {ScenarioLimits.TimeSeriesPoints(d, stepHours * 60)} points per series; the limit is {ScenarioLimits.MaxTimeSeriesPoints}",
                $"write timeseries_step: {Fields.Format(ScenarioLimits.SmallestTimeSeriesStepMinutes(d))}min or more");
        }
    }

    private static T? Optional<T>(YMap map, string key, Func<YNode, string, T?> read)
        where T : class => map.Get(key) is { } node ? read(node, key) : null;

    private static T? OptionalValue<T>(YMap map, string key, Func<YNode, string, T?> read)
        where T : struct => map.Get(key) is { } node ? read(node, key) : null;

    private LocalDateTime? ReadStart(YMap map)
    {
        if (map.Get("start") is not { } node)
        {
            return null;
        }

        var text = _f.Scalar(node, "start", "a date or date and time", "write e.g. 2026-06-01T00:00 or 2026-06-01");
        if (text is null)
        {
            return null;
        }

        if (!Syntax.DateSyntax.TryDateTime(text, out var start, out _, out var error))
        {
            _f.Error(node, "start", error.Message, error.Hint);
            return null;
        }

        return start;
    }

    private (double? Hours, YNode Node)? ReadWarmUp(YMap map)
    {
        if (map.Get("warm_up") is not { } node)
        {
            return null;
        }

        if (node is YScalar { Value: "auto" })
        {
            return (null, node);
        }

        var hours = _f.DurationHours(node, "warm_up", positive: false);
        return hours is null ? null : (hours, node);
    }

    private List<CargoClassSpec> ReadClasses(YNode node, Names names)
    {
        var classes = new List<CargoClassSpec>();
        var map = _f.Map(node, "classes", "write classes: { fruit: { share: 0.6 }, general: { share: 0.4 } }");
        if (map is null)
        {
            return classes;
        }

        if (map.Entries.Count == 0)
        {
            _f.Error(map, "classes", "no cargo class is defined", "add at least one, e.g. general: { share: 1 }");
        }

        string[] known = ["share", "shelf_life", "tonnes", "delay_cost_usd_per_hour", "patience"];
        var sum = 0.0;
        var allShares = true;
        foreach (var (key, value) in map.Entries)
        {
            var field = Fields.Join("classes", key.Value);
            names.Classes.Add(key.Value);
            if (!Fields.IsName(key.Value))
            {
                _f.Error(key, field, $"'{key.Value}' is not a valid name", "use letters, digits, '_' and '-', not '-' first");
            }
            else if (key.Value == ReservedAll)
            {
                _f.Error(key, field, "'all' names all classes together in the metric ids (wait_hours_mean/all/all)", "name this class otherwise, e.g. all_goods");
            }
            else if (key.Value == CargoClassSpec.EmptyClassName)
            {
                // It would merge with the trucks return_empty_via sends back: its tonnes and costs applied to them.
                _f.Error(key, field, $"'{key.Value}' is the built-in class of trucks returning empty", "name this class otherwise, e.g. empty_containers");
            }

            var cls = _f.Map(value, field, "write e.g. { share: 0.6, tonnes: 19 }");
            if (cls is null)
            {
                allShares = false;
                continue;
            }

            _f.Keys(cls, field, known, ["share"]);
            var share = OptionalValue(cls, "share", (n, _) => _f.Probability(n, Fields.Join(field, "share")));
            if (share is null)
            {
                allShares = false;
            }

            sum += share ?? 0;
            var shelfLife = OptionalValue(cls, "shelf_life", (n, _) => _f.DurationHours(n, Fields.Join(field, "shelf_life"), positive: true));
            var tonnes = OptionalValue(cls, "tonnes", (n, _) => _f.Number(n, Fields.Join(field, "tonnes"))) ?? 0;
            var cost = OptionalValue(cls, "delay_cost_usd_per_hour", (n, _) => _f.Number(n, Fields.Join(field, "delay_cost_usd_per_hour"))) ?? 0;
            var patience = Optional(cls, "patience", (n, _) => _f.Distribution(n, Fields.Join(field, "patience")));
            if (patience is { Mean: <= 0 })
            {
                _f.Error(cls.Get("patience")!, Fields.Join(field, "patience"), "a patience of 0 makes every truck give up at once", "give how long drivers wait, e.g. lognormal(48h, 12h); leave patience out if they never give up");
            }

            classes.Add(new CargoClassSpec(key.Value, share ?? 0, shelfLife, tonnes, cost, patience));
        }

        if (allShares && map.Entries.Count > 0 && Math.Abs(sum - 1) > 1e-6)
        {
            _f.Error(map, "classes", $"the class shares sum to {Fields.Format(sum)}, not 1",
                "shares are fractions of all trucks: " + string.Join(" + ", classes.Select(c => $"{c.Name} {Fields.Format(c.Share)}")));
        }

        return classes;
    }

    /// <summary>
    /// A returning empty truck meets the yards of the direction it returns through, and a yard with
    /// return_empty_via sends it back again: around a cycle of directions it would never leave.
    /// </summary>
    private void CheckReturnCycles(Names names)
    {
        foreach (var (direction, via, node, field) in names.ReturnRoutes)
        {
            if (via == direction || PathBack(names, via, direction) is not { } path)
            {
                continue;
            }

            _f.Error(node, field, $"empty trucks would circulate for ever: {direction} -> {string.Join(" -> ", path)}",
                "a direction that receives returning trucks must not send them back; remove one return_empty_via");
        }
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

    private List<CalendarSpec> ReadCalendars(YNode node, Names names)
    {
        var calendars = new List<CalendarSpec>();
        var map = _f.Map(node, "calendars", "write calendars: { vn_gate: { time_zone: Asia/Ho_Chi_Minh, hours: {...} } }");
        if (map is null)
        {
            return calendars;
        }

        string[] known = ["time_zone", "hours", "closures", "appointment_only"];
        foreach (var (key, value) in map.Entries)
        {
            var field = Fields.Join("calendars", key.Value);
            names.Calendars.Add(key.Value);
            if (!Fields.IsName(key.Value))
            {
                _f.Error(key, field, $"'{key.Value}' is not a valid name", "use letters, digits, '_' and '-', not '-' first");
            }

            var cal = _f.Map(value, field, "write e.g. { time_zone: Asia/Ho_Chi_Minh, hours: { mon-sun: \"07:00-19:00\" } }");
            if (cal is null)
            {
                continue;
            }

            _f.Keys(cal, field, known, ["time_zone"]);
            var zone = Optional(cal, "time_zone", (n, _) => _f.Zone(n, Fields.Join(field, "time_zone")));
            var hours = Optional(cal, "hours", (n, _) => _f.Hours(n, Fields.Join(field, "hours"))) ?? WeeklyHours.AllDay;
            var closures = new List<ClosureSpec>();
            if (cal.Get("closures") is { } closuresNode)
            {
                ReadList(closuresNode, Fields.Join(field, "closures"), (item, itemField) =>
                {
                    var closure = _f.Map(item, itemField, "write e.g. { from: 2026-02-15, to: 2026-02-18, reason: Tết }");
                    if (closure is null)
                    {
                        return;
                    }

                    _f.Keys(closure, itemField, ["from", "to", "reason"], ["from", "to"]);
                    var (from, to) = ReadPeriod(closure, itemField);
                    var reason = Optional(closure, "reason", (n, _) => _f.Text(n, Fields.Join(itemField, "reason"))) ?? "";
                    if (from is not null && to is not null)
                    {
                        closures.Add(new ClosureSpec(from.Value, to.Value, reason));
                    }
                });
            }

            var appointments = new List<AppointmentPeriodSpec>();
            if (cal.Get("appointment_only") is { } appointmentNode)
            {
                ReadList(appointmentNode, Fields.Join(field, "appointment_only"), (item, itemField) =>
                {
                    var period = _f.Map(item, itemField, "write e.g. { from: 2026-02-19, to: 2026-02-23, quota_per_day: 300, excluded: [cold_chain] }");
                    if (period is null)
                    {
                        return;
                    }

                    _f.Keys(period, itemField, ["from", "to", "quota_per_day", "excluded", "reason"], ["from", "to", "quota_per_day"]);
                    var (from, to) = ReadPeriod(period, itemField);
                    var quota = OptionalValue(period, "quota_per_day", (n, _) => _f.Int(n, Fields.Join(itemField, "quota_per_day"), 1, "a quota of zero is a closure; write it under closures"));
                    var excluded = new List<string>();
                    if (period.Get("excluded") is { } excludedNode)
                    {
                        var list = _f.NameList(excludedNode, Fields.Join(itemField, "excluded")) ?? [];
                        var seq = excludedNode as YSeq;
                        for (var i = 0; i < list.Count; i++)
                        {
                            names.ClassReferences.Add((seq!.Items[i], Fields.Index(Fields.Join(itemField, "excluded"), i), list[i]));
                            excluded.Add(list[i]);
                        }
                    }

                    if (from is not null && to is not null && quota is not null)
                    {
                        appointments.Add(new AppointmentPeriodSpec(from.Value, to.Value, quota.Value, excluded));
                    }
                });
            }

            if (zone is not null)
            {
                calendars.Add(new CalendarSpec(key.Value, zone, hours, closures, appointments));
            }
        }

        return calendars;
    }

    /// <summary>from and to of an inclusive date range, with to not before from.</summary>
    internal (LocalDate? From, LocalDate? To) ReadPeriod(YMap map, string field)
    {
        var from = OptionalValue(map, "from", (n, _) => _f.Date(n, Fields.Join(field, "from")));
        var to = OptionalValue(map, "to", (n, _) => _f.Date(n, Fields.Join(field, "to")));
        if (from is { } f && to is { } t && t < f)
        {
            _f.Error(map.Get("to")!, Fields.Join(field, "to"), $"'to' ({t:uuuu-MM-dd}) is before 'from' ({f:uuuu-MM-dd})", "both days are included; for one day write the same date twice");
            return (from, null);
        }

        return (from, to);
    }

    internal void ReadList(YNode node, string field, Action<YNode, string> readItem)
    {
        var seq = _f.Seq(node, field);
        if (seq is null)
        {
            return;
        }

        for (var i = 0; i < seq.Items.Count; i++)
        {
            readItem(seq.Items[i], Fields.Index(field, i));
        }
    }

    private List<RoadSpec> ReadRoads(YNode node, Names names)
    {
        var roads = new List<RoadSpec>();
        var map = _f.Map(node, "roads", "write roads: { freight_road_1119: { lanes: { export: 2, import: 2 }, crossing: fixed(4min) } }");
        if (map is null)
        {
            return roads;
        }

        string[] known = ["lanes", "crossing", "buffer", "calendar", "cap_per_day", "priority", "reserved", "reserved_only"];
        foreach (var (key, value) in map.Entries)
        {
            var field = Fields.Join("roads", key.Value);
            names.Roads.Add(key.Value);
            if (!Fields.IsName(key.Value))
            {
                _f.Error(key, field, $"'{key.Value}' is not a valid name", "use letters, digits, '_' and '-', not '-' first");
            }

            var road = _f.Map(value, field, "write e.g. { lanes: { export: 2, import: 2 }, crossing: fixed(4min), buffer: 20 }");
            if (road is null)
            {
                continue;
            }

            _f.Keys(road, field, known, ["lanes", "crossing"]);
            var lanes = Optional(road, "lanes", (n, _) => ReadLanes(n, Fields.Join(field, "lanes"), names));
            var crossing = Optional(road, "crossing", (n, _) => _f.ServiceTime(n, Fields.Join(field, "crossing")));
            var buffer = OptionalValue(road, "buffer", (n, _) => _f.Int(n, Fields.Join(field, "buffer"), 0));
            string? calendar = null;
            if (road.Get("calendar") is { } calendarNode && _f.Name(calendarNode, Fields.Join(field, "calendar")) is { } calendarName)
            {
                calendar = calendarName;
                _f.Reference(calendarNode, Fields.Join(field, "calendar"), calendarName, "calendar", names.Calendars);
            }

            var caps = Optional(road, "cap_per_day", (n, _) => new CapMapper(_f, names).ReadByDirection(n, Fields.Join(field, "cap_per_day"), allowNone: false));
            if (caps is not null && lanes is not null)
            {
                foreach (var direction in caps.Keys.Where(d => !lanes.ContainsKey(d) && names.Directions.Contains(d)))
                {
                    _f.Error(road.Get("cap_per_day")!, Fields.Join(Fields.Join(field, "cap_per_day"), direction), $"road '{key.Value}' has no lanes for direction '{direction}'", $"add {direction}: N under lanes, or leave its cap out");
                }
            }

            IReadOnlyList<ReservedServers>? reserved = null;
            var reservedOk = true;
            if (road.Get("reserved") is { } reservedNode)
            {
                var reservedField = Fields.Join(field, "reserved");
                reserved = Reservation.Read(_f, names, reservedNode, reservedField, classesKnown: false);
                reservedOk = reserved is not null && (lanes is null || lanes.All(l => Reservation.CheckFits(_f, reservedNode, reservedField, reserved, l.Value, $"road '{key.Value}' has {l.Value} lanes for {l.Key}")));
            }

            var reservedOnly = road.Get("reserved_only") is { } onlyNode ? Reservation.ReadOnlyFlag(_f, onlyNode, Fields.Join(field, "reserved_only")) : false;
            if (lanes is not null)
            {
                names.RoadLanes[key.Value] = lanes;
            }

            if (lanes is not null && crossing is not null && (caps is not null || road.Get("cap_per_day") is null) && reservedOk && reservedOnly is not null)
            {
                var priority = road.Get("priority") is { } priorityNode ? PriorityOrder.Read(_f, names, priorityNode, Fields.Join(field, "priority")) : null;
                roads.Add(new RoadSpec(key.Value, lanes, crossing, buffer, calendar)
                {
                    CapPerDayByDirection = caps ?? [],
                    Priority = priority,
                    Reserved = reserved,
                    ReservedOnly = reservedOnly.Value,
                });
            }
        }

        return roads;
    }

    /// <summary><c>{ export: 2, import: 2 }</c>: lanes per known direction, each at least 1.</summary>
    internal Dictionary<string, int>? ReadLanes(YNode node, string field, Names names)
    {
        var map = _f.Map(node, field, "write e.g. { export: 2, import: 2 }");
        if (map is null)
        {
            return null;
        }

        var lanes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            var entryField = Fields.Join(field, key.Value);
            _f.Reference(key, entryField, key.Value, "direction", names.Directions);
            if (_f.Int(value, entryField, 1, "a direction needs at least one lane; leave it out if the road does not serve it") is { } count)
            {
                lanes[key.Value] = count;
            }
        }

        if (map.Entries.Count == 0)
        {
            _f.Error(map, field, "no lanes are given", "write e.g. { export: 2, import: 2 }");
        }

        return lanes;
    }
}

/// <summary>The names defined in a scenario, and references to check once every section is read.</summary>
internal sealed class Names
{
    public List<string> Classes { get; } = [];

    public List<string> Calendars { get; } = [];

    public List<string> Roads { get; } = [];

    public List<string> Directions { get; } = [];

    public List<string> Pools { get; } = [];

    /// <summary>Directions that some origin routes trucks to: their own arrivals are optional.</summary>
    public HashSet<string> FedDirections { get; } = new(StringComparer.Ordinal);

    /// <summary>Check stages by name (changes may set their servers).</summary>
    public Dictionary<string, string> StageKinds { get; } = new(StringComparer.Ordinal);

    /// <summary>Servers of each check by name (a dated reservation must fit the servers of its date).</summary>
    public Dictionary<string, int> CheckServers { get; } = new(StringComparer.Ordinal);

    /// <summary>Lanes per direction of each road by name.</summary>
    public Dictionary<string, IReadOnlyDictionary<string, int>> RoadLanes { get; } = new(StringComparer.Ordinal);

    /// <summary>Class names used before the classes of the implicit 'empty' are known.</summary>
    public List<(YNode Node, string Field, string Name)> ClassReferences { get; } = [];

    /// <summary>True when a yard returns trucks empty, so the implicit class 'empty' exists.</summary>
    public bool NeedsEmptyClass { get; set; }

    /// <summary>Every return_empty_via: trucks of Direction go back empty through Via.</summary>
    public List<(string Direction, string Via, YNode Node, string Field)> ReturnRoutes { get; } = [];
}
