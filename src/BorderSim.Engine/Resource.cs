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
    // How many places behind the head a grant brings a waiting truck's objects into cache: far
    // enough for a memory fetch to land before that truck's turn (measured: 8 to 64 work alike).
    private const int PrefetchDistance = 16;

    private ObjectPool<Request> _pool;
    private WaitingEntry[] _waiting = new WaitingEntry[16];
    private int _waitingHead;
    private int _waitingCount;
    private long _sequence;

    // Set only by a resource that decides per request which unit it may take (ReservedResource): the plain
    // FIFO path tests this one field and stays as it was.
    private readonly bool _grantsByGroup;

    public Resource(Simulation simulation, int capacity)
        : this(simulation, capacity, grantsByGroup: false)
    {
    }

    private protected Resource(Simulation simulation, int capacity, bool grantsByGroup)
    {
        Simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _grantsByGroup = grantsByGroup;
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
        else if (!request.WasPreempted && !request.WasCancelled)
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

    /// <summary>
    /// Takes a waiting request out of the queue and wakes whoever waits on it, now, without a unit
    /// (<see cref="Request.IsGranted"/> false, <see cref="Request.WasCancelled"/> true): an outside event
    /// (a route closed, a ban) makes a waiter leave the line. The requester still gives the request back
    /// with <see cref="Release"/>, which then releases nothing.
    /// </summary>
    public void Cancel(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ReferenceEquals(request.Resource, this))
        {
            throw new ArgumentException("the request belongs to another resource", nameof(request));
        }

        if (!request.IsWaiting)
        {
            throw new InvalidOperationException("only a request waiting in the queue can be cancelled");
        }

        RemoveWaiting(request);
        QueueLength--;
        request.Cancel();
        GrantWaiting();
        Changed?.Invoke(this);
    }

    protected Request RequestCore(int priority, bool preempt) => RequestCore(priority, preempt, tag: 0);

    private protected Request RequestCore(int priority, bool preempt, int tag)
    {
        var request = _pool.TryTake(out var pooled) ? pooled : new Request(this);
        request.Prepare(Simulation.NowHours, _sequence++, priority, preempt, Simulation.ActiveProcess);
        request.Tag = tag;
        if (_grantsByGroup ? TryTakeFreeUnit(request) : InUse < Capacity && QueueLength == 0)
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
        if (_grantsByGroup)
        {
            GrantWaitingByGroup();
            return;
        }

        while (InUse < Capacity && QueueLength > 0)
        {
            var next = Dequeue();
            QueueLength--;
            InUse++;
            OnGranted(next);
            next.Grant(Simulation.NowHours);
        }
    }

    /// <summary>For a resource that grants by group: whether <paramref name="request"/> may take a unit now (it records which).</summary>
    private protected virtual bool TryTakeFreeUnit(Request request) => InUse < Capacity && QueueLength == 0;

    /// <summary>For a resource that grants by group: grants the waiting requests that may take the free units.</summary>
    private protected virtual void GrantWaitingByGroup()
    {
    }

    /// <summary>Tells the listeners of <see cref="Changed"/> (after a change a subclass makes).</summary>
    private protected void RaiseChanged() => Changed?.Invoke(this);

    /// <summary>Grants a request taken out of the queue by a resource that keeps its own queues.</summary>
    private protected void GrantQueued(Request request)
    {
        QueueLength--;
        InUse++;
        OnGranted(request);
        request.Grant(Simulation.NowHours);
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
        if (_waitingCount == _waiting.Length)
        {
            MakeRoom();
        }

        _waiting[(_waitingHead + _waitingCount) & (_waiting.Length - 1)] = new WaitingEntry(request, request.Sequence, request.Owner);
        _waitingCount++;
    }

    protected virtual Request Dequeue()
    {
        var waiting = _waiting;
        var mask = waiting.Length - 1;
        while (true)
        {
            ref var entry = ref waiting[_waitingHead];
            var request = entry.Request!;
            var isLive = entry.IsFor(request);
            _waitingHead = (_waitingHead + 1) & mask;
            _waitingCount--;
            if (isLive)
            {
                request.IsWaiting = false;
                PrefetchAhead(waiting, mask);

                return request;
            }
        }
    }

    /// <summary>
    /// Two-stage prefetch: the request and process of the truck <see cref="PrefetchDistance"/> places
    /// back, and the iterator of the one half as far back, whose process the first stage fetched.
    /// </summary>
    private void PrefetchAhead(WaitingEntry[] waiting, int mask)
    {
        if (_waitingCount > PrefetchDistance)
        {
            ref readonly var far = ref waiting[(_waitingHead + PrefetchDistance) & mask];
            CacheHint.Prefetch(far.Request);
            CacheHint.Prefetch(far.Owner);
        }

        if (_waitingCount > PrefetchDistance / 2)
        {
            CacheHint.Prefetch(waiting[(_waitingHead + (PrefetchDistance / 2)) & mask].Owner?.Steps);
        }

        // The ring itself was written a whole queue ago: fetch its entries before the stages need them.
        CacheHint.Prefetch(waiting, (_waitingHead + (4 * PrefetchDistance)) & mask);
    }

    protected virtual void RemoveWaiting(Request request)
    {
        // The entry stays in the ring, marked dead by the flag (and by the sequence number once the
        // request is reused), and is skipped when it reaches the head: withdrawing costs O(1).
        request.IsWaiting = false;
    }

    /// <summary>Drops withdrawn entries if they are at least half the ring, else doubles it.</summary>
    private void MakeRoom()
    {
        var length = _waiting.Length;
        var mask = length - 1;
        var withdrawn = _waitingCount - QueueLength;
        var target = withdrawn >= length / 2 ? new WaitingEntry[length] : new WaitingEntry[length * 2];
        var kept = 0;
        for (var i = 0; i < _waitingCount; i++)
        {
            ref var entry = ref _waiting[(_waitingHead + i) & mask];
            if (entry.IsFor(entry.Request!))
            {
                target[kept++] = entry;
            }
        }

        _waiting = target;
        _waitingHead = 0;
        _waitingCount = kept;
    }

    /// <summary>
    /// A place in the FIFO queue, in a ring of structs rather than a linked list, so finding the
    /// trucks next in line reads one contiguous array instead of chasing pointers through objects
    /// last touched a whole queue ago. It names the waiting process beside the request, so both
    /// can be prefetched at once. Entries are not cleared when they leave (a store saved per grant):
    /// they point only at kernel objects, a request and a process handle, never at a truck's own
    /// state, and the slot is overwritten on the ring's next lap.
    /// </summary>
    private readonly struct WaitingEntry(Request request, long sequence, Process? owner)
    {
        public readonly Request? Request = request;
        public readonly Process? Owner = owner;
        private readonly long _sequence = sequence;

        /// <summary>False once the request was withdrawn, even if the pool has handed it out again.</summary>
        public bool IsFor(Request live) => live.IsWaiting && live.Sequence == _sequence;
    }
}
