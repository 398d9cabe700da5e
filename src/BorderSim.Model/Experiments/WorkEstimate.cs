using System.Globalization;
using BorderSim.Model.Crossing;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Experiments;

/// <summary>
/// The work a run asks for, known before it starts, in truck-stages (one truck passing one stage): the trucks
/// expected into each direction over the run, times its stages, times the replications. The trucks are those of the
/// compiled model's arrival process as it will run (hourly profile, weekday, month and surge factors, an observed
/// daily series), plus the starting backlog, plus the empties that return through a direction; an origin's trucks
/// count on the longest route it can send them to. Time grows with it; memory grows with the trucks in the system at
/// once, which a replication bounds by itself (<see cref="LiveTrucks.DefaultLimit"/>).
/// </summary>
public static class WorkEstimate
{
    /// <summary>The work of a run of <paramref name="scenario"/> as it stands (its days and replications).</summary>
    public static double TruckStages(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return TruckStages(new CrossingModel(scenario), scenario.Replications);
    }

    /// <summary>The work of <paramref name="replications"/> replications of <paramref name="model"/>.</summary>
    public static double TruckStages(CrossingModel model, int replications)
    {
        ArgumentNullException.ThrowIfNull(model);
        var trucks = TrucksInto(model);
        double perReplication = 0;
        for (var d = 0; d < model.Directions.Length; d++)
        {
            perReplication += trucks[d] * model.Directions[d].Stages.Length;
        }

        foreach (var origin in model.Origins)
        {
            var longestRoute = origin.Routes.Select(r => model.Directions[r].Stages.Length).DefaultIfEmpty(0).Max();
            perReplication += OriginTrucks(model, origin) * longestRoute;
        }

        return perReplication * replications;
    }

    /// <summary>
    /// Per direction, the trucks expected into it over one replication, not counting an origin's: its own arrivals,
    /// its starting backlog and the empties returning through it (the share that returns of every truck into a direction whose destination yard
    /// returns empties, the origins' trucks that may reach it included). Return routes never form a cycle (the reader
    /// refuses one), so passing the returns on once per direction reaches the end of every chain.
    /// </summary>
    private static double[] TrucksInto(CrossingModel model)
    {
        var directions = model.Directions;
        var own = new double[directions.Length];
        for (var d = 0; d < directions.Length; d++)
        {
            own[d] = directions[d].Arrivals.ExpectedArrivals(0, model.Clock.RunHours) + StartingBacklog(directions[d]);
        }

        var fromOrigins = new double[directions.Length];
        foreach (var origin in model.Origins)
        {
            foreach (var route in origin.Routes)
            {
                fromOrigins[route] += OriginTrucks(model, origin);
            }
        }

        var into = (double[])own.Clone();
        for (var pass = 0; pass < directions.Length; pass++)
        {
            var next = (double[])own.Clone();
            for (var d = 0; d < directions.Length; d++)
            {
                if (directions[d].Stages is [.., { EmptyReturn: { Direction: var back, Share: var share } }])
                {
                    next[back] += (into[d] + fromOrigins[d]) * share;
                }
            }

            into = next;
        }

        return into;
    }

    /// <summary>The trucks an origin sends over one replication: its arrivals and the starting backlog of its park.</summary>
    private static double OriginTrucks(CrossingModel model, CompiledOrigin origin) =>
        origin.Arrivals.ExpectedArrivals(0, model.Clock.RunHours) + (origin.Park?.BacklogTrucks ?? 0);

    /// <summary>The trucks a direction's starting backlog puts in the system at once.</summary>
    public static long StartingBacklog(CompiledDirection direction)
    {
        ArgumentNullException.ThrowIfNull(direction);
        return direction.Backlog.Sum(b => (long)b.Trucks);
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> (a user's input, exit 2) when the run is estimated above
    /// <paramref name="maxTruckStages"/>, or when a starting backlog alone is more trucks than a replication holds.
    /// </summary>
    public static void Check(ScenarioSpec scenario, double maxTruckStages)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var model = new CrossingModel(scenario);
        var backlog = model.Directions.Sum(StartingBacklog);
        if (backlog > LiveTrucks.DefaultLimit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(scenario),
                string.Create(CultureInfo.InvariantCulture,
                    $"the starting backlog is {backlog:#,0} trucks, more than the {LiveTrucks.DefaultLimit:#,0} trucks one replication holds at once; lower the backlog's trucks"));
        }

        double estimate = TruckStages(model, scenario.Replications);
        if (estimate > maxTruckStages)
        {
            throw new ArgumentOutOfRangeException(
                nameof(scenario),
                string.Create(CultureInfo.InvariantCulture,
                    $"the run is about {estimate:#,0} truck-stages (the trucks expected with every weekday, month and surge factor and the starting backlog, x stages x replications), above --max-work {maxTruckStages:#,0}; lower trucks_per_day, a surge factor, the backlog or days, or raise --max-work if the run is meant to be this large"));
        }
    }
}
