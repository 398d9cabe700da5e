using System.Globalization;
using NodaTime;

namespace BorderSim.Model.Crossing;

/// <summary>
/// A replication stopped because more trucks were in the system at once than a run holds
/// (<see cref="LiveTrucks.DefaultLimit"/>): arrivals far beyond what the stages clear. It is the scenario's
/// numbers that are wrong for a simulation (an overload that needs no run to show), so the command line reports
/// it as bad input (exit 2) with the numbers to lower.
/// </summary>
public sealed class TrucksInSystemLimitException : Exception
{
    public TrucksInSystemLimitException()
    {
    }

    public TrucksInSystemLimitException(string message)
        : base(message)
    {
    }

    public TrucksInSystemLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The limit, when, and in which direction the most trucks were.</summary>
    internal TrucksInSystemLimitException(int limit, double hours, LocalDate date, string direction, int directionTrucks)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"a replication stopped: {limit:#,0} trucks in the system at once after {hours:0.#} h (on {date:yyyy-MM-dd}; {directionTrucks:#,0} of them in direction '{direction}'), the most one replication holds; arrivals far exceed what the stages clear, an overload that needs no simulation to show. Lower the trucks that reach '{direction}' (its trucks_per_day, a month, weekday or surge factor, its starting backlog or the origins that send trucks to it) or shorten days; the capacity check above shows the stage that cannot keep up"))
    {
        Limit = limit;
        Direction = direction;
    }

    /// <summary>The limit of trucks in the system at once.</summary>
    public int Limit { get; }

    /// <summary>The direction holding the most trucks when it stopped.</summary>
    public string Direction { get; } = "";
}
