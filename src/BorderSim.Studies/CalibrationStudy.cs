using BorderSim.Model.Spec;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace BorderSim.Studies;

/// <summary>
/// Fits unknown values of a scenario to its observations. The discrepancy of a candidate is
/// D = Σ over observations of ((model mean − observed) / scale)², the model mean over R replications on common random
/// numbers (replication r of every candidate uses the same seed and streams, so D is a deterministic function of the
/// values and differences between candidates are not drowned in replication noise). The scale of an observation is
/// the model's prediction standard deviation for one day, s · √(1 + 1/R) over the replications (s the sample standard
/// deviation), at least 1 truck (0.1 km): an observed day is one realisation of the model, so with the right values
/// each term is about a squared standard normal and D is −2 log-likelihood up to a constant. The search uses the
/// scale at the scenario's own values; the fit and the intervals use the scale at the best candidate of the search.
/// MathNet.Numerics' Nelder–Mead simplex searches the values as shares of their ranges (a candidate outside a range
/// is evaluated at the range's end, with a penalty). Each value's 95 % interval is a profile: the values along a slice
/// through the best candidate (the other values held there) whose D is within χ²₁(0.95) = 3.84 of the least D found
/// (Wilks: a likelihood-ratio interval; widened when the fit is worse than the model's spread, <see cref="ThresholdInUse"/>); the slice is evaluated at even steps over the range, and each end's bracket
/// is then halved <see cref="RefineSteps"/> times and the end interpolated linearly inside it. With several values that trade off against each other a slice is narrower
/// than the full profile (re-fitting the others at each point); a bootstrap over replications would refit the whole
/// search for each resample, some hundred times the work. A value whose D stays within the threshold across its range is
/// not identified by the observations (a flat discrepancy).
/// </summary>
public sealed class CalibrationStudy
{
    /// <summary>χ²₁(0.95): the rise of D above its minimum that bounds a 95 % profile interval.</summary>
    public const double Threshold = 3.841458820694124;

    /// <summary>
    /// The rise of D above its least that bounds the intervals: <see cref="Threshold"/>, times D_min / (n − p) when the
    /// least D over n observations with p values fitted is above its expectation n − p (the "reduced chi-square" of
    /// least squares, as scipy's curve_fit without absolute_sigma): then the model's spread understates the misfit,
    /// because a few replications estimate it low or because the model cannot reach the observations, and the intervals
    /// widen with it. With n ≤ p there is nothing to estimate it from and the threshold stays 3.84.
    /// </summary>
    public double ThresholdInUse
    {
        get
        {
            int freedom = _compared.Length - Parameters.Count;
            double least = _points.Min(Discrepancy);
            return freedom > 0 ? Threshold * Math.Max(1, least / freedom) : Threshold;
        }
    }

    /// <summary>Halvings of the bracket at each end of an interval: an end is known to 1/2^5 of a slice's step.</summary>
    public const int RefineSteps = 5;

    private readonly List<CalibrationPoint> _points = [];
    private readonly Dictionary<string, CalibrationPoint> _byKey = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<ObservationSpec> _all;
    private int[] _compared = [];
    private double[] _searchScale = [];

