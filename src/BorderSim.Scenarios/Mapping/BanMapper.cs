using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Syntax;
using BorderSim.Scenarios.Yaml;
using NodaTime;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Reads <c>bans</c>: from a date (to a date, or the end), trucks of some classes in one direction are not
/// admitted; <c>action</c> says what becomes of them: <c>turn_away</c>, <c>hold_at_origin</c>, or
/// <c>hold_at_yard</c> with <c>yard: NAME</c> (a yard of that direction), or <c>divert</c> with <c>to_route: NAME</c>
/// and <c>divert_share</c> (a route fed by an origin: its drivers take another route of their rule or turn back).
/// </summary>
internal sealed class BanMapper(Fields f, Names names)
{
    private const string Example = "write e.g. - { from: 2026-12-08, direction: export, classes: [fruit], action: turn_away }";

    public List<BanSpec> Read(YNode node, IReadOnlyList<DirectionSpec> directions, IReadOnlyList<OriginSpec> origins)
    {
        var bans = new List<BanSpec>();
        var seq = f.Seq(node, "bans", Example);
        if (seq is null)
        {
            return bans;
        }

        var diversions = new List<DiversionCycles.Diversion>();
        for (var i = 0; i < seq.Items.Count; i++)
        {
            if (ReadBan(seq.Items[i], Fields.Index("bans", i), directions, origins) is { } ban)
            {
                bans.Add(ban);
                if (ban.DivertTo is not null && seq.Items[i] is YMap map && map.Get("to_route") is { } toRoute)
                {
                    diversions.Add(new DiversionCycles.Diversion(ban, toRoute, Fields.Join(Fields.Index("bans", i), "to_route")));
                }
            }
        }

        DiversionCycles.Check(diversions, f);
        return bans;
    }

    private BanSpec? ReadBan(YNode node, string field, IReadOnlyList<DirectionSpec> directions, IReadOnlyList<OriginSpec> origins)
    {
        var map = f.Map(node, field, Example);
        if (map is null)
        {
            return null;
        }

        f.Keys(map, field, BanSections.Ban);
        LocalDate? from = map.Get("from") is { } fromNode ? f.Date(fromNode, Fields.Join(field, "from")) : null;
        LocalDate? to = null;
        if (map.Get("to") is not null)
        {
            (from, to) = Period.Read(f, map, field);
            if (to is null)
            {
                return null;
            }
        }

        var direction = ReadDirection(map, field);
        // The banned classes that name a class of the scenario (a diversion checks those even when another does not).
        var classes = ClassList.Read(f, names, map, field, "a ban names at least one class", "e.g. classes: [fruit]", out var classesAreWhole) ?? [];
        var action = ReadAction(map, field);
        var diversion = ReadDiversion(map, field, action, direction, classes, origins);
        if (!ReadYard(map, field, action, direction, directions, out var yard))
        {
            return null;
        }

        var letThrough = map.Get("let_through") is { } letNode ? f.Probability(letNode, Fields.Join(field, "let_through")) : 0;
        var reason = map.Get("reason") is { } reasonNode ? f.Reason(reasonNode, Fields.Join(field, "reason")) ?? "" : "";
        var waiting = WaitingReactionMapper.Read(f, map, field);
        if (waiting is null || from is null || direction is null || !classesAreWhole || action is null || (action == BanAction.HoldAtYard && yard is null)
            || (action == BanAction.Divert && diversion is null) || letThrough is null)
        {
            return null;
        }

        return new BanSpec(from.Value, to, direction, classes, action.Value, yard, reason)
        {
            DivertTo = diversion?.Route,
            DivertShare = diversion?.Share ?? 1,
            LetThrough = letThrough.Value,
            Waiting = waiting,
        };
    }

    private string? ReadDirection(YMap map, string field) =>
        map.Get("direction") is { } directionNode && f.Name(directionNode, Fields.Join(field, "direction")) is { } directionName
            && f.Reference(directionNode, Fields.Join(field, "direction"), directionName, "direction", names.Directions)
            ? directionName
            : null;

    private BanAction? ReadAction(YMap map, string field)
    {
        if (map.Get("action") is not { } actionNode || f.Scalar(actionNode, Fields.Join(field, "action"), "turn_away, hold_at_origin, hold_at_yard or divert") is not { } actionText)
        {
            return null;
        }

        BanAction? action = actionText switch
        {
            "turn_away" => BanAction.TurnAway,
            "hold_at_origin" => BanAction.HoldAtOrigin,
            "hold_at_yard" => BanAction.HoldAtYard,
            "divert" => BanAction.Divert,
            _ => null,
        };
        if (action is null)
        {
            f.Error(actionNode, Fields.Join(field, "action"), $"unknown action '{actionText}'",
                DidYouMean.Hint(actionText, BanSections.Actions) ?? "write turn_away, hold_at_origin, hold_at_yard with yard: NAME, or divert with to_route: NAME");
        }

        return action;
    }

