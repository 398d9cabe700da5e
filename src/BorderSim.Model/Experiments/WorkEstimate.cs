using System.Globalization;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Experiments;

/// <summary>
/// The work a run asks for, known before it starts: for each direction trucks a day × days × stages, times the
/// replications, in truck-stages (one truck passing one stage); an origin's trucks a day count on the longest route
/// its rules can send them to (the routes it feeds need no arrivals of their own). Time and memory grow with it.
/// Factors (weekday, month, surges) and returning empty trucks are left out: it is an order of magnitude, not a forecast.
/// </summary>
public static class WorkEstimate
{
    public static double TruckStages(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        double perReplication = scenario.Directions.Sum(d => d.Arrivals.TrucksPerDay * scenario.Days * d.Stages.Count);
        foreach (var origin in scenario.Origins)
        {
            int longestRoute = scenario.Directions
                .Where(d => origin.Rules.Any(r => r.Routes.Contains(d.Name)))
                .Select(d => d.Stages.Count)
                .DefaultIfEmpty(0)
                .Max();
            perReplication += origin.Arrivals.TrucksPerDay * scenario.Days * longestRoute;
        }

        return perReplication * scenario.Replications;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> (a user's input, exit 2) when the run is estimated above <paramref name="maxTruckStages"/>.</summary>
    public static void Check(ScenarioSpec scenario, double maxTruckStages)
    {
        double estimate = TruckStages(scenario);
        if (estimate > maxTruckStages)
        {
            throw new ArgumentOutOfRangeException(
                nameof(scenario),
                string.Create(CultureInfo.InvariantCulture,
                    $"the run is about {estimate:#,0} truck-stages (trucks a day x days x stages x replications), above --max-work {maxTruckStages:#,0}; check trucks_per_day and days, or raise --max-work if the run is meant to be this large"));
        }
    }
}
