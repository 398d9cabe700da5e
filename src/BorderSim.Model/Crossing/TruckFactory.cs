using BorderSim.Engine.Randomness;

namespace BorderSim.Model.Crossing;

/// <summary>Where a truck comes from: it arrives, it returns empty, or it was waiting when the run started.</summary>
internal enum TruckOrigin
{
    Arrival,
    EmptyReturn,
    Backlog,

    /// <summary>Released by its origin's park: an arrival on its route now, with the patience it drew when it reached the park.</summary>
    Park,
}

/// <summary>
/// Makes a truck and everything it will need drawn on arrival: its channel and service time at every stage, the
/// return time of every pool unit it takes, its patience. Each origin draws from streams of its own, so the trucks
/// that arrive during the run draw what they would without a starting backlog or empties.
/// </summary>
internal sealed class TruckFactory(CrossingModel model, CrossingRuntime runtime, RunClock clock, OutcomeLedger ledger, TruckTrace trace)
{
    private long _nextTruckId;

    /// <summary>
    /// A truck of <paramref name="cargoClass"/> enters <paramref name="direction"/> now, having waited <paramref name="ageHours"/>
    /// already; with <paramref name="heldUntilHours"/> after now, a ban holds it at its origin until then.
    /// </summary>
    public Truck Enter(int direction, int cargoClass, TruckOrigin origin, double ageHours = 0, double heldUntilHours = 0)
    {
        var stages = runtime.Stages[direction];
        var isHeld = heldUntilHours > clock.NowHours;
        var truck = new Truck
        {
            Id = _nextTruckId++,
            Direction = direction,
            CargoClass = cargoClass,
            ArrivedHours = clock.NowHours - ageHours,
            ReachedRouteHours = clock.NowHours - ageHours,
            LoadAgedSinceHours = clock.NowHours - ageHours,

            // Held at its origin, it waits on no route until it sets out (Truck.SetOut), as a truck in an origin's park.
            FreeSinceHours = isHeld ? double.NaN : clock.NowHours - ageHours,
            ServiceHours = new double[stages.Length],
            Channels = new byte[stages.Length],
            Held = new Holding(clock, runtime.Directions[direction]),
            HeldUntilHours = isHeld ? heldUntilHours : 0,
        };

        DrawServices(truck, stages, origin);
        DrawPatience(truck, origin);
        trace.Begin(truck);
        ledger.Entered(truck, isArrival: origin != TruckOrigin.Backlog);
        return truck;
    }

    /// <summary>
    /// A truck its origin's park released now enters <paramref name="direction"/>: an arrival there (services drawn as an
    /// arrival's, its wait and time in the system on the route from now; the park counts its time there) that keeps the
    /// patience it drew when it reached the park, running from then.
    /// </summary>
    public Truck EnterFromPark(int direction, ParkedTruck parked, double heldUntilHours)
    {
        var truck = Enter(direction, parked.CargoClass, TruckOrigin.Park, heldUntilHours: heldUntilHours);
        truck.PatienceDeadlineHours = parked.PatienceDeadlineHours;
        truck.LoadAgedSinceHours = parked.ArrivedHours;
        return truck;
    }

    private void DrawServices(Truck truck, StageRuntime[] stages, TruckOrigin origin)
    {
        for (var s = 0; s < stages.Length; s++)
        {
            var stage = stages[s];
            var services = origin switch
            {
                TruckOrigin.EmptyReturn => stage.EmptyServiceStream,
                TruckOrigin.Backlog => stage.BacklogServiceStream,
                _ => stage.ServiceStream,
            };
            if (stage.Stage.HasServers)
            {
                var table = stage.Stage.ChannelsByClass[truck.CargoClass];
                var channel = table.Names.Length == 1 ? 0 : table.Choose(ChannelStream(stage, origin).NextDouble());
                truck.Channels[s] = (byte)channel;
                truck.ServiceHours[s] = table.Services[channel].Sample(services);
            }
            else if (stage.Stage.Dwell is { } dwell)
            {
                truck.ServiceHours[s] = dwell.Sample(services);
            }

            if (stage.Stage.PoolIndex >= 0 && runtime.Pools[stage.Stage.PoolIndex] is { Pool.ReturnHours: { } returnHours } pool)
            {
                if (truck.PoolReturnHours.Length == 0)
                {
                    truck.PoolReturnHours = new double[stages.Length];
                }

                truck.PoolReturnHours[s] = returnHours.Sample(pool.ReturnStream);
            }
        }
    }

    private static RandomStream ChannelStream(StageRuntime stage, TruckOrigin origin) => origin switch
    {
        TruckOrigin.EmptyReturn => stage.EmptyChannelStream,
        TruckOrigin.Backlog => stage.BacklogChannelStream,
        _ => stage.ChannelStream,
    };

    /// <summary>
    /// The patience in force for the truck's class when it arrives (the class's, or a dated change's from its date);
    /// empties never give up. A truck of the starting backlog draws its patience at the start of the run and it runs
    /// from then: its age says how long it has waited, not how much patience it has left (otherwise every truck older
    /// than its drawn patience would leave at the first instant, a mass exit that no driver makes).
    /// </summary>
    private void DrawPatience(Truck truck, TruckOrigin origin)
    {
        if (origin is TruckOrigin.EmptyReturn or TruckOrigin.Park || model.PatienceInForce[truck.CargoClass].ValueAt(clock.NowHours) is not { } patience)
        {
            return;
        }

        var cargoClass = runtime.Classes[truck.CargoClass];
        var patienceFromHours = origin == TruckOrigin.Backlog ? clock.NowHours : truck.ArrivedHours;
        truck.PatienceDeadlineHours = patienceFromHours + patience.Sample(origin == TruckOrigin.Backlog ? cargoClass.BacklogPatienceStream : cargoClass.PatienceStream);
    }
}
