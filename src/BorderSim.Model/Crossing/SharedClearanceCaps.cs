using BorderSim.Engine.Randomness;

namespace BorderSim.Model.Crossing;

/// <summary>
/// The replication's count of each shared cap: trucks that started today at any of its checks, and today's
/// allowance (drawn once a day from a stream of its own when it is a range). One per replication, never shared.
/// </summary>
internal sealed class SharedClearanceCaps(CrossingModel model, RunClock clock, RandomStreams streams)
{
    private readonly int[] _day = [.. model.SharedCaps.Select(_ => -1)];
    private readonly int[] _used = new int[model.SharedCaps.Length];
    private readonly int[] _allowance = new int[model.SharedCaps.Length];

    /// <summary>Whether today's allowance of <paramref name="cap"/> is spent (its checks hold their trucks until the next local midnight).</summary>
    public bool IsSpent(CompiledSharedCap cap)
    {
        var day = cap.Days.IndexAt(clock.NowHours);
        if (day != _day[cap.Index])
        {
            _day[cap.Index] = day;
            _used[cap.Index] = 0;
            _allowance[cap.Index] = AllowanceOn(cap, day);
        }

        return _used[cap.Index] >= _allowance[cap.Index];
    }

    /// <summary>Counts a truck that starts now at one of the cap's checks (asked <see cref="IsSpent"/> first).</summary>
    public void Count(CompiledSharedCap cap) => _used[cap.Index]++;

    /// <summary>The next local midnight of the cap's days (an hour past the end on the last day).</summary>
    public double NextDayHours(CompiledSharedCap cap)
    {
        var day = cap.Days.IndexAt(clock.NowHours);
        return day + 1 < cap.Days.Count ? Math.Max(clock.NowHours, cap.Days.StartOf(day + 1)) : Math.Max(clock.NowHours, clock.RunHours) + 1;
    }

    /// <summary>A fixed allowance, or one drawn from its range from a stream named after the cap and the day, so it does not depend on who asks first.</summary>
    private int AllowanceOn(CompiledSharedCap cap, int day)
    {
        var range = cap.TrucksPerDay;
        return range.IsFixed ? range.Min : range.Min + (int)Math.Floor(streams[$"shared_cap/{cap.Name}/{day}"].NextDouble() * (range.Max - range.Min + 1));
    }
}
