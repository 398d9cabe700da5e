using System.Globalization;
using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using BorderSim.Reporting;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>
/// A capacity study: the largest demand at which a target still holds. Demand is the scaled values (every direction's
/// trucks_per_day unless paths are given) times a factor; <see cref="CapacitySearch"/> chooses the factors of each
/// round, <see cref="SearchRunner"/> runs their replications (parallel, resumable, shardable), and the points found
/// give the estimate with its 95% interval, demand read off linearly between factors.
/// </summary>
public sealed class CapacityStudy
{
    private readonly CapacitySearch _search;
    private readonly List<CapacityPoint> _points = [];
    private readonly List<CapacityRow> _rows = [];

    /// <param name="scenario">The scenario as written, with the command's --set values.</param>
    /// <param name="target">The requirement.</param>
    /// <param name="scaled">The values scaled with demand and their values in <paramref name="scenario"/>.</param>
    /// <param name="replications">Replications per factor.</param>
    /// <param name="tolerance">Stop refining when every bracket is narrower than this share of demand.</param>
    /// <param name="maxFactor">The largest factor tried.</param>
    public CapacityStudy(ScenarioSpec scenario, Target target, IReadOnlyList<(string Path, double Base)> scaled, int replications, double tolerance, double maxFactor)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(scaled);
        Target = target;
        Scaled = scaled;
        Replications = replications;
        var model = new CrossingModel(scenario);
        SaturationFactor = CapacitySearch.SaturationFactor(model);
        AsWrittenTrucksPerDay = CapacitySearch.ExpectedArrivalsPerDay(model);
        _search = new CapacitySearch(target, Math.Min(SaturationFactor, maxFactor), tolerance, maxFactor, stabilityFactor: SaturationFactor);
    }

    public Target Target { get; }

    public IReadOnlyList<(string Path, double Base)> Scaled { get; }

    /// <summary>The scaled paths, the run list's swept columns.</summary>
    public string[] Paths => [.. Scaled.Select(s => s.Path)];

    public int Replications { get; }

    /// <summary>The factor at which the busiest stage's demand reaches its capacity.</summary>
    public double SaturationFactor { get; }

    /// <summary>The expected arrivals a day of the scenario as written (factor 1).</summary>
    public double AsWrittenTrucksPerDay { get; }

    /// <summary>Every factor evaluated, in the order evaluated.</summary>
    public IReadOnlyList<CapacityPoint> Points => _points;

    /// <summary>capacity.csv's evaluated rows: a point, its scaled values, whether it meets the target, whether it is overloaded.</summary>
    public IReadOnlyList<CapacityRow> Rows => _rows;

    /// <summary>Rounds run so far.</summary>
    public int Rounds { get; private set; }

    /// <summary>The scenario of the last factor loaded (its days and warm-up are every factor's).</summary>
    public ScenarioSpec? Measured { get; private set; }

    /// <summary>
    /// The values to scale: <paramref name="scalePaths"/> read from the file (with <paramref name="sets"/>), each a positive
    /// number given once, or every direction's trucks_per_day when none is given; mistakes added to <paramref name="errors"/>.
    /// </summary>
    public static List<(string Path, double Base)> ScaledValues(string file, IReadOnlyList<ScenarioOverride> sets, IReadOnlyList<string> scalePaths, ScenarioSpec scenario, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(scalePaths);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(errors);
        var scaled = new List<(string Path, double Base)>();
        if (scalePaths.Count == 0)
        {
            scaled.AddRange(scenario.Directions.Select(d => ($"directions.{d.Name}.arrivals.trucks_per_day", d.Arrivals.TrucksPerDay)));
        }

        foreach (string path in scalePaths)
        {
            string? text = ScenarioReader.ScalarAt(file, sets, path, out string problem);
            if (text is null)
            {
                errors.Add($"--scale {path}: {problem}");
            }
            else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || !double.IsFinite(value))
            {
                errors.Add($"--scale {path}: its value '{text}' is not a positive number, so it cannot be scaled with demand");
            }
            else if (scaled.Any(s => s.Path == path))
            {
                errors.Add($"--scale {path}: given twice");
            }
            else
            {
                scaled.Add((path, value));
            }
        }

        return scaled;
    }

    /// <summary>The configuration at <paramref name="factor"/>: every scaled value times it (rounded to 6 decimals).</summary>
    public SearchConfig ConfigAt(double factor) => new([.. Scaled.Select(s => (s.Path, Format(s.Base * factor)))]);

    /// <summary>
    /// Runs rounds until the search has its answer: <see cref="RoundStatus.Done"/>, or the status of the round that
    /// stopped it. A factor whose scenario does not load adds its errors to <paramref name="errors"/> and stops the
    /// search before its round runs (<see cref="RoundStatus.Failed"/>).
    /// </summary>
    public RoundStatus Run(SearchRunner runner, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(errors);
        while (_search.NextFactors(_points, Rounds) is { Count: > 0 } factors)
        {
            Rounds++;
            var round = new List<SearchRun>();
            var specs = new Dictionary<double, ScenarioSpec>();
            foreach (double factor in factors)
            {
                if (runner.Scenario(ConfigAt(factor), errors) is not { } spec)
                {
                    continue;
                }

                specs[factor] = spec;
                Measured = spec;
                round.AddRange(Enumerable.Range(0, Replications).Select(r => new SearchRun(ConfigAt(factor), r)));
            }

            if (errors.Count > 0)
            {
                return RoundStatus.Failed;
            }

            if (runner.RunRound(Rounds, round) is var status && status != RoundStatus.Done)
            {
                return status;
            }

            foreach (double factor in factors)
            {
                AddPoint(runner, factor, specs[factor]);
            }
        }

        return RoundStatus.Done;
    }

    /// <summary>Whether no run reported the target's metric at any factor (no truck of its direction or class served).</summary>
    public bool NothingReported => _rows.All(r => r.Point.Values.All(v => !double.IsFinite(v)));

    /// <summary>The estimate and its 95% interval, as factors.</summary>
    public CapacityEstimate Estimate() => _search.Estimate(_points);

    /// <summary>The factors at which the target is met only because the runs end before an overloaded queue shows.</summary>
    public IReadOnlyList<CapacityPoint> MetOnlyTransiently() => _search.MetOnlyTransiently(_points);

    /// <summary>The demand (trucks a day) at a crossing found; NaN when it lies outside the factors tried.</summary>
    public double DemandAt(TargetCrossing crossing) =>
        double.IsFinite(crossing.Factor) ? Interpolate(crossing.Factor) : double.NaN;

    /// <summary>The demand at a crossing found, or null when it lies outside the factors tried.</summary>
    public double? Found(TargetCrossing crossing) =>
        crossing.IsFound ? DemandAt(crossing) : null;

    /// <summary>The demand at the saturation factor, when some factor tried reaches it.</summary>
    public double? SaturationDemand => _points.Any(p => p.Factor >= SaturationFactor) ? Interpolate(SaturationFactor) : null;

    /// <summary>The answer's three rows of capacity.csv: the estimate and the ends of its interval, with their demands.</summary>
    public (string Kind, TargetCrossing Crossing, double Demand)[] Answer(CapacityEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return
        [
            ("capacity", estimate.Point, DemandAt(estimate.Point)),
            ("ci95_low", estimate.Low, DemandAt(estimate.Low)),
            ("ci95_high", estimate.High, DemandAt(estimate.High)),
        ];
    }

    private void AddPoint(SearchRunner runner, double factor, ScenarioSpec spec)
    {
        SearchConfig config = ConfigAt(factor);
        double[] values = [.. Enumerable.Range(0, Replications).Select(r =>
            runner.ValuesOf(new SearchRun(config, r)).TryGetValue(Target.MetricId, out double v) ? v : double.NaN)];
        var specModel = new CrossingModel(spec);
        var point = new CapacityPoint(factor, CapacitySearch.ExpectedArrivalsPerDay(specModel), values) { IsOverloaded = CapacitySearch.IsOverloaded(specModel) };
        _points.Add(point);
        _rows.Add(new CapacityRow(point, [.. config.Settings.Select(s => s.Value)], _search.Verdict(point), point.IsOverloaded));
    }

    /// <summary>Demand at a factor between evaluated ones: linear, as demand is linear in the factor when every scaled value is.</summary>
    private double Interpolate(double factor)
    {
        List<CapacityPoint> sorted = [.. _points.OrderBy(p => p.Factor)];
        CapacityPoint below = sorted.LastOrDefault(p => p.Factor <= factor) ?? sorted[0];
        CapacityPoint above = sorted.FirstOrDefault(p => p.Factor >= factor) ?? sorted[^1];
        return above.Factor == below.Factor
            ? below.DemandTrucksPerDay
            : below.DemandTrucksPerDay + ((factor - below.Factor) / (above.Factor - below.Factor) * (above.DemandTrucksPerDay - below.DemandTrucksPerDay));
    }

    private static string Format(double value) => Math.Round(value, 6).ToString("R", CultureInfo.InvariantCulture);
}
