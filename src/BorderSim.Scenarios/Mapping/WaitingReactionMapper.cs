using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>Reads the <c>waiting: { leave: SHARE }</c> of a suspension or a ban: how the trucks already in line react when it starts.</summary>
internal static class WaitingReactionMapper
{
    /// <summary>The reaction of the event <paramref name="map"/> (none without <c>waiting</c>); null after an error, reported.</summary>
    public static WaitingReactionSpec? Read(Fields f, YMap map, string field)
    {
        if (map.Get("waiting") is not { } node)
        {
            return WaitingReactionSpec.None;
        }

        var waitingField = Fields.Join(field, "waiting");
        if (f.Map(node, waitingField, "write e.g. waiting: { leave: 0.2 }") is not { } waiting)
        {
            return null;
        }

        f.Keys(waiting, waitingField, WaitingSections.Waiting);
        if (waiting.Get("leave") is not { } leaveNode)
        {
            return WaitingReactionSpec.None;
        }

        return f.Probability(leaveNode, Fields.Join(waitingField, "leave")) is { } leave ? new WaitingReactionSpec(leave) : null;
    }
}
