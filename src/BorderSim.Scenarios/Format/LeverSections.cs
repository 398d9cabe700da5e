using static BorderSim.Scenarios.Format.Values;

namespace BorderSim.Scenarios.Format;

/// <summary>The declared format of levers: the settings a planner chooses between, with a short label per language.</summary>
internal static class LeverSections
{
    public static readonly FormatSection Lever = new("Lever",
        "A setting a planner chooses between: optimize --vary names it by its name or label (--vary 'import lanes=3,4,5'), and reports show the label instead of the path.",
    [
        new FormatKey("label", BilingualText, "What reports call it; not blank, without '=' or ','. No two levers share a label.").Required().Eg("{ en: import lanes, vi: làn nhập }"),
        new FormatKey("path", Text, "The scenario value it sets, a path as --set writes it; it must lead to a value written in the file.").Required().Eg("roads.freight_road_1119.lanes.import"),
        new FormatKey("unit", BilingualText, "Unit of its values in words.").Defaults("none (values such as opening hours carry their own)").Eg("{ en: lanes, vi: làn }"),
    ]);
}
