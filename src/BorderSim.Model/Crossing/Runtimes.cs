using BorderSim.Engine.Randomness;
using BorderSim.Engine.Statistics;
using BorderSim.Model.Spec;

namespace BorderSim.Model.Crossing;

/// <summary>A direction's random streams, counters and statistics in one replication.</summary>
internal sealed class DirectionRuntime
{
    private readonly List<int[]> _servedPerDay = [];
    private readonly List<DayCounts[]> _days = [];
    private readonly RandomStreams _streams;
    private RandomStream? _backlogStream;
    private RandomStream? _letThroughStream;
    private RandomStream? _emptyReturnStream;

    public DirectionRuntime(CompiledDirection direction, RandomStreams streams, int classCount)
    {
        Direction = direction;
        ArrivalStream = streams[$"arrivals/{direction.Name}"];
        ClassStream = streams[$"class/{direction.Name}"];
        _streams = streams;
        Arrived = new long[classCount];
        Served = new long[classCount];
        GaveUp = new long[classCount];
        TurnedAway = new long[classCount];
        LeftOnEvent = new long[classCount];
        MovedOnEvent = new long[classCount];
        Diverted = new long[classCount];
        HeldAtOriginByClass = new int[classCount];
        InSystemByClass = new int[classCount];
        HasClass = [.. Enumerable.Range(0, classCount).Select(_ => false)];
    }

    /// <summary>Trucks' lots against bans that let a share through (drawn only when one does).</summary>
    public RandomStream LetThroughStream => _letThroughStream ??= _streams[$"ban-let-through/{Direction.Name}"];

    /// <summary>Lots of the trucks leaving the destination yard against its empty-return share (drawn only when it returns empties).</summary>
    public RandomStream EmptyReturnStream => _emptyReturnStream ??= _streams[$"empty-return/{Direction.Name}"];

    /// <summary>Trucks served at the destination yard that stayed on the far side instead of returning empty.</summary>
    public long NotReturnedEmpty { get; set; }

    /// <summary>Whether trucks of class i use this direction (its arrivals, or empties returning through it).</summary>
    public bool[] HasClass { get; }

    /// <summary>Trucks a ban holds at their origin now, per class: not yet arrived at the route, so in no queue of it.</summary>
    public int[] HeldAtOriginByClass { get; }

    /// <summary>Trucks in the system now, per class (whatever the warm-up).</summary>
    public int[] InSystemByClass { get; }

    /// <summary>Per local day index of the scenario zone and class: arrivals, departures, waits and the backlog at the day's end.</summary>
    public IReadOnlyList<DayCounts[]> Days => _days;

    public ref DayCounts Day(int dayIndex, int cargoClass)
    {
        while (_days.Count <= dayIndex)
        {
            _days.Add(new DayCounts[Arrived.Length]);
        }

        return ref _days[dayIndex][cargoClass];
    }

    public CompiledDirection Direction { get; }

    public RandomStream ArrivalStream { get; }

    public RandomStream ClassStream { get; }

    /// <summary>Ages of the trucks of the starting backlog.</summary>
    public RandomStream BacklogStream => _backlogStream ??= _streams[$"backlog/{Direction.Name}"];

    /// <summary>Trucks of the direction waiting now (not in service, crossing or dwelling), including those on the highway.</summary>
    public int WaitingTrucks { get; set; }

    /// <summary>Whether the run started with trucks already waiting in this direction.</summary>
    public bool HasStartingBacklog { get; set; }

    /// <summary>The first moment no truck of the direction waited, once the starting backlog had been there; NaN until then.</summary>
    public double BacklogClearedAtHours { get; set; } = double.NaN;

    /// <summary>Trucks served (warm-up included) from the start of the run until <see cref="BacklogClearedAtHours"/>.</summary>
    public long ServedWhileBacklog { get; set; }

    public TimeWeightedStatistic InSystem { get; } = new();

    public TimeWeightedStatistic HighwayQueue { get; } = new();

    public long[] Arrived { get; }

    public long[] Served { get; }

