using BorderSim.Engine;
using BorderSim.Engine.Randomness;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Crossing;

/// <summary>Shared origin streams: trucks of a province's traffic sent to one of several routes by their class's rule.</summary>
public sealed partial class CrossingReplication
{
    /// <summary>Trucks arrive at the origin and each is sent to a route (or turns back) by its class's rule.</summary>
    private IEnumerable<SimEvent> OriginSource(OriginRuntime origin)
    {
        var rates = origin.Origin.Arrivals;
        while (true)
        {
            var next = rates.NextArrival(_sim.NowHours, origin.ArrivalStream.NextExponential());
            if (double.IsPositiveInfinity(next))
            {
                yield break;
            }

            yield return _sim.Timeout(next - _sim.NowHours);
            var cargoClass = rates.ClassAt(_sim.NowHours, origin.ClassStream.NextDouble());

            // Two draws for every truck whatever the rule uses, so the streams stay aligned across alternatives.
            var route = ChooseRoute(origin.Origin, cargoClass, origin.RouteStream.NextDouble(), origin.RouteStream.NextDouble(), out var chosen);
            route = DivertIfBanned(origin, cargoClass, route);
            var measured = _sim.NowHours >= _warmUpHours;
            if (measured)
            {
                origin.Arrived++;
            }

            if (route < 0)
            {
                if (measured)
                {
                    origin.TurnedBack++;
                }

                continue;
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

            Arrive(_directions[route], cargoClass);
        }
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
        bool IsOpen(int r) => SuspensionOf(origin, r) is null;
        return React(reaction, suspension.DivertShare, rechoice => rule.Kind switch
        {
            RoutingKind.Shares => rule.Routes.Any(IsOpen) ? rule.Routes[rule.Choose(rechoice, i => IsOpen(rule.Routes[i]))] : -1,
            RoutingKind.ShortestWait => ShortestWait(rule, cargoClass, IsOpen, rechoice),
            _ => rule.Routes.FirstOrDefault(r => r != route && IsOpen(r), -1),
        });
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
    /// its own, only for the trucks a ban meets, so the routing draws of every other truck stay as without the ban.
    /// </summary>
    private int DivertIfBanned(OriginRuntime origin, int cargoClass, int route)
    {
        if (route < 0)
        {
            return route;
        }

        foreach (var diversion in origin.Origin.Diversions)
        {
            if (diversion.Holds(route, cargoClass, _sim.NowHours))
            {
                return React(origin.BanStream.NextDouble(), diversion.DivertShare, _ => SuspensionOf(origin.Origin, diversion.ToRoute) is null ? diversion.ToRoute : -1);
            }
        }

        return route;
    }

    private CompiledSuspension? SuspensionOf(CompiledOrigin origin, int route)
    {
        foreach (var suspension in origin.Suspensions)
        {
            if (suspension.Route == route && suspension.FromHours <= _sim.NowHours && _sim.NowHours < suspension.ToHours)
            {
                return suspension;
            }
        }

        return null;
    }

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
        var rate = _model.Directions[route].ServiceRatePerHour[cargoClass];
        return rate > 0 ? TrucksAhead(route) / rate : double.PositiveInfinity;
    }

    /// <summary>Trucks of a route that have not reached their destination: in the system, less those dwelling in the yard that ends it.</summary>
    private double TrucksAhead(int route)
    {
        var stages = _stages[route];
        var last = stages[^1];
        var delivered = !last.Stage.HasServers && last.Stage.Dwell is not null ? last.Waiting.Current : 0;
        return _directions[route].InSystem.Current - delivered;
    }

    private void AddOriginMetrics(List<MetricValue> metrics, double endHours, double measuredDays)
    {
        if (_origins.Length == 0)
        {
            return;
        }

        void Add(MetricDefinition metric, double value, string direction = "", string cargoClass = "", string stage = "") =>
            metrics.Add(new MetricValue(metric.Key(direction, cargoClass, stage), value));

        foreach (var origin in _origins)
        {
            var name = origin.Origin.Name;
            Add(Metrics.OriginArrived, origin.Arrived, stage: name);
            Add(Metrics.OriginTurnedBack, origin.TurnedBack, stage: name);
            foreach (var route in origin.Origin.Routes)
            {
                Add(Metrics.OriginRouted, origin.Routed[route], _model.Directions[route].Name, All, name);
                Add(Metrics.OriginDiverted, origin.Diverted[route], _model.Directions[route].Name, All, name);
            }
        }

        // The whole network: every route (and the empties' directions) together.
        double served = 0, waitSum = 0, waitCount = 0, inSystem = 0;
        foreach (var direction in _directions)
        {
            served += direction.Served.Sum();
            waitSum += direction.WaitHours.Sum;
            waitCount += direction.WaitHours.Count;
            inSystem += direction.InSystem.Current;
        }

        Add(Metrics.NetworkServedPerDay, served / measuredDays);
        Add(Metrics.NetworkWaitHoursMean, waitCount > 0 ? waitSum / waitCount : double.NaN);
        Add(Metrics.NetworkInSystemAtEnd, inSystem);
    }

    /// <summary>An origin's streams and counts in one replication (counts after the warm-up).</summary>
    private sealed class OriginRuntime(CompiledOrigin origin, RandomStreams streams, int directionCount)
    {
        public CompiledOrigin Origin { get; } = origin;

        public RandomStream ArrivalStream { get; } = streams[$"arrivals/origin/{origin.Name}"];

        public RandomStream ClassStream { get; } = streams[$"class/origin/{origin.Name}"];

        public RandomStream RouteStream { get; } = streams[$"route/origin/{origin.Name}"];

        /// <summary>Drivers' reactions to a ban that diverts them (drawn only when one does).</summary>
        public RandomStream BanStream => _banStream ??= streams[$"ban-divert/origin/{Origin.Name}"];

        private RandomStream? _banStream;

        public long Arrived { get; set; }

        public long TurnedBack { get; set; }

        public long[] Routed { get; } = new long[directionCount];

        /// <summary>Per route: trucks whose rule chose it but that took another route (counted in that one's Routed).</summary>
        public long[] Diverted { get; } = new long[directionCount];

        public void ResetStatistics()
        {
            Arrived = 0;
            TurnedBack = 0;
            Array.Clear(Routed);
            Array.Clear(Diverted);
        }
    }
}
