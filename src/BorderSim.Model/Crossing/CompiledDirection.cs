using BorderSim.Engine.Randomness;
using BorderSim.Model.Arrivals;
using BorderSim.Model.Calendars;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Crossing;

public sealed record CompiledDirection(string Name, int Index, ArrivalRates Arrivals, CompiledStage[] Stages)
{
    /// <summary>The journey over <see cref="Stages"/> as a list of phases.</summary>
    public RoutePhase[] Phases { get; } = Route.Phases(Stages);

    /// <summary>Trucks already waiting when the run starts.</summary>
    public CompiledBacklog[] Backlog { get; init; } = [];

    /// <summary>
    /// Per class index, the trucks an hour the route serves at its slowest stage when open: servers (lanes) over
    /// the class's mean service time, the least over its checks and roads (0 if it has none). The routing rule
    /// "shortest expected wait" divides the trucks ahead on the route by it.
    /// </summary>
    public double[] ServiceRatePerHour { get; } = RatesOf(Stages);

    private static double[] RatesOf(CompiledStage[] stages)
    {
        var classes = stages.FirstOrDefault(s => s.HasServers)?.ChannelsByClass.Length ?? 0;
        var rates = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            var rate = double.PositiveInfinity;
            foreach (var stage in stages)
            {
                if (!stage.HasServers || stage.ServersInForce is not { } inForce)
                {
                    continue;
                }

                var mean = stage.ChannelsByClass[c].MeanServiceHours();
                var servers = inForce.Breakpoints.ToArray().Max(s => s.Value.Nominal);
                rate = Math.Min(rate, mean > 0 ? servers / mean : double.PositiveInfinity);
            }

            rates[c] = double.IsPositiveInfinity(rate) ? 0 : rate;
        }

        return rates;
    }

    /// <summary>Bans acting where trucks arrive: turned away, or held at their origin.</summary>
    public CompiledBan[] Bans { get; init; } = [];

    /// <summary>The ban that covers a truck of <paramref name="cargoClass"/> arriving at <paramref name="hours"/> (the first that holds), if any.</summary>
    public CompiledBan? BanAt(int cargoClass, double hours)
    {
        foreach (var ban in Bans)
        {
            if (ban.Holds(cargoClass, hours))
            {
                return ban;
            }
        }

        return null;
    }
}

/// <summary>A ban compiled: from and until (hours; until may be infinite), the classes it covers (by index), and its action.</summary>
public sealed record CompiledBan(double FromHours, double UntilHours, bool[] Classes, BanAction Action, double LetThrough = 0)
{
    public bool Holds(int cargoClass, double hours) => Classes[cargoClass] && hours >= FromHours && hours < UntilHours;

    /// <summary>
    /// Whether the ban turns away the trucks that arrive at the route while it holds: a ban that turns away, and one
    /// that diverts (it acts on the origins' trucks before they reach the route; the route's own arrivals have no
    /// other route to take). Otherwise it holds them at their origin until <see cref="UntilHours"/>.
    /// </summary>
    public bool TurnsAway => Action is BanAction.TurnAway or BanAction.Divert;
}

/// <summary>Trucks of one class waiting at the start: they begin at phase <paramref name="FirstPhase"/> of the route.</summary>
/// <param name="CargoClass">Class index.</param>
/// <param name="Trucks">How many.</param>
/// <param name="AgeHours">How long each has waited already (null = 0).</param>
/// <param name="FirstPhase">The phase where they stand: taking a place at their stage.</param>
/// <param name="IsCommitted">Past a check or road already, so they no longer give up.</param>
public sealed record CompiledBacklog(int CargoClass, int Trucks, Distribution? AgeHours, int FirstPhase, bool IsCommitted);
