using BorderSim.Engine;

namespace BorderSim.Model.Crossing;

/// <summary>
/// The rules that decide whether a truck may go on, in one place: bans (at its origin and in yards), a staging
/// yard's daily release quota, the order of the queue for servers (priority and reserved servers), appointment-only
/// days and clearance caps. Each question is "may this truck take this place or server now, and if not, until when".
/// </summary>
internal sealed class Admission(RunClock clock, CrossingRuntime runtime, ClearanceCaps caps, SharedClearanceCaps sharedCaps, AppointmentQuotas appointments)
{
    /// <summary>
    /// The ban at the direction's origin that covers a truck of <paramref name="cargoClass"/> arriving now, if any (not one
    /// that lets it through); <paramref name="letThroughLot"/> is the truck's lot (NaN: drawn here if a ban with a share meets it).
    /// Asked before the truck enters, so a truck a ban holds enters as held at its origin.
    /// </summary>
    public CompiledBan? BanOnArrival(CompiledDirection direction, int cargoClass, ref double letThroughLot)
    {
        foreach (var ban in direction.Bans)
        {
            if (ban.Holds(cargoClass, clock.NowHours) && !LetsThrough(ban, direction.Index, ref letThroughLot))
            {
                return ban;
            }
        }

        return null;
    }

    /// <summary>
    /// NaN if no ban holds the truck in <paramref name="yard"/> now; else when the first ban that holds it ends (another
    /// may hold it from then: ask again).
    /// </summary>
    public double BannedInYardUntilHours(Truck truck, StageRuntime yard)
    {
        foreach (var ban in yard.Stage.BanHolds)
        {
            if (ban.Holds(truck.CargoClass, clock.NowHours) && !LetsThrough(ban, truck))
            {
                return ban.UntilHours;
            }
        }

        return double.NaN;
    }

    /// <summary>
    /// Whether <paramref name="ban"/> lets <paramref name="truck"/> through: its lot, drawn once from its direction's
    /// stream of its own the first time a ban that lets a share through meets it, is below the ban's share.
    /// </summary>
    private bool LetsThrough(CompiledBan ban, Truck truck) => LetsThrough(ban, truck.Direction, ref truck.LetThroughLot);

    private bool LetsThrough(CompiledBan ban, int direction, ref double letThroughLot)
    {
        if (ban.LetThrough <= 0)
        {
            return false;
        }

        if (double.IsNaN(letThroughLot))
        {
            letThroughLot = runtime.Directions[direction].LetThroughStream.NextDouble();
        }

        return letThroughLot < ban.LetThrough;
    }

    /// <summary>Whether the local day's release quota of a staging yard is used up (ask again tomorrow).</summary>
    public bool IsReleaseQuotaUsedUp(StageRuntime yard) =>
        yard.ReleasedPerDay.GetValueOrDefault(clock.Today) >= yard.Stage.ReleaseQuotaPerDay;

    /// <summary>
    /// The truck's request for a server of <paramref name="stage"/>, in its place in the queue: first come, first served;
    /// by its class's rank under a priority order (the request carries the class, so a dated change re-ranks it while it
    /// waits); on servers kept for classes, with its class.
    /// </summary>
    public Request RequestServer(Truck truck, StageRuntime stage)
    {
        var prioritised = stage.Stage.PriorityInForce is not null;
        if (stage.Servers is ReservedResource reserved)
        {
            return reserved.Request(prioritised ? RankOf(truck, stage) : 0, truck.CargoClass);
        }

        if (!prioritised)
        {
            return stage.Servers!.Request();
        }

        var server = ((PriorityResource)stage.Servers!).Request(RankOf(truck, stage));
        server.Tag = truck.CargoClass;
        return server;
    }

    /// <summary>The truck's request for a place in front of <paramref name="stage"/> (a yard's place, a buffer), in its class's rank under the stage's priority order.</summary>
    public Request RequestPlace(Truck truck, StageRuntime stage) => RankedRequest(truck, stage, stage.Places!);

    /// <summary>The truck's request for its turn at the exit of a staging <paramref name="yard"/>, in its class's rank under the yard's priority order.</summary>
    public Request RequestTurn(Truck truck, StageRuntime yard) => RankedRequest(truck, yard, yard.ExitTurn!);

    private Request RankedRequest(Truck truck, StageRuntime stage, Resource resource)
    {
        if (resource is not PriorityResource ranked)
        {
            return resource.Request();
        }

        var request = ranked.Request(RankOf(truck, stage));
        request.Tag = truck.CargoClass;
        return request;
    }

    /// <summary>
    /// NaN if the truck, granted a server of <paramref name="stage"/>, may start service now (it then counts against
    /// the day's quota, cap and shared cap); else when it may ask again: the next local midnight of the appointment
    /// calendar that turned it away (its class excluded, or the day's quota used up), of its shared cap, or of its
    /// clearance cap. A truck its own cap refuses does not spend the shared allowance.
    /// </summary>
    public double RefusedUntilHours(Truck truck, StageRuntime stage)
    {
        if (stage.Stage.AppointmentCalendar is { } calendar && !appointments.Admit(truck, calendar))
        {
            return calendar.NextMidnightAfter(clock.NowHours);
        }

        var shared = stage.Stage.SharedCap;
        if (shared is not null && sharedCaps.IsSpent(shared))
        {
            return sharedCaps.NextDayHours(shared);
        }

        if (stage.Stage.CapsInForce is not null && !caps.Admit(truck, stage))
        {
            return caps.NextDayHours(stage);
        }

        if (shared is not null)
        {
            sharedCaps.Count(shared);
        }

        return double.NaN;
    }

    /// <summary>The truck's priority at the stage now (lower is served first); ties first come, first served.</summary>
    private int RankOf(Truck truck, StageRuntime stage) => stage.Stage.PriorityInForce!.ValueAt(clock.NowHours)[truck.CargoClass];
}
