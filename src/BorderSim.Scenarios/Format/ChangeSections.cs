using System.Text.Json.Nodes;
using static BorderSim.Scenarios.Format.Values;

namespace BorderSim.Scenarios.Format;

/// <summary>A target of a dated change (stage, road, ...) and the settings a change of it may give.</summary>
internal sealed record ChangeTarget(string Key, IReadOnlyList<string> Settings);

/// <summary>The declared format of dated changes: from a day, one target gets other settings.</summary>
internal static class ChangeSections
{
    /// <summary>The targets, in the order the reader names them; each change has exactly one.</summary>
    public static readonly IReadOnlyList<ChangeTarget> Targets =
    [
        new("stage", ["servers", "cap_per_day", "priority", "reserved"]),
        new("road", ["lanes", "cap_per_day", "priority", "reserved"]),
        new("calendar", ["hours", "quota_per_day"]),
        new("class", ["patience"]),
        new("pool", ["units"]),
    ];

    private static readonly Shape CapChange = AnyOf(Values.CapChange, new MapShape("DIRECTION", Values.CapChange) { MinEntries = 1 });

    private static readonly Shape PatienceChange = AnyOf(Distribution, Enum("none"));

    public static readonly FormatSection Change = new("Change",
        "A dated change, from local midnight of 'from', with one target and only that target's settings; reason is optional.",
    [
        new FormatKey("from", Date, "Day the change takes effect at local midnight; a day outside the run gives a warning.").Required().Eg("2026-06-15"),
        new FormatKey("stage", Name, "Check stage whose servers, cap, priority or reservation change.").Eg("vn_customs"),
        new FormatKey("road", Name, "Road whose lanes, caps, priority or reservation change.").Eg("freight_road_1119"),
        new FormatKey("calendar", Name, "Calendar whose hours or appointment quota change.").Eg("cn_gate"),
        new FormatKey("servers", Int(1), "New number of servers of the check.").In("servers").Eg("8"),
        new FormatKey("lanes", Lanes, "New lanes per direction, each ≥ 1.").Eg("{ export: 3, import: 3 }"),
        new FormatKey("hours", Hours, "New weekly opening hours; days not named are closed.").Eg("{ mon-sun: \"07:00-21:00\" }"),
        new FormatKey("quota_per_day", Int(1), "New appointment quota.").In("trucks/day").Eg("400"),
        new FormatKey("cap_per_day", CapChange, "A check's new cap (stage change), or per direction for a road; none lifts it.").Eg("{ export: 300 }"),
        new FormatKey("priority", ClassNames, "New priority order, classes served first; [] = none.").Eg("[fruit]"),
        new FormatKey("reserved", Reserved, "From this date: servers (or lanes, per direction) kept per class; {} = none.").Eg("{ fruit: 2 }"),
        new FormatKey("reason", BilingualText, "Why, shown in reports."),
        new FormatKey("class", Name, "Class whose patience changes (trucks that arrive from the date draw the new one; those already waiting keep theirs).").Eg("fruit"),
        new FormatKey("patience", PatienceChange, "The class's new patience, or none: its trucks no longer give up.").Eg("lognormal(24h, 6h)"),
        new FormatKey("pool", Name, "Pool whose number of units changes (units in use when the count drops finish their trip, then are retired).").Eg("handover_drivers"),
        new FormatKey("units", Int(1), "The pool's new number of units.").In("units").Eg("30"),
    ])
    {
        Rules = [SectionRule.Custom(TargetsDoc, () => TargetsSchema)],
    };

    /// <summary>The settings any target takes, in the order of the change's keys.</summary>
    public static IReadOnlyList<string> Settings => [.. Change.Known.Where(k => Targets.Any(t => t.Settings.Contains(k)))];

    public static ChangeTarget Target(string key) => Targets.Single(t => t.Key == key);

    private static string TargetsDoc => "One target, with at least one of its settings and none of another's: "
        + string.Join("; ", Targets.Select(t => $"{t.Key}: {string.Join(", ", t.Settings)}")) + ".";

    /// <summary>
    /// One branch per target: it is given, with one of its settings, and no other target nor a setting it does not take.
    /// </summary>
    private static JsonObject TargetsSchema
    {
        get
        {
            var order = Settings;
            var branches = new JsonArray();
            foreach (var target in Targets)
            {
                var branch = new JsonObject();
                if (target.Settings.Count == 1)
                {
                    branch["required"] = new JsonArray(target.Key, target.Settings[0]);
                }
                else
                {
                    branch["required"] = new JsonArray(target.Key);
                    branch["anyOf"] = new JsonArray([.. target.Settings.Select(s => (JsonNode)SectionRule.RequiresAll(s))]);
                }

                var excluded = Targets.Where(t => t != target).Select(t => t.Key).Concat(order.Where(s => !target.Settings.Contains(s)));
                branch["not"] = new JsonObject { ["anyOf"] = new JsonArray([.. excluded.Select(k => (JsonNode)SectionRule.RequiresAll(k))]) };
                branches.Add(branch);
            }

            return new JsonObject { ["oneOf"] = branches };
        }
    }
}
