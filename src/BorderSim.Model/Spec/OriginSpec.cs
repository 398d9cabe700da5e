using BorderSim.Engine.Randomness;
using NodaTime;

namespace BorderSim.Model.Spec;

/// <summary>
/// A shared origin stream (a province's export or import traffic): trucks arrive as <paramref name="Arrivals"/>
/// says and each is sent to one route (a direction of the scenario) by the routing rule of its class.
/// </summary>
/// <param name="Name">Key in <c>origins</c>.</param>
/// <param name="Arrivals">The origin's arrivals and class mix.</param>
/// <param name="Rules">One rule per class named, and at most one for every other class (<see cref="RoutingRuleSpec.AllClasses"/>).</param>
/// <param name="Suspensions">Routes closed to this origin's trucks between dates, and how drivers react.</param>
public sealed record OriginSpec(string Name, ArrivalSpec Arrivals, IReadOnlyList<RoutingRuleSpec> Rules, IReadOnlyList<RouteSuspensionSpec> Suspensions)
{
    /// <summary>The origin's parking area that holds its trucks and releases them into its routing; null = none (each truck is routed as it arrives).</summary>
    public ParkSpec? Park { get; init; }
}

/// <summary>How an origin's trucks of one class choose their route.</summary>
public enum RoutingKind
{
    /// <summary>Each truck draws a route with the given shares (Poisson splitting: each route sees a Poisson stream).</summary>
    Shares,

    /// <summary>The route with the shortest expected wait: trucks ahead of it over its slowest stage's service rate (drivers informed by the province's platform).</summary>
    ShortestWait,

    /// <summary>The first route, unless more trucks than a threshold are ahead on it: then a share of drivers take the second.</summary>
    Overflow,
}

/// <summary>
/// The routing of one class of an origin (<paramref name="CargoClass"/>, or <see cref="AllClasses"/> for every
/// class not named by another rule). A class a route does not take is a class whose rule does not list it.
/// </summary>
/// <param name="Routes">The candidate routes (directions), in order: for <see cref="RoutingKind.Overflow"/> the first and the overflow route.</param>
/// <param name="Shares">For <see cref="RoutingKind.Shares"/>: the share of each route (sum 1); otherwise empty.</param>
/// <param name="AboveTrucks">For <see cref="RoutingKind.Overflow"/>: trucks ahead on the first route above which drivers overflow.</param>
/// <param name="DivertShare">For <see cref="RoutingKind.Overflow"/>: the share of drivers who then take the second route.</param>
/// <param name="OthersTurnBack">For <see cref="RoutingKind.Overflow"/>: the other drivers turn back (true) or stay in the queue (false).</param>
public sealed record RoutingRuleSpec(
    string CargoClass,
    RoutingKind Kind,
    IReadOnlyList<string> Routes,
    IReadOnlyList<double> Shares,
    int AboveTrucks = 0,
    double DivertShare = 1,
    bool OthersTurnBack = false)
{
    /// <summary>The class key of the rule for every class not named by another.</summary>
    public const string AllClasses = "all";
}

/// <summary>
/// From <paramref name="From"/> to <paramref name="To"/> (local days of the scenario zone, inclusive) route
/// <paramref name="Route"/> takes none of the origin's trucks: of the drivers whose rule would send them there,
/// <paramref name="DivertShare"/> take another route of their rule (chosen by the same rule among the open ones)
/// and the others turn back (all turn back when no route of their rule is open).
/// </summary>
public sealed record RouteSuspensionSpec(string Route, LocalDate From, LocalDate To, double DivertShare, string Reason)
{
    /// <summary>How this origin's trucks already in line on the route react when the suspension starts.</summary>
    public WaitingReactionSpec Waiting { get; init; } = WaitingReactionSpec.None;
}

/// <summary>
/// A province-level parking area at an origin (a logistics park near the border): every truck of the origin arrives
/// in it, and it releases them first come, first served (the starting backlog first, oldest first) into the origin's
/// routing, at most <paramref name="ReleasePerDay"/> a local day of the scenario zone and only while
/// <paramref name="Calendar"/> is open. A truck that finds it full (<paramref name="Capacity"/>) turns back; one whose
/// patience runs out before its release gives up in it.
/// </summary>
/// <param name="Capacity">Places; null = unlimited.</param>
/// <param name="ReleasePerDay">Trucks released a local day; null = no daily limit.</param>
/// <param name="Calendar">A calendar (name under calendars) whose open hours are the hours it releases; null = always.</param>
/// <param name="Backlog">Trucks already in it when the run starts.</param>
public sealed record ParkSpec(int? Capacity, int? ReleasePerDay, string? Calendar, IReadOnlyList<ParkBacklogSpec> Backlog);

/// <summary><paramref name="Trucks"/> trucks of <paramref name="CargoClass"/> already in an origin's park when the run starts, each having waited a time drawn from <paramref name="AgeHours"/> (null = 0).</summary>
public sealed record ParkBacklogSpec(string CargoClass, int Trucks, Distribution? AgeHours);
