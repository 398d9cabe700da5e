namespace BorderSim.Engine;

/// <summary>
/// A resource whose queue is served by priority (lower number first), first come first served
/// among equal priorities.
/// </summary>
public class PriorityResource : Resource
{
    private Request[] _heap = new Request[16];
    private int _count;

    public PriorityResource(Simulation simulation, int capacity)
        : base(simulation, capacity)
    {
    }

    /// <summary>Asks for one unit with a priority; lower numbers are served first.</summary>
    public Request Request(int priority) => RequestCore(priority, preempt: false);

    /// <summary>
    /// Gives every waiting request a new priority (a rule that changes on a date), keeping the order of
    /// requests among equal priorities: the heap is rebuilt, O(n).
    /// </summary>
    public void Reprioritize(Func<Request, int> priorityOf)
    {
        ArgumentNullException.ThrowIfNull(priorityOf);
        for (var i = 0; i < _count; i++)
        {
            _heap[i].Priority = priorityOf(_heap[i]);
        }

        for (var i = (_count / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    protected override void Enqueue(Request request)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        _heap[_count] = request;
        request.HeapIndex = _count;
        SiftUp(_count++);
    }

    protected override Request Dequeue()
    {
        var top = _heap[0];
        RemoveWaiting(top);
        return top;
    }

    protected override void RemoveWaiting(Request request)
    {
        var index = request.HeapIndex;
        _count--;
        if (index != _count)
        {
            _heap[index] = _heap[_count];
            _heap[index].HeapIndex = index;
            _heap[_count] = null!;
            SiftDown(index);
            SiftUp(index);
        }
        else
        {
            _heap[_count] = null!;
        }

        request.HeapIndex = -1;
        request.IsWaiting = false;
    }

    private static bool Before(Request a, Request b) =>
        a.Priority < b.Priority || (a.Priority == b.Priority && a.Sequence < b.Sequence);

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!Before(_heap[index], _heap[parent]))
            {
                return;
            }

            Swap(index, parent);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            var smallest = index;
            var left = (index << 1) + 1;
            var right = left + 1;
            if (left < _count && Before(_heap[left], _heap[smallest]))
            {
                smallest = left;
            }

            if (right < _count && Before(_heap[right], _heap[smallest]))
            {
                smallest = right;
            }

            if (smallest == index)
            {
                return;
            }

            Swap(index, smallest);
            index = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
        _heap[a].HeapIndex = a;
        _heap[b].HeapIndex = b;
    }
}

/// <summary>
/// A priority resource where a request with <c>preempt: true</c> pushes out the holder of the
/// lowest priority (the most recently granted among equals) if that priority is strictly lower.
/// The pushed-out process is interrupted with a <see cref="Preempted"/> cause.
/// </summary>
public sealed class PreemptiveResource : PriorityResource
{
    private readonly List<Request> _holders = [];

    public PreemptiveResource(Simulation simulation, int capacity)
        : base(simulation, capacity)
    {
    }

    public IReadOnlyList<Request> Holders => _holders;

    /// <summary>Asks for one unit; with <paramref name="preempt"/> it may push out a lower-priority holder.</summary>
    public Request Request(int priority, bool preempt) => RequestCore(priority, preempt);

    protected override bool TryPreempt(Request request)
    {
        if (!request.Preempt || InUse < Capacity || _holders.Count == 0)
        {
            return false;
        }

        Request? victim = null;
        foreach (var holder in _holders)
        {
            if (victim is null || holder.Priority > victim.Priority ||
                (holder.Priority == victim.Priority && holder.GrantedAtHours >= victim.GrantedAtHours))
            {
                victim = holder;
            }
        }

        if (victim is null || victim.Priority <= request.Priority)
        {
            return false;
        }

        var since = victim.GrantedAtHours;
        var owner = victim.Owner;
        if (owner is { IsAlive: true, CanBeInterrupted: false })
        {
            // Checked before anything changes: failing after the eviction would leave the unit taken twice.
            throw new InvalidOperationException("the holder to preempt is a process started with Simulation.Start, which cannot be interrupted; start it with Simulation.Process");
        }

        Evict(victim);
        GrantDirectly(request);
        if (owner is { IsAlive: true })
        {
            owner.Interrupt(new Preempted(request, since, this));
        }

        return true;
    }

    protected override void OnGranted(Request request) => _holders.Add(request);

    protected override void OnReleased(Request request) => _holders.Remove(request);
}
