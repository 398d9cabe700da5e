using BorderSim.Engine;
using BorderSim.Engine.Randomness;
using BorderSim.Model.Crossing;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Tests;

/// <summary>
/// The oldest-wait series read each direction's old trucks only: a direction's walk stops at its first truck too young
/// to raise its own maximum, whatever the other directions hold.
/// </summary>
public class OldestWaitSamplingTests
{
    // Two directions, one booth each that never opens its doors in time (a day's service), so entered trucks just wait.
    private static ScenarioSpec TwoDirections() => SpecBuilder.Scenario(
        [
            new DirectionSpec("export", SpecBuilder.Flat(0), [SpecBuilder.Check("export_booth", 1, new Deterministic(24))]),
            new DirectionSpec("import", SpecBuilder.Flat(0), [SpecBuilder.Check("import_booth", 1, new Deterministic(24))]),
        ],
        days: 10,
        warmUpHours: 0);

    // Enters one truck at each of the given hours (direction index per entry), none of them served.
    private static IEnumerable<SimEvent> EnterAt(ReplicationParts parts, (double Hours, int Direction)[] entries)
    {
        foreach (var (hours, direction) in entries)
        {
            yield return parts.Simulation.Timeout(hours - parts.Simulation.NowHours);
            parts.Trucks.Enter(direction, 0, TruckOrigin.Arrival);
        }
    }

    private static (TimeSeriesSampler Sampler, Func<string, double> At) SampleAt(double hours, (double Hours, int Direction)[] entries)
    {
        var parts = new ReplicationParts(TwoDirections());
        var sampler = new TimeSeriesSampler(parts.Model, parts.Runtime, parts.Live, parts.Simulation, 0.25, parts.Model.Clock.RunHours);
        parts.Simulation.Start(EnterAt(parts, entries));
        parts.Simulation.Run(hours);
        sampler.SampleNow(hours);
        var index = (int)Math.Round(hours / 0.25);
        return (sampler, key => sampler.ToTimeSeries().Series.Single(s => s.Id == key).Values[index]);
    }

    [Test]
    public void A_long_queue_in_one_direction_is_read_only_up_to_its_oldest_when_the_other_direction_is_empty()
    {
        // 100 export trucks entered at hours 1, 2, ..., 100; none in import. At hour 101 the export's oldest has waited
        // 100 h; the second oldest entered at hour 2 (99 h old) cannot raise it, so the walk stops there: 2 trucks read
        // (the first, and the second to see its age). Before each direction stopped on its own, import's maximum of 0
        // kept the walk going through all 100.
        var entries = Enumerable.Range(1, 100).Select(h => ((double)h, 0)).ToArray();
        var (sampler, at) = SampleAt(101, entries);
        Assert.Multiple(() =>
        {
            Assert.That(at("oldest_wait_hours/export"), Is.EqualTo(100));
            Assert.That(at("oldest_wait_hours/import"), Is.EqualTo(0));
            Assert.That(at("network_oldest_wait_hours"), Is.EqualTo(100));
            Assert.That(sampler.TrucksRead, Is.EqualTo(1), "the oldest export truck; the next one's age stops the walk before its wait is read");
        });
    }

    [Test]
    public void Each_direction_stops_at_its_own_oldest_when_the_directions_interleave()
    {
        // Export trucks at hours 1..50, import trucks at 30.5, 31.5, ..., 79.5, entered in time order (interleaved from
        // hour 30). At hour 100: export's oldest 99 h, import's 69.5 h. Each walk reads its own oldest only; a walk over
        // one list would go on past import's oldest until a truck younger than 69.5 h (entered after 30.5), reading the
        // export trucks of hours 1..30 and more.
        var entries = Enumerable.Range(1, 50).Select(h => ((double)h, 0))
            .Concat(Enumerable.Range(30, 50).Select(h => (h + 0.5, 1)))
            .OrderBy(e => e.Item1).ToArray();
        var (sampler, at) = SampleAt(100, entries);
        Assert.Multiple(() =>
        {
            Assert.That(at("oldest_wait_hours/export"), Is.EqualTo(99));
            Assert.That(at("oldest_wait_hours/import"), Is.EqualTo(69.5));
            Assert.That(at("network_oldest_wait_hours"), Is.EqualTo(99));
            Assert.That(sampler.TrucksRead, Is.EqualTo(2), "one truck per direction");
        });
    }
}
