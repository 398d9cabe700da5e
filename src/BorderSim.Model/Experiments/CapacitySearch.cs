using System.Globalization;

namespace BorderSim.Model.Experiments;

/// <summary>One demand factor of a capacity search: the demand it gives and the target metric in each replication, in replication order.</summary>
public sealed record CapacityPoint(double Factor, double DemandTrucksPerDay, IReadOnlyList<double> Values)
{
    /// <summary>Whether some replication had no value (e.g. no truck served): the point then counts as missing the target.</summary>
    public bool HasMissingValue => Values.Any(v => !double.IsFinite(v));

    public SampleSummary Summary => Statistics.Summarise(Values);

    public double Mean => Summary.Mean;

    /// <summary>The 95% half-width; 0 with one replication, so that a single replication is judged on its value alone.</summary>
    public double HalfWidth => Summary.Count > 1 ? Summary.HalfWidth95 : 0;

    public double Lower => Mean - HalfWidth;

    public double Upper => Mean + HalfWidth;

    /// <summary>Whether some stage's demand reaches its capacity at this demand (the load check): its queue grows without bound, so no target holds there however its finite run reads.</summary>
    public bool IsOverloaded { get; init; }
}

/// <summary>Where a curve crosses the target: a demand factor, or the search range's end it lies beyond.</summary>
public readonly record struct TargetCrossing(double Factor, bool IsBelowRange, bool IsAboveRange)
{
    public bool IsFound => !IsBelowRange && !IsAboveRange;

    /// <summary>The target still held at the last stable demand tried, so the crossing is the stability limit (where a stage's demand reaches its capacity), not where the curve crosses the target.</summary>
    public bool IsStabilityLimit { get; init; }
}

/// <summary>Where the scenario's own demand (factor 1) stands against the capacity found.</summary>
public enum AsWrittenDemand
{
    /// <summary>Below the whole 95% interval, or not known to be in it.</summary>
    WithinCapacity,

    /// <summary>Inside the 95% interval: the target may or may not hold at the scenario's own demand.</summary>
    AtAboutCapacity,

    /// <summary>Above the whole 95% interval: the target is missed at the scenario's own demand.</summary>
    BeyondCapacity,
}

/// <summary>The answer of a capacity search: the factor where the mean curve crosses the target, and the 95% interval.</summary>
public sealed record CapacityEstimate(TargetCrossing Point, TargetCrossing Low, TargetCrossing High)
{
    /// <summary>
    /// The scenario as written (factor 1) against the interval: beyond when even its optimistic end lies below 1, at
    /// about when the interval holds 1. An end outside the factors tried counts only where that settles it (an end
    /// below a smallest factor tried of at most 1 is below 1; an end above the range is never).
    /// </summary>
    public AsWrittenDemand AsWritten =>
        IsBelowOne(High) ? AsWrittenDemand.BeyondCapacity
        : IsAtOrBelowOne(Low) && !High.IsBelowRange ? AsWrittenDemand.AtAboutCapacity
        : AsWrittenDemand.WithinCapacity;

    private static bool IsBelowOne(TargetCrossing end) => (end.IsFound && end.Factor < 1) || (end.IsBelowRange && end.Factor <= 1);

    private static bool IsAtOrBelowOne(TargetCrossing end) => !end.IsAboveRange && end.Factor <= 1;
}

/// <summary>
/// The largest demand factor at which a target still holds, searched on common random numbers (every factor
/// runs the same seed and replications, so the curve of the mean against the factor is smooth). Three curves
/// are followed: the mean over replications, and the upper and lower ends of its pointwise 95% confidence
/// interval (Student t). The estimate is where the mean curve crosses the target; the interval's ends are where
/// the pessimistic end crosses it (for <c>&lt;=</c> the upper end: below that factor even the upper bound meets
/// the target) and where the optimistic end does. Each crossing is bracketed between the last evaluated factor
/// that meets the target and the first that does not (scanning up, so a curve that wobbles gives the lower,
/// safer crossing) and read off by linear interpolation. The search runs in rounds: a first grid around the
/// saturation factor, then three points in every bracket still wider than the tolerance; a round's factors
/// depend only on earlier rounds' results, so a search is the same whatever the threads and can be resumed.
/// A factor at which some stage's demand reaches its capacity (<see cref="CapacityPoint.IsOverloaded"/>) never meets
/// the target, and no crossing lies above <see cref="StabilityFactor"/>: a target met there in a finite run is met only
/// transiently (<see cref="MetOnlyTransiently"/>).
/// </summary>
public sealed class CapacitySearch
{
    private static readonly double[] FirstGrid = [0.2, 0.4, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1];

