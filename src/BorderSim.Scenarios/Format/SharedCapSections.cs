using static BorderSim.Scenarios.Format.Values;

namespace BorderSim.Scenarios.Format;

/// <summary>The declared format of shared caps: one daily allowance drawn on by several checks.</summary>
internal static class SharedCapSections
{
    public static readonly FormatSection SharedCap = new("Shared cap",
        "One daily allowance shared by several checks (what the other side accepts across a province's gates in a day): a truck that starts at any of 'stages' " +
        "draws from trucks_per_day; once it is spent, every spanned check holds its trucks until the next local midnight, as its own cap_per_day would. " +
        "A check may also have a cap of its own; a truck must fit both.",
    [
        new FormatKey("stages", new ListShape(Name) { MinItems = 2 }, "The checks it spans, by name, at least two; a check is in one shared cap at most.").Required().Eg("[hn_cn_inspection, tt_cn_inspection]"),
        new FormatKey("trucks_per_day", CapAmount, "Trucks a local day over all spanned checks: a whole number, or a range drawn each day.").Required().In("trucks/day").Eg("1000"),
        new FormatKey("time_zone", Zone, "The zone whose local days it counts in.").Defaults("the scenario's time_zone").Eg("Asia/Shanghai"),
    ]);
}
