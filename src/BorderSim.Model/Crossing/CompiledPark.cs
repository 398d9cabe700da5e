using BorderSim.Engine.Randomness;
using BorderSim.Model.Calendars;

namespace BorderSim.Model.Crossing;

/// <summary>
/// An origin's parking area compiled for simulation: its places (null: unlimited), its daily release limit (null: none),
/// the calendar whose open hours are its release hours (null: always) and its starting backlog by class index.
/// </summary>
public sealed record CompiledPark(int? Capacity, int? ReleasePerDay, GateCalendar? Calendar, CompiledParkBacklog[] Backlog)
{
    /// <summary>Trucks in the park when the run starts.</summary>
    public int BacklogTrucks => Backlog.Sum(b => b.Trucks);
}

/// <summary><paramref name="Trucks"/> trucks of class index <paramref name="CargoClass"/> in the park at the start, their ages drawn from <paramref name="AgeHours"/> (null: 0).</summary>
public sealed record CompiledParkBacklog(int CargoClass, int Trucks, Distribution? AgeHours);