    /// <param name="scenario">The scenario as written, with the command's --set values (its observations are the data).</param>
    /// <param name="parameters">The unknowns.</param>
    /// <param name="replications">Replications per candidate (at least 2).</param>
    /// <param name="maxEvaluations">Candidates the search may evaluate (the profiles' slices come on top).</param>
    /// <param name="profilePoints">Points of each slice, evenly over the range, ends included.</param>
    public CalibrationStudy(ScenarioSpec scenario, IReadOnlyList<CalibrationParameter> parameters, int replications, int maxEvaluations, int profilePoints = 11)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 2);
        _all = scenario.Observations;
        Parameters = parameters;
        Replications = replications;
        MaxEvaluations = maxEvaluations;
        ProfilePoints = profilePoints;
    }

    public IReadOnlyList<CalibrationParameter> Parameters { get; }

    public int Replications { get; }

    public int MaxEvaluations { get; }

    public int ProfilePoints { get; }

    /// <summary>The search paths, the run list's swept columns.</summary>
    public string[] Paths => [.. Parameters.Select(p => p.Path)];

    /// <summary>Rounds run so far (one per batch of candidates).</summary>
    public int Rounds { get; private set; }

    /// <summary>Whether the simplex converged before <see cref="MaxEvaluations"/>.</summary>
    public bool Converged { get; private set; }

    /// <summary>Every candidate evaluated, in order.</summary>
    public IReadOnlyList<CalibrationPoint> Points => _points;

    /// <summary>The observations compared (those the run covers), in the order of the scenario's files.</summary>
    public IReadOnlyList<ObservationSpec> Observations => [.. _compared.Select(i => _all[i])];

    /// <summary>The scale of each observation compared in the fit and intervals (at the search's best candidate).</summary>
    public double[] Scale { get; private set; } = [];

    /// <summary>The candidate of least discrepancy.</summary>
    public CalibrationPoint Best => _points.MinBy(Discrepancy)!;

    /// <summary>The fitted values with their intervals, once <see cref="Run"/> is done.</summary>
    public IReadOnlyList<FittedValue> Fitted { get; private set; } = [];

    /// <summary>D of <paramref name="point"/> with the fit's <see cref="Scale"/>.</summary>
    public double Discrepancy(CalibrationPoint point) => DiscrepancyWith(point, Scale);

    /// <summary>The configuration of a candidate: each value's text with its number.</summary>
    public SearchConfig ConfigOf(double[] values) => new([.. Parameters.Select((p, k) => (p.Path, p.TextOf(values[k])))]);

    /// <summary>
    /// The search, then the slices: <see cref="RoundStatus.Done"/> with <see cref="Fitted"/> set, or the status of the
    /// round that stopped it (a candidate whose scenario does not load, or a resumed part of other observations, adds
    /// its errors to <paramref name="errors"/> and gives <see cref="RoundStatus.Failed"/>).
    /// </summary>
    public RoundStatus Run(SearchRunner runner, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(errors);
        double[] start = [.. Parameters.Select(p => p.At(p.ShareOf(p.AsWritten)))];
        RoundStatus status = Evaluate(runner, [start], CalibrationPhase.Start, errors);
        if (status != RoundStatus.Done)
        {
            return status;
        }

        _compared = [.. Enumerable.Range(0, _all.Count).Where(i => _points[0].ObservationValues[i].All(double.IsFinite))];
        if (_compared.Length == 0)
        {
            errors.Add("no observation of the scenario falls inside its run (check start and days), so there is nothing to fit to");
            return RoundStatus.Failed;
        }

        _searchScale = ScaleAt(_points[0]);
        status = Search(runner, errors);
        if (status != RoundStatus.Done)
        {
            return status;
        }

        Scale = ScaleAt(_points.MinBy(p => DiscrepancyWith(p, _searchScale))!);
        CalibrationPoint centre = Best;
        status = Evaluate(runner, [.. Parameters.SelectMany((_, k) => Slice(centre.Values, k))], CalibrationPhase.Profile, errors);
        if (status != RoundStatus.Done)
        {
            return status;
        }

        List<Bracket> brackets = [.. Parameters.SelectMany((_, k) => Brackets(k, centre))];
        status = Refine(runner, centre, brackets, errors);
        if (status == RoundStatus.Done)
        {
            Fitted = [.. Parameters.Select((_, k) => Interval(k, centre, brackets))];
        }

        return status;
    }

    /// <summary>D with a given scale, over the observations compared.</summary>
    private double DiscrepancyWith(CalibrationPoint point, double[] scale)
    {
        double sum = 0;
        for (int j = 0; j < _compared.Length; j++)
        {
            int i = _compared[j];
            double z = (point.MeanOf(i) - _all[i].Value) / scale[j];
            sum += z * z;
        }

        return sum;
    }

    /// <summary>Each compared observation's prediction standard deviation at <paramref name="point"/>, at least its floor.</summary>
    private double[] ScaleAt(CalibrationPoint point) =>
        [.. _compared.Select(i => Math.Max(point.SdOf(i) * Math.Sqrt(1 + (1.0 / Replications)), _all[i].Kind == ObservationKind.QueueKm ? 0.1 : 1))];

    /// <summary>The Nelder–Mead search over the values' shares of their ranges, from the scenario's own values.</summary>
    private RoundStatus Search(SearchRunner runner, List<string> errors)
    {
        RoundStatus stopped = RoundStatus.Done;
        double Objective(Vector<double> shares)
        {
            double[] values = [.. Parameters.Select((p, k) => p.At(shares[k]))];
            double outside = Parameters.Select((_, k) => Math.Max(0, -shares[k]) + Math.Max(0, shares[k] - 1)).Sum();
            string key = ConfigOf(values).Label;
            if (!_byKey.ContainsKey(key))
            {
                if (_points.Count(p => p.Phase != CalibrationPhase.Profile) >= MaxEvaluations)
                {
                    throw new SearchStopped();
                }

                stopped = Evaluate(runner, [values], CalibrationPhase.Search, errors);
                if (stopped != RoundStatus.Done)
                {
                    throw new SearchStopped();
                }
            }

            double d = DiscrepancyWith(_byKey[key], _searchScale);
            return d + ((1 + d) * 100 * outside * outside);
        }

        double[] start = [.. Parameters.Select((p, k) => p.ShareOf(_points[0].Values[k]))];
        double[] step = [.. start.Select(s => s > 0.5 ? -0.25 : 0.25)];
        try
        {
            new NelderMeadSimplex(1e-4, 10_000).FindMinimum(ObjectiveFunction.Value(Objective), Vector<double>.Build.DenseOfArray(start), Vector<double>.Build.DenseOfArray(step));
            Converged = true;
        }
        catch (SearchStopped)
        {
            Converged = false;
        }
        catch (MaximumIterationsException)
        {
            Converged = false;
        }

        return stopped;
    }

    /// <summary>The slice of parameter <paramref name="k"/> through <paramref name="centre"/>: its range in even steps, the others held.</summary>
    private IEnumerable<double[]> Slice(double[] centre, int k)
    {
        for (int i = 0; i < ProfilePoints; i++)
        {
            double[] values = [.. centre];
            values[k] = Parameters[k].At(i / (double)(ProfilePoints - 1));
            yield return values;
        }
    }

    /// <summary>
    /// Parameter <paramref name="k"/>'s ends from its slice: the run of values around the centre within the threshold;
    /// an end inside the range is a bracket (a value within, the next one out) that <see cref="Refine"/> narrows.
    /// </summary>
    private List<Bracket> Brackets(int k, CalibrationPoint centre)
    {
        double limit = _points.Min(Discrepancy) + ThresholdInUse;
        List<(double Value, double D)> slice = [.. Slice(centre.Values, k).Append(centre.Values)
            .Select(v => (v[k], Discrepancy(_byKey[ConfigOf(v).Label])))
            .Distinct()
            .OrderBy(p => p.Item1)];
        int at = slice.FindIndex(p => p.Value == centre.Values[k]);
        int lo = at, hi = at;
        while (lo > 0 && slice[lo - 1].D <= limit)
        {
            lo--;
        }

        while (hi < slice.Count - 1 && slice[hi + 1].D <= limit)
        {
            hi++;
        }

        return
        [
            new Bracket(k, isLow: true, slice[lo].Value, lo == 0 ? null : slice[lo - 1].Value),
            new Bracket(k, isLow: false, slice[hi].Value, hi == slice.Count - 1 ? null : slice[hi + 1].Value),
        ];
    }

    /// <summary>Halves every bracket <see cref="RefineSteps"/> times (a round each, every bracket's midpoint at once).</summary>
    private RoundStatus Refine(SearchRunner runner, CalibrationPoint centre, List<Bracket> brackets, List<string> errors)
    {
        for (int step = 0; step < RefineSteps; step++)
        {
            var mids = new List<(Bracket Bracket, double[] Values)>();
            foreach (Bracket b in brackets.Where(b => b.Outside is not null))
            {
                CalibrationParameter p = Parameters[b.K];
                double mid = p.At((p.ShareOf(b.Inside) + p.ShareOf(b.Outside!.Value)) / 2);
                if (mid != b.Inside && mid != b.Outside)
                {
                    double[] values = [.. centre.Values];
                    values[b.K] = mid;
                    mids.Add((b, values));
                }
            }

            RoundStatus status = Evaluate(runner, [.. mids.Select(m => m.Values)], CalibrationPhase.Profile, errors);
            if (status != RoundStatus.Done || mids.Count == 0)
            {
                return status;
            }

            double limit = _points.Min(Discrepancy) + ThresholdInUse;
            foreach ((Bracket b, double[] values) in mids)
            {
                bool within = Discrepancy(_byKey[ConfigOf(values).Label]) <= limit;
                b.Inside = within ? values[b.K] : b.Inside;
                b.Outside = within ? b.Outside : values[b.K];
            }
        }

        return RoundStatus.Done;
    }

    /// <summary>Parameter <paramref name="k"/>'s fitted value and interval: each end interpolated linearly to the threshold inside its bracket.</summary>
    private FittedValue Interval(int k, CalibrationPoint centre, List<Bracket> brackets)
    {
        double limit = _points.Min(Discrepancy) + ThresholdInUse;
        double DAt(double value)
        {
            double[] values = [.. centre.Values];
            values[k] = value;
            return Discrepancy(_byKey[ConfigOf(values).Label]);
        }

        double End(Bracket b)
        {
            if (b.Outside is not { } outside)
            {
                return b.Inside;
            }

            double inside = DAt(b.Inside), beyond = DAt(outside);
            return inside > limit ? b.Inside : b.Inside + ((limit - inside) / (beyond - inside) * (outside - b.Inside));
        }

        Bracket low = brackets.Single(b => b.K == k && b.IsLow), high = brackets.Single(b => b.K == k && !b.IsLow);
        bool flat = Slice(centre.Values, k).All(v => Discrepancy(_byKey[ConfigOf(v).Label]) <= limit);
        return new FittedValue(Parameters[k], Best.Values[k], End(low), End(high), low.Outside is null, high.Outside is null, !flat);
    }

    /// <summary>One end of a value's interval: a value within the threshold and the nearest known one beyond it (none at the range's end).</summary>
    private sealed class Bracket(int k, bool isLow, double inside, double? outside)
    {
        public int K { get; } = k;

        public bool IsLow { get; } = isLow;

        public double Inside { get; set; } = inside;

        public double? Outside { get; set; } = outside;
    }

    /// <summary>Evaluates the candidates not yet known in one round of R replications each.</summary>
    private RoundStatus Evaluate(SearchRunner runner, IReadOnlyList<double[]> candidates, CalibrationPhase phase, List<string> errors)
    {
        var fresh = new List<(double[] Values, SearchConfig Config)>();
        foreach (double[] values in candidates)
        {
            SearchConfig config = ConfigOf(values);
            if (!_byKey.ContainsKey(config.Label) && fresh.All(f => !f.Config.Equals(config)))
            {
                fresh.Add((values, config));
                runner.Scenario(config, errors);
            }
        }

        if (errors.Count > 0)
        {
            return RoundStatus.Failed;
        }

        if (fresh.Count == 0)
        {
            return RoundStatus.Done;
        }

        Rounds++;
        RoundStatus status = runner.RunRound(Rounds, [.. fresh.SelectMany(f => Enumerable.Range(0, Replications).Select(r => new SearchRun(f.Config, r)))]);
        if (status != RoundStatus.Done)
        {
            return status;
        }

        foreach ((double[] values, SearchConfig config) in fresh)
        {
            if (Read(runner, config, errors) is not { } observed)
            {
                return RoundStatus.Failed;
            }

            var point = new CalibrationPoint(_points.Count + 1, phase, values, observed);
            _points.Add(point);
            _byKey[config.Label] = point;
        }

        return RoundStatus.Done;
    }

    /// <summary>Each observation's value in each replication of <paramref name="config"/>; null (with an error) when a part lacks one.</summary>
    private double[][]? Read(SearchRunner runner, SearchConfig config, List<string> errors)
    {
        var observed = new double[_all.Count][];
        for (int i = 0; i < _all.Count; i++)
        {
            observed[i] = new double[Replications];
            string id = CalibrationObservations.IdOf(_all[i]);
            for (int r = 0; r < Replications; r++)
            {
                if (!runner.ValuesOf(new SearchRun(config, r)).TryGetValue(id, out observed[i][r]))
                {
                    errors.Add($"a run of {config.Label} (replication {r}) kept in the output folder has no value of the observation {_all[i].Series} at {_all[i].TimeLabel}: it was run with other observations; give a new -o folder");
                    return null;
                }
            }
        }

        return observed;
    }

    /// <summary>Thrown from the objective to leave the simplex: the budget is spent, or a round did not finish.</summary>
    private sealed class SearchStopped : Exception;
}
