using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Syntax;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>Reads <c>advisories</c>: from a date, a share of the trucks of some classes already in line in one direction leaves.</summary>
internal sealed class AdvisoryMapper(Fields f, Names names)
{
    private const string Example = "write e.g. - { from: 2026-06-10, direction: export, classes: [fruit], waiting: { leave: 0.3 } }";

    public List<AdvisorySpec> Read(YNode node)
    {
        var advisories = new List<AdvisorySpec>();
        if (f.Seq(node, "advisories", Example) is not { } seq)
        {
            return advisories;
        }

        for (var i = 0; i < seq.Items.Count; i++)
        {
            if (ReadAdvisory(seq.Items[i], Fields.Index("advisories", i)) is { } advisory)
            {
                advisories.Add(advisory);
            }
        }

        return advisories;
    }

    private AdvisorySpec? ReadAdvisory(YNode node, string field)
    {
        if (f.Map(node, field, Example) is not { } map)
        {
            return null;
        }

        f.Keys(map, field, AdvisorySections.Advisory);
        var from = map.Get("from") is { } fromNode ? f.Date(fromNode, Fields.Join(field, "from")) : null;
        var direction = map.Get("direction") is { } directionNode && f.Name(directionNode, Fields.Join(field, "direction")) is { } directionName
            && f.Reference(directionNode, Fields.Join(field, "direction"), directionName, "direction", names.Directions)
            ? directionName
            : null;
        // No classes: every class.
        var written = ClassList.Read(f, names, map, field, "an advisory's classes name at least one class", "leave classes out for every class, or write e.g. classes: [fruit]", out var isWhole);
        List<string>? classes = written is null ? [] : isWhole ? written : null;
        var reason = map.Get("reason") is { } reasonNode ? f.Reason(reasonNode, Fields.Join(field, "reason")) ?? "" : "";
        // A missing waiting is reported by Keys (a required key); without it there is nothing to do.
        var waiting = map.Get("waiting") is null ? null : WaitingReactionMapper.Read(f, map, field);
        return from is null || direction is null || classes is null || waiting is null
            ? null
            : new AdvisorySpec(from.Value, direction, classes, waiting, reason);
    }
}
