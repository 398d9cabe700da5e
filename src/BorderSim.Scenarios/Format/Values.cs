using System.Globalization;
using System.Text.Json.Nodes;
using BorderSim.Scenarios.Syntax;

namespace BorderSim.Scenarios.Format;

/// <summary>The kinds of values the format is written with: scalar readers and the named definitions.</summary>
internal static class Values
{
    private static string Alternatives(IEnumerable<string> names) => string.Join("|", names);

    private static string DayPattern(IReadOnlyList<string> names) =>
        $"^\\s*({Alternatives(names)})(\\s*-\\s*({Alternatives(names)}))?\\s*$";

    private const string Number = "[0-9._]+([eE][-+]?[0-9]+)?";

    private const string Interval = "[0-9]{1,2}:[0-9]{2}\\s*-\\s*[0-9]{1,2}:[0-9]{2}";

    /// <summary>Day keys (<c>mon</c>, <c>sat-sun</c>, <c>fri-mon</c>) as the calendar reads them.</summary>
    public static string DayKeyPattern => DayPattern(HoursSyntax.DayNames);

    /// <summary>Month keys (<c>jun</c>, <c>may-jul</c>).</summary>
    public static string MonthKeyPattern => DayPattern(HoursSyntax.MonthNames);

    public static readonly Definition TextDefinition = new("text", "Free text; a number or true/false written plainly is read as its text.",
        new ScalarShape("text", () => new JsonObject { ["type"] = new JsonArray("string", "number", "boolean", "null") }), ["Tết closure"]);

    public static readonly Definition NameDefinition = new("name", "A name others refer to: letters, digits, '_' and '-', not '-' first (it goes into CSV cells).",
        new ScalarShape("name", () => new JsonObject { ["type"] = "string", ["pattern"] = "^[^\\s.-][^\\s.]*$" }), ["vn_customs", "freight_road_1119"]);

    public static readonly Definition DurationDefinition = new("duration",
        "A number and a unit: " + string.Join(", ", Units.DurationUnitNames) + ". A bare number is refused: 4 could be minutes or hours.",
        new ScalarShape("duration", () => new JsonObject
        {
            ["type"] = "string",
            ["pattern"] = $"^\\s*{Number}\\s*({Alternatives(Units.DurationUnitNames)})\\s*$",
        }), ["30s", "90min", "1.5h", "3d"])
    { ExamplesInSchema = true };

    public static readonly Definition DistanceDefinition = new("distance", "A number and a unit: " + string.Join(" or ", Units.DistanceUnitNames) + ".",
        new ScalarShape("distance", () => new JsonObject
        {
            ["type"] = "string",
            ["pattern"] = $"^\\s*{Number}\\s*({Alternatives(Units.DistanceUnitNames)})\\s*$",
        }), ["19m", "0.019km"])
    { ExamplesInSchema = true };

    public static readonly Definition DistributionDefinition = new("distribution",
        "A distribution of durations, written as a call: " + string.Join("; ", DistributionSyntax.Names.Select(DistributionSyntax.UsageOf)) + ".",
        new ScalarShape("distribution", () => new JsonObject
        {
            ["type"] = "string",
            ["pattern"] = $"^\\s*({Alternatives(DistributionSyntax.Names)})\\s*\\(.*\\)\\s*$",
        }), ["exp(10min)", "lognormal(30min, 10min)", "tri(2h, 4h, 12h)", "fixed(4min)"])
    { ExamplesInSchema = true };

    public static readonly Definition DateDefinition = new("date", "A day, YYYY-MM-DD.",
        new ScalarShape("date", () => new JsonObject { ["type"] = "string", ["format"] = "date", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }), ["2026-06-15"]);

    public static readonly Definition TimeZoneDefinition = new("timeZone", "An IANA time zone; Vietnam is Asia/Ho_Chi_Minh (UTC+7), China Asia/Shanghai (UTC+8).",
        new ScalarShape("time zone", () => new JsonObject { ["type"] = "string", ["pattern"] = "^\\s*[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*\\s*$" }),
        ["Asia/Ho_Chi_Minh", "Asia/Shanghai", "Etc/UTC"])
    { ExamplesInSchema = true };

