using BorderSim.Model.Crossing;

namespace BorderSim.Model.Tests;

/// <summary>The trucks in the system: newest first from the head, oldest first from the tail.</summary>
public class LiveTrucksTests
{
    private static Truck NewTruck(long id) => new() { Id = id, Held = null! };

    private static List<long> FromTail(LiveTrucks live)
    {
        var ids = new List<long>();
        for (var truck = live.Tail; truck is not null; truck = truck.PreviousLive)
        {
            ids.Add(truck.Id);
        }

        return ids;
    }

    [Test]
    public void The_tail_is_the_oldest_and_walks_to_the_newest_through_adds_and_removals()
    {
        var live = new LiveTrucks();
        Assert.That(live.Tail, Is.Null, "empty");
        var trucks = Enumerable.Range(0, 5).Select(i => NewTruck(i)).ToArray();
        foreach (var truck in trucks)
        {
            live.Add(truck);
        }

        Assert.That(FromTail(live), Is.EqualTo(new long[] { 0, 1, 2, 3, 4 }));
        live.Remove(trucks[0]); // the oldest
        live.Remove(trucks[2]); // one in the middle
        Assert.That(FromTail(live), Is.EqualTo(new long[] { 1, 3, 4 }));
        live.Remove(trucks[4]); // the newest
        Assert.That(FromTail(live), Is.EqualTo(new long[] { 1, 3 }));
        live.Remove(trucks[1]);
        live.Remove(trucks[3]);
        Assert.That((live.Tail, live.Head, live.Count), Is.EqualTo(((Truck?)null, (Truck?)null, 0)), "empty again");
        live.Add(trucks[2]);
        Assert.That(FromTail(live), Is.EqualTo(new long[] { 2 }), "one truck is head and tail");
    }
}
