using NodaTime;

namespace BorderSim.Model.Spec;

/// <summary>What happens to a truck of a banned class.</summary>
public enum BanAction
{
    /// <summary>Turned away on arrival: it counts as arrived and as turned away (turned_away), not as given up.</summary>
    TurnAway,

    /// <summary>
    /// Held at its origin: it waits off the road (in no queue, counted in held_at_origin) and arrives at the route when
    /// the ban ends; a driver whose patience runs out first gives up at its origin then.
    /// </summary>
    HoldAtOrigin,

    /// <summary>Held at a staging yard of its route: it does not leave that yard while the ban holds (a driver not yet past a check gives up when its patience runs out).</summary>
    HoldAtYard,

    /// <summary>
    /// Diverted: of the trucks an origin sends to the route, a share take another route of their rule (<see cref="BanSpec.DivertTo"/>)
    /// and the others turn back at the origin, as when a route is suspended; the route's own arrivals of the class are turned away.
    /// </summary>
    Divert,
}

/// <summary>
/// From local midnight of <paramref name="From"/> to the end of <paramref name="To"/> (null = to the end of the
/// run; scenario zone), trucks of <paramref name="Classes"/> in <paramref name="Direction"/> are not admitted:
/// <paramref name="Action"/> says what becomes of them (<paramref name="HoldAtYard"/> names the yard).
/// </summary>
public sealed record BanSpec(LocalDate From, LocalDate? To, string Direction, IReadOnlyList<string> Classes, BanAction Action, string? HoldAtYard, string Reason)
{
    /// <summary>With <see cref="BanAction.Divert"/>: the route the diverted drivers take.</summary>
    public string? DivertTo { get; init; }

    /// <summary>With <see cref="BanAction.Divert"/>: the share of drivers who divert (the others turn back).</summary>
    public double DivertShare { get; init; } = 1;

    /// <summary>
    /// The share of the banned trucks that still pass as if there were no ban (0: none). Each truck's lot is drawn once,
    /// from a stream of its own, so the other draws stay as without it.
    /// </summary>
    public double LetThrough { get; init; }

    /// <summary>How the trucks of the banned classes already in line in the direction react when the ban starts.</summary>
    public WaitingReactionSpec Waiting { get; init; } = WaitingReactionSpec.None;
}
