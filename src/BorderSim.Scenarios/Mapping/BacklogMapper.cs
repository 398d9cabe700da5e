using BorderSim.Engine.Randomness;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Syntax;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Reads a direction's starting backlog: trucks already waiting when the run starts, per stage (or the
/// highway) and class, with how long they have waited. A group must fit where it stands.
/// </summary>
internal sealed class BacklogMapper(Fields f, Names names)
{
    /// <summary>How many trucks a line of a starting backlog holds (a direction's, or an origin park's).</summary>
    internal static readonly Advice TrucksAdvice = new(
        $"a backlog is 1 to {ScenarioLimits.MaxBacklogTrucks} trucks per line; leave the line out for none",
        $"mỗi dòng tồn đọng có từ 1 đến {ScenarioLimits.MaxBacklogTrucks} xe; bỏ dòng đó nếu không có xe nào");

    private const string Example = "write e.g. - { at: vn_yard, class: fruit, trucks: 2000, age: uniform(0h, 72h) }";

    public List<BacklogSpec> Read(string direction, YNode node, string field, IReadOnlyList<StageSpec> stages)
    {
        var backlog = new List<BacklogSpec>();
        var seq = f.Seq(node, field, Example);
        if (seq is null)
        {
            return backlog;
        }

        var trucksAt = new Dictionary<string, (int Trucks, YNode Node, string Field)>(StringComparer.Ordinal);
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var itemField = Fields.Index(field, i);
            if (ReadGroup(direction, seq.Items[i], itemField, stages) is not { } group)
            {
                continue;
            }

            backlog.Add(group);
            var sum = trucksAt.GetValueOrDefault(group.Stage!).Trucks + group.Trucks;
            trucksAt[group.Stage!] = (sum, seq.Items[i], itemField);
        }

        foreach (var (at, (trucks, node2, itemField)) in trucksAt)
        {
            var index = IndexOf(stages, at);
            if (index >= 0 && PlacesOf(stages, index) is { } places && trucks > places)
            {
                f.Error(node2, itemField, $"the backlog at '{at}' is {trucks} trucks; they do not fit its {places} places",
                    index == 0 ? "put the rest at: highway (in front of the first stage)" : "put the rest at an earlier stage, or raise its capacity or buffer");
            }
        }

        return backlog;
    }

    private BacklogSpec? ReadGroup(string direction, YNode node, string field, IReadOnlyList<StageSpec> stages)
    {
        var map = f.Map(node, field, Example);
        if (map is null)
        {
            return null;
        }

        f.Keys(map, field, DirectionSections.BacklogGroup);
        string? at = null;
        if (map.Get("at") is { } atNode && f.Name(atNode, Fields.Join(field, "at")) is { } atName)
        {
            var stageNames = stages.Select(s => s.Name).ToList();
            var index = IndexOf(stages, atName);
            if (atName == BacklogSpec.Highway && index >= 0)
            {
                f.Error(atNode, Fields.Join(field, "at"), $"'highway' is both the road in front of direction '{direction}' and one of its stages",
                    "rename the stage called highway");
            }
            else if (atName == BacklogSpec.Highway)
            {
                at = atName;
            }
            else if (index < 0)
            {
                f.Error(atNode, Fields.Join(field, "at"), $"unknown stage '{atName}' in direction '{direction}'",
                    DidYouMean.Hint(atName, [.. stageNames, BacklogSpec.Highway]) ?? $"write a stage of this direction ({string.Join(", ", stageNames)}) or highway");
            }
            else
            {
                if (PlacesOf(stages, index) == 0)
                {
                    f.Error(atNode, Fields.Join(field, "at"), $"'{atName}' has no places of its own: its queue stands in the yard '{stages[index - 1].Name}'",
                        $"write at: {stages[index - 1].Name}");
                }
                else
                {
                    at = atName;
                }
            }
        }

        string? cargoClass = null;
        if (map.Get("class") is { } classNode && f.Name(classNode, Fields.Join(field, "class")) is { } className)
        {
            names.ClassReferences.Add((classNode, Fields.Join(field, "class"), className));
            cargoClass = className;
        }

        var trucks = map.Get("trucks") is { } trucksNode
            ? f.Int(trucksNode, Fields.Join(field, "trucks"), 1, ScenarioLimits.MaxBacklogTrucks, TrucksAdvice)
            : null;
        var age = map.Get("age") is { } ageNode ? Age(f, ageNode, Fields.Join(field, "age")) : null;

        return at is null || cargoClass is null || trucks is null ? null : new BacklogSpec(at, cargoClass, trucks.Value, age);
    }

    /// <summary>How long a truck of a starting backlog has waited already: a duration (a fixed age, age: 12h) or a distribution; not negative.</summary>
    internal static Distribution? Age(Fields f, YNode ageNode, string ageField)
    {
        var text = f.Scalar(ageNode, ageField, "a duration or a distribution", "write e.g. age: 12h or age: uniform(0h, 72h)");
        if (text is not null && text.TrimStart().StartsWith('-'))
        {
            f.Error(ageNode, ageField, $"an age is how long the trucks have waited already: it cannot be negative, found '{text}'", "write e.g. age: 12h or age: uniform(0h, 72h)");
        }
        else if (text is not null && Units.TryDurationHours(text, out var hours, out _))
        {
            return new Deterministic(hours);
        }
        else if (text is not null && !text.Contains('(', StringComparison.Ordinal))
        {
            f.Error(ageNode, ageField, $"expected a duration or a distribution, found '{text}'", "write e.g. age: 12h or age: uniform(0h, 72h)");
        }
        else if (text is not null)
        {
            return f.Distribution(ageNode, ageField);
        }

        return null;
    }

    private static int IndexOf(IReadOnlyList<StageSpec> stages, string name)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Places in front of stage <paramref name="index"/> as the model compiles them: a check or road right after a yard without a buffer of its own has none.</summary>
    private static int? PlacesOf(IReadOnlyList<StageSpec> stages, int index)
    {
        var stage = stages[index];
        if (stage is not YardStageSpec && stage.BufferTrucks is null && index > 0 && stages[index - 1] is YardStageSpec)
        {
            return 0;
        }

        return stage.BufferTrucks;
    }
}
