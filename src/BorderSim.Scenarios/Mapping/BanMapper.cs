using BorderSim.Model.Spec;
using BorderSim.Scenarios.Syntax;
using BorderSim.Scenarios.Yaml;
using NodaTime;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Reads <c>bans</c>: from a date (to a date, or the end), trucks of some classes in one direction are not
/// admitted; <c>action</c> says what becomes of them: <c>turn_away</c>, <c>hold_at_origin</c>, or
/// <c>hold_at_yard</c> with <c>yard: NAME</c> (a yard of that direction).
/// </summary>
internal sealed class BanMapper(Fields f, Names names, ScenarioMapper periods)
{
    private static readonly string[] Known = ["from", "to", "direction", "classes", "action", "yard", "reason"];
    private static readonly string[] Actions = ["turn_away", "hold_at_origin", "hold_at_yard"];
    private const string Example = "write e.g. - { from: 2026-12-08, direction: export, classes: [fruit], action: turn_away }";

    public List<BanSpec> Read(YNode node, IReadOnlyList<DirectionSpec> directions)
    {
        var bans = new List<BanSpec>();
        var seq = f.Seq(node, "bans", Example);
        if (seq is null)
        {
            return bans;
        }

        for (var i = 0; i < seq.Items.Count; i++)
        {
            if (ReadBan(seq.Items[i], Fields.Index("bans", i), directions) is { } ban)
            {
                bans.Add(ban);
            }
        }

        return bans;
    }

    private BanSpec? ReadBan(YNode node, string field, IReadOnlyList<DirectionSpec> directions)
    {
        var map = f.Map(node, field, Example);
        if (map is null)
        {
            return null;
        }

        f.Keys(map, field, Known, ["from", "direction", "classes", "action"]);
        LocalDate? from = map.Get("from") is { } fromNode ? f.Date(fromNode, Fields.Join(field, "from")) : null;
        LocalDate? to = null;
        if (map.Get("to") is not null)
        {
            (from, to) = periods.ReadPeriod(map, field);
            if (to is null)
            {
                return null;
            }
        }

        string? direction = null;
        if (map.Get("direction") is { } directionNode && f.Name(directionNode, Fields.Join(field, "direction")) is { } directionName
            && f.Reference(directionNode, Fields.Join(field, "direction"), directionName, "direction", names.Directions))
        {
            direction = directionName;
        }

        var classes = new List<string>();
        if (map.Get("classes") is { } classesNode && f.NameList(classesNode, Fields.Join(field, "classes")) is { } list && classesNode is YSeq classSeq)
        {
            if (list.Count == 0)
            {
                f.Error(classesNode, Fields.Join(field, "classes"), "a ban names at least one class", "e.g. classes: [fruit]");
            }

            for (var i = 0; i < list.Count && i < classSeq.Items.Count; i++)
            {
                // Read after the classes' references were checked: check this one here.
                if (f.Reference(classSeq.Items[i], Fields.Index(Fields.Join(field, "classes"), i), list[i], "class", names.Classes))
                {
                    classes.Add(list[i]);
                }
            }
        }

        BanAction? action = null;
        string? yard = null;
        if (map.Get("action") is { } actionNode && f.Scalar(actionNode, Fields.Join(field, "action"), "turn_away, hold_at_origin or hold_at_yard") is { } actionText)
        {
            action = actionText switch
            {
                "turn_away" => BanAction.TurnAway,
                "hold_at_origin" => BanAction.HoldAtOrigin,
                "hold_at_yard" => BanAction.HoldAtYard,
                _ => null,
            };
            if (action is null)
            {
                f.Error(actionNode, Fields.Join(field, "action"), actionText == "divert"
                        ? "diverting to another route needs several routes, which the format does not have yet"
                        : $"unknown action '{actionText}'",
                    DidYouMean.Hint(actionText, Actions) ?? "write turn_away, hold_at_origin, or hold_at_yard with yard: NAME");
            }
        }

        var yardNode = map.Get("yard");
        if (action == BanAction.HoldAtYard && yardNode is null)
        {
            f.Error(map, Fields.Join(field, "yard"), "hold_at_yard needs the yard: yard: NAME", "name a yard of the direction, e.g. yard: staging_lot");
            return null;
        }

        if (action is not null && action != BanAction.HoldAtYard && yardNode is not null)
        {
            f.Error(yardNode, Fields.Join(field, "yard"), "yard goes with action: hold_at_yard", "leave yard out, or write action: hold_at_yard");
            return null;
        }

        if (yardNode is not null && f.Name(yardNode, Fields.Join(field, "yard")) is { } yardName && direction is not null)
        {
            var yards = directions.FirstOrDefault(d => d.Name == direction)?.Stages.OfType<YardStageSpec>().Select(y => y.Name).ToList() ?? [];
            if (yards.Contains(yardName))
            {
                yard = yardName;
            }
            else
            {
                f.Error(yardNode, Fields.Join(field, "yard"), $"'{yardName}' is not a yard of direction '{direction}'",
                    DidYouMean.Hint(yardName, yards) ?? (yards.Count == 0 ? "the direction has no yard" : "its yards: " + string.Join(", ", yards)));
            }
        }

        var reason = map.Get("reason") is { } reasonNode ? f.Text(reasonNode, Fields.Join(field, "reason")) ?? "" : "";
        if (from is null || direction is null || classes.Count == 0 || classes.Count < (map.Get("classes") as YSeq)?.Items.Count || action is null || (action == BanAction.HoldAtYard && yard is null))
        {
            return null;
        }

        return new BanSpec(from.Value, to, direction, classes, action.Value, yard, reason);
    }
}
