using BorderSim.Model.Results;

namespace BorderSim.Model.Spec;

/// <summary>
/// A setting a planner may choose (the <c>levers:</c> of a scenario): a short label in each report language for a
/// scenario path, so that <c>optimize --vary</c> can name it and reports speak of "import lanes", not of
/// <c>roads.freight_road_1119.lanes.import</c>.
/// </summary>
/// <param name="Name">The lever's name in the file (letters, digits, '_' and '-').</param>
/// <param name="Label">What a report calls it, in English and Vietnamese.</param>
/// <param name="Path">The scenario path it sets, as <c>--set</c> and <c>--vary</c> write it.</param>
/// <param name="Unit">The unit of its values in words (lanes, làn); null when the values carry their own (opening hours).</param>
/// <param name="Value">Its value in the scenario as read (with any --set), as written; null when it is not a single value.</param>
public sealed record LeverSpec(string Name, Bilingual Label, string Path, Bilingual? Unit, string? Value)
{
    /// <summary>A path no lever of the scenario names, with the label a report derives for it from the scenario's parts.</summary>
    public static LeverSpec ForUnnamedPath(string path, Bilingual label) => new("", label, path, null, null);
}