    public static readonly Definition WeeklyHoursDefinition = new("weeklyHours",
        "Opening hours by day: keys are days or day ranges (mon, mon-fri, fri-mon wraps); values \"HH:MM-HH:MM\", several separated by commas, or closed. " +
        "24:00 only as a closing time; overnight is two intervals. A later key overrides an earlier day; days not named are closed.",
        new ScalarShape("weekly hours", () => new JsonObject
        {
            ["type"] = "object",
            ["patternProperties"] = new JsonObject
            {
                [DayKeyPattern] = new JsonObject
                {
                    ["description"] = "Opening hours of the day(s): \"HH:MM-HH:MM\", several separated by commas, or closed. 24:00 only as a closing time; overnight is two intervals.",
                    ["type"] = "string",
                    ["pattern"] = $"^\\s*(closed|{Interval}(\\s*,\\s*{Interval})*)\\s*$",
                    ["examples"] = new JsonArray("07:00-19:00", "07:00-12:00, 13:00-19:00", "closed"),
                },
            },
            ["additionalProperties"] = false,
        }), ["{ mon-fri: \"07:00-12:00, 13:00-19:00\", sat: \"07:00-12:00\", sun: closed }"]);

    public static readonly Definition LanesDefinition = new("lanes", "Lanes per direction served (a direction's name as the key), each a whole number ≥ 1; leave out a direction the road does not serve.",
        new ScalarShape("lanes per direction", () => new JsonObject
        {
            ["type"] = "object",
            ["minProperties"] = 1,
            ["additionalProperties"] = new JsonObject
            {
                ["description"] = "Lanes for this direction (a direction name as the key); whole number >= 1.",
                ["type"] = "integer",
                ["minimum"] = 1,
            },
        }), ["{ export: 2, import: 2 }"]);

