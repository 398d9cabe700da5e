using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
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
    private readonly Fields _f;

    private ScenarioMapper(Diagnostics diagnostics) => _f = new Fields(diagnostics);

    public static ScenarioSpec? Map(YNode root, Diagnostics diagnostics) => new ScenarioMapper(diagnostics).MapRoot(root);

    private ScenarioSpec? MapRoot(YNode root)
    {
        var map = _f.Map(root, "", new Advice("a scenario is a mapping with name, start, time_zone, days, classes and directions", "một kịch bản là một bảng khóa: giá trị với name, start, time_zone, days, classes và directions"));
        if (map is null)
        {
            return null;
        }

        _f.Keys(map, "", TopSections.Scenario);

        var words = new WordsMapper(_f).Read(map);
        var start = ReadStart(map);
        var zone = Fields.Optional(map, "time_zone", _f.Zone);
        var days = Fields.OptionalValue(map, "days", (n, f) => _f.Int(n, f, 1, ScenarioLimits.MaxDays, new Advice($"a run lasts from one day to {ScenarioLimits.MaxDays} days (about 100 years)", $"một lần chạy dài từ một ngày đến {ScenarioLimits.MaxDays} ngày (khoảng 100 năm)")));
        var warmUp = ReadWarmUp(map);
        var replications = Fields.OptionalValue(map, "replications", (n, f) => _f.Int(n, f, 1, new Advice("run at least one replication", "hãy chạy ít nhất một lần lặp"))) ?? 10;
        var seed = Fields.OptionalValue(map, "seed", _f.UInt64) ?? 1UL;
        var stepHours = Fields.OptionalValue(map, "timeseries_step", (n, f) => _f.DurationHours(n, f, positive: true)) ?? 0.25;

        var names = new Names();
        var classes = map.Get("classes") is { } classesNode ? new ClassMapper(_f, names).Read(classesNode) : [];
        var directionsNode = map.Get("directions");
        var directionsMap = directionsNode is null ? null : _f.Map(directionsNode, "directions", "write directions: { export: {...}, import: {...} }");
        if (directionsMap is not null)
        {
            foreach (var (key, _) in directionsMap.Entries)
            {
                names.Directions.Add(key.Value);
            }
        }

        var calendars = map.Get("calendars") is { } calendarsNode ? new CalendarMapper(_f, names).Read(calendarsNode) : [];
        var roads = map.Get("roads") is { } roadsNode ? new RoadMapper(_f, names).Read(roadsNode) : [];
        var pools = map.Get("pools") is { } poolsNode ? new PoolMapper(_f, names).Read(poolsNode) : [];

        // Origins are read before the directions: a direction an origin routes trucks to needs no arrivals of its own.
        names.FedDirections.UnionWith(OriginMapper.RoutesNamedIn(map.Get("origins")));
        var origins = map.Get("origins") is { } originsNode ? new OriginMapper(_f, names, classes).Read(originsNode) : [];
        var directions = ReadDirections(directionsMap, names, roads, classes);

        ReturnCycles.Check(_f, names, directions);

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
        var bans = map.Get("bans") is { } bansNode ? new BanMapper(_f, names).Read(bansNode, directions, origins) : [];
        var advisories = map.Get("advisories") is { } advisoriesNode ? new AdvisoryMapper(_f, names).Read(advisoriesNode) : [];
        var levers = map.Get("levers") is { } leversNode ? new LeverMapper(_f, root).Read(leversNode) : [];
        var sharedCaps = map.Get("shared_caps") is { } sharedCapsNode ? new SharedCapMapper(_f, names).Read(sharedCapsNode) : [];

        CheckTimeSeriesStep(map, stepHours, days);

        CheckWarmUpShorterThanRun(warmUp, days);

        if (_f.Diagnostics.Count > 0 || words is null || start is null || zone is null || days is null)
        {
            return null;
        }

        return new ScenarioSpec(
            words.Name.English, words.Description.English, start.Value, zone, days.Value, warmUp?.Hours, replications, seed, stepHours * 60,
            calendars, roads, classes, directions, changes)
        {
            Pools = pools,
            Costs = costs,
            Origins = origins,
            Bans = bans,
            Advisories = advisories,
            SharedCaps = sharedCaps,
            IsTimeseriesStepSet = map.Get("timeseries_step") is not null,
            Levers = levers,
            Words = words with { Reasons = new Dictionary<string, Model.Results.Bilingual>(_f.Reasons, StringComparer.Ordinal) },
        };
    }

    /// <summary>The directions, each with its arrivals and stages; their names were collected before the roads were read.</summary>
    private List<DirectionSpec> ReadDirections(YMap? directionsMap, Names names, IReadOnlyList<RoadSpec> roads, IReadOnlyList<CargoClassSpec> classes)
    {
        var directions = new List<DirectionSpec>();
        if (directionsMap is null)
        {
            return directions;
        }

        if (directionsMap.Entries.Count == 0)
        {
            _f.Error(directionsMap, "directions", "no direction is defined", new Advice("add at least one, e.g. export: { arrivals: {...}, stages: [...] }", "hãy thêm ít nhất một chiều, ví dụ export: { arrivals: {...}, stages: [...] }"));
        }

        var directionReader = new DirectionMapper(_f, names, roads, classes);
        foreach (var (key, value) in directionsMap.Entries)
        {
            if (!Fields.IsName(key.Value))
            {
                _f.Error(key, Fields.Join("directions", key.Value), $"'{key.Value}' is not a valid name", "use letters, digits, '_' and '-', not '-' first");
            }
            else if (key.Value == Names.ReservedAll)
            {
                _f.Error(key, Fields.Join("directions", key.Value), "'all' names both directions together in the metric ids (served_per_day/all/all)", "name this direction otherwise, e.g. inbound");
            }

            if (directionReader.Read(key.Value, value) is { } direction)
            {
                directions.Add(direction);
            }
        }

        return directions;
    }

    /// <summary>The time series has a row per step per series: bound the step from below and the points per series.</summary>
    private void CheckWarmUpShorterThanRun((double? Hours, YNode Node)? warmUp, int? days)
    {
        if (warmUp is { Hours: { } warmUpHours, Node: var warmUpNode } && days is { } runDays && warmUpHours >= runDays * 24.0)
        {
            _f.Error(warmUpNode, "warm_up", $"the warm-up ({Fields.Format(warmUpHours)}h) is not shorter than the run ({runDays} days)",
                "shorten warm_up, lengthen days, or write warm_up: auto");
        }
    }

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

    private LocalDateTime? ReadStart(YMap map)
    {
        if (map.Get("start") is not { } node)
        {
            return null;
        }

        var text = _f.Scalar(node, "start", "a date or date and time", new Advice("write e.g. 2026-06-01T00:00 or 2026-06-01", "hãy viết, ví dụ, 2026-06-01T00:00 hoặc 2026-06-01"));
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
}
