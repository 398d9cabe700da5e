namespace BorderSim.Engine;

/// <summary>
/// A process: an iterator that yields the events it waits for. It is itself an event, processed
/// when the iterator ends, so other processes can wait for it.
/// </summary>
public sealed class Process : SimEvent
{
    private IEnumerator<SimEvent>? _steps;
    private SimEvent? _target;
    private bool _started;
    private bool _pooled;
    private bool _hasUnhandledInterrupt;

    // The process's place in the simulation's process table (see Simulation.ActiveProcessIndex).
    private readonly int _index;

    internal Process(Simulation simulation)
        : base(simulation)
    {
        _index = simulation.Register(this);
    }

    /// <summary>The process's place in the simulation's process table.</summary>
    internal int Index => _index;

    /// <summary>The iterator, for cache prefetching by resources.</summary>
    internal IEnumerator<SimEvent>? Steps => _steps;

    /// <summary>True while the iterator has steps left.</summary>
    public bool IsAlive => _steps is not null;

    /// <summary>True if <see cref="Interrupt"/> would succeed: alive and not started with Simulation.Start.</summary>
    internal bool CanBeInterrupted => _steps is not null && !_pooled;

    /// <summary>The cause given to the latest <see cref="Interrupt"/>, until handled.</summary>
    public object? InterruptCause { get; private set; }

    /// <summary>
    /// Called by the process itself after a yield: true if it was interrupted instead of getting the
    /// event it waited for. The event it waited for is abandoned; a resource request stays queued
    /// until the process releases or withdraws it.
    /// </summary>
    public bool HandleInterrupt()
    {
        var wasInterrupted = _hasUnhandledInterrupt;
        _hasUnhandledInterrupt = false;
        return wasInterrupted;
    }

    /// <summary>Interrupts the process at the current time: it stops waiting and resumes with a cause.</summary>
    public void Interrupt(object? cause = null)
    {
        if (_steps is null)
        {
            throw new InvalidOperationException("a process that has ended cannot be interrupted");
        }

        if (_pooled)
        {
            throw new InvalidOperationException("a process started with Simulation.Start cannot be interrupted; start it with Simulation.Process");
        }

        new Interruption(Simulation, this, cause).Schedule();
    }

    internal void Begin(IEnumerator<SimEvent> steps, bool pooled)
    {
        _steps = steps;
        _pooled = pooled;
        _started = false;
        IsPinned = !pooled;
        State = EventState.Triggered;
        Simulation.ScheduleNow(this);
    }

    internal override void Fire()
    {
        if (!_started)
        {
            _started = true;
            State = EventState.Pending;
            Resume();
            return;
        }

        base.Fire();
    }

    internal void DeliverInterrupt(object? cause)
    {
        if (_steps is null)
        {
            return;
        }

        _target?.RemoveWaiter(this);
        _target = null;
        InterruptCause = cause;
        _hasUnhandledInterrupt = true;
        Resume();
    }

    /// <summary>Runs the iterator until it yields an event that has not been processed yet.</summary>
    internal void Resume()
    {
        var simulation = Simulation;
        var previous = simulation.ActiveProcessIndex;
        simulation.ActiveProcessIndex = _index;
        try
        {
            var steps = _steps!;
            while (true)
            {
                if (!steps.MoveNext())
                {
                    Finish(null);
                    return;
                }

                if (_hasUnhandledInterrupt)
                {
                    throw new InvalidOperationException("the process was interrupted and yielded again without calling HandleInterrupt()");
                }

                var next = steps.Current ?? throw new InvalidOperationException("a process yielded null; yield an event");
                if (next.State == EventState.Processed)
                {
                    continue;
                }

                if (!_pooled)
                {
                    _target = next; // only an interrupt needs it, and pooled processes cannot be interrupted
                }

                next.AddWaiter(this);
                return;
            }
        }
        finally
        {
            simulation.ActiveProcessIndex = previous;
        }
    }

    private void Finish(object? value)
    {
        _steps!.Dispose();
        _steps = null;
        _target = null;
        if (_pooled)
        {
            State = EventState.Processed;
            ResetForReuse();
            Simulation.ReturnToPool(this);
            return;
        }

        Simulation.Unregister(_index);
        Trigger(value);
    }

    private sealed class Interruption : SimEvent
    {
        private readonly Process _process;
        private readonly object? _cause;

        public Interruption(Simulation simulation, Process process, object? cause)
            : base(simulation)
        {
            _process = process;
            _cause = cause;
        }

        public void Schedule()
        {
            State = EventState.Triggered;
            Simulation.ScheduleNow(this);
        }

        internal override void Fire()
        {
            State = EventState.Processed;
            _process.DeliverInterrupt(_cause);
        }
    }
}
