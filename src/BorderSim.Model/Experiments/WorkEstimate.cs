using System.Globalization;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Experiments;

/// <summary>
/// The work a run asks for, known before it starts: for each direction trucks a day × days × stages, times the
/// replications, in truck-stages (one truck passing one stage). Time and memory grow with it. Factors
/// (weekday, month, surges) and returning empty trucks are left out: it is an order of magnitude, not a forecast.
/// </summary>
public static class WorkEstimate
{
    public static double TruckStages(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        double perReplication = scenario.Directions.Sum(d => d.Arrivals.TrucksPerDay * scenario.Days * d.Stages.Count);
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
