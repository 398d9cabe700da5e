using NodaTime;

namespace BorderSim.Model.Spec;

/// <summary>What happens to a truck of a banned class.</summary>
public enum BanAction
{
    /// <summary>Turned away on arrival: it counts as arrived and as given up (and in turned_away).</summary>
    TurnAway,

    /// <summary>Held at its origin: it arrives, waits off the road (in no queue), and sets out when the ban ends.</summary>
    HoldAtOrigin,

    /// <summary>Held at a staging yard of its route: it does not leave that yard while the ban holds.</summary>
    HoldAtYard,

    // Diverting to another route is for the routes of issue 12 item 4: a value here and a phase that
    // switches the truck's route.
}

/// <summary>
/// From local midnight of <paramref name="From"/> to the end of <paramref name="To"/> (null = to the end of the
/// run; scenario zone), trucks of <paramref name="Classes"/> in <paramref name="Direction"/> are not admitted:
/// <paramref name="Action"/> says what becomes of them (<paramref name="HoldAtYard"/> names the yard).
/// </summary>
public sealed record BanSpec(LocalDate From, LocalDate? To, string Direction, IReadOnlyList<string> Classes, BanAction Action, string? HoldAtYard, string Reason);
