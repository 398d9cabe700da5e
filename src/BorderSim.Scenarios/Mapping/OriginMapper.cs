using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Syntax;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Reads the shared origin streams: <c>origins: { NAME: { arrivals: {...}, routing: { CLASS|all: RULE }, suspensions: [...], park: {...} } }</c>,
/// a rule being <c>shares: { ROUTE: p, ... }</c>, <c>shortest_wait: [ROUTE, ...]</c> or
/// <c>overflow: { from: ROUTE, to: ROUTE, above: N, share: p, others: stay|turn_back }</c>. Routes are directions.
/// </summary>
internal sealed class OriginMapper(Fields f, Names names, IReadOnlyList<CargoClassSpec> classes)
{
    private readonly ArrivalsMapper _arrivals = new(f, names, classes);

    /// <summary>The directions some origin routes trucks to (they need no arrivals of their own). Filled before the directions are read.</summary>
    public static HashSet<string> RoutesNamedIn(YNode? originsNode)
    {
        var routes = new HashSet<string>(StringComparer.Ordinal);
        if (originsNode is not YMap origins)
        {
            return routes;
        }

        foreach (var (_, origin) in origins.Entries)
        {
            if ((origin as YMap)?.Get("routing") is not YMap routing)
            {
                continue;
            }

            foreach (var (_, rule) in routing.Entries)
            {
                if (rule is not YMap ruleMap)
                {
                    continue;
                }

                foreach (var (kind, value) in ruleMap.Entries)
                {
                    switch (kind.Value, value)
                    {
                        case ("shares", YMap shares):
                            routes.UnionWith(shares.Keys);
                            break;
                        case ("shortest_wait", YSeq list):
                            routes.UnionWith(list.Items.OfType<YScalar>().Select(s => s.Value));
                            break;
                        case ("overflow", YMap overflow):
                            routes.UnionWith(new[] { overflow.Get("from"), overflow.Get("to") }.OfType<YScalar>().Select(s => s.Value));
                            break;
                    }
                }
            }
        }

        return routes;
    }

    public List<OriginSpec> Read(YNode node)
    {
        var origins = new List<OriginSpec>();
        var map = f.Map(node, "origins", "write origins: { lang_son_export: { arrivals: {...}, routing: { all: { shares: { huu_nghi: 0.7, tan_thanh: 0.3 } } } } }");
        if (map is null)
        {
            return origins;
        }

        foreach (var (key, value) in map.Entries)
        {
            var field = Fields.Join("origins", key.Value);
            if (!Fields.IsName(key.Value))
            {
                f.Error(key, field, $"'{key.Value}' is not a valid name", "use letters, digits, '_' and '-', not '-' first");
            }

            var origin = f.Map(value, field, "write e.g. { arrivals: { trucks_per_day: 328 }, routing: { all: { shares: { huu_nghi: 0.7, tan_thanh: 0.3 } } } }");
            if (origin is null)
            {
                continue;
            }

            f.Keys(origin, field, OriginSections.Origin);
            var arrivals = origin.Get("arrivals") is { } arrivalsNode ? _arrivals.Read(arrivalsNode, Fields.Join(field, "arrivals")) : null;
            var rules = origin.Get("routing") is { } routingNode ? ReadRouting(routingNode, Fields.Join(field, "routing")) : null;
            var suspensions = new List<RouteSuspensionSpec>();
            if (origin.Get("suspensions") is { } suspensionsNode && rules is not null)
            {
                ReadSuspensions(suspensionsNode, Fields.Join(field, "suspensions"), rules, suspensions);
            }

            ParkSpec? park = null;
            if (origin.Get("park") is { } parkNode)
            {
                // The classes the origin routes: those its rules name, or every class when one rule is for all.
                IReadOnlyCollection<string>? routed = rules is null || rules.Any(r => r.CargoClass == RoutingRuleSpec.AllClasses) ? null : [.. rules.Select(r => r.CargoClass)];
                park = new ParkMapper(f, names).Read(parkNode, Fields.Join(field, "park"), routed);
                if (park is null)
                {
                    continue;
                }
            }

            if (arrivals is null || rules is null)
            {
                continue;
            }

            // Every class that comes from the origin needs a rule: its own or the one for all.
            var mix = arrivals.ClassMix.Count > 0 ? arrivals.ClassMix : classes.ToDictionary(c => c.Name, c => c.Share);
            var hasAll = rules.Any(r => r.CargoClass == RoutingRuleSpec.AllClasses);
            foreach (var (cls, share) in mix)
            {
                if (share > 0 && !hasAll && rules.All(r => r.CargoClass != cls))
                {
                    f.Error(origin.Get("routing")!, Fields.Join(field, "routing"), $"no rule routes class '{cls}', which comes from this origin",
                        $"add {cls}: {{...}} or all: {{...}} under routing");
                }
            }

            origins.Add(new OriginSpec(key.Value, arrivals, rules, suspensions) { Park = park });
        }

        return origins;
    }

