using static BorderSim.Scenarios.Format.Values;

namespace BorderSim.Scenarios.Format;

/// <summary>The declared format of how trucks already in line react when a suspension, a ban or an advisory starts.</summary>
internal static class WaitingSections
{
    public static readonly FormatSection Waiting = new("Waiting",
        "How the trucks already in line react when the suspension, ban or advisory starts: each truck it concerns that waits for a place, a yard turn, a pool unit or " +
        "a server (not yet in service at its first check or road) leaves with probability leave, drawn from the event's own stream in the order the trucks " +
        "arrived; it turns back (left_on_event, not gave_up). The truck in service is served; trucks past their first check or road stay.",
    [
        new FormatKey("leave", Probability, "The share of the trucks in line that leave when the event starts.").Defaults("0").Eg("0.2"),
        new FormatKey("move", Probability,
            "On an origin's suspension: a further share of its trucks in line that move to another open route of its rule (moved_on_event; an arrival there, " +
            "its wait starting again; none open: it leaves). leave + move is at most 1.").Defaults("0").Eg("0.5"),
    ]);

    /// <summary>The <c>waiting</c> key of a suspension or a ban.</summary>
    public static FormatKey Key(string whose) =>
        new FormatKey("waiting", new ObjectShape(Waiting), $"How the trucks already in line react when the {whose} starts.").Eg("{ leave: 0.2 }");
}
