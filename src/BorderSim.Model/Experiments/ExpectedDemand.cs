using BorderSim.Model.Crossing;

namespace BorderSim.Model.Experiments;

/// <summary>
/// The trucks per day of each class that reach each route, averaged over the run, as the model admits them: a
/// direction's own arrivals and the trucks its origins send it (by a fixed-share rule's shares; for the shortest
/// wait and overflow in proportion to the routes' service rates, where the choice settles when every route is busy),
/// less those a ban turns away at the route, those an origin's park cannot release (<see cref="ParkLoads"/>) and those it holds at their origin past the end of the run (held trucks
/// whose ban ends within the run reach the route then, so they load it), with the trucks a suspension or a ban that
/// diverts sends to another route counted there and those that turn back counted nowhere. The run is cut wherever a
/// ban, diversion or suspension starts or ends, and each piece asks the model which of them is in force
/// (<see cref="CompiledDirection.BanAt"/>, <see cref="CompiledOrigin.SuspensionOf"/>, <see cref="CompiledOrigin.DiversionOf"/>).
/// </summary>
public static class ExpectedDemand
{
    /// <summary>Per direction index and class index: trucks per day reaching the route, over the run.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="parks">Its origins' parks as the load check weighed them (<see cref="ParkLoads.Of"/>), by origin index.</param>
    internal static double[][] TrucksPerDayByClass(CrossingModel model, IReadOnlyList<ParkLoad?> parks)
    {
        ArgumentNullException.ThrowIfNull(model);
        var runHours = model.Clock.RunHours;
        var demand = model.Directions.Select(_ => new double[model.ClassNames.Length]).ToArray();
        // What a park with a daily release limit cannot release waits in it: such an origin's trucks are sent apart,
        // then scaled by the share it releases; the others straight into the demand, as before parks.
        var released = model.Origins.Select(o => parks[o.Index]?.ReleasedShare ?? 1).ToArray();
        var sent = model.Origins.Select(o => released[o.Index] < 1 ? model.Directions.Select(_ => new double[model.ClassNames.Length]).ToArray() : demand).ToArray();
        var cuts = Cuts(model, runHours);
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1]);
            var at = (from + to) / 2;
            foreach (var direction in model.Directions)
            {
                var expected = direction.Arrivals.ExpectedArrivalsByClass(from, to);
                for (var c = 0; c < expected.Length; c++)
                {
                    Reach(demand, direction, c, expected[c], at, runHours);
                }
            }

            foreach (var origin in model.Origins)
            {
                Send(model, origin, sent[origin.Index], origin.Arrivals.ExpectedArrivalsByClass(from, to), at, runHours);
            }
        }

        foreach (var origin in model.Origins.Where(o => released[o.Index] < 1))
        {
            for (var d = 0; d < demand.Length; d++)
            {
                for (var c = 0; c < demand[d].Length; c++)
                {
                    demand[d][c] += sent[origin.Index][d][c] * released[origin.Index];
                }
            }
        }

        var runDays = runHours / 24;
        foreach (var perClass in demand)
        {
            for (var c = 0; c < perClass.Length; c++)
            {
                perClass[c] /= runDays;
            }
        }

        return demand;
    }

    /// <summary>The start, every moment a ban, diversion or suspension starts or ends within the run, and the end of every arrival stream.</summary>
    private static List<double> Cuts(CrossingModel model, double runHours)
    {
        var end = Math.Max(runHours, model.Directions.Select(d => (double)d.Arrivals.Hours).Concat(model.Origins.Select(o => (double)o.Arrivals.Hours)).DefaultIfEmpty(0).Max());
        var times = new List<double> { 0, end };
        times.AddRange(model.Directions.SelectMany(d => d.Bans).SelectMany(b => new[] { b.FromHours, b.UntilHours }));
        times.AddRange(model.Origins.SelectMany(o => o.Diversions).SelectMany(d => new[] { d.FromHours, d.ToHours }));
        times.AddRange(model.Origins.SelectMany(o => o.Suspensions).SelectMany(s => new[] { s.FromHours, s.ToHours }));
        return [.. times.Where(t => t >= 0 && t <= end).Distinct().Order()];
    }

    /// <summary>
    /// Trucks of a class arriving at a route at <paramref name="at"/>: they load it unless a ban turns them away or holds
    /// them past the end of the run; the share such a ban lets through loads it as if there were no ban.
    /// </summary>
    private static void Reach(double[][] demand, CompiledDirection direction, int cargoClass, double trucks, double at, double runHours)
    {
        if (direction.BanAt(cargoClass, at) is { } ban && (ban.TurnsAway || ban.UntilHours >= runHours))
        {
            trucks *= ban.LetThrough;
        }

        if (trucks > 0)
        {
            demand[direction.Index][cargoClass] += trucks;
        }
    }

    /// <summary>An origin's trucks of each class over a piece of the run, sent along the routes of their rule as the simulation sends them.</summary>
    private static void Send(CrossingModel model, CompiledOrigin origin, double[][] demand, double[] expected, double at, double runHours)
    {
        for (var c = 0; c < expected.Length; c++)
        {
            if (origin.RuleByClass[c] is not { } rule || expected[c] <= 0)
            {
                continue;
            }

            var weights = rule.Kind == Spec.RoutingKind.Shares ? rule.Shares : [.. rule.Routes.Select(r => model.Directions[r].ServiceRatePerHour[c])];
            bool IsOpen(int i) => origin.SuspensionOf(rule.Routes[i], at) is null;
            for (var i = 0; i < rule.Routes.Length; i++)
            {
                var trucks = expected[c] * Share(weights, i, _ => true);
                if (IsOpen(i))
                {
                    Divert(model, origin, demand, rule.Routes[i], c, trucks, at, runHours);
                    continue;
                }

                // Suspended: its divert share of drivers take another open route of the rule (the first for overflow,
                // else by the rule's weights among the open ones), the others turn back.
                var diverted = trucks * origin.SuspensionOf(rule.Routes[i], at)!.DivertShare;
                var first = Enumerable.Range(0, rule.Routes.Length).Where(j => j != i && IsOpen(j)).DefaultIfEmpty(-1).First();
                for (var j = 0; j < rule.Routes.Length; j++)
                {
                    var share = rule.Kind == Spec.RoutingKind.Overflow ? (j == first ? 1 : 0) : Share(weights, j, IsOpen);
                    Divert(model, origin, demand, rule.Routes[j], c, diverted * share, at, runHours);
                }
            }
        }
    }

    /// <summary>The share of route <paramref name="i"/> among the routes <paramref name="allowed"/>, by their weights (equal where every weight is 0); 0 for a route not allowed.</summary>
    private static double Share(double[] weights, int i, Func<int, bool> allowed)
    {
        if (!allowed(i))
        {
            return 0;
        }

        var indices = Enumerable.Range(0, weights.Length).Where(allowed).ToList();
        var total = indices.Sum(j => weights[j]);
        return total > 0 ? weights[i] / total : 1.0 / indices.Count;
    }

    /// <summary>Trucks an origin sends to <paramref name="route"/>: a ban that diverts their class sends its share to its other route (if open), the others turn back.</summary>
    private static void Divert(CrossingModel model, CompiledOrigin origin, double[][] demand, int route, int cargoClass, double trucks, double at, double runHours)
    {
        if (trucks <= 0)
        {
            return;
        }

        if (origin.DiversionOf(route, cargoClass, at) is { } diversion)
        {
            if (origin.SuspensionOf(diversion.ToRoute, at) is null)
            {
                Reach(demand, model.Directions[diversion.ToRoute], cargoClass, trucks * (1 - diversion.LetThrough) * diversion.DivertShare, at, runHours);
            }

            // The share let through keeps to its route: each driver's lot goes with it, so the route's own ban lets the
            // same drivers through.
            demand[route][cargoClass] += trucks * diversion.LetThrough;
            return;
        }

        Reach(demand, model.Directions[route], cargoClass, trucks, at, runHours);
    }
}
