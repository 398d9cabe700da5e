using BorderSim.Model.Crossing;

namespace BorderSim.Model.Tests;

/// <summary>The trucks in the system, per direction: newest first from a head, oldest first from a tail; all of them newest first.</summary>
public class LiveTrucksTests
{
    private static Truck NewTruck(long id, int direction = 0) => new() { Id = id, Direction = direction, Held = null! };

    private static List<long> FromTail(LiveTrucks live, int direction = 0)
    {
        var ids = new List<long>();
        for (var truck = live.TailOf(direction); truck is not null; truck = truck.PreviousLive)
        {
            ids.Add(truck.Id);
        }

        return ids;
    }

    [Test]
    public void The_tail_is_the_oldest_and_walks_to_the_newest_through_adds_and_removals()
    {
        var live = new LiveTrucks(1);
        Assert.That(live.TailOf(0), Is.Null, "empty");
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
        Assert.That((live.TailOf(0), live.HeadOf(0), live.Count), Is.EqualTo(((Truck?)null, (Truck?)null, 0)), "empty again");
        live.Add(trucks[2]);
        Assert.That(FromTail(live), Is.EqualTo(new long[] { 2 }), "one truck is head and tail");
    }

    [Test]
    public void Each_direction_has_its_own_list_and_all_trucks_read_newest_first_across_them()
    {
        var live = new LiveTrucks(3);
        // Entered in id order, directions interleaved; direction 2 stays empty.
        var trucks = new[] { NewTruck(0, 1), NewTruck(1, 0), NewTruck(2, 0), NewTruck(3, 1), NewTruck(4, 0), NewTruck(5, 1) };
        foreach (var truck in trucks)
        {
            live.Add(truck);
        }

        Assert.Multiple(() =>
        {
            Assert.That(FromTail(live, 0), Is.EqualTo(new long[] { 1, 2, 4 }));
            Assert.That(FromTail(live, 1), Is.EqualTo(new long[] { 0, 3, 5 }));
            Assert.That(FromTail(live, 2), Is.Empty);
            Assert.That(live.NewestFirst().Select(t => t.Id), Is.EqualTo(new long[] { 5, 4, 3, 2, 1, 0 }));
            Assert.That(live.Count, Is.EqualTo(6));
        });

        live.Remove(trucks[0]); // direction 1's oldest
        live.Remove(trucks[4]); // direction 0's newest
        Assert.Multiple(() =>
        {
            Assert.That(FromTail(live, 1), Is.EqualTo(new long[] { 3, 5 }));
            Assert.That(live.HeadOf(0)!.Id, Is.EqualTo(2));
            Assert.That(live.NewestFirst().Select(t => t.Id), Is.EqualTo(new long[] { 5, 3, 2, 1 }));
            Assert.That(live.Count, Is.EqualTo(4));
        });
    }
}