    public static readonly Definition ClassNamesDefinition = new("classNames", "A list of cargo class names.",
        new ScalarShape("list of class names", () => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/definitions/name" } }), ["[fruit, cold_chain]"]);

    public static readonly Definition CapAmountDefinition = new("capAmount",
        $"Trucks a local day: a whole number (300; 0 = none accepted) or a range drawn each day (200-400), at most {Mapping.CapMapper.MaxTrucksPerDay}.",
        new ScalarShape("trucks a day", () => new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = Mapping.CapMapper.MaxTrucksPerDay },
                new JsonObject { ["type"] = "string", ["pattern"] = "^\\s*[0-9]+\\s*(-\\s*[0-9]+)?\\s*$" }),
        }), ["300", "200-400"]);

    public static readonly Definition ClearanceCapDefinition = new("clearanceCap",
        "A clearance cap: at most so many trucks start service a local day (the calendar's zone): a number, a range drawn each day, or per class with an optional total for all.",
        new ScalarShape("clearance cap", () => new JsonObject
        {
            ["anyOf"] = new JsonArray(
                Ref(CapAmountDefinition),
                new JsonObject { ["type"] = "object", ["minProperties"] = 1, ["additionalProperties"] = Ref(CapAmountDefinition) }),
        }), ["300", "200-400", "{ all: 300, fruit: 100 }"]);

    public static readonly Definition ClearanceCapChangeDefinition = new("clearanceCapChange", "A new clearance cap from a change's date, or none to lift it.",
        new ScalarShape("clearance cap or none", () => new JsonObject
        {
            ["anyOf"] = new JsonArray(Ref(ClearanceCapDefinition), new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("none") }),
        }), ["250", "none"]);

    public static readonly Definition ReservedServersDefinition = new("reservedServers",
        "Servers (booths, lanes) kept for a class, in the order written, each a whole number ≥ 0; {} = none.",
        new ScalarShape("servers per class", () => new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
        }), ["{ fruit: 2 }", "{}"]);

    public static Shape Text { get; } = new RefShape(TextDefinition);

    public static Shape Name { get; } = new RefShape(NameDefinition);

    public static Shape Duration { get; } = new RefShape(DurationDefinition);

    public static Shape Distance { get; } = new RefShape(DistanceDefinition);

    public static Shape Distribution { get; } = new RefShape(DistributionDefinition);

    public static Shape Date { get; } = new RefShape(DateDefinition);

    public static Shape Zone { get; } = new RefShape(TimeZoneDefinition);

    public static Shape Hours { get; } = new RefShape(WeeklyHoursDefinition);

    public static Shape Lanes { get; } = new RefShape(LanesDefinition);

    public static Shape ClassNames { get; } = new RefShape(ClassNamesDefinition);

    public static Shape CapAmount { get; } = new RefShape(CapAmountDefinition);

    public static Shape Cap { get; } = new RefShape(ClearanceCapDefinition);

    public static Shape CapChange { get; } = new RefShape(ClearanceCapChangeDefinition);

    public static Shape Reserved { get; } = new RefShape(ReservedServersDefinition);

    public static Shape Bool { get; } = new ScalarShape("true or false", () => new JsonObject { ["type"] = "boolean" });

    public static Shape Probability { get; } = new ScalarShape("number from 0 to 1", () => new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 });

    public static Shape Int(int min, int? max = null) => new ScalarShape(
        max is { } m ? $"whole number from {Format(min)} to {Format(m)}" : $"whole number ≥ {min}",
        () => max is { } m2
            ? new JsonObject { ["type"] = "integer", ["minimum"] = min, ["maximum"] = m2 }
            : new JsonObject { ["type"] = "integer", ["minimum"] = min });

    public static Shape NonNegative { get; } = new ScalarShape("number ≥ 0", () => new JsonObject { ["type"] = "number", ["minimum"] = 0 });

    /// <summary>Text in each report language: plain text (the same in both), or <c>{ en: ..., vi: ... }</c>.</summary>
    public static readonly Definition BilingualTextDefinition = new("bilingualText",
        "Text in each report language: plain text (the same in English and Vietnamese), or { en: ..., vi: ... } (vi defaults to en); a report in Vietnamese shows vi.",
        new ScalarShape("text or { en, vi }", () => new JsonObject
        {
            ["anyOf"] = new JsonArray(
                Ref(TextDefinition),
                new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["en"] = Ref(TextDefinition), ["vi"] = Ref(TextDefinition) },
                    ["required"] = new JsonArray("en"),
                    ["additionalProperties"] = false,
                }),
        }), ["lanes", "{ en: import lanes, vi: làn nhập }"]);

    public static Shape BilingualText { get; } = new RefShape(BilingualTextDefinition);

    /// <summary>The optional <c>label:</c> of a named part: what a report calls it in each language instead of its name.</summary>
    public static FormatKey Label(string part, string example) =>
        new FormatKey("label", BilingualText, $"What reports call this {part}, in each language, instead of its name.").Defaults("its name").Eg(example);

    public static Shape Enum(params string[] values) => new ScalarShape(
        string.Join(" or ", values.Select(v => $"`{v}`")),
        () => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]) });

    /// <summary>A shape given as its words and its schema, for a value of its own kind.</summary>
    public static Shape Raw(string text, Func<JsonObject> schema) => new ScalarShape(text, schema);

    public static Shape AnyOf(params Shape[] options) => new AnyOfShape(options);

    /// <summary>Every definition, in the order the schema lists them.</summary>
    public static IReadOnlyList<Definition> Definitions =>
    [
        TextDefinition, NameDefinition, DurationDefinition, DistanceDefinition, DistributionDefinition, DateDefinition, TimeZoneDefinition,
        WeeklyHoursDefinition, LanesDefinition, ClassNamesDefinition, StageSections.PoolUseDefinition, StageSections.EmptyReturnDefinition, CapAmountDefinition, ClearanceCapDefinition,
        ClearanceCapChangeDefinition, ReservedServersDefinition, BilingualTextDefinition,
    ];

    public static JsonObject Ref(Definition definition) => new() { ["$ref"] = "#/definitions/" + definition.Name };

    private static string Format(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
