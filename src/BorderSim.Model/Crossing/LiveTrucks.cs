namespace BorderSim.Model.Crossing;

/// <summary>
/// The trucks in the system now, as a list threaded through the trucks themselves (no allocation per truck):
/// those still there at the end are reported (counts, waits so far, trucks.csv).
/// </summary>
internal sealed class LiveTrucks
{
    /// <summary>The truck that entered last; follow <see cref="Truck.NextLive"/> for the others.</summary>
    public Truck? Head { get; private set; }

    public void Add(Truck truck)
    {
        truck.NextLive = Head;
        if (Head is not null)
        {
            Head.PreviousLive = truck;
        }

        Head = truck;
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
    }
}