    private List<RoutingRuleSpec>? ReadRouting(YNode node, string field)
    {
        var map = f.Map(node, field, "write e.g. { all: { shares: { huu_nghi: 0.7, tan_thanh: 0.3 } }, fruit: { shortest_wait: [huu_nghi, tan_thanh] } }");
        if (map is null)
        {
            return null;
        }

        if (map.Entries.Count == 0)
        {
            f.Error(map, field, "no routing rule is given", "write e.g. all: { shares: { huu_nghi: 1 } }");
            return null;
        }

        var rules = new List<RoutingRuleSpec>();
        var ok = true;
        foreach (var (key, value) in map.Entries)
        {
            var ruleField = Fields.Join(field, key.Value);
            if (key.Value != RoutingRuleSpec.AllClasses)
            {
                f.Reference(key, ruleField, key.Value, "class", [.. names.Classes.Append(RoutingRuleSpec.AllClasses)]);
            }

            if (ReadRule(key.Value, value, ruleField) is { } rule)
            {
                rules.Add(rule);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? rules : null;
    }

    private RoutingRuleSpec? ReadRule(string cargoClass, YNode node, string field)
    {
        const string Example = "write one of { shares: { huu_nghi: 0.7, tan_thanh: 0.3 } }, { shortest_wait: [huu_nghi, tan_thanh] }, { overflow: { from: huu_nghi, to: tan_thanh, above: 300 } }";
        var map = f.Map(node, field, Example);
        if (map is null)
        {
            return null;
        }

        if (map.Entries.Count != 1)
        {
            f.Error(map, field, $"a rule is one key (shares, shortest_wait or overflow), found {map.Entries.Count}: {string.Join(", ", map.Keys)}", Example);
            return null;
        }

        var (kind, value) = map.Entries[0];
        var kindField = Fields.Join(field, kind.Value);
        switch (kind.Value)
        {
            case "shares":
                {
                    var shares = f.Map(value, kindField, "write e.g. { huu_nghi: 0.7, tan_thanh: 0.3 }");
                    if (shares is null || shares.Entries.Count == 0)
                    {
                        if (shares is not null)
                        {
                            f.Error(shares, kindField, "no route is given", "write e.g. { huu_nghi: 0.7, tan_thanh: 0.3 }");
                        }

                        return null;
                    }

                    var routes = new List<string>();
                    var values = new List<double>();
                    var ok = true;
                    foreach (var (route, share) in shares.Entries)
                    {
                        var shareField = Fields.Join(kindField, route.Value);
                        ok &= f.Reference(route, shareField, route.Value, "route", names.Directions);
                        if (f.Probability(share, shareField) is { } p)
                        {
                            routes.Add(route.Value);
                            values.Add(p);
                        }
                        else
                        {
                            ok = false;
                        }
                    }

                    if (ok && Math.Abs(values.Sum() - 1) > 1e-6)
                    {
                        f.Error(shares, kindField, $"the route shares sum to {Fields.Format(values.Sum())}, not 1",
                            string.Join(" + ", routes.Zip(values, (r, p) => $"{r} {Fields.Format(p)}")));
                        return null;
                    }

                    return ok ? new RoutingRuleSpec(cargoClass, RoutingKind.Shares, routes, values) : null;
                }

            case "shortest_wait":
                {
                    var list = f.NameList(value, kindField);
                    if (list is null)
                    {
                        return null;
                    }

                    if (list.Count == 0)
                    {
                        f.Error(value, kindField, "no route is given", "write e.g. [huu_nghi, tan_thanh]");
                        return null;
                    }

                    var ok = true;
                    for (var i = 0; i < list.Count; i++)
                    {
                        ok &= f.Reference(((YSeq)value).Items[i], Fields.Index(kindField, i), list[i], "route", names.Directions);
                    }

                    return ok ? new RoutingRuleSpec(cargoClass, RoutingKind.ShortestWait, list, []) : null;
                }

            case "overflow":
                {
                    var overflow = f.Map(value, kindField, "write e.g. { from: huu_nghi, to: tan_thanh, above: 300, share: 0.8, others: stay }");
                    if (overflow is null)
                    {
                        return null;
                    }

                    f.Keys(overflow, kindField, OriginSections.Overflow);
                    string? Route(string key)
                    {
                        if (overflow.Get(key) is not { } routeNode || f.Name(routeNode, Fields.Join(kindField, key)) is not { } route)
                        {
                            return null;
                        }

                        return f.Reference(routeNode, Fields.Join(kindField, key), route, "route", names.Directions) ? route : null;
                    }

                    var from = Route("from");
                    var to = Route("to");
                    int? above = overflow.Get("above") is { } aboveNode ? f.Int(aboveNode, Fields.Join(kindField, "above"), 0, "trucks ahead on the first route") : null;
                    var share = overflow.Get("share") is { } shareNode ? f.Probability(shareNode, Fields.Join(kindField, "share")) : 1;
                    var turnBack = false;
                    if (overflow.Get("others") is { } othersNode && f.Scalar(othersNode, Fields.Join(kindField, "others"), "stay or turn_back") is { } others)
                    {
                        if (!OriginSections.OthersChoices.Contains(others))
                        {
                            f.Error(othersNode, Fields.Join(kindField, "others"), $"expected stay or turn_back, found '{others}'", DidYouMean.Hint(others, OriginSections.OthersChoices) ?? "what the drivers who do not overflow do");
                            return null;
                        }

                        turnBack = others == "turn_back";
                    }

                    if (from is not null && from == to)
                    {
                        f.Error(overflow.Get("to")!, Fields.Join(kindField, "to"), $"trucks overflow from '{from}' to itself", "name another route");
                        return null;
                    }

                    return from is null || to is null || above is null || share is null
                        ? null
                        : new RoutingRuleSpec(cargoClass, RoutingKind.Overflow, [from, to], [], above.Value, share.Value, turnBack);
                }

            default:
                f.Error(kind, kindField, $"unknown routing rule '{kind.Value}'", DidYouMean.Hint(kind.Value, OriginSections.RoutingRule.Known) ?? "a rule is shares, shortest_wait or overflow");
                return null;
        }
    }

    private void ReadSuspensions(YNode node, string field, List<RoutingRuleSpec> rules, List<RouteSuspensionSpec> suspensions)
    {
        var seq = f.Seq(node, field, "write one '- { route: chi_ma, from: 2026-06-10, to: 2026-06-20, divert: 0.7 }' per line");
        if (seq is null)
        {
            return;
        }

        var routes = rules.SelectMany(r => r.Routes).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var itemField = Fields.Index(field, i);
            var item = f.Map(seq.Items[i], itemField, "write e.g. { route: chi_ma, from: 2026-06-10, to: 2026-06-20, divert: 0.7, reason: upgrade }");
            if (item is null)
            {
                continue;
            }

            f.Keys(item, itemField, OriginSections.Suspension);
            string? route = null;
            if (item.Get("route") is { } routeNode && f.Name(routeNode, Fields.Join(itemField, "route")) is { } name)
            {
                if (routes.Contains(name))
                {
                    route = name;
                }
                else
                {
                    f.Error(routeNode, Fields.Join(itemField, "route"), $"'{name}' is not a route of this origin's routing",
                        DidYouMean.Hint(name, routes) ?? "its routes: " + string.Join(", ", routes));
                }
            }

            var (from, to) = Period.Read(f, item, itemField);
            var divert = item.Get("divert") is { } divertNode ? f.Probability(divertNode, Fields.Join(itemField, "divert")) : 1;
            var reason = item.Get("reason") is { } reasonNode ? f.Reason(reasonNode, Fields.Join(itemField, "reason")) ?? "" : "";
            var waiting = WaitingReactionMapper.Read(f, item, itemField, canMove: true);
            if (route is not null && from is not null && to is not null && divert is not null && waiting is not null)
            {
                suspensions.Add(new RouteSuspensionSpec(route, from.Value, to.Value, divert.Value, reason) { Waiting = waiting });
            }
        }
    }
}
