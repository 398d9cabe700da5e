using System.Text.Json.Nodes;
using static BorderSim.Scenarios.Format.Values;

namespace BorderSim.Scenarios.Format;

/// <summary>The declared format of the stages of a direction (yard, check with its channels, road) and of the pools they use.</summary>
internal static class StageSections
{
    /// <summary>What a full yard does with arriving trucks: queue on the highway, or nothing (they wait upstream).</summary>
    public static readonly IReadOnlyList<string> Overflows = ["highway", "none"];

    public static readonly FormatSection PoolUse = new("Pool use",
        "A pool whose unit a truck holds from this stage's service on: over this stage, or until it leaves stage 'through'.",
    [
        new FormatKey("name", Name, "Pool (a name under pools).").Required().Eg("handover_drivers"),
        new FormatKey("through", Name, "The last stage of the direction over which the unit is held: this stage or a later one.").Defaults("this stage").Eg("cn_inspection"),
    ]);

    public static readonly Definition PoolUseDefinition = new("poolUse",
        "A pool whose unit a truck must hold from this stage's service on: a pool name (held over this stage), or { name, through } (held until the truck leaves stage 'through', this stage or a later one).",
        AnyOf(Name, new ObjectShape(PoolUse)), ["handover_drivers", "{ name: handover_drivers, through: cn_inspection }"]);

    private static readonly Shape PoolUseValue = new RefShape(PoolUseDefinition);

    public static readonly FormatSection Pool = new("Pool", "A pool: N units, when they are on duty, and how long one takes to come back after its truck lets it go.",
    [
        new FormatKey("units", Int(1), "Units (drivers, vehicles).").Required().In("units").Eg("40"),
        new FormatKey("calendar", Name, "Calendar of duty hours (a name under calendars); a unit with a truck at closing finishes its trip.").Defaults("always on duty").Eg("driver_shifts"),
        new FormatKey("return", Distribution, "Time a unit takes to come back after its truck lets it go.").Defaults("at once").Eg("fixed(20min)"),
    ]);

    public static readonly FormatSection EmptyReturn = new("Empty return",
        "Where trucks unloaded at this yard return empty: the other direction, joined at stage 'from' and left after stage 'to' (e.g. over the lanes and the other side's entry check only), and the share of them that do.",
    [
        new FormatKey("direction", Name, "Direction through which they return, not this one.").Required().Eg("export"),
        new FormatKey("from", Name, "Stage of that direction where they join it.").Defaults("its first stage").Eg("freight_road_1119"),
        new FormatKey("to", Name, "Stage of that direction after which they leave it; not before 'from'.").Defaults("its last stage").Eg("cn_inspection"),
        new FormatKey("share", Probability,
            "The share of the trucks leaving the yard that return empty; the others leave the system at the yard (handed over or reloaded on the far side), counted in not_returned_empty. Each truck's lot is drawn once, from a stream of its own.")
            .Defaults("1 (all)", 1).Eg("0.5"),
    ]);

    public static readonly Definition EmptyReturnDefinition = new("emptyReturn",
        "Where trucks return empty (class 'empty'): a direction's name (over all its stages, every truck), or { direction, from, to, share } (joining it at stage 'from', leaving it after stage 'to'; a share of the trucks).",
        AnyOf(Name, new ObjectShape(EmptyReturn)), ["import", "{ direction: export, from: freight_road_1119, to: cn_inspection }", "{ direction: export, share: 0.5 }"]);

    public static readonly FormatSection Yard = new("Yard", "A yard where trucks wait (and may dwell, be released within a quota, or return empty).",
    [
        new FormatKey("name", Name, "Stage name, unique among the yards and checks of the scenario.").Required().Eg("vn_yard"),
        new FormatKey("capacity", Int(1), "Places for trucks.").In("trucks").Defaults("unlimited").Eg("450"),
        new FormatKey("overflow", Enum([.. Overflows]), "highway: when the yard is full, trucks queue on the highway (first stage only); none: they wait upstream.").Defaults("none", "none"),
        new FormatKey("road_per_truck", Distance, "Highway length a queued truck takes.").Defaults("19m", "19m").Eg("19m"),
        new FormatKey("release_quota_per_day", Int(1), "At most this many trucks leave the yard per day.").In("trucks/day").Defaults("no quota").Eg("600"),
        new FormatKey("dwell", Distribution, "Time a truck stays in the yard.").Defaults("none").Eg("tri(2h, 4h, 12h)"),
        new FormatKey("return_empty_via", new RefShape(EmptyReturnDefinition),
            "Direction through which trucks return empty (class 'empty'), not this one; or { direction, from, to, share }: over part of it, a share of them.").Eg("import"),
        new FormatKey("priority", ClassNames,
            "Classes that take a free place first, in this order (for a first yard that overflows: the highway queue's order), and with a release quota leave first; the others after them, first come first served; [] = none.").Eg("[fruit]"),
        Label("yard", "{ en: VN yard, vi: bãi phía VN }"),
    ])
    {
        Rules = [SectionRule.RequiredWhen("overflow: highway needs a capacity.", "overflow", "highway", "capacity")],
    };

