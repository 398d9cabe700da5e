using static BorderSim.Scenarios.Format.Values;

namespace BorderSim.Scenarios.Format;

/// <summary>The declared format of roads: the freight roads between the checks of the two sides.</summary>
internal static class RoadSections
{
    public static readonly FormatSection Road = new("Road",
        "A road between checks: lanes per direction; a lane carries one truck at a time, so its capacity is 1 / crossing time.",
    [
        new FormatKey("lanes", Lanes, "Lanes per direction served, each ≥ 1; leave out a direction the road does not serve.").Required().Eg("{ export: 2, import: 2 }"),
        new FormatKey("crossing", Distribution, "Time a truck occupies a lane, above zero.").Required().Eg("fixed(4min)"),
        new FormatKey("buffer", Int(0), "Trucks that may wait on the road after crossing.").In("trucks").Defaults("unbounded"),
        new FormatKey("calendar", Name, "Calendar that opens and closes the road (a name under calendars).").Defaults("always open"),
        new FormatKey("cap_per_day", new MapShape("DIRECTION", Cap) { MinEntries = 1 }, "Clearance caps per direction.").Defaults("none").Eg("{ export: 300 }"),
        new FormatKey("priority", ClassNames, "Classes served first, in this order (non-preemptive); the others after them, first come first served; [] = none.").Eg("[fruit]"),
        new FormatKey("reserved", Reserved, "Lanes kept for a class in every direction: they carry only that class, which also takes any free unreserved lane unless reserved_only; {} = none.").Eg("{ fruit: 1 }"),
        new FormatKey("reserved_only", Bool, "true: a class with lanes kept for it uses only those.").Defaults("false (it also takes a free unreserved one)", false),
        Label("road", "{ en: freight road 1119, vi: đường chuyên dụng 1119 }"),
    ]);
}
