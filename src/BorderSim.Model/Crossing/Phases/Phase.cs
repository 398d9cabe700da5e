using BorderSim.Engine;

namespace BorderSim.Model.Crossing;

/// <summary>What a phase tells the journey after a step: wait for an event (then step again), go on to the next phase, go to phase r, or the truck has left.</summary>
internal readonly struct PhaseStep
{
    private const int GoToNext = -1;
    private const int HasLeftCode = -2;
    private readonly int _goTo;

    private PhaseStep(SimEvent? waitFor, int goTo)
    {
        WaitFor = waitFor;
        _goTo = goTo;
    }

    /// <summary>The phase is done; the truck goes on to the next one.</summary>
    public static PhaseStep Next => new(null, GoToNext);

    /// <summary>The truck has left the system (it gave up): its journey ends.</summary>
    public static PhaseStep Left => new(null, HasLeftCode);

    /// <summary>The event the truck waits for before the phase takes its next step; null when the phase is done.</summary>
    public SimEvent? WaitFor { get; }

    public bool HasLeft => WaitFor is null && _goTo == HasLeftCode;

    /// <summary>The phase is done; the truck goes to phase <paramref name="phase"/> of its route.</summary>
    public static PhaseStep GoTo(int phase) => new(null, phase);

    /// <summary>The truck waits for <paramref name="simEvent"/>; then the phase takes its next step.</summary>
    public static PhaseStep Wait(SimEvent simEvent) => new(simEvent, GoToNext);

    /// <summary>The phase the truck goes to after phase <paramref name="current"/>.</summary>
    public int NextPhase(int current) => _goTo >= 0 ? _goTo : current + 1;
}

/// <summary>
/// Where a truck is inside its current phase: the step it takes next (0 on entering the phase) and, for a phase
/// that measures a wait, when the wait began. Kept in the truck, so a phase allocates nothing per truck.
/// </summary>
internal struct PhaseCursor
{
    public int Step;
    public double SinceHours;
}

/// <summary>
/// One phase of a route over one stage: a small state machine that a journey steps through, the truck's own
/// progress in <see cref="Truck.Cursor"/>. One instance per phase of each route, shared by all its trucks.
/// </summary>
internal abstract class Phase(PhaseContext context, int stageIndex, StageRuntime stage)
{
    protected PhaseContext Context { get; } = context;

    /// <summary>Index of the phase's stage in the route.</summary>
    protected int StageIndex { get; } = stageIndex;

    protected StageRuntime Stage { get; } = stage;

    /// <summary>Takes the truck one step through the phase.</summary>
    public abstract PhaseStep Step(Truck truck);
}
