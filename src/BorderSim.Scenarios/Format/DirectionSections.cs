using System.Text.Json.Nodes;
using BorderSim.Model.Spec;
using static BorderSim.Scenarios.Format.Values;

namespace BorderSim.Scenarios.Format;

/// <summary>The declared format of a direction: its arrivals (with surges), its starting backlog and its stages.</summary>
internal static class DirectionSections
{
    private static readonly Shape Factor = Raw("number ≥ 0", () => new JsonObject
    {
        ["description"] = "Factor that multiplies the arrival rate (number >= 0; 1 = no change).",
        ["type"] = "number",
        ["minimum"] = 0,
    });

    public static readonly FormatSection Surge = new("Surge",
        "A surge: from 'from' to 'to' (both included) the rate of the given classes (default all) is multiplied by factor.",
    [
        new FormatKey("from", Date, "First day, included.").Required().Eg("2026-06-10"),
        new FormatKey("to", Date, "Last day, included; not before 'from'.").Required().Eg("2026-06-25"),
        new FormatKey("factor", NonNegative, "Factor that multiplies the arrival rate; 1 = no change.").Required().Eg("1.5"),
        new FormatKey("classes", ClassNames, "Classes that surge.").Defaults("all").Eg("[fruit]"),
        new FormatKey("reason", BilingualText, "Why, shown in reports."),
    ]);

    private static readonly Shape HourlyProfile = Raw("`flat` or a list of 24 numbers ≥ 0", () => new JsonObject
    {
        ["anyOf"] = new JsonArray(
            new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("flat") },
            new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "number", ["minimum"] = 0 },
                ["minItems"] = 24,
                ["maxItems"] = 24,
            }),
    });

    public static readonly FormatSection DailySeries = new("Daily series",
        "Observed trucks a day, read from a CSV with the columns series, date and value (an observations file has them): the rows of one series, one per local date; every day of the run needs a count.",
    [
        new FormatKey("from", Text, "The CSV file, relative to the scenario file's folder.").Required().Eg("counts.csv"),
        new FormatKey("series", Text, "The series whose rows are read (the CSV's series column).").Required().Eg("arrived_huu_nghi_export"),
    ]);

    public static readonly FormatSection Arrivals = new("Arrivals", "Poisson arrivals of trucks: a daily rate shaped by hour, weekday, month and dated surges, and the mix of classes.",
    [
        new FormatKey("trucks_per_day", AnyOf(NonNegative, new ObjectShape(DailySeries)), "Mean arrivals before the factors below; or an observed daily series { from, series } (then no weekday or month factors).").Required().In("trucks/day").Eg("450"),
        new FormatKey("hourly_profile", HourlyProfile, "Relative arrival weights per local hour, hour 0 first, not all zero; or flat.").Defaults("flat", "flat"),
        new FormatKey("weekday_factors", new PatternMapShape("DAY or DAY-DAY", Values.DayKeyPattern, Factor), "Rate factors by day of week; ranges may wrap.").Defaults("1 every day").Eg("{ sat-sun: 0.8 }"),
        new FormatKey("month_factors", new PatternMapShape("MONTH or MONTH-MONTH", Values.MonthKeyPattern, Factor), "Rate factors by month.").Defaults("1 every month").Eg("{ may-jul: 1.3 }"),
        new FormatKey("surges", new ListShape(new ObjectShape(Surge)), "Dated surges of the rate."),
        new FormatKey("class_mix", new MapShape("CLASS", Raw("number from 0 to 1", () => new JsonObject
        {
            ["description"] = "Fraction of this direction's trucks (0-1).",
            ["type"] = "number",
            ["minimum"] = 0,
            ["maximum"] = 1,
        })), "Fractions of these trucks by class, summing to 1.").Defaults("the class shares").Eg("{ fruit: 0.7, general: 0.3 }"),
    ]);

    /// <summary>How long a truck of a starting backlog has waited already.</summary>
    public static readonly Shape Age = AnyOf(Duration, Distribution);

    public static readonly FormatSection BacklogGroup = new("Backlog group",
        "A group of trucks already waiting when the run starts: where, of which class, how many, and how long they have waited; oldest first in line.",
    [
        new FormatKey("at", Name, "A stage of this direction (in its yard or its queue) or highway (in front of the first stage).").Required().Eg("vn_yard"),
        new FormatKey("class", Name, "Cargo class of the trucks.").Required().Eg("fruit"),
        new FormatKey("trucks", Int(1, ScenarioLimits.MaxBacklogTrucks), "How many trucks; together they fit the places where they stand.").Required().In("trucks").Eg("2000"),
        new FormatKey("age", Age, "How long each has waited already: a duration (fixed) or a distribution; not negative.").Defaults("0").Eg("uniform(0h, 72h)"),
    ]);

    public static readonly FormatSection Direction = new("Direction",
        "A direction of traffic (e.g. export, import): its arrivals and the stages a truck passes in order.",
    [
        new FormatKey("arrivals", new ObjectShape(Arrivals), "Arrivals of trucks into this direction.").RequiredIf("unless an origin routes trucks to this direction"),
        new FormatKey("backlog", new ListShape(new ObjectShape(BacklogGroup)), "Trucks already waiting when the run starts, oldest first in line."),
        new FormatKey("stages", new ListShape(new ObjectShape(StageSections.Stage)) { MinItems = 1 },
            "Stages in order; each item is one key: - yard: {...}, - check: {...}, - road: NAME or - road: { name, buffer, stage_name, pool }.").Required(),
        Label("direction", "{ en: export, vi: xuất khẩu }"),
    ]);
}
