using System.Diagnostics.CodeAnalysis;

using System.Runtime.CompilerServices;

namespace BorderSim.Engine;

/// <summary>
/// A last-in first-out pool of kernel objects (timeouts, process handles, requests): an array and a
/// count, without <see cref="Stack{T}"/>'s version stamps. Last in first out keeps recently used,
/// cache-warm objects in play.
/// </summary>
internal struct ObjectPool<T>
    where T : class
{
    private T?[] _items;
    private int _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryTake([NotNullWhen(true)] out T? item)
    {
        var count = _count - 1;
        var items = _items;
        if (items is not null && (uint)count < (uint)items.Length)
        {
            _count = count;
            item = items[count]!;
            items[count] = null;
            return true;
        }

        item = null;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Return(T item)
    {
        var items = _items;
        var count = _count;
        if (items is not null && (uint)count < (uint)items.Length)
        {
            items[count] = item;
            _count = count + 1;
            return;
        }

        GrowAndReturn(item);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowAndReturn(T item)
    {
        Array.Resize(ref _items, _items is null ? 16 : _items.Length * 2);
        _items[_count++] = item;
    }
}
