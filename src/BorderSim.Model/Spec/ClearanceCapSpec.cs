namespace BorderSim.Model.Spec;

/// <summary>A number of trucks a day: fixed (<see cref="Min"/> = <see cref="Max"/>) or drawn each local day, uniformly among the whole numbers from <see cref="Min"/> to <see cref="Max"/>.</summary>
public sealed record TrucksPerDayRange(int Min, int Max)
{
    public bool IsFixed => Min == Max;

    public override string ToString() => IsFixed ? $"{Min}" : $"{Min}-{Max}";
}

/// <summary>
/// A clearance cap: at most so many trucks a local day start service at a check or road, in all
/// (<paramref name="Total"/>, null = no total) and per class (<paramref name="ByClass"/>; a class not named
/// has no cap of its own). <see cref="None"/> lifts every cap. Zero is allowed: nothing is accepted that day.
/// </summary>
public sealed record ClearanceCapSpec(TrucksPerDayRange? Total, IReadOnlyDictionary<string, TrucksPerDayRange> ByClass)
{
    public static ClearanceCapSpec None { get; } = new(null, new Dictionary<string, TrucksPerDayRange>());

    public bool IsNone => Total is null && ByClass.Count == 0;
}