    public static readonly FormatSection Channel = new("Channel", "A channel of a check (e.g. green, yellow, red): the probability of a truck taking it and its service time.",
    [
        new FormatKey("p", Probability, "Probability of this channel; the channels' p sum to 1 (±1e-6).").RequiredIf("when the check has two or more channels").Eg("0.8"),
        new FormatKey("service", Distribution, "Service time in this channel, above zero.").Required().Eg("exp(10min)"),
        new FormatKey("p_by_class", new MapShape("CLASS", Raw("number from 0 to 1", () => new JsonObject
        {
            ["description"] = "Probability of this channel for the class (0-1).",
            ["type"] = "number",
            ["minimum"] = 0,
            ["maximum"] = 1,
        })), "Probability by class, overriding p; per class the channels sum to 1.").Eg("{ fruit: 0.98 }"),
        new FormatKey("service_by_class", new MapShape("CLASS", Raw("[distribution](#distribution)", () => new JsonObject
        {
            ["description"] = "Service time for the class (distribution of durations).",
            ["allOf"] = new JsonArray(Ref(DistributionDefinition)),
        })), "Service time by class, overriding service.").Eg("{ fruit: exp(12min) }"),
    ]);

    /// <summary>Channels by name; p is required of each when there are two or more (<see cref="Channel"/>).</summary>
    private static readonly Shape Channels = new MapShape("NAME", new ObjectShape(Channel))
    {
        MinEntries = 1,
        Extra = () => new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["maxProperties"] = 1 },
                new JsonObject { ["additionalProperties"] = SectionRule.RequiresAll("p") }),
        },
    };

    public static readonly FormatSection Check = new("Check", "A check (customs, inspection): servers working in parallel, either one service time or channels.",
    [
        new FormatKey("name", Name, "Stage name, unique among the yards and checks of the scenario.").Required().Eg("vn_customs"),
        new FormatKey("servers", Int(1), "Booths or teams working in parallel.").Required().In("servers").Eg("6"),
        new FormatKey("calendar", Name, "Calendar of opening hours (a name under calendars).").Defaults("always open").Eg("vn_gate"),
        new FormatKey("service", Distribution, "Service time, above zero: one green channel.").Eg("exp(8min)"),
        new FormatKey("channels", Channels, "Channels by name, each with its probability and service time.").Eg("{ green: { p: 0.8, service: exp(10min) }, red: { p: 0.2, service: \"lognormal(2h, 1h)\" } }"),
        new FormatKey("buffer", Int(0), "Trucks that may wait before the check.").In("trucks").Defaults("unbounded, or none right after a yard (trucks wait in the yard)"),
        new FormatKey("pool", PoolUseValue, "A pool whose unit a truck must hold from this stage's service on.").Eg("handover_drivers"),
        new FormatKey("cap_per_day", Cap, "Clearance cap: at most so many trucks start service a local day (the calendar's zone, else the scenario's).").Defaults("none").Eg("300"),
        new FormatKey("priority", ClassNames, "Classes served first, in this order (non-preemptive); the others after them, first come first served; [] = none.").Eg("[fruit]"),
        new FormatKey("reserved", Reserved,
            "Booths kept for a class: they serve only that class, which also takes any free unreserved booth unless reserved_only; in the order written (a cut below their sum takes the last-named first); {} = none.").Eg("{ fruit: 2 }"),
        new FormatKey("reserved_only", Bool, "true: a class with servers kept for it uses only those.").Defaults("false (it also takes a free unreserved one)", false),
        Label("check", "{ en: VN customs, vi: hải quan VN }"),
    ])
    {
        Rules = [SectionRule.OneOf("Give service or channels, not both.", "service", "channels")],
    };

    public static readonly FormatSection RoadStage = new("Road stage", "A road stage written as a mapping: the road, and what this direction sets for it.",
    [
        new FormatKey("name", Name, "Road (a name under roads) with lanes for this direction.").Required().Eg("freight_road_1119"),
        new FormatKey("buffer", Int(0), "Trucks that may wait after the road in this direction.").In("trucks").Defaults("the road's buffer"),
        new FormatKey("stage_name", Name, "Stage name in results.").Defaults("the road's name").Eg("road_export"),
        new FormatKey("pool", PoolUseValue, "A pool whose unit a truck must hold from this stage on."),
        new FormatKey("label", BilingualText, "What reports call this stage, in each language.").Defaults("the road's label, else the stage's name").Eg("{ en: export lanes, vi: làn xuất }"),
    ]);

    public static readonly FormatSection Stage = new("Stage", "One stage of a direction: a yard, a check or a road, written as one key.",
    [
        new FormatKey("yard", new ObjectShape(Yard), "A yard where trucks wait."),
        new FormatKey("check", new ObjectShape(Check), "A check with servers."),
        new FormatKey("road", AnyOf(Name, new ObjectShape(RoadStage)), "The road this direction crosses: a road's name, or { name, buffer, stage_name, pool }.").Eg("freight_road_1119"),
    ])
    {
        Rules = [SectionRule.ExactlyOneKey("A stage is exactly one key: yard, check or road.")],
    };
}
