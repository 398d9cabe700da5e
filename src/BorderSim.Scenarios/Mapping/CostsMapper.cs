using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Reads the optional top-level <c>costs:</c> mapping: <c>lane_usd_per_day</c>, <c>booth_usd_per_hour</c>,
/// <c>opening_usd_per_hour</c>, each a number of at least 0 (missing = 0), at least one given.
/// </summary>
internal sealed class CostsMapper(Fields fields)
{
    public CostSpec? Read(YNode node)
    {
        var map = fields.Map(node, "costs", "write e.g. costs: { lane_usd_per_day: 400, booth_usd_per_hour: 15, opening_usd_per_hour: 60 }");
        if (map is null)
        {
            return null;
        }

        fields.Keys(map, "costs", TopSections.Costs);
        if (map.Entries.Count == 0)
        {
            fields.Error(map, "costs", "no cost is given", "give at least one of " + string.Join(", ", TopSections.Costs.Known) + ", or leave costs out");
            return null;
        }

        double Cost(string key) => map.Get(key) is { } value
            ? fields.Number(value, Fields.Join("costs", key), max: Fields.MaxUsd, hint: "a cost in USD, 0 or more") ?? 0
            : 0;

        return new CostSpec(Cost("lane_usd_per_day"), Cost("booth_usd_per_hour"), Cost("opening_usd_per_hour"));
    }
}
