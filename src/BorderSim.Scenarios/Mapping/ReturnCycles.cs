namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// A returning empty truck meets the yards of the direction it returns through, and a yard with
/// return_empty_via sends it back again: around a cycle of directions it would never leave.
/// </summary>
internal static class ReturnCycles
{
    /// <summary>Reports every return_empty_via that closes a cycle of return routes.</summary>
    public static void Check(Fields f, Names names)
    {
        foreach (var (direction, via, node, field) in names.ReturnRoutes)
        {
            if (via == direction || PathBack(names, via, direction) is not { } path)
            {
                continue;
            }

            f.Error(node, field, $"empty trucks would circulate for ever: {direction} -> {string.Join(" -> ", path)}",
                "a direction that receives returning trucks must not send them back; remove one return_empty_via");
        }
    }

    /// <summary>The directions from <paramref name="from"/> to <paramref name="to"/> along return routes (both included), or null.</summary>
    private static List<string>? PathBack(Names names, string from, string to)
    {
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal) { [from] = null };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == to)
            {
                var path = new List<string>();
                for (string? step = current; step is not null; step = previous[step])
                {
                    path.Insert(0, step);
                }

                return path;
            }

            foreach (var route in names.ReturnRoutes)
            {
                if (route.Direction == current && previous.TryAdd(route.Via, current))
                {
                    queue.Enqueue(route.Via);
                }
            }
        }

        return null;
    }
}
