using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Reads what a scenario calls itself and its parts in each report language: <c>name</c> and <c>description</c>
/// (plain text, or <c>{ en, vi }</c>) and the optional <c>label</c> of each class, direction, stage, road and
/// calendar. The other mappers check that <c>label</c> is a known key; this one reads its value. A road stage
/// without a label of its own takes its road's.
/// </summary>
internal sealed class WordsMapper(Fields f)
{
    /// <summary>The scenario's words; null when its name is missing or unreadable (the error is reported).</summary>
    public ScenarioWords? Read(YMap root)
    {
        Bilingual? name = root.Get("name") is { } nameNode
            ? Words(nameNode, "name", "the scenario has no name", "tables, plots and batch.csv show it; write e.g. name: Hữu Nghị, 6 lanes")
            : null;
        Bilingual description = root.Get("description") is { } descriptionNode ? Words(descriptionNode, "description") ?? new("", "") : new("", "");
        var roads = Labels(root, "roads");
        var stages = new Dictionary<string, Bilingual>(StringComparer.Ordinal);
        if (root.Get("directions") is YMap directions)
        {
            foreach (var (key, value) in directions.Entries)
            {
                if (value is YMap direction && direction.Get("stages") is YSeq seq)
                {
                    ReadStages(seq, Fields.Join(Fields.Join("directions", key.Value), "stages"), roads, stages);
                }
            }
        }

        return name is null ? null : new ScenarioWords(name, description)
        {
            Classes = Labels(root, "classes"),
            Directions = Labels(root, "directions"),
            Stages = stages,
            Roads = roads,
            Calendars = Labels(root, "calendars"),
        };
    }

    /// <summary>
    /// Text, or <c>{ en, vi }</c> with en required (vi defaults to en), trimmed. With <paramref name="blank"/>, text
    /// that shows nothing is an error with that message and <paramref name="hint"/>.
    /// </summary>
    public Bilingual? Words(YNode node, string field, string? blank = null, string? hint = null)
    {
        string? english;
        string? vietnamese;
        if (node is YMap words)
        {
            f.Keys(words, field, ["en", "vi"], ["en"]);
            english = words.Get("en") is { } en ? f.Text(en, Fields.Join(field, "en")) : null;
            vietnamese = words.Get("vi") is { } vi ? f.Text(vi, Fields.Join(field, "vi")) : english;
        }
        else
        {
            english = f.Text(node, field);
            vietnamese = english;
        }

        if (english is null || vietnamese is null)
        {
            return null;
        }

        english = english.Trim();
        vietnamese = vietnamese.Trim();
        if (blank is not null && (!HasVisibleCharacter(english) || !HasVisibleCharacter(vietnamese)))
        {
            f.Error(node, field, blank, hint);
            return null;
        }

        return new Bilingual(english, vietnamese);
    }

    /// <summary>Whether some character shows: not only spaces, zero-width and other format or control characters.</summary>
    private static bool HasVisibleCharacter(string text) => text.Any(c =>
        !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control));

    private Dictionary<string, Bilingual> Labels(YMap root, string section)
    {
        var labels = new Dictionary<string, Bilingual>(StringComparer.Ordinal);
        if (root.Get(section) is YMap map)
        {
            foreach (var (key, value) in map.Entries)
            {
                Label(value, Fields.Join(section, key.Value), key.Value, labels);
            }
        }

        return labels;
    }

    private void Label(YNode part, string field, string name, Dictionary<string, Bilingual> labels)
    {
        if (part is YMap map && map.Get("label") is { } node
            && Words(node, Fields.Join(field, "label"), "the label is blank", "write a short label, e.g. { en: VN customs, vi: hải quan VN }, or leave label out") is { } label)
        {
            labels.TryAdd(name, label);
        }
    }

    private void ReadStages(YSeq seq, string field, IReadOnlyDictionary<string, Bilingual> roads, Dictionary<string, Bilingual> stages)
    {
        for (int i = 0; i < seq.Items.Count; i++)
        {
            if (seq.Items[i] is not YMap { Entries.Count: 1 } item)
            {
                continue;
            }

            var (kind, value) = item.Entries[0];
            string itemField = Fields.Join(Fields.Index(field, i), kind.Value);
            if (kind.Value == "road")
            {
                string? road = value is YScalar { IsNull: false } scalar ? scalar.Value : (value as YMap)?.Get("name") is YScalar { IsNull: false } n ? n.Value : null;
                string? stage = (value as YMap)?.Get("stage_name") is YScalar { IsNull: false } s ? s.Value : road;
                if (road is null || stage is null)
                {
                    continue;
                }

                Label(value, itemField, stage, stages);
                if (roads.TryGetValue(road, out Bilingual? roadLabel))
                {
                    stages.TryAdd(stage, roadLabel);
                }
            }
            else if (value is YMap { } stageMap && stageMap.Get("name") is YScalar { IsNull: false } stageName)
            {
                Label(value, itemField, stageName.Value, stages);
            }
        }
    }
}
