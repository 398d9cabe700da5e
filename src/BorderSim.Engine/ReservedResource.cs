namespace BorderSim.Engine;

/// <summary>
/// A resource some of whose units are kept for groups of requests (a request's group is its
/// <see cref="Request.Tag"/>): k units reserved for a group serve only that group; the other units are
/// shared. A request of a group with reserved units takes one of them if one is free, else a shared unit
/// (unless the resource confines reserved groups to their own units). Waiting requests are served by
/// priority (lower first), then first come, first served.
/// </summary>
/// <remarks>
/// The reservation is counted, not tied to unit identities: with <see cref="Resource.Capacity"/> units
/// open, the groups get their reserved units in the order they were given, each at most what is left,
/// and the shared part is the rest. So a cut takes the shared units first, then the reserved ones of the
/// group given last; closing everything (capacity 0) leaves no part. Work in service always finishes:
/// after a cut or a new reservation a part may hold more units than it now has, and no unit starts until
/// fewer than <see cref="Resource.Capacity"/> are in use and the part below its share.
/// </remarks>
public sealed class ReservedResource : Resource
{
    private const int Shared = -1;

    private readonly Queue<Entry>[] _queues;
    private readonly int[] _reserved;
    private readonly int[] _effective;
    private readonly int[] _inReserved;
    private readonly bool _confined;
    private int[] _order = [];
    private int _effectiveForCapacity = -1;
    private int _sharedEffective;
    private int _inShared;

    /// <param name="simulation">The simulation.</param>
    /// <param name="capacity">Units open at the start.</param>
    /// <param name="groups">How many groups (tags 0 to groups − 1).</param>
    /// <param name="confined">Whether a group with reserved units uses only those (never a shared unit).</param>
    public ReservedResource(Simulation simulation, int capacity, int groups, bool confined)
        : base(simulation, capacity, grantsByGroup: true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        _queues = new Queue<Entry>[groups];
        for (var g = 0; g < groups; g++)
        {
            _queues[g] = new Queue<Entry>();
        }

        _reserved = new int[groups];
        _effective = new int[groups];
        _inReserved = new int[groups];
        _confined = confined;
    }

    /// <summary>Units in use that are reserved for a group (serving it, or holding its finished work).</summary>
    public int ReservedInUse
    {
        get
        {
            var sum = 0;
            foreach (var used in _inReserved)
            {
                sum += used;
            }

            return sum;
        }
    }

    /// <summary>Units open now that are reserved for a group (the reservation within the open capacity).</summary>
    public int ReservedCapacity
    {
        get
        {
            UpdateEffective();
            return Capacity - _sharedEffective;
        }
    }

