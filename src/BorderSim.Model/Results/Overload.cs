namespace BorderSim.Model.Results;

/// <summary>
/// What one stage is asked to serve against what it can serve, per day averaged over the run: demand is the
/// expected arrivals of the direction (hourly, weekday, month and surge factors applied; plus empty trucks
/// returning through it), capacity is the stage's open server-hours (or lane-hours) divided by the mean
/// service (or crossing) time of the trucks that use it; for a yard, its places over the mean dwell, or its
/// daily release quota.
/// </summary>
public sealed record StageLoad(string Direction, string Stage, double DemandTrucksPerDay, double CapacityTrucksPerDay)
{
    /// <summary>Demand over capacity; at 1 or above the stage cannot keep up on average, whatever the run's length.</summary>
    public double Ratio => CapacityTrucksPerDay > 0 ? DemandTrucksPerDay / CapacityTrucksPerDay : double.PositiveInfinity;

    public bool IsOverloaded => Ratio >= 1;

    /// <summary>"demand 504 trucks/day >= capacity 480 trucks/day at booth" (or "&lt;" when it keeps up).</summary>
    public string Describe() => string.Format(
        System.Globalization.CultureInfo.InvariantCulture,
        "demand {0:0} trucks/day {1} capacity {2:0} trucks/day at {3}",
        DemandTrucksPerDay, IsOverloaded ? ">=" : "<", CapacityTrucksPerDay, Stage);
}

/// <summary>
/// The verdict on one direction after the run: overloaded when a stage's demand reaches its capacity, or when
/// the trucks in the system grow over the measured period (the 95% interval of the growth over replications
/// lies above zero and the growth is material). An overloaded direction has no steady state: its means
/// depend on the run's length.
/// </summary>
/// <param name="GrowthTrucksPerDay">Mean over replications of the least-squares slope of trucks in the system (daily means, after the warm-up).</param>
/// <param name="GrowthHalfWidth95">Student-t 95% half-width of that mean (NaN with one replication).</param>
/// <param name="BindingStage">The stage closest to its limit: the highest share of open server-hours busy or held back by a cap or quota ("" if none).</param>
/// <param name="Reasons">Why it is overloaded, in words (empty when it is not).</param>
public sealed record DirectionLoad(
    string Direction,
    bool IsOverloaded,
    double GrowthTrucksPerDay,
    double GrowthHalfWidth95,
    string BindingStage,
    IReadOnlyList<string> Reasons)
{
    /// <summary>The binding stage's busy share of its open server-hours (a pool: its units' in-use share of on-duty hours); NaN without one.</summary>
    public double BindingBusyOfOpen { get; init; } = double.NaN;

    /// <summary>The binding stage's share of open server-hours held back by a clearance cap or an appointment quota while trucks waited.</summary>
    public double BindingHeldBackOfOpen { get; init; }
}
