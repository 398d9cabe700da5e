using static BorderSim.Scenarios.Format.Values;

namespace BorderSim.Scenarios.Format;

/// <summary>The declared format of bans: classes not admitted in a direction between dates, and what becomes of their trucks.</summary>
internal static class BanSections
{
    /// <summary>What becomes of a banned truck, in the order the reader names them.</summary>
    public static readonly IReadOnlyList<string> Actions = ["turn_away", "hold_at_origin", "hold_at_yard", "divert"];

    public static readonly FormatSection Ban = new("Ban",
        "A ban: from 'from' (to 'to', both included) trucks of 'classes' in 'direction' are turned away (turn_away), held at their origin until it ends (hold_at_origin), " +
        "or held in a yard of the direction (hold_at_yard, with yard); or, on a route fed by an origin, diverted: divert_share of the origin's drivers take to_route, the others turn back (divert).",
    [
        new FormatKey("from", Date, "First day, from local midnight.").Required().Eg("2026-12-08"),
        new FormatKey("to", Date, "Last day, included; not before 'from'.").Defaults("to the end of the run").Eg("2026-12-20"),
        new FormatKey("direction", Name, "The direction whose trucks are banned.").Required().Eg("export"),
        new FormatKey("classes", new ListShape(Name) { MinItems = 1 }, "Banned classes, at least one.").Required().Eg("[fruit]"),
        new FormatKey("action", Enum([.. Actions]), "What becomes of a banned truck.").Required().Eg("turn_away"),
        new FormatKey("yard", Name, "With hold_at_yard: the yard of the direction the trucks wait in.").Eg("staging_lot"),
        new FormatKey("to_route", Name, "With divert: the route the diverted drivers take (another route of their origin's rule for the class).").Eg("tan_thanh"),
        new FormatKey("divert_share", Probability, "With divert: the share of drivers who take to_route; the others turn back at the origin.").Defaults("1").Eg("0.7"),
        new FormatKey("let_through", Probability, "The share of the banned trucks that still pass as if there were no ban; the rest meet the action. Each truck's lot is drawn once, from a stream of its own.")
            .Defaults("0").Eg("0.3"),
        WaitingSections.Key("ban (trucks of the banned classes in the direction)"),
        new FormatKey("reason", BilingualText, "Why, shown in reports."),
    ])
    {
        Rules =
        [
            SectionRule.RequiredWhen("action: divert needs to_route.", "action", "divert", "to_route"),
            SectionRule.OnlyWhen("to_route and divert_share go with action: divert only.", "action", "divert", "to_route", "divert_share"),
            SectionRule.RequiredWhen("action: hold_at_yard needs yard.", "action", "hold_at_yard", "yard"),
            SectionRule.OnlyWhen("yard goes with action: hold_at_yard only.", "action", "hold_at_yard", "yard"),
        ],
    };
}
