using BorderSim.Model.Spec;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Two changes on the same day that set the same thing of the same target (a stage's servers twice, a road's lanes of
/// one direction twice) would leave only the later in force, silently: the second is an error naming the first.
/// </summary>
internal static class SameDayChanges
{
    /// <summary>A change as read, with where it is written.</summary>
    public sealed record Written(ScheduledChangeSpec Change, YNode Node, string Field);

    public static void Check(IReadOnlyList<Written> changes, Fields f)
    {
        for (var j = 1; j < changes.Count; j++)
        {
            var later = changes[j];
            foreach (var earlier in changes.Take(j))
            {
                if (earlier.Change.From != later.Change.From || Target(earlier.Change) != Target(later.Change))
                {
                    continue;
                }

                var both = Settings(earlier.Change).Intersect(Settings(later.Change), StringComparer.Ordinal).ToList();
                if (both.Count > 0)
                {
                    f.Error(later.Node, later.Field,
                        $"{Target(later.Change)}: {string.Join(", ", both)} changed twice on {later.Change.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} (also by {earlier.Field} at line {earlier.Node.Line}); only one can be in force",
                        "give each date one value: remove one change or move it to another day");
                    break;
                }
            }
        }
    }

    private static string Target(ScheduledChangeSpec c) =>
        c.Stage is { } stage ? $"stage '{stage}'"
        : c.Road is { } road ? $"road '{road}'"
        : c.Calendar is { } calendar ? $"calendar '{calendar}'"
        : c.CargoClass is { } cargoClass ? $"class '{cargoClass}'"
        : c.Pool is { } pool ? $"pool '{pool}'"
        : "";

    /// <summary>What the change sets; lanes and caps per direction count per direction.</summary>
    private static IEnumerable<string> Settings(ScheduledChangeSpec c)
    {
        var set = new List<string>();
        if (c.Servers is not null)
        {
            set.Add("servers");
        }

        set.AddRange(c.Lanes?.Keys.Select(d => $"lanes of {d}") ?? []);
        set.AddRange(c.CapPerDayByDirection?.Keys.Select(d => $"cap_per_day of {d}") ?? []);
        foreach (var (name, isSet) in new[]
        {
            ("hours", c.Hours is not null), ("quota_per_day", c.QuotaPerDay is not null), ("cap_per_day", c.CapPerDay is not null),
            ("priority", c.Priority is not null), ("reserved", c.Reserved is not null), ("patience", c.Patience is not null), ("units", c.Units is not null),
        })
        {
            if (isSet)
            {
                set.Add(name);
            }
        }

        return set;
    }
}
