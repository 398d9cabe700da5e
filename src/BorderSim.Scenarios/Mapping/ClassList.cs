using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>The <c>classes</c> of a dated entry (a ban, an advisory): a list of at least one name, each a class of the scenario.</summary>
internal static class ClassList
{
    /// <summary>
    /// The names under <c>classes</c> in <paramref name="map"/> that are classes of the scenario, in the order written
    /// (null when the key is absent). An empty list (<paramref name="emptyMessage"/>, <paramref name="emptyHint"/>), a
    /// name that is not a class, and an entry that is not a name are reported; <paramref name="isWhole"/> says none was.
    /// </summary>
    public static List<string>? Read(Fields f, Names names, YMap map, string field, string emptyMessage, string emptyHint, out bool isWhole)
    {
        isWhole = false;
        if (map.Get("classes") is not { } classesNode)
        {
            return null;
        }

        var classesField = Fields.Join(field, "classes");
        var classes = new List<string>();
        if (f.NameList(classesNode, classesField) is not { } list || classesNode is not YSeq seq)
        {
            return classes;
        }

        if (list.Count == 0)
        {
            f.Error(classesNode, classesField, emptyMessage, emptyHint);
        }

        for (var i = 0; i < list.Count && i < seq.Items.Count; i++)
        {
            // The classes are read before dated entries: each reference is checked here.
            if (f.Reference(seq.Items[i], Fields.Index(classesField, i), list[i], "class", names.Classes))
            {
                classes.Add(list[i]);
            }
        }

        isWhole = classes.Count > 0 && classes.Count == seq.Items.Count;
        return classes;
    }
}
