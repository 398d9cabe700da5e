namespace BorderSim.Engine;

/// <summary>
/// The simulation environment: the clock, the event calendar and the processes.
/// </summary>
/// <remarks>
/// Time is a <see cref="double"/> in hours, the one unit of the kernel; models convert at their edges.
/// Events due at the same time fire in the order they were scheduled (a sequence number in the
/// calendar key). A simulation is single-threaded; run replications on separate instances.
/// </remarks>
public sealed class Simulation
{
    private readonly EventCalendar _calendar = new();
    private readonly NowQueue _now = new();
    private ObjectPool<Timeout> _timeoutPool;
    private ObjectPool<Process> _processPool;
    private long _sequence;

    public Simulation(double startTimeHours = 0)
    {
        NowHours = startTimeHours;
    }

    /// <summary>The current simulated time in hours.</summary>
    public double NowHours { get; private set; }

    /// <summary>The process whose step is running, or null between steps.</summary>
    public Process? ActiveProcess => ActiveProcessIndex < 0 ? null : _processes[ActiveProcessIndex];

    /// <summary>
    /// The running process as its place in the process table, −1 between steps. Every step sets it, so it is
    /// an int: storing a reference would cost a GC write barrier per step.
    /// </summary>
    internal int ActiveProcessIndex = -1;

    // Every live process by its index: pooled handles keep theirs for good, others give it back when they end.
    private Process?[] _processes = new Process?[16];
    private int _processCount;
    private readonly Stack<int> _freeProcessIndexes = new();

    /// <summary>How many events have been processed (for benchmarks and diagnostics).</summary>
    public long ProcessedEventCount { get; private set; }

    /// <summary>Events in the calendar, due now or later.</summary>
    public int PendingEventCount => _calendar.Count + _now.Count;

    /// <summary>
    /// An event that fires after <paramref name="delayHours"/>. It comes from a pool and goes back once
    /// processed: yield it once and do not keep it. Call <see cref="SimEvent.Pin"/> (or pass it to
    /// <see cref="AnyOf"/>/<see cref="AllOf"/>, which pin) to keep it.
    /// </summary>
    public Timeout Timeout(double delayHours, object? value = null)
    {
        var timeout = _timeoutPool.TryTake(out var pooled) ? pooled : new Timeout(this);
        timeout.Schedule(delayHours, value);
        return timeout;
    }

    /// <summary>Starts a process; the returned handle can be waited on and interrupted.</summary>
    public Process Process(IEnumerable<SimEvent> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var process = new Process(this);
        process.Begin(steps.GetEnumerator(), pooled: false);
        return process;
    }

    /// <summary>
    /// Starts a process nobody will wait on or interrupt (a truck, a customer). Its handle is pooled,
    /// so the only allocation is the iterator itself.
    /// </summary>
    public void Start(IEnumerable<SimEvent> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var process = _processPool.TryTake(out var pooled) ? pooled : new Process(this);
        process.Begin(steps.GetEnumerator(), pooled: true);
    }

    /// <summary>An event that fires when any of <paramref name="events"/> has been processed.</summary>
    public Condition AnyOf(params SimEvent[] events) => new(this, events, ConditionKind.Any);

    /// <summary>An event that fires when all of <paramref name="events"/> have been processed.</summary>
    public Condition AllOf(params SimEvent[] events) => new(this, events, ConditionKind.All);

    /// <summary>Runs until no event is left.</summary>
    public void Run() => Run(double.PositiveInfinity);

    /// <summary>
    /// How often (in events) a run looks at its cancellation token: a power of two, so the check is a mask
    /// and a branch; about a millisecond of simulation at the crossing models' event rates.
    /// </summary>
    public const long CancellationCheckEvents = 4096;

    /// <summary>Runs every event due before <paramref name="untilHours"/>, then sets the clock to it.</summary>
    public void Run(double untilHours) => Run(untilHours, CancellationToken.None);

    /// <summary>
    /// Runs every event due before <paramref name="untilHours"/>, then sets the clock to it; throws
    /// <see cref="OperationCanceledException"/> within <see cref="CancellationCheckEvents"/> events of
    /// <paramref name="cancellationToken"/> being cancelled (Ctrl-C in a long replication).
    /// </summary>
    public void Run(double untilHours, CancellationToken cancellationToken)
    {
        if (untilHours < NowHours)
        {
            throw new ArgumentOutOfRangeException(nameof(untilHours), untilHours, $"cannot run back in time (now {NowHours} h)");
        }

        while (true)
        {
            SimEvent next;
            if (_now.Count > 0 && !(_calendar.Count > 0 && _calendar.PeekTime <= NowHours && _calendar.PeekSequence < _now.PeekSequence))
            {
                next = _now.Dequeue();
            }
            else if (_calendar.Count > 0 && _calendar.PeekTime < untilHours)
            {
                next = _calendar.Pop(out var time);
                NowHours = time;
            }
            else
            {
                break;
            }

            ProcessedEventCount++;
            if ((ProcessedEventCount & (CancellationCheckEvents - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            next.Fire();
        }

        if (!double.IsPositiveInfinity(untilHours))
        {
            NowHours = untilHours;
        }
    }

    /// <summary>Runs the next event only. Returns false when the calendar is empty.</summary>
    public bool Step()
    {
        SimEvent next;
        if (_now.Count > 0 && !(_calendar.Count > 0 && _calendar.PeekTime <= NowHours && _calendar.PeekSequence < _now.PeekSequence))
        {
            next = _now.Dequeue();
        }
        else if (_calendar.Count > 0)
        {
            next = _calendar.Pop(out var time);
            NowHours = time;
        }
        else
        {
            return false;
        }

        ProcessedEventCount++;
        next.Fire();
        return true;
    }

    internal void ScheduleNow(SimEvent simEvent) => _now.Enqueue(_sequence++, simEvent);

    // Inlined into every timeout: a positive delay (the usual case) goes straight to the calendar.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void ScheduleAfter(double delayHours, SimEvent simEvent)
    {
        if (delayHours > 0)
        {
            _calendar.Push(NowHours + delayHours, _sequence++, simEvent);
        }
        else
        {
            ScheduleNowOrThrow(delayHours, simEvent);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void ScheduleNowOrThrow(double delayHours, SimEvent simEvent)
    {
        if (!(delayHours >= 0))
        {
            ThrowNegativeDelay(delayHours);
        }

        _now.Enqueue(_sequence++, simEvent);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowNegativeDelay(double delayHours) =>
        throw new ArgumentOutOfRangeException(nameof(delayHours), delayHours, "a delay must be a non-negative number of hours");

    internal int Register(Process process)
    {
        if (_freeProcessIndexes.TryPop(out var index))
        {
            _processes[index] = process;
            return index;
        }

        if (_processCount == _processes.Length)
        {
            Array.Resize(ref _processes, _processCount * 2);
        }

        _processes[_processCount] = process;
        return _processCount++;
    }

    /// <summary>The process at <paramref name="index"/> of the table: one that waits, or runs, so it has not ended.</summary>
    internal Process ProcessAt(int index) => _processes[index]!;

    /// <summary>Frees an ended process's place in the table (processes not from the pool).</summary>
    internal void Unregister(int index)
    {
        _processes[index] = null;
        _freeProcessIndexes.Push(index);
    }

    internal void ReturnToPool(Timeout timeout) => _timeoutPool.Return(timeout);

    internal void ReturnToPool(Process process) => _processPool.Return(process);
}
