using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Reads an origin's park: <c>park: { capacity: N, release_per_day: N, calendar: NAME, backlog: [{ class, trucks, age }] }</c>.
/// A park needs release_per_day or a calendar; its backlog's classes are routed by the origin; the backlog fits its capacity.
/// </summary>
internal sealed class ParkMapper(Fields f, Names names)
{
    private const string Example = "write e.g. { capacity: 1500, release_per_day: 600, calendar: park_release, backlog: [{ class: fruit, trucks: 300, age: 6h }] }";

    /// <param name="routedClasses">The classes the origin's rules route (null: every class, a rule for all).</param>
    public ParkSpec? Read(YNode node, string field, IReadOnlyCollection<string>? routedClasses)
    {
        var map = f.Map(node, field, Example);
        if (map is null)
        {
            return null;
        }

        f.Keys(map, field, OriginSections.Park);
        var ok = true;
        int? capacity = null, releasePerDay = null;
        if (map.Get("capacity") is { } capacityNode)
        {
            capacity = f.Int(capacityNode, Fields.Join(field, "capacity"), 1, new Advice("places for trucks; leave it out for an unlimited park", "số chỗ đỗ xe; bỏ khóa này nếu bãi không giới hạn"));
            ok &= capacity is not null;
        }

        if (map.Get("release_per_day") is { } releaseNode)
        {
            releasePerDay = f.Int(releaseNode, Fields.Join(field, "release_per_day"), 1,
                "a park that releases no truck holds every one for ever: close the route with a suspension or a ban instead");
            ok &= releasePerDay is not null;
        }

        string? calendar = null;
        if (map.Get("calendar") is { } calendarNode && f.Name(calendarNode, Fields.Join(field, "calendar")) is { } calendarName)
        {
            ok &= f.Reference(calendarNode, Fields.Join(field, "calendar"), calendarName, "calendar", names.Calendars);
            calendar = calendarName;
        }

        if (map.Get("release_per_day") is null && map.Get("calendar") is null)
        {
            f.Error(map, field, "a park without release_per_day or a calendar holds no truck", new Advice("write release_per_day: N, calendar: NAME or both", "hãy viết release_per_day: N, calendar: NAME hoặc cả hai"));
            ok = false;
        }

        var backlog = map.Get("backlog") is { } backlogNode ? ReadBacklog(backlogNode, Fields.Join(field, "backlog"), routedClasses) : [];
        if (backlog is null)
        {
            return null;
        }

        var inPark = backlog.Sum(b => (long)b.Trucks);
        if (capacity is { } places && inPark > places)
        {
            f.Error(map.Get("backlog")!, Fields.Join(field, "backlog"), $"the park's backlog is {inPark} trucks; they do not fit its {places} places", "raise its capacity or put fewer trucks in it");
            ok = false;
        }

        return ok ? new ParkSpec(capacity, releasePerDay, calendar, backlog) : null;
    }

    private List<ParkBacklogSpec>? ReadBacklog(YNode node, string field, IReadOnlyCollection<string>? routedClasses)
    {
        var seq = f.Seq(node, field, "write e.g. - { class: fruit, trucks: 300, age: uniform(0h, 12h) }");
        if (seq is null)
        {
            return null;
        }

        var groups = new List<ParkBacklogSpec>();
        var ok = true;
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var itemField = Fields.Index(field, i);
            var item = f.Map(seq.Items[i], itemField, "write e.g. { class: fruit, trucks: 300, age: 6h }");
            if (item is null)
            {
                ok = false;
                continue;
            }

            f.Keys(item, itemField, OriginSections.ParkBacklogGroup);
            string? cargoClass = null;
            if (item.Get("class") is { } classNode && f.Name(classNode, Fields.Join(itemField, "class")) is { } className)
            {
                var classField = Fields.Join(itemField, "class");
                var isClass = f.Reference(classNode, classField, className, "class", names.Classes);
                if (isClass && routedClasses is not null && !routedClasses.Contains(className))
                {
                    f.Error(classNode, classField, $"no rule of this origin routes class '{className}'", $"its rules route {string.Join(", ", routedClasses)}; add {className}: {{...}} or all: {{...}} under routing");
                }
                else if (isClass)
                {
                    cargoClass = className;
                }
            }

            var trucks = item.Get("trucks") is { } trucksNode
                ? f.Int(trucksNode, Fields.Join(itemField, "trucks"), 1, ScenarioLimits.MaxBacklogTrucks, BacklogMapper.TrucksAdvice)
                : null;
            var age = item.Get("age") is { } ageNode ? BacklogMapper.Age(f, ageNode, Fields.Join(itemField, "age")) : null;
            if (cargoClass is null || trucks is null || (item.Get("age") is not null && age is null))
            {
                ok = false;
                continue;
            }

            groups.Add(new ParkBacklogSpec(cargoClass, trucks.Value, age));
        }

        return ok ? groups : null;
    }
}
