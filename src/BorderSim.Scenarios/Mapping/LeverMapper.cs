using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Reads the optional top-level <c>levers:</c>: by name, a label (text, or <c>{ en, vi }</c>), the path it sets and
/// an optional unit. The path must lead to a value of the file (with its --set overrides), found as --set finds it,
/// and no two levers may share a name or a label in either language, so that --vary can name one without doubt.
/// </summary>
internal sealed class LeverMapper(Fields f, YNode root)
{
    public List<LeverSpec> Read(YNode node)
    {
        var levers = new List<LeverSpec>();
        var map = f.Map(node, "levers", "write e.g. levers: { import_lanes: { label: { en: import lanes, vi: làn nhập }, path: roads.freight_road_1119.lanes.import } }");
        if (map is null)
        {
            return levers;
        }

        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in map.Entries)
        {
            if (ReadLever(key, value) is not { } lever)
            {
                continue;
            }

            var field = Fields.Join("levers", key.Value);
            foreach (var word in new[] { lever.Name, lever.Label.English, lever.Label.Vietnamese }.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!taken.TryAdd(word, lever.Name))
                {
                    f.Error(key, field, $"'{word}' already names the lever {taken[word]}", "give each lever its own name and labels, so that --vary names one of them");
                }
            }

            levers.Add(lever);
        }

        return levers;
    }

    private LeverSpec? ReadLever(YScalar key, YNode value)
    {
        var field = Fields.Join("levers", key.Value);
        if (!Fields.IsName(key.Value))
        {
            f.Error(key, field, $"'{key.Value}' is not a valid name", "use letters, digits, '_' and '-', not '-' first, e.g. import_lanes");
        }

        var lever = f.Map(value, field, "write e.g. { label: { en: import lanes, vi: làn nhập }, path: roads.freight_road_1119.lanes.import, unit: { en: lanes, vi: làn } }");
        if (lever is null)
        {
            return null;
        }

        f.Keys(lever, field, LeverSections.Lever);
        var label = Fields.Optional(lever, "label", (n, _) => ReadWords(n, Fields.Join(field, "label"), isLabel: true));
        var unit = Fields.Optional(lever, "unit", (n, _) => ReadWords(n, Fields.Join(field, "unit"), isLabel: false));
        var path = Fields.Optional(lever, "path", (n, _) => ReadPath(n, Fields.Join(field, "path")));
        if (label is null || path is null)
        {
            return null;
        }

        var target = Overrides.Find(root, path);
        return new LeverSpec(key.Value, label, path, unit, target is YScalar { IsNull: false } scalar ? scalar.Value : null);
    }

    private string? ReadPath(YNode node, string field)
    {
        if (f.Scalar(node, field, "a scenario path, e.g. roads.freight_road_1119.lanes.import") is not { } text)
        {
            return null;
        }

        var path = text.Trim();
        if (path.Length == 0 || path.Split('.').Any(s => s.Length == 0) || path.Contains('=', StringComparison.Ordinal))
        {
            f.Error(node, field, $"'{path}' is not a dotted path", "write keys separated by dots, as --set does, e.g. roads.freight_road_1119.lanes.import");
            return null;
        }

        if (Overrides.Find(root, path) is null)
        {
            f.Error(node, field, $"'{path}' leads to no value of this scenario", "a lever changes a value written in the file: check each key of the path, e.g. calendars.vn_gate.hours.mon-sun");
            return null;
        }

        return path;
    }

    /// <summary>Text, or { en, vi } (<see cref="WordsMapper.Words"/>). A label must show something and hold no '=' or ',' (the --vary syntax).</summary>
    private Bilingual? ReadWords(YNode node, string field, bool isLabel)
    {
        Bilingual? words = new WordsMapper(f).Words(node, field, isLabel ? "the label is blank" : "the unit is blank",
            isLabel ? "write a short label, e.g. { en: import lanes, vi: làn nhập }" : "leave unit out, or write e.g. { en: lanes, vi: làn }");
        if (words is not null && isLabel && (words.English + words.Vietnamese).IndexOfAny(['=', ',']) >= 0)
        {
            f.Error(node, field, "a label holds '=' or ','", "--vary 'LABEL=3,4,5' reads up to the first '=' and splits the values at ','; write the label without them");
            return null;
        }

        return words;
    }
}
