using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>Reads the cargo classes: each one's share (the shares sum to 1), shelf life, tonnes, delay cost and patience.</summary>
internal sealed class ClassMapper(Fields f, Names names)
{
    public List<CargoClassSpec> Read(YNode node)
    {
        var classes = new List<CargoClassSpec>();
        var map = f.Map(node, "classes", "write classes: { fruit: { share: 0.6 }, general: { share: 0.4 } }");
        if (map is null)
        {
            return classes;
        }

        if (map.Entries.Count == 0)
        {
            f.Error(map, "classes", "no cargo class is defined", "add at least one, e.g. general: { share: 1 }");
        }

        var sum = 0.0;
        var allShares = true;
        foreach (var (key, value) in map.Entries)
        {
            var field = Fields.Join("classes", key.Value);
            names.Classes.Add(key.Value);
            if (!Fields.IsName(key.Value))
            {
                f.Error(key, field, $"'{key.Value}' is not a valid name", "use letters, digits, '_' and '-', not '-' first");
            }
            else if (key.Value == Names.ReservedAll)
            {
                f.Error(key, field, "'all' names all classes together in the metric ids (wait_hours_mean/all/all)", "name this class otherwise, e.g. all_goods");
            }
            else if (key.Value == CargoClassSpec.EmptyClassName)
            {
                // It would merge with the trucks return_empty_via sends back: its tonnes and costs applied to them.
                f.Error(key, field, $"'{key.Value}' is the built-in class of trucks returning empty", "name this class otherwise, e.g. empty_containers");
            }

            var cls = f.Map(value, field, "write e.g. { share: 0.6, tonnes: 19 }");
            if (cls is null)
            {
                allShares = false;
                continue;
            }

            f.Keys(cls, field, TopSections.CargoClass);
            var share = Fields.OptionalValue(cls, "share", (n, _) => f.Probability(n, Fields.Join(field, "share")));
            if (share is null)
            {
                allShares = false;
            }

            sum += share ?? 0;
            var shelfLife = Fields.OptionalValue(cls, "shelf_life", (n, _) => f.DurationHours(n, Fields.Join(field, "shelf_life"), positive: true));
            var tonnes = Fields.OptionalValue(cls, "tonnes", (n, _) => f.Number(n, Fields.Join(field, "tonnes"))) ?? 0;
            var cost = Fields.OptionalValue(cls, "delay_cost_usd_per_hour", (n, _) => f.Number(n, Fields.Join(field, "delay_cost_usd_per_hour"), max: Fields.MaxUsd, hint: "USD per truck-hour of waiting, e.g. 6")) ?? 0;
            var patience = Fields.Optional(cls, "patience", (n, _) => f.Distribution(n, Fields.Join(field, "patience")));
            if (patience is { Mean: <= 0 })
            {
                f.Error(cls.Get("patience")!, Fields.Join(field, "patience"), "a patience of 0 makes every truck give up at once", "give how long drivers wait, e.g. lognormal(48h, 12h); leave patience out if they never give up");
            }

            classes.Add(new CargoClassSpec(key.Value, share ?? 0, shelfLife, tonnes, cost, patience));
        }

        if (allShares && map.Entries.Count > 0 && Math.Abs(sum - 1) > 1e-6)
        {
            var terms = string.Join(" + ", classes.Select(c => $"{c.Name} {Fields.Format(c.Share)}"));
            f.Error(
                map,
                "classes",
                new Bilingual($"the class shares sum to {Fields.Format(sum)}, not 1", $"tổng tỷ lệ các loại hàng là {Fields.Format(sum)}, không phải 1"),
                new Advice("shares are fractions of all trucks: " + terms, "tỷ lệ là phần của tổng số xe: " + terms));
        }

        return classes;
    }
}
