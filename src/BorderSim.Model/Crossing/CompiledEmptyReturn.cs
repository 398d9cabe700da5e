namespace BorderSim.Model.Crossing;

/// <summary>
/// Where a delivery yard's trucks return empty: direction <paramref name="Direction"/>'s route, joined at stage
/// <paramref name="FromStage"/> and left after stage <paramref name="ToStage"/> (indexes in that route, both
/// passed). The one answer to "which stages does an empty truck pass": the journey asks it for the phases it
/// runs, the load check for the stages it loads.
/// </summary>
/// <param name="Direction">Index of the direction the empties return through.</param>
/// <param name="FromStage">The stage where they join it (0 = its first).</param>
/// <param name="ToStage">The stage after which they leave it (its last when none is named).</param>
public sealed record CompiledEmptyReturn(int Direction, int FromStage, int ToStage)
{
    /// <summary>The share of the trucks leaving the yard that return empty (1 = all); each draws its lot on leaving.</summary>
    public double Share { get; init; } = 1;

    /// <summary>Whether a truck whose lot is <paramref name="lot"/> (uniform on [0, 1)) returns empty: below the share.</summary>
    public bool Returns(double lot) => lot < Share;

    /// <summary>Whether the empties pass stage <paramref name="stage"/> of their return route.</summary>
    public bool Passes(int stage) => stage >= FromStage && stage <= ToStage;

    /// <summary>
    /// The phases of the return route (<paramref name="phases"/>, that route's <see cref="CompiledDirection.Phases"/>)
    /// an empty truck runs: from the first at its entry stage (a place there, not the release of the yard before it)
    /// to the last of the stages it passes; <c>End</c> is one past it.
    /// </summary>
    public (int First, int End) PhaseRange(RoutePhase[] phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var first = Array.FindIndex(phases, p => Passes(p.Stage) && p.Kind != PhaseKind.AwaitRelease);
        var end = Array.FindLastIndex(phases, p => Passes(p.Stage)) + 1;
        return (first, end);
    }
}
