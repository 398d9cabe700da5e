using BorderSim.Model.Arrivals;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Crossing;

/// <summary>An origin compiled for simulation: its arrival rates, its rule per class index (null: the class never comes from it) and its suspensions in simulation hours.</summary>
public sealed record CompiledOrigin(string Name, int Index, ArrivalRates Arrivals, CompiledRule?[] RuleByClass, CompiledSuspension[] Suspensions)
{
    /// <summary>Bans that divert this origin's trucks of some classes from a route to another.</summary>
    public CompiledDiversion[] Diversions { get; init; } = [];

    /// <summary>The origin's parking area, which holds its trucks and releases them into its routing; null: none.</summary>
    public CompiledPark? Park { get; init; }

    /// <summary>Every route (direction index) some rule of the origin may send a truck to, in order.</summary>
    public int[] Routes { get; } = [.. RuleByClass.Where(r => r is not null).SelectMany(r => r!.Routes).Distinct().Order()];

    /// <summary>The suspension of <paramref name="route"/> in force at <paramref name="hours"/>, if any.</summary>
    public CompiledSuspension? SuspensionOf(int route, double hours)
    {
        foreach (var suspension in Suspensions)
        {
            if (suspension.Route == route && suspension.FromHours <= hours && hours < suspension.ToHours)
            {
                return suspension;
            }
        }

        return null;
    }

    /// <summary>The ban that diverts trucks of <paramref name="cargoClass"/> from <paramref name="route"/> at <paramref name="hours"/>, if any.</summary>
    public CompiledDiversion? DiversionOf(int route, int cargoClass, double hours)
    {
        foreach (var diversion in Diversions)
        {
            if (diversion.Holds(route, cargoClass, hours))
            {
                return diversion;
            }
        }

        return null;
    }
}

/// <summary>A routing rule with its routes as direction indices and its shares cumulated.</summary>
public sealed record CompiledRule(RoutingKind Kind, int[] Routes, double[] Shares, int AboveTrucks, double DivertShare, bool OthersTurnBack)
{
    /// <summary>The index in <see cref="Routes"/> drawn by <paramref name="uniform"/> with the shares of the routes <paramref name="allowed"/> (by index), renormalised; the last allowed on round-off.</summary>
    public int Choose(double uniform, Func<int, bool> allowed)
    {
        double total = 0;
        for (var i = 0; i < Routes.Length; i++)
        {
            total += allowed(i) ? Shares[i] : 0;
        }

        double running = 0;
        var last = -1;
        for (var i = 0; i < Routes.Length; i++)
        {
            if (!allowed(i))
            {
                continue;
            }

            last = i;
            running += Shares[i];
            if (uniform * total < running)
            {
                return i;
            }
        }

        return last;
    }
}

/// <summary>A route closed to an origin's trucks from <see cref="FromHours"/> to <see cref="ToHours"/>.</summary>
public sealed record CompiledSuspension(int Route, double FromHours, double ToHours, double DivertShare);

/// <summary>A ban on <see cref="Route"/> for the classes marked in <see cref="Classes"/>: <see cref="DivertShare"/> of the drivers take <see cref="ToRoute"/>, the others turn back.</summary>
public sealed record CompiledDiversion(int Route, double FromHours, double ToHours, bool[] Classes, int ToRoute, double DivertShare)
{
    /// <summary>The share of the banned drivers who keep to <see cref="Route"/> as if there were no ban.</summary>
    public double LetThrough { get; init; }

    public bool Holds(int route, int cargoClass, double hours) => Route == route && Classes[cargoClass] && hours >= FromHours && hours < ToHours;
}
