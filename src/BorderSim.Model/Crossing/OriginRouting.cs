using BorderSim.Engine;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Crossing;

/// <summary>
/// Shared origin streams: trucks of a province's traffic arrive at their origin and each is sent to one of several
/// routes (or turns back) by its class's rule, reacting to suspensions, overflow and bans that divert.
/// </summary>
internal sealed class OriginRouting(CrossingModel model, CrossingRuntime runtime, RunClock clock, TruckSource source, OutcomeLedger ledger)
{
    private Simulation Sim => clock.Simulation;

    /// <summary>Starts the parks (their starting backlog first) and the arrivals of every origin.</summary>
    public void Start()
    {
        foreach (var origin in runtime.Origins)
        {
            if (origin.Origin.Park is { } park)
            {
                origin.Park = new OriginPark(park, origin, clock, model, runtime.Classes, (o, truck) => Send(o, truck.CargoClass, truck));
                origin.Park.Start();
            }

            Sim.Start(Arrivals(origin));
        }
    }

    /// <summary>At the end of the run: the trucks whose patience ran out in a park before <paramref name="endHours"/> have given up there.</summary>
    public void SettleParks(double endHours)
    {
        foreach (var origin in runtime.Origins)
        {
            origin.Park?.Settle(endHours);
        }
    }

    /// <summary>Trucks arrive at the origin and each is sent to a route (or turns back) by its class's rule.</summary>
    private IEnumerable<SimEvent> Arrivals(OriginRuntime origin)
    {
        var rates = origin.Origin.Arrivals;
        while (true)
        {
            var next = rates.NextArrival(Sim.NowHours, origin.ArrivalStream.NextExponential());
            if (double.IsPositiveInfinity(next))
            {
                yield break;
            }

            yield return Sim.Timeout(next - Sim.NowHours);
            var cargoClass = rates.ClassAt(Sim.NowHours, origin.ClassStream.NextDouble());
            if (clock.IsMeasured)
            {
                origin.Arrived++;
            }

            if (origin.Park is { } park)
            {
                park.Arrive(cargoClass);
                continue;
            }

            Send(origin, cargoClass, null);
        }
    }

    /// <summary>
    /// Sends a truck of <paramref name="cargoClass"/> now to a route (or turns it back) by its class's rule: one that has
    /// just arrived at the origin, or one its park releases (<paramref name="parked"/>), which meets the rule, suspensions
    /// and bans as any new arrival does.
    /// </summary>
    private void Send(OriginRuntime origin, int cargoClass, ParkedTruck? parked)
    {
        // Two draws for every truck whatever the rule uses, so the streams stay aligned across alternatives.
        var route = ChooseRoute(origin.Origin, cargoClass, origin.RouteStream.NextDouble(), origin.RouteStream.NextDouble(), out var chosen);
        route = DivertIfBanned(origin, cargoClass, route, out var letThroughLot);
        var measured = clock.IsMeasured;
        if (route < 0)
        {
            if (measured)
            {
                origin.TurnedBack++;
            }

            return;
        }

        if (measured)
        {
            origin.Routed[route]++;

            // Counted once, under the route the rule chose, whichever reactions (a suspension, an overflow, a ban
            // that diverts, or two of them) took the driver elsewhere.
            if (route != chosen)
            {
                origin.Diverted[chosen]++;
            }
        }

        if (route != chosen)
        {
            ledger.Diverted(chosen, cargoClass);
        }

        source.Arrive(runtime.Directions[route], cargoClass, letThroughLot, origin.Origin.Index, parked);
    }

    /// <summary>
    /// The route (direction index) a truck of <paramref name="cargoClass"/> takes now, or −1 if it turns back;
    /// <paramref name="chosen"/> is the route its rule chose before any reaction (an overflow rule's first route), −1
    /// without a rule.
    /// </summary>
    private int ChooseRoute(CompiledOrigin origin, int cargoClass, double choice, double reaction, out int chosen)
    {
        var rule = origin.RuleByClass[cargoClass];
        if (rule is null)
        {
            chosen = -1;
            return -1;
        }

        chosen = rule.Kind switch
        {
            RoutingKind.Shares => rule.Routes[rule.Choose(choice, _ => true)],
            RoutingKind.ShortestWait => ShortestWait(rule, cargoClass, _ => true, choice),
            _ => rule.Routes[0],
        };
        var route = rule.Kind == RoutingKind.Overflow && TrucksAhead(chosen) > rule.AboveTrucks
            ? choice < rule.DivertShare ? rule.Routes[1] : rule.OthersTurnBack ? -1 : chosen
            : chosen;
        if (route < 0 || SuspensionOf(origin, route) is not { } suspension)
        {
            return route;
        }

        // The route is suspended: a share of drivers take another open route of their rule, the others turn back.
        return React(reaction, suspension.DivertShare, rechoice => OpenRouteInstead(origin, rule, cargoClass, route, rechoice));
    }

