namespace BorderSim.Engine;

public enum ConditionKind
{
    Any,
    All,
}

/// <summary>An event that fires when any (or all) of a set of events has been processed.</summary>
public sealed class Condition : SimEvent
{
    private readonly SimEvent[] _events;
    private readonly ConditionKind _kind;
    private int _remaining;

    internal Condition(Simulation simulation, SimEvent[] events, ConditionKind kind)
        : base(simulation)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = events;
        _kind = kind;
        _remaining = events.Length;
        if (events.Length == 0)
        {
            Trigger(this);
            return;
        }

        foreach (var child in events)
        {
            if (!ReferenceEquals(child.Simulation, simulation))
            {
                throw new ArgumentException("all events of a condition must belong to the same simulation", nameof(events));
            }

            child.AddCallback(OnChildProcessed);
        }
    }

    public IReadOnlyList<SimEvent> Events => _events;

    /// <summary>The events of the condition that have been processed.</summary>
    public IEnumerable<SimEvent> ProcessedEvents => _events.Where(e => e.IsProcessed);

    private void OnChildProcessed(SimEvent child)
    {
        if (State != EventState.Pending)
        {
            return;
        }

        _remaining--;
        if (_kind == ConditionKind.Any || _remaining == 0)
        {
            foreach (var other in _events)
            {
                other.RemoveCallback(OnChildProcessed);
            }

            Trigger(this);
        }
    }
}
