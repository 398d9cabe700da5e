using System.Text.Json.Nodes;
using BorderSim.Model.Spec;
using static BorderSim.Scenarios.Format.Values;

namespace BorderSim.Scenarios.Format;

/// <summary>The declared format of the top level of a scenario, its costs and its cargo classes.</summary>
internal static class TopSections
{
    public static readonly FormatSection Costs = new("Costs",
        "What the crossing's resources cost, in USD, for the metric cost_usd_per_day (with the classes' delay cost). Each 0 or more; a missing one is 0.",
    [
        new FormatKey("lane_usd_per_day", NonNegative, "Each road lane of each direction, per day.").In("USD/lane/day").Defaults("0").Eg("400"),
        new FormatKey("booth_usd_per_hour", NonNegative, "Each check server (booth, team), per hour its calendar has it open (always, without a calendar).").In("USD/server/hour").Defaults("0").Eg("15"),
        new FormatKey("opening_usd_per_hour", NonNegative, "Each calendar, per hour it is open.").In("USD/hour").Defaults("0").Eg("60"),
    ])
    {
        Rules = [SectionRule.AtLeastOneKey("At least one cost is given.")],
    };

    public static readonly FormatSection CargoClass = new("Cargo class", "A cargo class. The class 'empty' (share 0) is added when a yard returns trucks empty.",
    [
        new FormatKey("share", Probability, "Fraction of all trucks; the shares of all classes sum to 1.").Required().Eg("0.6"),
        new FormatKey("shelf_life", Duration, "Shelf life of the cargo, above zero; a truck longer than this in the crossing counts in past_shelf_life.").Defaults("none").Eg("72h"),
        new FormatKey("tonnes", NonNegative, "Tonnes per truck.").In("t/truck").Defaults("0").Eg("19"),
        new FormatKey("delay_cost_usd_per_hour", NonNegative, "Cost of waiting.").In("USD/truck-hour").Defaults("0").Eg("40"),
        new FormatKey("patience", Distribution, "How long a truck waits before it gives up, above zero.").Defaults("waits for ever").Eg("lognormal(48h, 12h)"),
        Label("class", "{ en: fruit, vi: trái cây }"),
    ]);

    private static readonly Shape Start = Raw("date or date and time", () => new JsonObject
    {
        ["type"] = "string",
        ["pattern"] = "^\\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?\\s*$",
    });

