using BorderSim.Engine;
using BorderSim.Model.Calendars;

namespace BorderSim.Model.Crossing;

/// <summary>
/// The time of one replication as its collaborators ask for it: now, whether now counts (after the warm-up),
/// which local day of the scenario zone it is, and when the run ends.
/// </summary>
internal sealed class RunClock(Simulation simulation, double warmUpHours, double runHours, LocalDays days)
{
    public Simulation Simulation { get; } = simulation;

    public double NowHours => Simulation.NowHours;

    public double WarmUpHours { get; } = warmUpHours;

    public double RunHours { get; } = runHours;

    /// <summary>Local days of the scenario zone (the last one is the day after the end).</summary>
    public LocalDays Days { get; } = days;

    /// <summary>Whether what happens now is measured (the warm-up is over).</summary>
    public bool IsMeasured => Simulation.NowHours >= WarmUpHours;

    /// <summary>Index of the local day of the scenario zone that contains now.</summary>
    public int Today => Days.IndexAt(Simulation.NowHours);

    /// <summary>A wait until <paramref name="hours"/>, or an hour past the end of the run if that is later (it never comes).</summary>
    public Engine.Timeout Until(double hours) => Simulation.Timeout(Math.Min(hours, RunHours + 1) - Simulation.NowHours);

    /// <summary>Hours to the next local midnight of the scenario zone (an hour past the end on the last day).</summary>
    public double HoursToTomorrow()
    {
        var day = Today;
        return day + 1 < Days.Count ? Math.Max(0, Days.StartOf(day + 1) - NowHours) : Math.Max(0, RunHours - NowHours) + 1;
    }
}