    /// <summary>Asks for one unit for a request of <paramref name="group"/>, with a priority (lower first).</summary>
    public Request Request(int priority, int group)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(group, _queues.Length);
        return RequestCore(priority, preempt: false, tag: group);
    }

    /// <summary>
    /// Keeps <c>Units</c> units for each group listed, in this order (a later group gets what is left if the open
    /// capacity is smaller than the sum); groups not listed have none. Grants the waiting requests that may now start.
    /// </summary>
    public void SetReservation(IReadOnlyList<(int Group, int Units)> reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        Array.Clear(_reserved);
        var order = new int[reservation.Count];
        for (var i = 0; i < reservation.Count; i++)
        {
            var (group, units) = reservation[i];
            ArgumentOutOfRangeException.ThrowIfNegative(units);
            _reserved[group] = units;
            order[i] = group;
        }

        _order = order;
        _effectiveForCapacity = -1;
        GrantWaiting();
        RaiseChanged();
    }

    /// <summary>Gives every waiting request a new priority (a rule that changes on a date); arrival order is kept among equals.</summary>
    public void Reprioritize(Func<Request, int> priorityOf)
    {
        ArgumentNullException.ThrowIfNull(priorityOf);
        foreach (var queue in _queues)
        {
            foreach (var entry in queue)
            {
                if (entry.IsLive)
                {
                    entry.Request.Priority = priorityOf(entry.Request);
                }
            }
        }
    }

    private protected override bool TryTakeFreeUnit(Request request)
    {
        var part = FreePart(request.Tag);
        if (part == int.MinValue)
        {
            return false;
        }

        request.Part = part;
        return true;
    }

    private protected override void GrantWaitingByGroup()
    {
        UpdateEffective();

        // A group's own free units go to its oldest waiting request first, so a shared unit stays for the others.
        foreach (var group in _order)
        {
            while (InUse < Capacity && _inReserved[group] < _effective[group] && TryHead(group, out var request))
            {
                _queues[group].Dequeue();
                request.Part = group;
                Grant(request);
            }
        }

        while (InUse < Capacity && _inShared < _sharedEffective)
        {
            var best = -1;
            Request? bestRequest = null;
            for (var g = 0; g < _queues.Length; g++)
            {
                if (_confined && _reserved[g] > 0)
                {
                    continue;
                }

                if (TryHead(g, out var head) && (bestRequest is null || head.Priority < bestRequest.Priority ||
                    (head.Priority == bestRequest.Priority && head.Sequence < bestRequest.Sequence)))
                {
                    best = g;
                    bestRequest = head;
                }
            }

            if (bestRequest is null)
            {
                return;
            }

            _queues[best].Dequeue();
            bestRequest.Part = Shared;
            Grant(bestRequest);
        }
    }

    protected override void Enqueue(Request request) => _queues[request.Tag].Enqueue(new Entry(request, request.Sequence));

    protected override Request Dequeue() => throw new InvalidOperationException("a reserved resource grants from its own queues");

    // The entry stays in its group's queue, dead, and is skipped when it reaches the head.
    protected override void RemoveWaiting(Request request) => request.IsWaiting = false;

    protected override void OnGranted(Request request)
    {
        if (request.Part == Shared)
        {
            _inShared++;
        }
        else
        {
            _inReserved[request.Part]++;
        }
    }

    protected override void OnReleased(Request request)
    {
        if (request.Part == Shared)
        {
            _inShared--;
        }
        else
        {
            _inReserved[request.Part]--;
        }
    }

    private void Grant(Request request)
    {
        request.IsWaiting = false;
        GrantQueued(request);
    }

    /// <summary>The part a request of <paramref name="group"/> may take a unit from now: the group's, the shared one, or int.MinValue for none.</summary>
    private int FreePart(int group)
    {
        if (InUse >= Capacity)
        {
            return int.MinValue;
        }

        UpdateEffective();
        if (_inReserved[group] < _effective[group])
        {
            return group;
        }

        return (!_confined || _reserved[group] == 0) && _inShared < _sharedEffective ? Shared : int.MinValue;
    }

    /// <summary>The oldest live request waiting in a group's queue; dead entries (withdrawn) are dropped on the way.</summary>
    private bool TryHead(int group, out Request request)
    {
        var queue = _queues[group];
        while (queue.TryPeek(out var entry))
        {
            if (entry.IsLive)
            {
                request = entry.Request;
                return true;
            }

            queue.Dequeue();
        }

        request = null!;
        return false;
    }

    /// <summary>The reservation within the open capacity: groups in order, each at most what is left; the rest shared.</summary>
    private void UpdateEffective()
    {
        if (_effectiveForCapacity == Capacity)
        {
            return;
        }

        var left = Capacity;
        Array.Clear(_effective);
        foreach (var group in _order)
        {
            _effective[group] = Math.Min(_reserved[group], left);
            left -= _effective[group];
        }

        _sharedEffective = left;
        _effectiveForCapacity = Capacity;
    }

    private readonly struct Entry(Request request, long sequence)
    {
        public readonly Request Request = request;
        private readonly long _sequence = sequence;

        /// <summary>False once the request was withdrawn or granted, even if the pool has handed it out again.</summary>
        public bool IsLive => Request.IsWaiting && Request.Sequence == _sequence;
    }
}