    /// <summary>
    /// The open route of the origin's rule a truck of <paramref name="cargoClass"/> takes instead of the suspended
    /// <paramref name="route"/> (as a new arrival of that route would), <paramref name="uniform"/> its choice; −1 if none is open.
    /// </summary>
    public int OpenRouteInstead(int originIndex, int cargoClass, int route, double uniform)
    {
        var origin = runtime.Origins[originIndex].Origin;
        return origin.RuleByClass[cargoClass] is { } rule ? OpenRouteInstead(origin, rule, cargoClass, route, uniform) : -1;
    }

    private int OpenRouteInstead(CompiledOrigin origin, CompiledRule rule, int cargoClass, int route, double uniform)
    {
        bool IsOpen(int r) => SuspensionOf(origin, r) is null;
        return rule.Kind switch
        {
            RoutingKind.Shares => rule.Routes.Any(IsOpen) ? rule.Routes[rule.Choose(uniform, i => IsOpen(rule.Routes[i]))] : -1,
            RoutingKind.ShortestWait => ShortestWait(rule, cargoClass, IsOpen, uniform),
            _ => rule.Routes.FirstOrDefault(r => r != route && IsOpen(r), -1),
        };
    }

    /// <summary>
    /// How drivers react when their route is closed to them (a suspension, a ban that diverts): the share
    /// <paramref name="divertShare"/> of them, those whose <paramref name="reaction"/> falls below it, take the route
    /// <paramref name="divert"/> picks with the reaction rescaled to [0, 1); the others turn back (−1).
    /// </summary>
    private static int React(double reaction, double divertShare, Func<double, int> divert) =>
        reaction >= divertShare ? -1 : divert(reaction / divertShare);

    /// <summary>
    /// The route a truck takes when a ban on the route it chose diverts its class: the ban's share of drivers take its
    /// named route if that is open to them (not suspended), the others turn back. The reaction is drawn from a stream of
    /// its own, only for the trucks a ban meets, so the routing draws of every other truck stay as without the ban. A ban
    /// that lets a share through draws each driver's lot (<paramref name="letThroughLot"/>) from another stream of its own.
    /// </summary>
    private int DivertIfBanned(OriginRuntime origin, int cargoClass, int route, out double letThroughLot)
    {
        letThroughLot = double.NaN;
        if (route < 0)
        {
            return route;
        }

        if (origin.Origin.DiversionOf(route, cargoClass, Sim.NowHours) is not { } diversion)
        {
            return route;
        }

        // A share let through keeps to the route; its lot goes with the truck, so the ban on the route's own
        // arrivals lets the same truck through.
        if (diversion.LetThrough > 0)
        {
            letThroughLot = origin.LetThroughStream.NextDouble();
            if (letThroughLot < diversion.LetThrough)
            {
                return route;
            }
        }

        return React(origin.BanStream.NextDouble(), diversion.DivertShare, _ => SuspensionOf(origin.Origin, diversion.ToRoute) is null ? diversion.ToRoute : -1);
    }

    private CompiledSuspension? SuspensionOf(CompiledOrigin origin, int route) => origin.SuspensionOf(route, Sim.NowHours);

    /// <summary>
    /// The open route of the rule with the fewest hours of work ahead (trucks ahead over its service rate); among
    /// routes tied for it, the one <paramref name="uniform"/> picks (drivers told two routes are as quick take
    /// either); −1 if none is open.
    /// </summary>
    private int ShortestWait(CompiledRule rule, int cargoClass, Func<int, bool> isOpen, double uniform)
    {
        var bestHours = double.PositiveInfinity;
        var tied = 0;
        var any = false;
        foreach (var route in rule.Routes)
        {
            if (!isOpen(route))
            {
                continue;
            }

            var hours = HoursAhead(route, cargoClass);
            if (!any || hours < bestHours)
            {
                bestHours = hours;
                tied = 1;
                any = true;
            }
            else if (hours == bestHours)
            {
                tied++;
            }
        }

        if (!any)
        {
            return -1;
        }

        var pick = Math.Min(tied - 1, (int)(uniform * tied));
        foreach (var route in rule.Routes)
        {
            if (isOpen(route) && HoursAhead(route, cargoClass) == bestHours && pick-- == 0)
            {
                return route;
            }
        }

        return -1;
    }

    private double HoursAhead(int route, int cargoClass)
    {
        var rate = model.Directions[route].ServiceRatePerHour[cargoClass];
        return rate > 0 ? TrucksAhead(route) / rate : double.PositiveInfinity;
    }

    /// <summary>Trucks of a route that have not reached their destination: in the system, less those dwelling in the yard that ends it.</summary>
    private double TrucksAhead(int route)
    {
        var stages = runtime.Stages[route];
        var last = stages[^1];
        var delivered = !last.Stage.HasServers && last.Stage.Dwell is not null ? last.Waiting.Current : 0;
        return runtime.Directions[route].InSystem.Current - delivered;
    }
}
