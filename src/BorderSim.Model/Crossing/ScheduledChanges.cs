using BorderSim.Engine;
using BorderSim.Model.Calendars;

namespace BorderSim.Model.Crossing;

/// <summary>
/// What changes by date or hour while a replication runs: each stage's servers (open and staffed), its queue's
/// priority order and its reserved servers, and each pool's units, all following their compiled
/// <see cref="Schedule{T}"/> in one way: at each breakpoint, its value is applied.
/// </summary>
internal sealed class ScheduledChanges(CrossingRuntime runtime, Simulation sim)
{
    /// <summary>Starts following every stage's schedules that change.</summary>
    public void StartStages()
    {
        foreach (var stages in runtime.Stages)
        {
            foreach (var stage in stages)
            {
                if (stage.Servers is not null)
                {
                    Follow(stage.Stage.ServersInForce, servers => stage.SetServers(servers.Open, servers.Nominal));
                }

                // The first priority order and reservation are the servers' own from the start.
                Follow(stage.Stage.PriorityInForce, ranks => Reprioritize(stage, ranks), fromBreakpoint: 1);
                Follow(stage.Stage.ReservedInForce, reserved => ((ReservedResource)stage.Servers!).SetReservation(reserved), fromBreakpoint: 1);
            }
        }
    }

    /// <summary>Starts following every pool's units where they change.</summary>
    public void StartPools()
    {
        foreach (var pool in runtime.Pools)
        {
            Follow(pool.Pool.UnitsInForce, units => pool.SetUnits(units.Open, units.Nominal));
        }
    }

    /// <summary>A process applying each breakpoint of <paramref name="schedule"/> from <paramref name="fromBreakpoint"/> at its hour, if the schedule changes at all.</summary>
    private void Follow<T>(Schedule<T>? schedule, Action<T> apply, int fromBreakpoint = 0)
    {
        if (schedule is { Changes: true })
        {
            sim.Start(schedule.Follow(sim, apply, fromBreakpoint));
        }
    }

    /// <summary>At a dated change of a stage's priority order, the trucks waiting for its places and servers take their new ranks.</summary>
    private static void Reprioritize(StageRuntime stage, int[] ranks)
    {
        (stage.Places as PriorityResource)?.Reprioritize(request => ranks[request.Tag]);
        if (stage.Servers is null)
        {
            return;
        }

        if (stage.Servers is ReservedResource reserved)
        {
            reserved.Reprioritize(request => ranks[request.Tag]);
        }
        else
        {
            ((PriorityResource)stage.Servers!).Reprioritize(request => ranks[request.Tag]);
        }
    }
}
