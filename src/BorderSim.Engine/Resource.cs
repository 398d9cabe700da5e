namespace BorderSim.Engine;

/// <summary>
/// A resource with a number of identical units (booths, inspection teams, lanes), served first come,
/// first served.
/// </summary>
/// <remarks>
/// The capacity can change while the simulation runs (lanes added on a date, booths closed at
/// night). When it drops, work in service finishes and no new work starts until fewer units are
/// in use than the new capacity. A request withdrawn before it is granted leaves the queue and
/// releases nothing.
/// </remarks>
public class Resource
{
    private ObjectPool<Request> _pool;
    private Request? _head;
    private Request? _tail;
    private long _sequence;

    public Resource(Simulation simulation, int capacity)
    {
        Simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
    }

    public Simulation Simulation { get; }

    /// <summary>Units that may be in use at once. Setting it grants waiting requests if it grew.</summary>
    public int Capacity { get; private set; }

    /// <summary>Units in use now. Can exceed <see cref="Capacity"/> just after a drop.</summary>
    public int InUse { get; private set; }

    /// <summary>Requests waiting for a unit.</summary>
    public int QueueLength { get; private set; }

    /// <summary>Raised after <see cref="InUse"/> or <see cref="QueueLength"/> changes (for statistics).</summary>
    public event Action<Resource>? Changed;

    /// <summary>Asks for one unit. Yield the request to wait until it is granted.</summary>
    public Request Request() => RequestCore(0, preempt: false);

    /// <summary>Changes the number of units from now on.</summary>
    public void SetCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        GrantWaiting();
        Changed?.Invoke(this);
    }

    /// <summary>Gives back the unit held by <paramref name="request"/>, or withdraws it from the queue.</summary>
    public void Release(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ReferenceEquals(request.Resource, this))
        {
            throw new ArgumentException("the request belongs to another resource", nameof(request));
        }

        if (request.IsGranted)
        {
            InUse--;
            OnReleased(request);
        }
        else if (request.IsWaiting)
        {
            RemoveWaiting(request);
            QueueLength--;
        }
        else if (!request.WasPreempted)
        {
            throw new InvalidOperationException("the request has already been released or withdrawn");
        }

        if (request.Owner is { } owner && !request.IsProcessed)
        {
            request.RemoveWaiter(owner);
        }

        // A grant still in the calendar would fire on a reused request: let that one go to the GC.
        var isInCalendar = request.State == EventState.Triggered;
        request.Clear();
        if (!isInCalendar)
        {
            _pool.Return(request);
        }

        GrantWaiting();
        Changed?.Invoke(this);
    }

    protected Request RequestCore(int priority, bool preempt)
    {
        var request = _pool.TryTake(out var pooled) ? pooled : new Request(this);
        request.Prepare(Simulation.NowHours, _sequence++, priority, preempt, Simulation.ActiveProcess);
        if (InUse < Capacity && QueueLength == 0)
        {
            InUse++;
            OnGranted(request);
            request.Grant(Simulation.NowHours);
        }
        else if (!TryPreempt(request))
        {
            request.IsWaiting = true;
            Enqueue(request);
            QueueLength++;
        }

        Changed?.Invoke(this);
        return request;
    }

    /// <summary>Grants queued requests while units are free.</summary>
    protected void GrantWaiting()
    {
        while (InUse < Capacity && QueueLength > 0)
        {
            var next = Dequeue();
            QueueLength--;
            InUse++;
            OnGranted(next);
            next.Grant(Simulation.NowHours);
        }
    }

    /// <summary>Takes a unit for a request directly (used by preemption).</summary>
    protected void GrantDirectly(Request request)
    {
        InUse++;
        OnGranted(request);
        request.Grant(Simulation.NowHours);
    }

    /// <summary>Frees a unit without returning the request to the pool (used by preemption).</summary>
    protected void Evict(Request request)
    {
        InUse--;
        OnReleased(request);
        request.IsGranted = false;
        request.WasPreempted = true;
    }

    protected virtual bool TryPreempt(Request request) => false;

    protected virtual void OnGranted(Request request)
    {
    }

    protected virtual void OnReleased(Request request)
    {
    }

    protected virtual void Enqueue(Request request)
    {
        request.Previous = _tail;
        request.Next = null;
        if (_tail is null)
        {
            _head = request;
        }
        else
        {
            _tail.Next = request;
        }

        _tail = request;
    }

    protected virtual Request Dequeue()
    {
        var request = _head!;
        RemoveWaiting(request);
        PrefetchNextInLine();
        return request;
    }

    /// <summary>
    /// Staged prefetch of the trucks next in line: the iterator of the next, the process of the one
    /// after, the request of the third. Each stage reads only what the previous grant prefetched.
    /// </summary>
    private void PrefetchNextInLine()
    {
        var first = _head;
        if (first is null)
        {
            return;
        }

        CacheHint.Prefetch(first.Owner?.Steps);
        var second = first.Next;
        if (second is null)
        {
            return;
        }

        CacheHint.Prefetch(second.Owner);
        CacheHint.Prefetch(second.Next);
    }

    protected virtual void RemoveWaiting(Request request)
    {
        if (request.Previous is null)
        {
            _head = request.Next;
        }
        else
        {
            request.Previous.Next = request.Next;
        }

        if (request.Next is null)
        {
            _tail = request.Previous;
        }
        else
        {
            request.Next.Previous = request.Previous;
        }

        request.Next = null;
        request.Previous = null;
        request.IsWaiting = false;
    }
}
