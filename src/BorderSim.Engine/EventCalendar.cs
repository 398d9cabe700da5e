using System.Runtime.CompilerServices;

namespace BorderSim.Engine;

/// <summary>
/// The future event list: a binary min-heap of (time, sequence) keys with the event beside the key.
/// </summary>
/// <remarks>
/// The sequence number is part of the key, so events at equal times fire in the order they were
/// scheduled, by construction rather than by heap luck. Entries are structs in one array: pushing
/// and popping allocate nothing once the array has grown to the model's size.
/// </remarks>
internal sealed class EventCalendar
{
    private Entry[] _heap = new Entry[256];

    public int Count { get; private set; }

    public double PeekTime => _heap[0].Time;

    public long PeekSequence => _heap[0].Sequence;

    public void Push(double time, long sequence, SimEvent simEvent)
    {
        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        var entry = new Entry(time, sequence, simEvent);
        var index = Count++;
        var heap = _heap;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
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
        var last = heap[--Count];
        heap[Count] = default;
        if (Count > 0)
        {
            var index = 0;
            var half = Count >> 1;
            while (index < half)
            {
                var child = (index << 1) + 1;
                var right = child + 1;
                if (right < Count && Less(in heap[right], in heap[child]))
                {
                    child = right;
                }

                if (!Less(in heap[child], in last))
                {
                    break;
                }

                heap[index] = heap[child];
                index = child;
            }

            heap[index] = last;
        }

        time = top.Time;
        return top.Event;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(in Entry a, in Entry b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

    private readonly record struct Entry(double Time, long Sequence, SimEvent Event);
}

/// <summary>Events due at the current time, first in first out: cheaper than the heap for zero delays.</summary>
internal sealed class NowQueue
{
    private SimEvent[] _events = new SimEvent[64];
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
        _events[tail] = simEvent;
        _sequences[tail] = sequence;
        _count++;
    }

    public SimEvent Dequeue()
    {
        var simEvent = _events[_head];
        _events[_head] = null!;
        _head = (_head + 1) & (_events.Length - 1);
        _count--;
        return simEvent;
    }

    private void Grow()
    {
        var events = new SimEvent[_events.Length * 2];
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
