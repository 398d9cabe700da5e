using System.Text.Json.Nodes;
using BorderSim.Model.Spec;
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

    public static readonly FormatSection ParkBacklogGroup = new("Park backlog group",
        "A group of trucks already in the origin's park when the run starts: of which class, how many, and how long they have waited; oldest first in line.",
    [
        new FormatKey("class", Name, "Cargo class of the trucks; one the origin routes.").Required().Eg("fruit"),
        new FormatKey("trucks", Int(1, ScenarioLimits.MaxBacklogTrucks), "How many trucks; all groups together fit the park's capacity.").Required().In("trucks").Eg("300"),
        new FormatKey("age", DirectionSections.Age, "How long each has waited already: a duration (fixed) or a distribution; not negative. It counts in its wait in the park.").Defaults("0").Eg("uniform(0h, 12h)"),
    ]);

    public static readonly FormatSection Park = new("Park",
        "A province-level parking area at the origin (a logistics park, a staging lot): every truck of the origin arrives in it and waits there " +
        "until the park releases it into the origin's routing, first come first served (its starting backlog first, oldest first), at most " +
        "release_per_day a local day of the scenario's time_zone and only while its calendar is open; a truck that may go at once passes straight " +
        "through. A released truck is routed then by its class's rule, suspensions and bans as any new arrival, and arrives on its route then: " +
        "its wait and time in the system there start at the release, and the park counts the time before (origin_park_wait_hours_mean, " +
        "_max; trucks.csv lists a truck once released). A truck that finds the park full turns back " +
        "(origin_park_full, also in origin_turned_back); one whose patience (its class's, drawn when it reaches the park and running from then; " +
        "for the starting backlog from the start of the run) runs out before its release gives up there (origin_park_gave_up); those still " +
        "in it at the end are counted (origin_in_park_at_end).",
    [
        new FormatKey("capacity", Int(1), "Places for trucks.").In("trucks").Defaults("unlimited").Eg("1500"),
        new FormatKey("release_per_day", Int(1), "At most this many trucks leave the park a local day (a park that releases none would hold every truck: write a suspension or a ban).")
            .In("trucks/day").Defaults("no daily limit").Eg("600"),
        new FormatKey("calendar", Name, "Calendar whose open hours are the park's release hours (a name under calendars); a dated change of its hours says an hour-level closure.")
            .Defaults("always releases").Eg("park_release"),
        new FormatKey("backlog", new ListShape(new ObjectShape(ParkBacklogGroup)), "Trucks already in the park when the run starts."),
    ])
    {
        Rules =
        [
            SectionRule.Custom("A park has release_per_day or a calendar (or both): without either it holds no truck.", () => new JsonObject
            {
                ["anyOf"] = new JsonArray(SectionRule.RequiresAll("release_per_day"), SectionRule.RequiresAll("calendar")),
            }),
        ],
    };

    public static readonly FormatSection Origin = new("Origin", "An origin: its arrivals, its routing per class (or all), the suspensions of its routes, and a park that holds its trucks.",
    [
        new FormatKey("arrivals", new ObjectShape(DirectionSections.Arrivals), "Arrivals of the origin's trucks.").Required(),
        new FormatKey("routing", new MapShape("CLASS", new ObjectShape(RoutingRule)) { MinEntries = 1 },
            "A rule per class name, or all for every class not named; every class that comes from the origin needs one.").Required().Eg("{ all: { shares: { huu_nghi: 0.7, tan_thanh: 0.3 } } }"),
        new FormatKey("suspensions", new ListShape(new ObjectShape(Suspension)), "Routes closed to this origin's trucks for a while."),
        new FormatKey("park", new ObjectShape(Park), "A parking area that holds the origin's trucks and releases them into its routing.")
            .Defaults("none: each truck is routed as it arrives").Eg("{ capacity: 1500, release_per_day: 600 }"),
    ]);
}