    public long[] GaveUp { get; }

    /// <summary>Trucks turned away on arrival by a ban, per class (not in <see cref="GaveUp"/>).</summary>
    public long[] TurnedAway { get; }

    /// <summary>Trucks that left the line when an event started (a suspension, a ban), per class (not in <see cref="GaveUp"/>).</summary>
    public long[] LeftOnEvent { get; }

    /// <summary>Trucks in line moved to another route when their origin's route was suspended, per class.</summary>
    public long[] MovedOnEvent { get; }

    /// <summary>Trucks an origin's rule sent to this route that took another, per class (counted under the route the rule chose).</summary>
    public long[] Diverted { get; }

    public double InSystemAtWarmUp { get; private set; }

    public double ServedTonnes { get; set; }

    public double DelayCostUsd { get; set; }

    public SampleStatistic WaitHours { get; } = new();

    public SampleStatistic TimeInSystemHours { get; } = new();

    /// <summary>Hours each truck a ban held at its origin was held there, counted when it set out for the route after the warm-up.</summary>
    public SampleStatistic HeldAtOriginHours { get; } = new();

    /// <summary>Trucks served per local day index of the scenario zone, per class.</summary>
    public IReadOnlyList<int[]> ServedPerDay => _servedPerDay;

    public void CountServedOn(int dayIndex, int cargoClass)
    {
        while (_servedPerDay.Count <= dayIndex)
        {
            _servedPerDay.Add(new int[Arrived.Length]);
        }

        _servedPerDay[dayIndex][cargoClass]++;
    }

    public void ResetStatistics(double atHours)
    {
        InSystem.Reset(atHours);
        HighwayQueue.Reset(atHours);
        InSystemAtWarmUp = InSystem.Current;
        Array.Clear(Arrived);
        Array.Clear(Served);
        Array.Clear(GaveUp);
        Array.Clear(TurnedAway);
        Array.Clear(LeftOnEvent);
        Array.Clear(MovedOnEvent);
        Array.Clear(Diverted);
        NotReturnedEmpty = 0;
        ServedTonnes = 0;
        DelayCostUsd = 0;
        WaitHours.Reset();
        TimeInSystemHours.Reset();
        HeldAtOriginHours.Reset();
    }
}

/// <summary>One direction's counts for one class on one local day.</summary>
internal struct DayCounts
{
    public int Arrived;
    public int Served;
    public int GaveUp;
    public int TurnedAway;

    /// <summary>Trucks that left the line that day when an event started (not in <see cref="GaveUp"/>).</summary>
    public int LeftOnEvent;

    /// <summary>Trucks that left the line that day for another route when their origin's route was suspended.</summary>
    public int MovedOnEvent;
    public int Diverted;
    public int HeldAtOriginAtEnd;
    public double WaitHoursSum;
    public int BacklogAtEnd;
}

/// <summary>A cargo class's streams and statistics in one replication.</summary>
internal sealed class ClassRuntime(CargoClassSpec spec, RandomStreams streams)
{
    private RandomStream? _backlogPatienceStream;

    public CargoClassSpec Spec { get; } = spec;

    public RandomStream PatienceStream { get; } = streams[$"patience/{spec.Name}"];

    /// <summary>Patience of the trucks of a starting backlog (their own stream: arrivals draw as without a backlog).</summary>
    public RandomStream BacklogPatienceStream => _backlogPatienceStream ??= streams[$"backlog-patience/{Spec.Name}"];

    public SampleStatistic WaitHours { get; } = new();

    public SampleStatistic TimeInSystemHours { get; } = new();

    public long PastShelfLife { get; set; }

    public void ResetStatistics()
    {
        WaitHours.Reset();
        TimeInSystemHours.Reset();
        PastShelfLife = 0;
    }
}

internal static class RandomStreamExtensions
{
    /// <summary>An Exp(1) draw by inversion (one uniform, so streams stay aligned across alternatives).</summary>
    public static double NextExponential(this RandomStream stream) => -Math.Log(1 - stream.NextDouble());
}
