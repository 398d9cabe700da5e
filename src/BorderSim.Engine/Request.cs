namespace BorderSim.Engine;

/// <summary>
/// A claim on one unit of a <see cref="Resource"/>: an event that fires when the unit is granted.
/// </summary>
/// <remarks>
/// Requests are pooled by their resource. Give the unit back exactly once, with
/// <see cref="Resource.Release"/> or by disposing the request (a <c>using</c> block), not both.
/// Releasing a request that is still waiting withdraws it from the queue.
/// </remarks>
public sealed class Request : SimEvent, IDisposable
{
    internal Request(Resource resource)
        : base(resource.Simulation)
    {
        Resource = resource;
    }

    public Resource Resource { get; }

    /// <summary>Lower numbers are served first (priority and preemptive resources).</summary>
    public int Priority { get; internal set; }

    /// <summary>Whether this request may push out a lower-priority holder (preemptive resources).</summary>
    public bool Preempt { get; internal set; }

    /// <summary>True while the request holds a unit of the resource.</summary>
    public bool IsGranted { get; internal set; }

    /// <summary>True while the request waits in the resource's queue.</summary>
    public bool IsWaiting { get; internal set; }

    /// <summary>When the request was made, in hours.</summary>
    public double RequestedAtHours { get; internal set; }

    /// <summary>When the unit was granted, in hours (NaN before).</summary>
    public double GrantedAtHours { get; internal set; }

    /// <summary>The process that made the request, if any (told when it is preempted).</summary>
    public Process? Owner { get; internal set; }

    /// <summary>True once a preemptive resource has pushed this request out.</summary>
    public bool WasPreempted { get; internal set; }

    /// <summary>True once <see cref="Resource.Cancel"/> took this request out of the queue and woke its waiter without a unit.</summary>
    public bool WasCancelled { get; internal set; }

    /// <summary>A number the requester attaches (e.g. a class index) to find the request's new priority when the rule changes (<see cref="PriorityResource.Reprioritize"/>); 0 when made.</summary>
    public int Tag { get; set; }

    internal long Sequence { get; set; }

    /// <summary>Which part of a <see cref="ReservedResource"/> the unit came from: a group's reserved units, or −1 for the shared ones.</summary>
    internal int Part { get; set; }

    // The heap position for priority queues: no node allocations.
    internal int HeapIndex { get; set; } = -1;

    public void Dispose() => Resource.Release(this);

    internal void Grant(double nowHours)
    {
        IsWaiting = false;
        IsGranted = true;
        GrantedAtHours = nowHours;
        Trigger(this);
    }

    /// <summary>Out of the queue without a unit: the request fires now, so whoever waits on it wakes and sees it not granted.</summary>
    internal void Cancel()
    {
        IsWaiting = false;
        WasCancelled = true;
        Trigger(this);
    }

    internal void Prepare(double nowHours, long sequence, int priority, bool preempt, Process? owner)
    {
        ResetForReuse();
        IsPinned = true;
        RequestedAtHours = nowHours;
        GrantedAtHours = double.NaN;
        Sequence = sequence;
        Priority = priority;
        Preempt = preempt;
        Owner = owner;
        Tag = 0;
        IsGranted = false;
        IsWaiting = false;
        WasPreempted = false;
        WasCancelled = false;
        HeapIndex = -1;
    }

    internal void Clear()
    {
        IsGranted = false;
        WasCancelled = false;
        IsWaiting = false;
        Owner = null;
        HeapIndex = -1;
    }
}

/// <summary>Why a process was interrupted by a preemptive resource.</summary>
/// <param name="By">The request that took the unit.</param>
/// <param name="UsageSinceHours">When the preempted process had been granted the unit.</param>
/// <param name="Resource">The resource.</param>
public sealed record Preempted(Request By, double UsageSinceHours, Resource Resource);