    private static readonly Shape WarmUp = Raw("[duration](#duration) or `auto`", () => new JsonObject
    {
        ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("auto") }, Ref(DurationDefinition)),
    });

    private static readonly Shape NameText = Raw("[text](#text), not blank, or { en, vi } (see [bilingualText](#bilingualtext))", () =>
    {
        JsonObject NonBlank() => new() { ["allOf"] = new JsonArray(Ref(TextDefinition), new JsonObject { ["pattern"] = "\\S" }) };
        return new JsonObject
        {
            ["anyOf"] = new JsonArray(
                NonBlank(),
                new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["en"] = NonBlank(), ["vi"] = NonBlank() },
                    ["required"] = new JsonArray("en"),
                    ["additionalProperties"] = false,
                }),
        };
    });

    private static readonly Shape Seed = Raw($"whole number from 0 to {ulong.MaxValue}", () => new JsonObject { ["type"] = "integer", ["minimum"] = 0 });

    public static readonly FormatSection Scenario = new("Scenario", "The top level of a scenario file.",
    [
        new FormatKey("name", NameText, "Scenario name, shown in tables, plots and batch.csv (which take the English one); not blank.").Required().Eg("{ en: \"Hữu Nghị, 6 lanes\", vi: \"Hữu Nghị, 6 làn\" }"),
        new FormatKey("description", BilingualText, "Description, shown in tables and plots.").Defaults("empty"),
        new FormatKey("start", Start, "Local start of the run in time_zone.").Required().Eg("2026-06-01T00:00"),
        new FormatKey("time_zone", Zone, "Reporting time zone of the run.").Required().Eg("Asia/Ho_Chi_Minh"),
        new FormatKey("days", Int(1, ScenarioLimits.MaxDays), "Run length, warm-up included.").Required().In("days").Eg("365"),
        new FormatKey("warm_up", WarmUp, "Time discarded from the statistics, shorter than the run; auto picks it by MSER-5. A dated event that starts or ends inside it gives a warning.").Defaults("auto", "auto").Eg("7d"),
        new FormatKey("replications", Int(1), "Independent runs.").Defaults("10", 10).Eg("20"),
        new FormatKey("seed", Seed, "Master seed: every random stream derives from it.").Defaults("1", 1).Eg("20260601"),
        new FormatKey("timeseries_step", Duration, "Step at which the model samples the time series, at least 1min; when set, timeseries.csv has every sample. Unset: samples every 15min, and timeseries.csv takes the finest of 15min, 30min, 1h, 2h, 3h, 6h, 12h and 1d that keeps a series at 2,500 samples or fewer (a year: 6h).").Defaults("15min, the file's step fitted to the run").Eg("1h"),
        new FormatKey("calendars", new MapShape("NAME", new ObjectShape(CalendarSections.Calendar)) { KeysAreNames = true }, "Calendars by name, referred to by checks, roads and pools."),
        new FormatKey("roads", new MapShape("NAME", new ObjectShape(RoadSections.Road)) { KeysAreNames = true }, "Roads by name, crossed by the directions' road stages."),
        new FormatKey("classes", new MapShape("NAME", new ObjectShape(CargoClass)) { MinEntries = 1, KeysAreNames = true, Forbidden = ["all", "empty"] },
            "Cargo classes by name; not all (the metric ids' word for every class) nor empty (the trucks returning empty).").Required(),
        new FormatKey("directions", new MapShape("NAME", new ObjectShape(DirectionSections.Direction)) { MinEntries = 1, KeysAreNames = true, Forbidden = ["all"] },
            "Directions of traffic by name (e.g. export, import), each with its arrivals and stages; not all.").Required(),
        new FormatKey("changes", new ListShape(new ObjectShape(ChangeSections.Change)), "Dated changes of servers, lanes, hours, quotas, caps, priorities, reservations, patience and pool units."),
        new FormatKey("pools", new MapShape("NAME", new ObjectShape(StageSections.Pool)) { KeysAreNames = true },
            "Pools of units that stages' services also need (hand-over drivers, automated vehicles), by name."),
        new FormatKey("costs", new ObjectShape(Costs), "What the crossing's resources cost, for cost_usd_per_day.").Eg("{ lane_usd_per_day: 400, booth_usd_per_hour: 15 }"),
        new FormatKey("origins", new MapShape("NAME", new ObjectShape(OriginSections.Origin)) { KeysAreNames = true },
            "Shared origin streams (a province's traffic) routed to the directions by a rule per class."),
        new FormatKey("bans", new ListShape(new ObjectShape(BanSections.Ban)), "Classes not admitted in a direction between dates."),
        new FormatKey("advisories", new ListShape(new ObjectShape(AdvisorySections.Advisory)), "Dated advisories to drivers: trucks already in line react; nothing closes."),
        new FormatKey("shared_caps", new MapShape("NAME", new ObjectShape(SharedCapSections.SharedCap)) { KeysAreNames = true },
            "Daily allowances shared by several checks, by name (what the other side accepts across gates in a day).").Eg("{ cn_acceptance: { stages: [hn_cn_inspection, tt_cn_inspection], trucks_per_day: 1000, time_zone: Asia/Shanghai } }"),
        new FormatKey("levers", new MapShape("NAME", new ObjectShape(LeverSections.Lever)) { KeysAreNames = true },
            "Settings a planner chooses between, by name, each with a short label per language (optimize --vary names them; reports show the labels)."),
        new FormatKey(ObservationFiles.Key, new ListShape(Text),
            "Observed counts to set beside the model (CSV files, paths relative to the scenario file; see the observations guide).").Eg("[lang-son-2024-08-22.csv]"),
    ]);
}
