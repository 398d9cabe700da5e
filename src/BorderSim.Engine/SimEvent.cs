using System.Runtime.CompilerServices;

namespace BorderSim.Engine;

/// <summary>
/// Something that happens at a point of simulated time. A process yields an event to wait for it.
/// </summary>
/// <remarks>
/// An event is pending, then triggered (it has a value and sits in the calendar), then processed
/// (its waiters have been resumed). An event triggered while nobody waits on it is processed at
/// once: there is nobody to tell, so it costs no calendar entry, and a process that yields it
/// later simply continues.
/// </remarks>
public abstract class SimEvent
{
    // The one waiting process as its place in the simulation's process table, −1 for none: set and cleared on
    // every wait, so an int rather than a reference, which would cost a GC write barrier each time.
    private int _waiterIndex = -1;

    // Second and later waiters and callbacks are rare: one field for both keeps every event small.
    private Listeners? _more;

    protected SimEvent(Simulation simulation)
    {
        Simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
    }

    public Simulation Simulation { get; }

    internal EventState State { get; set; }

    /// <summary>Pooled events go back to their pool once processed, unless pinned.</summary>
    internal bool IsPinned { get; set; }

    public bool IsTriggered => State != EventState.Pending;

    public bool IsProcessed => State == EventState.Processed;

    /// <summary>The value the event was triggered with (a process's return value, a store item).</summary>
    public object? Value { get; protected set; }

    /// <summary>Keeps a pooled event (such as one from <see cref="Simulation.Timeout"/>) alive after it is processed.</summary>
    public void Pin() => IsPinned = true;

    /// <summary>Calls <paramref name="callback"/> when the event is processed (at once if it already is).</summary>
    public void AddCallback(Action<SimEvent> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        IsPinned = true;
        if (State == EventState.Processed)
        {
            callback(this);
            return;
        }

        ((_more ??= new Listeners()).Callbacks ??= []).Add(callback);
    }

    public void RemoveCallback(Action<SimEvent> callback) => _more?.Callbacks?.Remove(callback);

    internal bool HasListeners => _waiterIndex >= 0 || (_more is { } more && more.Any);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddWaiter(Process process)
    {
        if (_waiterIndex < 0)
        {
            _waiterIndex = process.Index;
        }
        else
        {
            AddMoreWaiter(process);
        }
    }

    // Kept out of line so the one-waiter path above inlines into Process.Resume.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddMoreWaiter(Process process) => ((_more ??= new Listeners()).Waiters ??= []).Add(process);

    internal void RemoveWaiter(Process process)
    {
        if (_waiterIndex == process.Index)
        {
            _waiterIndex = -1;
        }
        else
        {
            _more?.Waiters?.Remove(process);
        }
    }

    /// <summary>Triggers the event now. Its waiters resume at the current time, after the events already due.</summary>
    protected void Trigger(object? value)
    {
        if (State != EventState.Pending)
        {
            ThrowAlreadyTriggered();
        }

        Value = value;
        if (HasListeners)
        {
            State = EventState.Triggered;
            Simulation.ScheduleNow(this);
        }
        else
        {
            State = EventState.Processed;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowAlreadyTriggered() => throw new InvalidOperationException($"{GetType().Name} has already been triggered.");

    /// <summary>Called by the calendar when the event's time has come.</summary>
    internal virtual void Fire() => Notify();

    /// <summary>Marks the event processed and resumes its waiters; true if it may go back to its pool (not pinned).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected bool Notify()
    {
        State = EventState.Processed;
        var waiterIndex = _waiterIndex;
        if (waiterIndex >= 0)
        {
            _waiterIndex = -1;
            Simulation.ProcessAt(waiterIndex).Resume();
        }

        if (_more is { } more)
        {
            NotifyMore(more);
        }

        return !IsPinned;
    }

    private void NotifyMore(Listeners more)
    {
        if (more.Waiters is { Count: > 0 } waiters)
        {
            var copy = waiters.ToArray();
            waiters.Clear();
            foreach (var process in copy)
            {
                process.Resume();
            }
        }

        if (more.Callbacks is { Count: > 0 } callbacks)
        {
            var copy = callbacks.ToArray();
            callbacks.Clear();
            foreach (var callback in copy)
            {
                callback(this);
            }
        }
    }

    /// <summary>Clears the event so a pool can hand it out again.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ResetForReuse()
    {
        State = EventState.Pending;
        Value = null;
        _waiterIndex = -1;
        _more = null;
        IsPinned = false;
    }

    private sealed class Listeners
    {
        public List<Process>? Waiters;
        public List<Action<SimEvent>>? Callbacks;

        public bool Any => Waiters is { Count: > 0 } || Callbacks is { Count: > 0 };
    }
}

internal enum EventState : byte
{
    Pending,
    Triggered,
    Processed,
}
