using System.Text.Json.Nodes;
using static BorderSim.Scenarios.Format.Values;

namespace BorderSim.Scenarios.Format;

/// <summary>The declared format of origins: shared streams of trucks routed to the directions (routes) by a rule per class.</summary>
internal static class OriginSections
{
    /// <summary>What the drivers who do not overflow do.</summary>
    public static readonly IReadOnlyList<string> OthersChoices = ["stay", "turn_back"];

    public static readonly FormatSection Overflow = new("Overflow rule",
        "Take 'from' unless more than 'above' trucks are ahead on it; then a share of drivers take 'to', the others stay or turn back.",
    [
        new FormatKey("from", Name, "The first route (a direction).").Required().Eg("huu_nghi"),
        new FormatKey("to", Name, "The overflow route, not 'from'.").Required().Eg("tan_thanh"),
        new FormatKey("above", Int(0), "Trucks ahead on 'from' above which drivers overflow.").Required().In("trucks").Eg("300"),
        new FormatKey("share", Probability, "Share of drivers who overflow.").Defaults("1").Eg("0.8"),
        new FormatKey("others", Enum([.. OthersChoices]), "What the others do.").Defaults("stay"),
    ]);

    private static readonly Shape RouteShares = new MapShape("ROUTE", Raw("number from 0 to 1", () => new JsonObject
    {
        ["type"] = "number",
        ["minimum"] = 0,
        ["maximum"] = 1,
    }));

    public static readonly FormatSection RoutingRule = new("Routing rule", "How a class's trucks choose a route: exactly one of shares, shortest_wait, overflow.",
    [
        new FormatKey("shares", RouteShares, "Fixed shares per route (direction), summing to 1.").Eg("{ huu_nghi: 0.7, tan_thanh: 0.3 }"),
        new FormatKey("shortest_wait", new ListShape(Name) { MinItems = 1 },
            "The route with the fewest hours of work ahead (trucks ahead over its slowest stage's service rate); ties drawn at random.").Eg("[huu_nghi, tan_thanh]"),
        new FormatKey("overflow", new ObjectShape(Overflow), "Overflow from one route to another above a number of trucks ahead.").Eg("{ from: huu_nghi, to: tan_thanh, above: 300 }"),
    ])
    {
        Rules = [SectionRule.ExactlyOneKey("A rule is exactly one key: shares, shortest_wait or overflow.")],
    };

    public static readonly FormatSection Suspension = new("Suspension", "A route closed to this origin's trucks between two dates.",
    [
        new FormatKey("route", Name, "A route of this origin's routing.").Required().Eg("chi_ma"),
        new FormatKey("from", Date, "First day, included.").Required().Eg("2026-06-10"),
        new FormatKey("to", Date, "Last day, included; not before 'from'.").Required().Eg("2026-06-20"),
        new FormatKey("divert", Probability, "Share of the route's drivers who take another open route of their rule; the others turn back.").Defaults("1").Eg("0.7"),
        WaitingSections.Key("suspension (this origin's trucks on the route)"),
        new FormatKey("reason", BilingualText, "Why, shown in reports.").Eg("upgrade"),
    ]);

    public static readonly FormatSection Origin = new("Origin", "An origin: its arrivals, its routing per class (or all), and the suspensions of its routes.",
    [
        new FormatKey("arrivals", new ObjectShape(DirectionSections.Arrivals), "Arrivals of the origin's trucks.").Required(),
        new FormatKey("routing", new MapShape("CLASS", new ObjectShape(RoutingRule)) { MinEntries = 1 },
            "A rule per class name, or all for every class not named; every class that comes from the origin needs one.").Required().Eg("{ all: { shares: { huu_nghi: 0.7, tan_thanh: 0.3 } } }"),
        new FormatKey("suspensions", new ListShape(new ObjectShape(Suspension)), "Routes closed to this origin's trucks for a while."),
    ]);
}
