using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>Reads a priority order, <c>priority: [fruit, cold_chain]</c>: classes served first, in order; <c>[]</c> = none.</summary>
internal static class PriorityOrder
{
    public static IReadOnlyList<string>? Read(Fields f, Names names, YNode node, string field)
    {
        var list = f.NameList(node, field);
        if (list is null || node is not YSeq seq)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count && i < seq.Items.Count; i++)
        {
            names.ClassReferences.Add((seq.Items[i], Fields.Index(field, i), list[i]));
            if (!seen.Add(list[i]))
            {
                f.Error(seq.Items[i], Fields.Index(field, i), $"class '{list[i]}' is named twice in the priority order", "name each class once, first served first");
                return null;
            }
        }

        return list;
    }
}
