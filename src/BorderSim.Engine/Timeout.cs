namespace BorderSim.Engine;

/// <summary>An event that fires a fixed delay after it was created.</summary>
public sealed class Timeout : SimEvent
{
    private readonly bool _pooled;

    internal Timeout(Simulation simulation)
        : base(simulation)
    {
        _pooled = true;
    }

    /// <summary>A timeout that is never pooled: safe to keep and inspect after it fires.</summary>
    public Timeout(Simulation simulation, double delayHours, object? value = null)
        : base(simulation)
    {
        IsPinned = true;
        Schedule(delayHours, value);
    }

    public double DelayHours { get; private set; }

    internal void Schedule(double delayHours, object? value)
    {
        DelayHours = delayHours;
        if (value is not null || Value is not null)
        {
            Value = value; // skipped for the usual null: a reference store costs a GC write barrier
        }

        State = EventState.Triggered;
        Simulation.ScheduleAfter(delayHours, this);
    }

    // The kernel's most frequent event: notifying and returning to the pool in one method saves a virtual call.
    internal override void Fire()
    {
        if (Notify() && _pooled)
        {
            ResetForReuse();
            Simulation.ReturnToPool(this);
        }
    }
}
