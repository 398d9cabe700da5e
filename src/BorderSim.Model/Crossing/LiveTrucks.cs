namespace BorderSim.Model.Crossing;

/// <summary>
/// The trucks in the system now, as a list threaded through the trucks themselves (no allocation per truck):
/// those still there at the end are reported (counts, waits so far, trucks.csv). Their number is bounded
/// (<see cref="Limit"/>): a queue of millions is an overload to report, not to hold in memory.
/// </summary>
internal sealed class LiveTrucks(int limit = LiveTrucks.DefaultLimit)
{
    /// <summary>Trucks one replication holds at once (<see cref="Experiments.RunOptions.MaxTrucksInSystem"/>).</summary>
    public const int DefaultLimit = Experiments.RunOptions.MaxTrucksInSystem;

    /// <summary>The most trucks in the system at once; one more stops the replication.</summary>
    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), "the limit of trucks in the system must be at least 1");

    /// <summary>The truck that entered last; follow <see cref="Truck.NextLive"/> for the others.</summary>
    public Truck? Head { get; private set; }

    /// <summary>The truck that entered first (the oldest entry); follow <see cref="Truck.PreviousLive"/> for the later ones.</summary>
    public Truck? Tail { get; private set; }

    /// <summary>Trucks in the system now.</summary>
    public int Count { get; private set; }

    /// <summary>Whether one more truck would pass <see cref="Limit"/>.</summary>
    public bool IsFull => Count >= Limit;

    public void Add(Truck truck)
    {
        truck.NextLive = Head;
        truck.PreviousLive = null;
        if (Head is not null)
        {
            Head.PreviousLive = truck;
        }
        else
        {
            Tail = truck;
        }

        Head = truck;
        Count++;
    }

    public void Remove(Truck truck)
    {
        if (truck.PreviousLive is null)
        {
            Head = truck.NextLive;
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
            Tail = truck.PreviousLive;
        }

        Count--;
    }
}
