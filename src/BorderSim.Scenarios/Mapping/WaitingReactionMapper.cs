using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Yaml;

namespace BorderSim.Scenarios.Mapping;

/// <summary>Reads the <c>waiting: { leave: SHARE, move: SHARE }</c> of a suspension or a ban: how the trucks already in line react when it starts.</summary>
internal static class WaitingReactionMapper
{
    /// <summary>The reaction of the event <paramref name="map"/> (none without <c>waiting</c>); null after an error, reported.</summary>
    public static WaitingReactionSpec? Read(Fields f, YMap map, string field, bool canMove = false)
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
        var leave = Share(f, waiting, waitingField, "leave");
        var move = Share(f, waiting, waitingField, "move");
        if (leave is null || move is null)
        {
            return null;
        }

        if (move > 0 && !canMove)
        {
            f.Error(waiting.Get("move")!, Fields.Join(waitingField, "move"), "only an origin's suspension can move trucks in line to another route", "write move under an origin's suspension, or use leave");
            return null;
        }

        if (leave + move > 1)
        {
            f.Error(waiting.Get("move")!, Fields.Join(waitingField, "move"), $"leave + move must be at most 1, found {leave} + {move}", "lower one of the two shares");
            return null;
        }

        return new WaitingReactionSpec(leave.Value, move.Value);
    }

    private static double? Share(Fields f, YMap waiting, string waitingField, string key) =>
        waiting.Get(key) is not { } node ? 0 : f.Probability(node, Fields.Join(waitingField, key));
}
