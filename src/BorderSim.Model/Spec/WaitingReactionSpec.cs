namespace BorderSim.Model.Spec;

/// <summary>
/// How the trucks already in line react when an event starts (a route suspended for an origin, a ban): each truck
/// waiting for a place, a turn, a unit or a server and not yet in service leaves the line with probability
/// <paramref name="Leave"/> (it turns back: left_on_event, not gave_up). The truck in service is served; trucks
/// past their first check or road service stay. 0 (the default): nobody in line reacts, as before.
/// </summary>
public sealed record WaitingReactionSpec(double Leave)
{
    /// <summary>Nobody in line reacts.</summary>
    public static readonly WaitingReactionSpec None = new(0);
}
