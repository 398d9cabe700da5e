using System.Runtime.CompilerServices;

namespace BorderSim.Engine;

/// <summary>
/// The future event list: a 4-ary min-heap of (time, sequence) keys, with the events themselves in
/// a slot array beside it.
/// </summary>
/// <remarks>
/// The sequence number is part of the key, so events at equal times fire in the order they were
/// scheduled, by construction rather than by heap luck. Heap entries hold no references (the
/// event sits in a slot the entry points to), so sifting moves plain values: no GC write barrier
/// per move. A 4-ary heap is half as deep as a binary one and its children share a cache line.
/// Nothing is allocated once the arrays have grown to the model's size.
/// </remarks>
internal sealed class EventCalendar
{
    private const int Arity = 4;

    // An entry's key packs the sequence number above the slot, so an entry is 16 bytes (four children fill one
    // cache line) and ordering by key is ordering by sequence (sequences are unique, the slot bits never decide).
    private const int SlotBits = 24;
    private const long SlotMask = (1L << SlotBits) - 1;

    /// <summary>Events that may be pending at once: 2^24, about 16.8 million.</summary>
    public const int MaxPendingEvents = 1 << SlotBits;

    /// <summary>The largest sequence number a key holds: 2^39 − 1, about 5.5 × 10^11 events scheduled in one simulation.</summary>
    public const long MaxSequence = (1L << (63 - SlotBits)) - 1;

    private Entry[] _heap = new Entry[256];
    private EventSlot[] _slots = new EventSlot[256];
    private int[] _freeSlots = new int[256];
    private int _freeSlotCount;
    private int _count;

    public EventCalendar()
    {
        for (var i = _slots.Length - 1; i >= 0; i--)
        {
            _freeSlots[_freeSlotCount++] = i;
        }
    }

    public int Count => _count;

    public double PeekTime => _heap[0].Time;

    public long PeekSequence => _heap[0].Key >> SlotBits;

    public void Push(double time, long sequence, SimEvent simEvent)
    {
        if (_count == _heap.Length)
        {
            Grow();
        }

        if ((ulong)sequence > MaxSequence)
        {
            ThrowTooManyEvents();
        }

        var slot = _freeSlots[--_freeSlotCount];
        _slots[slot].Event = simEvent;
        var entry = new Entry(time, (sequence << SlotBits) | (long)slot);
        var heap = _heap;
        var index = _count++;
        while (index > 0)
        {
            var parent = (index - 1) / Arity;
            if (!Less(in entry, in heap[parent]))
            {
                break;
            }

            heap[index] = heap[parent];
            index = parent;
        }

        heap[index] = entry;
    }

    public SimEvent Pop(out double time)
    {
        var heap = _heap;
        var top = heap[0];
        var count = --_count;
        if (count > 0)
        {
            var last = heap[count];
            var index = 0;
            while (true)
            {
                var first = (index * Arity) + 1;
                if (first >= count)
                {
                    break;
                }

                var best = first;
                var end = Math.Min(first + Arity, count);
                for (var child = first + 1; child < end; child++)
                {
                    if (Less(in heap[child], in heap[best]))
                    {
                        best = child;
                    }
                }

                if (!Less(in heap[best], in last))
                {
                    break;
                }

                heap[index] = heap[best];
                index = best;
            }

            heap[index] = last;
        }

        time = top.Time;
        var topSlot = (int)(top.Key & SlotMask);
        ref var slot = ref _slots[topSlot];
        var simEvent = slot.Event!;
        slot.Event = null;
        _freeSlots[_freeSlotCount++] = topSlot;
        return simEvent;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(in Entry a, in Entry b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Key < b.Key);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooManyEvents() =>
        throw new InvalidOperationException($"a simulation can schedule at most {MaxSequence:N0} events; run the horizon in parts");

    private void Grow()
    {
        var oldLength = _heap.Length;
        if (oldLength >= MaxPendingEvents)
        {
            throw new InvalidOperationException($"more than {MaxPendingEvents:N0} events pending at once");
        }

        var newLength = oldLength * 2;
        Array.Resize(ref _heap, newLength);
        Array.Resize(ref _slots, newLength);
        Array.Resize(ref _freeSlots, newLength);
        for (var i = newLength - 1; i >= oldLength; i--)
        {
            _freeSlots[_freeSlotCount++] = i;
        }
    }

    private readonly record struct Entry(double Time, long Key);
}

/// <summary>An event reference in a struct, so storing it into an array needs no covariance check.</summary>
internal struct EventSlot
{
    public SimEvent? Event;
}

/// <summary>Events due at the current time, first in first out: cheaper than the heap for zero delays.</summary>
internal sealed class NowQueue
{
    private EventSlot[] _events = new EventSlot[64];
    private long[] _sequences = new long[64];
    private int _head;
    private int _count;

    public int Count => _count;

    public long PeekSequence => _sequences[_head];

    public void Enqueue(long sequence, SimEvent simEvent)
    {
        if (_count == _events.Length)
        {
            Grow();
        }

        var tail = (_head + _count) & (_events.Length - 1);
        _events[tail].Event = simEvent;
        _sequences[tail] = sequence;
        _count++;
    }

    public SimEvent Dequeue()
    {
        ref var slot = ref _events[_head];
        var simEvent = slot.Event!;
        slot.Event = null;
        _head = (_head + 1) & (_events.Length - 1);
        _count--;
        return simEvent;
    }

    private void Grow()
    {
        var events = new EventSlot[_events.Length * 2];
        var sequences = new long[events.Length];
        for (var i = 0; i < _count; i++)
        {
            var from = (_head + i) & (_events.Length - 1);
            events[i] = _events[from];
            sequences[i] = _sequences[from];
        }

        _events = events;
        _sequences = sequences;
        _head = 0;
    }
}
