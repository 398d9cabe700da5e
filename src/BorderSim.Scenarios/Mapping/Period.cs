using BorderSim.Scenarios.Yaml;
using NodaTime;

namespace BorderSim.Scenarios.Mapping;

/// <summary>Reads <c>from</c> and <c>to</c> of an inclusive date range (closures, appointment periods, suspensions, bans).</summary>
internal static class Period
{
    /// <summary>from and to of an inclusive date range, with to not before from.</summary>
    public static (LocalDate? From, LocalDate? To) Read(Fields f, YMap map, string field)
    {
        var from = Fields.OptionalValue(map, "from", (n, _) => f.Date(n, Fields.Join(field, "from")));
        var to = Fields.OptionalValue(map, "to", (n, _) => f.Date(n, Fields.Join(field, "to")));
        if (from is { } a && to is { } b && b < a)
        {
            f.Error(map.Get("to")!, Fields.Join(field, "to"), $"'to' ({b:uuuu-MM-dd}) is before 'from' ({a:uuuu-MM-dd})", "both days are included; for one day write the same date twice");
            return (from, null);
        }

        return (from, to);
    }
}
