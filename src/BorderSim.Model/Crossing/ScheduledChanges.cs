using BorderSim.Engine;

namespace BorderSim.Model.Crossing;

/// <summary>
/// The dated and hourly changes of a running replication: at each breakpoint of a stage's or pool's schedule, the
/// servers (or units) open and staffed, the priority order of the queue and the reserved servers take their new values.
/// </summary>
internal sealed class ScheduledChanges(CrossingRuntime runtime, Simulation sim)
{
    /// <summary>Starts the changes of every stage's servers, priority order and reservation.</summary>
    public void StartStages()
    {
        foreach (var stages in runtime.Stages)
        {
            foreach (var stage in stages)
            {
                if (stage.Servers is not null && stage.Stage.CapacitySchedule.Length > 1)
                {
                    sim.Start(Servers(stage));
                }

                if (stage.Stage.PrioritySchedule.Length > 1)
                {
                    sim.Start(Priorities(stage));
                }

                if (stage.Stage.ReservationSchedule.Length > 1)
                {
                    sim.Start(Reservations(stage));
                }
            }
        }
    }

    /// <summary>Starts the changes of every pool's units.</summary>
    public void StartPools()
    {
        foreach (var pool in runtime.Pools)
        {
            if (pool.Pool.CapacitySchedule.Length > 1)
            {
                sim.Start(Units(pool));
            }
        }
    }

    private IEnumerable<SimEvent> Servers(StageRuntime stage)
    {
        foreach (var (hours, servers, nominal) in stage.Stage.CapacitySchedule)
        {
            if (hours > sim.NowHours)
            {
                yield return sim.Timeout(hours - sim.NowHours);
            }

            stage.SetServers(servers, nominal);
        }
    }

    private IEnumerable<SimEvent> Units(PoolRuntime pool)
    {
        foreach (var (hours, units, nominal) in pool.Pool.CapacitySchedule)
        {
            if (hours > sim.NowHours)
            {
                yield return sim.Timeout(hours - sim.NowHours);
            }

            pool.SetUnits(units, nominal);
        }
    }

    /// <summary>At each dated change of a stage's priority order, the trucks waiting for its servers take their new ranks.</summary>
    private IEnumerable<SimEvent> Priorities(StageRuntime stage)
    {
        var schedule = stage.Stage.PrioritySchedule;
        for (var b = 1; b < schedule.Length; b++)
        {
            if (schedule[b].Hours > sim.NowHours)
            {
                yield return sim.Timeout(schedule[b].Hours - sim.NowHours);
            }

            var ranks = schedule[b].RankByClass;
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

    /// <summary>At each dated change of a stage's reserved servers, the new reservation holds; trucks in service finish.</summary>
    private IEnumerable<SimEvent> Reservations(StageRuntime stage)
    {
        var schedule = stage.Stage.ReservationSchedule;
        for (var b = 1; b < schedule.Length; b++)
        {
            if (schedule[b].Hours > sim.NowHours)
            {
                yield return sim.Timeout(schedule[b].Hours - sim.NowHours);
            }

            ((ReservedResource)stage.Servers!).SetReservation(schedule[b].Reserved);
        }
    }
}
