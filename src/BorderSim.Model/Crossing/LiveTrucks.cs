namespace BorderSim.Model.Crossing;

/// <summary>
/// The trucks in the system now, one list per direction threaded through the trucks themselves (no allocation per
/// truck): those still there at the end are reported (counts, waits so far, trucks.csv), and each direction's oldest
/// wait is read from its own list. Their number is bounded (<see cref="Limit"/>): a queue of millions is an overload to
/// report, not to hold in memory.
/// </summary>
/// <remarks>
/// Trucks enter in the order of their ids (<see cref="TruckFactory"/> numbers them as they enter), so a direction's list
/// is the entry order of its trucks, and <see cref="NewestFirst"/> merges the lists back into the entry order of all.
/// </remarks>
internal sealed class LiveTrucks
{
    /// <summary>Trucks one replication holds at once (<see cref="Experiments.RunOptions.MaxTrucksInSystem"/>).</summary>
    public const int DefaultLimit = Experiments.RunOptions.MaxTrucksInSystem;

    private readonly Truck?[] _heads;
    private readonly Truck?[] _tails;

    public LiveTrucks(int directions, int limit = DefaultLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(directions);
        Limit = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), "the limit of trucks in the system must be at least 1");
        _heads = new Truck?[directions];
        _tails = new Truck?[directions];
    }

    /// <summary>The most trucks in the system at once; one more stops the replication.</summary>
    public int Limit { get; }

    /// <summary>Trucks in the system now.</summary>
    public int Count { get; private set; }

    /// <summary>Whether one more truck would pass <see cref="Limit"/>.</summary>
    public bool IsFull => Count >= Limit;

    /// <summary>The truck of <paramref name="direction"/> that entered last; follow <see cref="Truck.NextLive"/> for its earlier ones.</summary>
    public Truck? HeadOf(int direction) => _heads[direction];

    /// <summary>The truck of <paramref name="direction"/> that entered first; follow <see cref="Truck.PreviousLive"/> for its later ones.</summary>
    public Truck? TailOf(int direction) => _tails[direction];

    /// <summary>Every truck in the system, the last to enter first (the directions' lists merged by id).</summary>
    public IEnumerable<Truck> NewestFirst()
    {
        var cursors = (Truck?[])_heads.Clone();
        while (true)
        {
            var newest = -1;
            for (var d = 0; d < cursors.Length; d++)
            {
                if (cursors[d] is { } truck && (newest < 0 || truck.Id > cursors[newest]!.Id))
                {
                    newest = d;
                }
            }

            if (newest < 0)
            {
                yield break;
            }

            var next = cursors[newest]!;
            cursors[newest] = next.NextLive;
            yield return next;
        }
    }

    public void Add(Truck truck)
    {
        var d = truck.Direction;
        var head = _heads[d];
        truck.NextLive = head;
        truck.PreviousLive = null;
        if (head is not null)
        {
            head.PreviousLive = truck;
        }
        else
        {
            _tails[d] = truck;
        }

        _heads[d] = truck;
        Count++;
    }

    public void Remove(Truck truck)
    {
        var d = truck.Direction;
        if (truck.PreviousLive is null)
        {
            _heads[d] = truck.NextLive;
        }
        else
        {
            truck.PreviousLive.NextLive = truck.NextLive;
        }

        if (truck.NextLive is not null)
        {
            truck.NextLive.PreviousLive = truck.PreviousLive;
        }
        else
        {
            _tails[d] = truck.PreviousLive;
        }

        Count--;
    }
}
