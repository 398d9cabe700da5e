namespace BorderSim.Model.Spec;

/// <summary>
/// How the trucks already in line react when an event starts (a route suspended for an origin, a ban): each truck
/// waiting for a place, a turn, a unit or a server and not yet in service leaves the line with probability
/// <paramref name="Leave"/> (it turns back: left_on_event, not gave_up). The truck in service is served; trucks
/// past their first check or road service stay. 0 (the default): nobody in line reacts, as before. On an origin's
/// suspension a further share <paramref name="Move"/> (leave + move at most 1) moves to another open route of the
/// origin's rule (moved_on_event on the old route, an arrival on the new one; none open: it leaves).
/// </summary>
public sealed record WaitingReactionSpec(double Leave, double Move = 0)
{
    /// <summary>Nobody in line reacts.</summary>
    public static readonly WaitingReactionSpec None = new(0);
}
