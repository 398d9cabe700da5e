using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Reads <c>shared_caps</c>: <c>{ cn_acceptance: { stages: [hn_cn_inspection, tt_cn_inspection], trucks_per_day: 1000,
/// time_zone: Asia/Shanghai } }</c>, one daily allowance over at least two checks; each check in one shared cap at most.
/// Read after the directions, whose checks it names.
/// </summary>
internal sealed class SharedCapMapper(Fields f, Names names)
{
    private const string Example = "write e.g. shared_caps: { cn_acceptance: { stages: [hn_cn_inspection, tt_cn_inspection], trucks_per_day: 1000 } }";

    public List<SharedCapSpec> Read(YNode node)
    {
        var caps = new List<SharedCapSpec>();
        var map = f.Map(node, "shared_caps", Example);
        if (map is null)
        {
            return caps;
        }

        var capOfCheck = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            var field = Fields.Join("shared_caps", key.Value);
            if (!Fields.IsName(key.Value))
            {
                f.Error(key, field, $"'{key.Value}' is not a valid name", "use letters, digits, '_' and '-', not '-' first");
            }

            var cap = f.Map(value, field, Example);
            if (cap is null)
            {
                continue;
            }

            f.Keys(cap, field, SharedCapSections.SharedCap);
            var stages = cap.Get("stages") is { } stagesNode ? Stages(stagesNode, Fields.Join(field, "stages"), key.Value, capOfCheck) : null;
            var trucks = cap.Get("trucks_per_day") is { } trucksNode ? new CapMapper(f, names).Amount(trucksNode, Fields.Join(field, "trucks_per_day")) : null;
            var zone = cap.Get("time_zone") is { } zoneNode ? f.Zone(zoneNode, Fields.Join(field, "time_zone")) : null;
            if (stages is not null && trucks is not null && (zone is not null || cap.Get("time_zone") is null))
            {
                caps.Add(new SharedCapSpec(key.Value, stages, trucks, zone));
            }
        }

        return caps;
    }

    /// <summary>The spanned checks: known checks, each named once, none already in another shared cap, at least two.</summary>
    private List<string>? Stages(YNode node, string field, string capName, Dictionary<string, string> capOfCheck)
    {
        if (f.NameList(node, field) is not { } list || node is not YSeq seq)
        {
            return null;
        }

        var ok = true;
        var stages = new List<string>();
        for (var i = 0; i < list.Count && i < seq.Items.Count; i++)
        {
            var (item, itemField, name) = (seq.Items[i], Fields.Index(field, i), list[i]);
            if (names.StageKinds.TryGetValue(name, out var kind) && kind != "check")
            {
                f.Error(item, itemField, $"stage '{name}' is a {kind}; a shared cap spans checks (check them in their own cap_per_day, roads by theirs)");
                ok = false;
            }
            else if (!f.Reference(item, itemField, name, "check", [.. names.StageKinds.Where(s => s.Value == "check").Select(s => s.Key)]))
            {
                ok = false;
            }
            else if (stages.Contains(name))
            {
                f.Error(item, itemField, $"check '{name}' is named twice");
                ok = false;
            }
            else if (capOfCheck.TryGetValue(name, out var other))
            {
                f.Error(item, itemField, $"check '{name}' is already in shared cap '{other}'; a check draws from one shared cap at most");
                ok = false;
            }
            else
            {
                stages.Add(name);
                capOfCheck[name] = capName;
            }
        }

        if (list.Count < 2)
        {
            f.Error(node, field, "a shared cap spans at least two checks", "for one check, give it cap_per_day");
            ok = false;
        }

        return ok ? stages : null;
    }
}