    /// <summary>
    /// <c>yard</c>, which goes with <c>hold_at_yard</c> only and names a yard of the ban's direction. False when the ban
    /// cannot be read further (hold_at_yard without a yard, or a yard with another action).
    /// </summary>
    private bool ReadYard(YMap map, string field, BanAction? action, string? direction, IReadOnlyList<DirectionSpec> directions, out string? yard)
    {
        yard = null;
        var yardNode = map.Get("yard");
        if (action == BanAction.HoldAtYard && yardNode is null)
        {
            f.Error(map, Fields.Join(field, "yard"), "hold_at_yard needs the yard: yard: NAME", "name a yard of the direction, e.g. yard: staging_lot");
            return false;
        }

        if (action is not null && action != BanAction.HoldAtYard && yardNode is not null)
        {
            f.Error(yardNode, Fields.Join(field, "yard"), "yard goes with action: hold_at_yard", "leave yard out, or write action: hold_at_yard");
            return false;
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

        return true;
    }

    /// <summary>
    /// <c>to_route</c> and <c>divert_share</c> of a ban that diverts: the ban's route must be fed by an origin that sends
    /// the banned classes there, and <c>to_route</c> another route that each such origin's rule for the class names.
    /// </summary>
    private (string Route, double Share)? ReadDiversion(YMap map, string field, BanAction? action, string? direction, List<string> classes, IReadOnlyList<OriginSpec> origins)
    {
        var toNode = map.Get("to_route");
        var shareNode = map.Get("divert_share");
        if (action is not null && action != BanAction.Divert)
        {
            foreach (var (key, node) in new[] { ("to_route", toNode), ("divert_share", shareNode) })
            {
                if (node is not null)
                {
                    f.Error(node, Fields.Join(field, key), $"{key} goes with action: divert", "leave it out, or write action: divert");
                }
            }

            return null;
        }

        if (action != BanAction.Divert)
        {
            return null;
        }

        if (toNode is null)
        {
            f.Error(map, Fields.Join(field, "to_route"), "divert needs the route the drivers take: to_route: NAME", "name another route of their routing rule, e.g. to_route: tan_thanh");
            return null;
        }

        var share = shareNode is null ? 1 : f.Probability(shareNode, Fields.Join(field, "divert_share"));
        var toField = Fields.Join(field, "to_route");
        if (f.Name(toNode, toField) is not { } route || !f.Reference(toNode, toField, route, "route", names.Directions) || direction is null || share is null)
        {
            return null;
        }

        if (route == direction)
        {
            f.Error(toNode, toField, $"drivers divert from '{direction}' to itself", "name another route");
            return null;
        }

        var ok = true;
        foreach (var cargoClass in classes)
        {
            var feeding = origins
                .Select(o => (Origin: o, Rule: o.Rules.FirstOrDefault(r => r.CargoClass == cargoClass) ?? o.Rules.FirstOrDefault(r => r.CargoClass == RoutingRuleSpec.AllClasses)))
                .Where(p => p.Rule is not null && p.Rule.Routes.Contains(direction))
                .ToList();
            if (feeding.Count == 0)
            {
                f.Error(map.Get("action")!, Fields.Join(field, "action"), $"no origin sends class '{cargoClass}' to route '{direction}': only trucks an origin sends can divert to another route",
                    "turn them away (turn_away) or hold them (hold_at_origin); or route the class to it from an origin");
                ok = false;
                continue;
            }

            foreach (var (origin, rule) in feeding.Where(p => !p.Rule!.Routes.Contains(route)))
            {
                var others = rule!.Routes.Where(r => r != direction).ToList();
                f.Error(toNode, toField, $"route '{route}' does not take class '{cargoClass}' from origin '{origin.Name}' (its rule for the class names {string.Join(", ", rule.Routes)})",
                    others.Count == 0 ? $"add '{route}' to the rule" : DidYouMean.Hint(route, others) ?? "name a route of the rule: " + string.Join(", ", others));
                ok = false;
            }
        }

        return ok ? (route, share.Value) : null;
    }
}
