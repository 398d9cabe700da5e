using BorderSim.Engine;
using BorderSim.Engine.Randomness;

namespace BorderSim.Model.Crossing;

/// <summary>
/// Trucks already in line react when an event starts (a route suspended for an origin, a ban, an advisory): at the event's start
/// each truck it concerns that waits for a place, a yard turn, a pool unit or a server (not yet in or past its first
/// check or road service) draws its lot from the event's own stream, in the order the trucks entered the system; one
/// whose lot falls below the event's share leaves: its request is cancelled, its wait wakes at once and it gives back
/// everything it holds (<see cref="PhaseContext.GiveUp"/>), counted as left_on_event. Trucks in service, dwelling,
/// held by a ban or refused for the day do not react.
/// </summary>
internal sealed class WaitingReactions(CrossingModel model, RunClock clock, LiveTrucks live, RandomStreams streams, OriginRouting routing, TruckSource source, CrossingRuntime runtime)
{
    /// <summary>The kind of a suspension's reaction (its stream's name).</summary>
    public const string SuspensionKind = "suspension";

    /// <summary>The kind of a ban's reaction (its stream's name).</summary>
    public const string BanKind = "ban";

    /// <summary>The kind of an advisory's reaction (its stream's name).</summary>
    public const string AdvisoryKind = "advisory";

    private readonly List<Truck> _inLine = [];

    private Simulation Sim => clock.Simulation;

    /// <summary>The name of the stream the trucks of the <paramref name="index"/>-th event of <paramref name="kind"/> draw their lots from.</summary>
    public static string StreamName(string kind, int index) => $"waiting-{kind}/{index}";

    /// <summary>Starts the reactions of the scenario's events that start within the run (none when no event has a waiting share).</summary>
    public void Start()
    {
        foreach (var reaction in model.WaitingReactions)
        {
            // An event that started before the run met a line the scenario's backlog already describes.
            if (reaction.AtHours >= 0 && reaction.AtHours < clock.RunHours)
            {
                Sim.Start(React(reaction));
            }
        }
    }

    private IEnumerable<SimEvent> React(CompiledWaitingReaction reaction)
    {
        // Even at the start of the run, after the trucks that start then have asked for their place.
        yield return clock.Until(reaction.AtHours);
        var lots = streams[StreamName(reaction.Kind, reaction.Index)];
        _inLine.Clear();
        foreach (var truck in live.NewestFirst())
        {
            if (reaction.Concerns(truck) && !truck.IsCommitted && truck.DepartsOnEvent == EventDeparture.None && truck.Held.Pending is { IsWaiting: true })
            {
                _inLine.Add(truck);
            }
        }

        _inLine.Sort((a, b) => a.Id.CompareTo(b.Id));
        foreach (var truck in _inLine)
        {
            var lot = lots.NextDouble();
            if (lot < reaction.Leave)
            {
                Leave(truck, EventDeparture.Leaves);
            }
            else if (lot < reaction.Leave + reaction.Move)
            {
                // One lot per truck: a mover's lot, rescaled to [0, 1), chooses among the open routes (as a diverted driver's does).
                var route = routing.OpenRouteInstead(truck.OriginIndex, truck.CargoClass, truck.Direction, (lot - reaction.Leave) / reaction.Move);
                Leave(truck, route >= 0 ? EventDeparture.Moves : EventDeparture.Leaves);
                if (route >= 0)
                {
                    source.Arrive(runtime.Directions[route], truck.CargoClass, truck.LetThroughLot, truck.OriginIndex);
                }
            }
        }

        _inLine.Clear();
    }

    private static void Leave(Truck truck, EventDeparture departure)
    {
        truck.DepartsOnEvent = departure;
        var request = truck.Held.Pending!;
        request.Resource.Cancel(request);
    }
}
