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
        var classes = ReadClasses(map, field);
        var reason = map.Get("reason") is { } reasonNode ? f.Reason(reasonNode, Fields.Join(field, "reason")) ?? "" : "";
        // A missing waiting is reported by Keys (a required key); without it there is nothing to do.
        var waiting = map.Get("waiting") is null ? null : WaitingReactionMapper.Read(f, map, field);
        return from is null || direction is null || classes is null || waiting is null
            ? null
            : new AdvisorySpec(from.Value, direction, classes, waiting, reason);
    }

    /// <summary>The classes named (empty: every class); null after an error, reported.</summary>
    private List<string>? ReadClasses(YMap map, string field)
    {
        if (map.Get("classes") is not { } classesNode)
        {
            return [];
        }

        var classesField = Fields.Join(field, "classes");
        if (f.NameList(classesNode, classesField) is not { } list || classesNode is not YSeq seq)
        {
            return null;
        }

        if (list.Count == 0)
        {
            f.Error(classesNode, classesField, "an advisory's classes name at least one class", "leave classes out for every class, or write e.g. classes: [fruit]");
            return null;
        }

        var ok = true;
        for (var i = 0; i < list.Count && i < seq.Items.Count; i++)
        {
            ok &= f.Reference(seq.Items[i], Fields.Index(classesField, i), list[i], "class", names.Classes);
        }

        return ok ? [.. list] : null;
    }
}