    public CapacitySearch(Target target, double startFactor, double relativeTolerance, double maxFactor, int maxRounds = 12, double stabilityFactor = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!(startFactor > 0) || !(relativeTolerance > 0) || !(maxFactor >= startFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(startFactor), "start factor and tolerance must be positive, and the largest factor at least the start");
        }

        Target = target;
        StartFactor = startFactor;
        RelativeTolerance = relativeTolerance;
        MaxFactor = maxFactor;
        MaxRounds = maxRounds;
        StabilityFactor = stabilityFactor;
    }

    /// <summary>
    /// The factor at which the busiest stage's demand reaches its capacity (<see cref="SaturationFactor"/>): no answer
    /// lies above it, as the queue grows without bound from there on whatever a finite run reads.
    /// </summary>
    public double StabilityFactor { get; }

    public Target Target { get; }

    /// <summary>The factor the first grid is built around (where the busiest stage would be fully loaded).</summary>
    public double StartFactor { get; }

    /// <summary>A bracket narrower than this share of its upper end is resolved.</summary>
    public double RelativeTolerance { get; }

    /// <summary>The largest factor tried; a target still met there is reported as "above".</summary>
    public double MaxFactor { get; }

    public int MaxRounds { get; }

    /// <summary>The smallest factor tried; a target missed there is reported as "below".</summary>
    public double MinFactor => StartFactor * 1e-3;

    /// <summary>The factors of the next round (sorted, none evaluated before); empty when the search is done.</summary>
    public IReadOnlyList<double> NextFactors(IReadOnlyList<CapacityPoint> evaluated, int roundsDone)
    {
        ArgumentNullException.ThrowIfNull(evaluated);
        if (evaluated.Count == 0)
        {
            return [.. FirstGrid.Select(g => Round(g * StartFactor)).Where(f => f <= MaxFactor).Distinct()];
        }

        if (roundsDone >= MaxRounds)
        {
            return [];
        }

        var next = new SortedSet<double>();
        foreach (Func<CapacityPoint, double> curve in Curves)
        {
            var (below, above) = Bracket(evaluated, curve);
            if (above is null)
            {
                var largest = evaluated.Max(p => p.Factor);
                if (largest < MaxFactor)
                {
                    foreach (var m in new[] { 1.25, 1.5, 2.0 })
                    {
                        next.Add(Round(Math.Min(MaxFactor, largest * m)));
                    }
                }
            }
            else if (below is null)
            {
                if (above.Factor > MinFactor)
                {
                    foreach (var m in new[] { 0.25, 0.5, 0.75 })
                    {
                        next.Add(Round(Math.Max(MinFactor, above.Factor * m)));
                    }
                }
            }
            else if (above.Factor - below.Factor > RelativeTolerance * above.Factor)
            {
                foreach (var q in new[] { 0.25, 0.5, 0.75 })
                {
                    next.Add(Round(below.Factor + (q * (above.Factor - below.Factor))));
                }
            }
        }

        var known = evaluated.Select(p => p.Factor).ToHashSet();
        return [.. next.Where(f => !known.Contains(f))];
    }

    /// <summary>The estimate from the factors evaluated so far.</summary>
    public CapacityEstimate Estimate(IReadOnlyList<CapacityPoint> evaluated)
    {
        ArgumentNullException.ThrowIfNull(evaluated);
        return new CapacityEstimate(CrossingOf(evaluated, p => p.Mean), CrossingOf(evaluated, Pessimistic), CrossingOf(evaluated, Optimistic));
    }

    /// <summary>Whether the point meets the target on the mean, on both ends of its interval, or is not sure.</summary>
    public string Verdict(CapacityPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.HasMissingValue)
        {
            return "no";
        }

        return IsMetInRun(point, Pessimistic) ? "yes" : IsMetInRun(point, Optimistic) ? "unsure" : "no";
    }

    /// <summary>
    /// The overloaded points at which the runs still meet the target on the mean: met only because a finite run ends
    /// before the growing queue shows; never part of the answer.
    /// </summary>
    public IReadOnlyList<CapacityPoint> MetOnlyTransiently(IReadOnlyList<CapacityPoint> evaluated)
    {
        ArgumentNullException.ThrowIfNull(evaluated);
        return [.. evaluated.Where(p => p.IsOverloaded && IsMetInRun(p, q => q.Mean)).OrderBy(p => p.Factor)];
    }

    private IEnumerable<Func<CapacityPoint, double>> Curves => [Pessimistic, p => p.Mean, Optimistic];

    private double Pessimistic(CapacityPoint p) => Target.IsAtMost ? p.Upper : p.Lower;

    private double Optimistic(CapacityPoint p) => Target.IsAtMost ? p.Lower : p.Upper;

    /// <summary>Whether the target holds at the point: met by its runs, and not overloaded.</summary>
    private bool Holds(CapacityPoint point, Func<CapacityPoint, double> curve) => !point.IsOverloaded && IsMetInRun(point, curve);

    private bool IsMetInRun(CapacityPoint point, Func<CapacityPoint, double> curve) => !point.HasMissingValue && Target.IsMetBy(curve(point));

    private (CapacityPoint? Below, CapacityPoint? Above) Bracket(IReadOnlyList<CapacityPoint> evaluated, Func<CapacityPoint, double> curve)
    {
        CapacityPoint? below = null;
        foreach (var point in evaluated.OrderBy(p => p.Factor))
        {
            if (!Holds(point, curve))
            {
                return (below, point);
            }

            below = point;
        }

        return (below, null);
    }

    private TargetCrossing CrossingOf(IReadOnlyList<CapacityPoint> evaluated, Func<CapacityPoint, double> curve)
    {
        var (below, above) = Bracket(evaluated, curve);
        if (above is null)
        {
            return new TargetCrossing(below?.Factor ?? double.NaN, false, true);
        }

        if (below is null)
        {
            return new TargetCrossing(above.Factor, true, false);
        }

        if (above.IsOverloaded && IsMetInRun(above, curve))
        {
            // Met in the run but overloaded: the target holds up to where the load reaches capacity, no further.
            return new TargetCrossing(Math.Clamp(StabilityFactor, below.Factor, above.Factor), false, false) { IsStabilityLimit = true };
        }

        double low = curve(below), high = curve(above);
        var share = double.IsFinite(high) && high != low ? (Target.Value - low) / (high - low) : 0.5;
        var factor = below.Factor + (Math.Clamp(share, 0, 1) * (above.Factor - below.Factor));
        return factor >= StabilityFactor
            ? new TargetCrossing(Math.Max(below.Factor, StabilityFactor), false, false) { IsStabilityLimit = true }
            : new TargetCrossing(factor, false, false);
    }

    /// <summary>Trucks a day arriving, all directions (empty returns not counted), averaged over the whole run with every factor and surge.</summary>
    public static double ExpectedArrivalsPerDay(Crossing.CrossingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        // Rounded to 1e-6: the integral over the run's hours carries float noise in the last digits.
        return Math.Round(model.Directions.Sum(d => d.Arrivals.ExpectedArrivalsByClass().Sum()) / (model.Clock.RunHours / 24), 6);
    }

    /// <summary>
    /// The factor on all arrivals at which the busiest stage's demand would equal its capacity (the load check);
    /// 1 when no stage has a limit. Waits grow without bound from there on, so a wait target is met below it.
    /// </summary>
    public static double SaturationFactor(Crossing.CrossingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ratio = LoadCheck.For(model).Select(l => l.Ratio).Where(r => r > 0 && double.IsFinite(r)).DefaultIfEmpty(1).Max();
        return 1 / ratio;
    }

    /// <summary>Whether some stage's demand reaches its capacity.</summary>
    public static bool IsOverloaded(Crossing.CrossingModel model) => LoadCheck.For(model).Any(l => l.IsOverloaded);

    /// <summary>Six significant digits, so factors read well in the run list and repeat exactly.</summary>
    private static double Round(double factor) =>
        double.Parse(factor.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
