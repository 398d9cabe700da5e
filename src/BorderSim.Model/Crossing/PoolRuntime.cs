using BorderSim.Engine;
using BorderSim.Engine.Randomness;
using BorderSim.Engine.Statistics;

namespace BorderSim.Model.Crossing;

/// <summary>
/// A pool's units, random stream and statistics in one replication. A unit is in use from the moment a truck
/// takes it until it is back: with its truck, then returning (<see cref="CompiledPool.ReturnHours"/>).
/// </summary>
internal sealed class PoolRuntime
{
    private readonly Simulation _simulation;

    public PoolRuntime(Simulation simulation, CompiledPool pool, RandomStreams streams)
    {
        _simulation = simulation;
        Pool = pool;
        Units = new Resource(simulation, pool.UnitsInForce.Initial.Open);
        NominalUnits = pool.UnitsInForce.Initial.Nominal;
        ReturnStream = streams[$"pool-return/{pool.Name}"];
        Available = new TimeWeightedStatistic(0, Units.Capacity);
        Staffed = new TimeWeightedStatistic(0, Math.Max(NominalUnits, Units.Capacity));
        Units.Changed += _ => Observe();
    }

    public CompiledPool Pool { get; }

    public Resource Units { get; }

    public RandomStream ReturnStream { get; }

    /// <summary>Trucks waiting for a unit.</summary>
    public TimeWeightedStatistic Waiting { get; } = new();

    /// <summary>Units with a truck.</summary>
    public TimeWeightedStatistic WithTruck { get; } = new();

    /// <summary>Units on their way back.</summary>
    public TimeWeightedStatistic Returning { get; } = new();

    /// <summary>Units on duty (the calendar open), plus any still with a truck or returning after closing.</summary>
    public TimeWeightedStatistic Available { get; }

    /// <summary>Units the pool has, on duty or not (at least those in use).</summary>
    public TimeWeightedStatistic Staffed { get; }

    /// <summary>Hours trucks waited for a unit, of the units taken after the warm-up.</summary>
    public SampleStatistic WaitHours { get; } = new();

    /// <summary>Units given back after a trip (not when a truck gave up before its service), after the warm-up.</summary>
    public long Trips { get; set; }

    public int NominalUnits { get; private set; }

    private int _withTruck;
    private int _returning;

    public void Take()
    {
        _withTruck++;
        Observe();
    }

    /// <summary>A unit leaves its truck: it returns (<paramref name="returning"/>) or is free at once.</summary>
    private void LetGo(bool returning)
    {
        _withTruck--;
        if (returning)
        {
            _returning++;
        }

        Observe();
    }

    /// <summary>
    /// A truck gives its unit back: after a trip it returns for <paramref name="returnHours"/> before another truck
    /// can take it; with no return time it is free at once.
    /// </summary>
    public void GiveBack(Request unit, double returnHours)
    {
        LetGo(returning: returnHours > 0);
        if (returnHours > 0)
        {
            _simulation.Start(Return(unit, returnHours));
        }
        else
        {
            Units.Release(unit);
        }
    }

    private IEnumerable<SimEvent> Return(Request unit, double returnHours)
    {
        yield return _simulation.Timeout(returnHours);
        _returning--;
        Observe();
        Units.Release(unit);
    }

    /// <summary>The calendar or a dated change moved the units on duty.</summary>
    public void SetUnits(int onDuty, int nominal)
    {
        NominalUnits = nominal;
        Units.SetCapacity(onDuty);
        Observe();
    }

    private void Observe()
    {
        var now = _simulation.NowHours;
        var available = Math.Max(Units.Capacity, Units.InUse);
        WithTruck.Observe(now, _withTruck);
        Returning.Observe(now, _returning);
        Available.Observe(now, available);
        Staffed.Observe(now, Math.Max(NominalUnits, available));
    }

    public void ResetStatistics(double atHours)
    {
        Waiting.Reset(atHours);
        WithTruck.Reset(atHours);
        Returning.Reset(atHours);
        Available.Reset(atHours);
        Staffed.Reset(atHours);
        WaitHours.Reset();
        Trips = 0;
    }
}
