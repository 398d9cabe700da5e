namespace BorderSim.Engine;

/// <summary>
/// A store of items with a capacity: <see cref="Put"/> waits while it is full, <see cref="Get()"/>
/// while nothing (matching) is in it. Waiting puts and gets are served in arrival order.
/// </summary>
public sealed class Store<T>
{
    private readonly List<T> _items = [];
    private readonly LinkedList<StoreGet<T>> _getters = new();
    private readonly LinkedList<StorePut<T>> _putters = new();

    public Store(Simulation simulation, int capacity = int.MaxValue)
    {
        Simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    public Simulation Simulation { get; }

    public int Capacity { get; }

    public int Count => _items.Count;

    public IReadOnlyList<T> Items => _items;

    /// <summary>Puts an item in; the event fires once there was room.</summary>
    public StorePut<T> Put(T item)
    {
        var put = new StorePut<T>(this, item);
        _putters.AddLast(put);
        Settle();
        return put;
    }

    /// <summary>Takes the oldest item; the event's <see cref="StoreGet{T}.Item"/> holds it.</summary>
    public StoreGet<T> Get() => Get(null);

    /// <summary>Takes the oldest item that matches <paramref name="filter"/>.</summary>
    public StoreGet<T> Get(Func<T, bool>? filter)
    {
        var get = new StoreGet<T>(this, filter);
        _getters.AddLast(get);
        Settle();
        return get;
    }

    /// <summary>Withdraws a put or get that has not completed. Returns false if it already had.</summary>
    public bool Cancel(SimEvent putOrGet)
    {
        var removed = putOrGet switch
        {
            StoreGet<T> get when !get.IsTriggered => _getters.Remove(get),
            StorePut<T> put when !put.IsTriggered => _putters.Remove(put),
            _ => false,
        };
        return removed;
    }

    private void Settle()
    {
        bool progressed;
        do
        {
            progressed = false;
            while (_putters.First is { } node && _items.Count < Capacity)
            {
                _putters.RemoveFirst();
                _items.Add(node.Value.Item);
                node.Value.Complete();
                progressed = true;
            }

            for (var node = _getters.First; node is not null;)
            {
                var next = node.Next;
                var index = node.Value.Filter is null ? (_items.Count > 0 ? 0 : -1) : _items.FindIndex(i => node.Value.Filter(i));
                if (index >= 0)
                {
                    var item = _items[index];
                    _items.RemoveAt(index);
                    _getters.Remove(node);
                    node.Value.Complete(item);
                    progressed = true;
                }
                else if (node.Value.Filter is null)
                {
                    break; // an unfiltered getter waits for the next item: keep arrival order
                }

                node = next;
            }
        }
        while (progressed && _putters.Count > 0 && _items.Count < Capacity);
    }
}

public sealed class StorePut<T> : SimEvent
{
    internal StorePut(Store<T> store, T item)
        : base(store.Simulation)
    {
        IsPinned = true;
        Item = item;
    }

    /// <summary>The item being put.</summary>
    public T Item { get; }

    internal void Complete() => Trigger(Item);
}

public sealed class StoreGet<T> : SimEvent
{
    internal StoreGet(Store<T> store, Func<T, bool>? filter)
        : base(store.Simulation)
    {
        IsPinned = true;
        Filter = filter;
    }

    internal Func<T, bool>? Filter { get; }

    /// <summary>The item taken, once the event has fired.</summary>
    public T Item { get; private set; } = default!;

    internal void Complete(T item)
    {
        Item = item;
        Trigger(item);
    }
}
