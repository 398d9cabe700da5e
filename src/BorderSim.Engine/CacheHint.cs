using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace BorderSim.Engine;

/// <summary>
/// Asks the CPU to bring an object into cache before the kernel needs it. With a long queue the
/// trucks at its head were last touched many thousands of events ago, so granting one costs a
/// chain of cache misses (request → process → iterator); prefetching a few places ahead hides them.
/// </summary>
/// <remarks>
/// A prefetch is only a hint: it never faults, and if the collector moved the object in the
/// meantime the hint is simply wasted. On CPUs without SSE it does nothing.
/// </remarks>
internal static class CacheHint
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch(object? target)
    {
        if (Sse.IsSupported && target is not null)
        {
            var address = (byte*)Unsafe.As<object, nint>(ref target);
            Sse.Prefetch0(address);
            // Kernel objects are up to 104 bytes, which at 8-byte alignment can touch three lines.
            Sse.Prefetch0(address + 64);
            Sse.Prefetch0(address + 127);
        }
    }

    /// <summary>Prefetches the cache line holding <c>array[index]</c>; the index must be in range.</summary>
    /// <remarks>
    /// Takes the array and index rather than a <c>ref</c> to the element: the .NET 10 JIT dropped the
    /// prefetch of a <c>ref</c> argument once inlined into <see cref="Resource"/>'s grant loop (seen
    /// in its Tier-1 disassembly), though it kept it in the method compiled alone.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(T[] array, int index)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index)));
        }
    }
}
