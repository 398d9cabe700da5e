namespace BorderSim.Model.Experiments;

/// <summary>Where a configuration stands against the targets.</summary>
public enum Feasibility
{
    Undecided,
    Feasible,
    Infeasible,
}

/// <summary>One replication of one configuration: each target's metric, then the objective (smaller is better).</summary>
public sealed record SelectionObservation(IReadOnlyList<double> TargetValues, double Objective);

/// <summary>What the procedure concluded about one configuration.</summary>
/// <param name="Feasibility">Feasible when every target is met, infeasible when one is not.</param>
/// <param name="MissedTargets">The indices of the targets it misses, in target order (empty unless infeasible).</param>
/// <param name="UndecidedTargets">
/// Targets neither met nor missed: an infeasible configuration is not run further, so a target that its replications
/// could not decide when another target was missed stays open (its mean lies near the target).
/// </param>
/// <param name="IsDecidedWithGuarantee">False when the replications ran out before the test could decide.</param>
/// <param name="IsScreenedOut">A feasible configuration eliminated by the selection (its objective is worse).</param>
public sealed record ConfigurationVerdict(Feasibility Feasibility, IReadOnlyList<int> MissedTargets, IReadOnlyList<int> UndecidedTargets, bool IsDecidedWithGuarantee, bool IsScreenedOut)
{
    /// <summary>Infeasible because a stage's demand reaches its capacity (<see cref="SequentialSelection.MarkOverloaded"/>), whatever its targets' means.</summary>
    public bool IsOverloaded { get; init; }
}

/// <summary>
/// Picks, among configurations run on common random numbers (replication r of every configuration uses the same
/// streams), the one with the smallest objective that meets every target, with a stated guarantee. Two fully
/// sequential tests of the Kim–Nelson kind, each at half the error budget α:
/// <list type="number">
/// <item>Feasibility (Batur and Kim 2010, ACM TOMACS 20(3)): for configuration i and target j (q_j, tolerance
/// ε_j), after n ≥ n0 replications with S² the sample variance of the first n0, it is declared feasible once
/// Σ(Y − q) ≤ −R(n) and infeasible once Σ(Y − q) ≥ R(n) (signs reversed for ≥), with R(n) = max(0, h²S²/(2ε) − εn/2),
/// h² = 2η(n0 − 1), η = ½[(2β')^(−2/(n0−1)) − 1]; β = (α/2)/(k·m) (Bonferroni over k configurations and m targets) is
/// split in two: β/2 for one look right after the first stage (a one-sided Student-t bound clear of q decides at once)
/// and β' = β/2 for the sequential test.
/// A configuration whose mean lies within ε of a target may be put on either side: both are correct.</item>
/// <item>Selection among the feasible (Kim and Nelson 2001, ACM TOMACS 11(3), procedure KN): S²_il is the variance of
/// the first n0 differences X_i − X_l; i is screened out once Σ(X_i − X_l) &gt; max(0, h²S²_il/(2δ) − δn/2) for some
/// surviving l, with β = (α/2)/(k_F − 1). The survivor, or the smallest mean when every continuation region has
/// closed, is within δ of the best feasible configuration.</item>
/// </list>
/// So with probability at least 1 − α, every configuration further than ε from a target is classified right and
/// the chosen one's objective is within δ of the best feasible one's. A configuration without a value in some
/// replication (no truck served) is infeasible. When the replications run out first, the decision is taken on the
/// means and flagged as without the guarantee. A configuration marked overloaded (<see cref="MarkOverloaded"/>) is
/// infeasible from the start.
/// </summary>
public sealed class SequentialSelection
{
    private readonly IReadOnlyList<Target> _targets;
    private readonly IReadOnlyList<double> _tolerances;
    private readonly int _configurations;
    private readonly Feasibility[,] _checks;
    private readonly bool[] _undecidedAtEnd;
    private readonly bool[] _screenedOut;
    private readonly bool[] _overloaded;
    private readonly int? _overloadedReplications;
    private bool _isSelectionDone;
    private bool _isSelectionGuaranteed = true;

    public SequentialSelection(IReadOnlyList<Target> targets, IReadOnlyList<double> tolerances, int configurations, int firstStage, int step, int maxReplications, double alpha, double? indifference)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(tolerances);
        if (firstStage < 2 || step < 1 || maxReplications < firstStage || !(alpha is > 0 and < 1) || tolerances.Any(t => !(t > 0)))
        {
            throw new ArgumentOutOfRangeException(nameof(firstStage), "the first stage needs 2 replications or more, the most at least as many, α in (0, 1) and positive tolerances");
        }

        _targets = targets;
        _tolerances = tolerances;
        _configurations = configurations;
        FirstStage = firstStage;
        Step = step;
        MaxReplications = maxReplications;
        Alpha = alpha;
        Indifference = indifference;
        _checks = new Feasibility[configurations, targets.Count];
        _undecidedAtEnd = new bool[configurations];
        _screenedOut = new bool[configurations];
        _overloaded = new bool[configurations];
    }

    /// <summary>
    /// Declares configuration <paramref name="index"/> overloaded: some stage's demand reaches its capacity, so its
    /// queue grows without bound and a finite run's mean only reflects the run's length. It is infeasible whatever
    /// its targets' means; it still runs <see cref="OverloadedReplications"/>, so its values can be shown. Call before the first <see cref="Next"/>.
    /// </summary>
    public void MarkOverloaded(int index) => _overloaded[index] = true;

    /// <summary>
    /// Replications of a configuration marked overloaded: decided before it runs, it needs them only for its values
    /// in the table, so from 2 (the fewest that give a mean with an interval) to <see cref="FirstStage"/> (the default).
    /// </summary>
    public int OverloadedReplications
    {
        get => _overloadedReplications ?? FirstStage;
        init
        {
            if (value < 2 || value > FirstStage)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"a configuration marked overloaded runs from 2 replications to the first stage's {FirstStage}");
            }

            _overloadedReplications = value;
        }
    }

    public int FirstStage { get; }

    public int Step { get; }

    public int MaxReplications { get; }

    public double Alpha { get; }

    /// <summary>δ of the selection; when not given, 5 % of the smallest first-stage mean objective among the feasible.</summary>
    public double? Indifference { get; private set; }

    /// <summary>
    /// Whether the objective is computed rather than measured (the servers and lanes of a configuration): the same in
    /// every replication, so the differences between configurations are known without sampling. Kim–Nelson's
    /// elimination with zero variance then compares the values themselves, and the feasible configurations are ranked
    /// as soon as their feasibility is decided, without topping them up to a common number of replications to pair
    /// them: the same best, the same guarantee, fewer replications.
    /// </summary>
    public bool IsObjectiveExact { get; init; }

    /// <summary>The chosen configuration once done; −1 when none is feasible.</summary>
    public int Best { get; private set; } = -1;

    public bool IsSelectionGuaranteed => _isSelectionGuaranteed && !_undecidedAtEnd.Any(u => u);

    /// <summary>
    /// Looks at the replications so far (<paramref name="observations"/>[i] in replication order, from 0) and returns
    /// how many replications each configuration should have next; null when the procedure is done.
    /// </summary>
    public int[]? Next(IReadOnlyList<IReadOnlyList<SelectionObservation>> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var wanted = observations.Select(o => o.Count).ToArray();
        var feasibilityPending = false;
        for (var i = 0; i < _configurations; i++)
        {
            var n = observations[i].Count;
            if (_overloaded[i] && n < OverloadedReplications)
            {
                wanted[i] = OverloadedReplications;
                feasibilityPending = true;
                continue;
            }

            if (Feasibility(i) != Experiments.Feasibility.Undecided)
            {
                continue;
            }

            if (n < FirstStage)
            {
                wanted[i] = FirstStage;
                feasibilityPending = true;
                continue;
            }

            // Every open target is looked at, so that an infeasible configuration names each target it misses; only
            // when none is missed does the last look decide the open ones on their means (flagged).
            for (var j = 0; j < _targets.Count; j++)
            {
                if (_checks[i, j] == Experiments.Feasibility.Undecided)
                {
                    _checks[i, j] = CheckTarget(observations[i], j, isLastLook: false, i);
                }
            }

            for (var j = 0; j < _targets.Count && n >= MaxReplications && Feasibility(i) == Experiments.Feasibility.Undecided; j++)
            {
                if (_checks[i, j] == Experiments.Feasibility.Undecided)
                {
                    _checks[i, j] = CheckTarget(observations[i], j, isLastLook: true, i);
                }
            }

            if (Feasibility(i) == Experiments.Feasibility.Undecided)
            {
                wanted[i] = Math.Min(MaxReplications, n + Step);
                feasibilityPending = true;
            }
        }

        if (feasibilityPending)
        {
            return wanted;
        }

        return Select(observations, wanted);
    }

    /// <summary>The verdict on configuration <paramref name="index"/> (once done).</summary>
    public ConfigurationVerdict Verdict(int index)
    {
        var feasibility = Feasibility(index);
        int[] Where(Feasibility f) => [.. Enumerable.Range(0, _targets.Count).Where(j => _checks[index, j] == f)];
        return new ConfigurationVerdict(
            feasibility,
            Where(Experiments.Feasibility.Infeasible),
            feasibility == Experiments.Feasibility.Infeasible ? Where(Experiments.Feasibility.Undecided) : [],
            !_undecidedAtEnd[index],
            _screenedOut[index])
        { IsOverloaded = _overloaded[index] };
    }

    private Feasibility Feasibility(int i)
    {
        if (_overloaded[i])
        {
            return Experiments.Feasibility.Infeasible;
        }

        var all = true;
        for (var j = 0; j < _targets.Count; j++)
        {
            if (_checks[i, j] == Experiments.Feasibility.Infeasible)
            {
                return Experiments.Feasibility.Infeasible;
            }

            all &= _checks[i, j] == Experiments.Feasibility.Feasible;
        }

        return all ? Experiments.Feasibility.Feasible : Experiments.Feasibility.Undecided;
    }

    private Feasibility CheckTarget(IReadOnlyList<SelectionObservation> values, int j, bool isLastLook, int configuration)
    {
        var target = _targets[j];
        if (values.Any(v => !double.IsFinite(v.TargetValues[j])))
        {
            return Experiments.Feasibility.Infeasible;
        }

        var epsilon = _tolerances[j];
        var variance = Variance(values.Take(FirstStage).Select(v => v.TargetValues[j]));
        var beta = (Alpha / 2) / (_configurations * _targets.Count);
        var n = values.Count;
        if (n == FirstStage)
        {
            // One look after the first stage, at half of β: a one-sided Student-t bound clear of the target decides at
            // once, which the sequential region (wide when the variance is large, e.g. an overloaded configuration)
            // would take hundreds of replications to do. The sequential test below keeps the other half.
            var mean = values.Take(FirstStage).Average(v => v.TargetValues[j]);
            var bound = Statistics.StudentQuantile(FirstStage - 1, 1 - (beta / 2)) * Math.Sqrt(variance / FirstStage);
            if (target.ShortfallOf(mean) - bound > 0)
            {
                return Experiments.Feasibility.Infeasible;
            }

            if (target.ShortfallOf(mean) + bound < 0)
            {
                return Experiments.Feasibility.Feasible;
            }
        }

        var h2 = HSquared(beta / 2);
        var excess = values.Sum(v => target.ShortfallOf(v.TargetValues[j]));
        var region = Math.Max(0, (h2 * variance / (2 * epsilon)) - (epsilon * n / 2));
        if (excess >= region && excess > 0)
        {
            return Experiments.Feasibility.Infeasible;
        }

        if (excess <= -region)
        {
            return Experiments.Feasibility.Feasible;
        }

        if (isLastLook)
        {
            _undecidedAtEnd[configuration] = true;
            return excess <= 0 ? Experiments.Feasibility.Feasible : Experiments.Feasibility.Infeasible;
        }

        return Experiments.Feasibility.Undecided;
    }

    /// <summary>
    /// The selection when the objective is exact: what the Kim–Nelson step below decides once the differences' variance
    /// is 0 (no region open: every survivor above the least is screened out, the least wins, ties to the first listed),
    /// without the replications that would only pair the survivors. δ is set as there, for the report.
    /// </summary>
    private int[]? SelectExact(IReadOnlyList<IReadOnlyList<SelectionObservation>> observations, List<int> survivors)
    {
        double ValueOf(int i) => observations[i][0].Objective;
        Indifference ??= Math.Max(1e-9, 0.05 * Math.Abs(survivors.Min(i => observations[i].Take(FirstStage).Average(o => o.Objective))));
        var least = survivors.Min(ValueOf);
        foreach (var i in survivors.Where(i => ValueOf(i) > least))
        {
            _screenedOut[i] = true;
        }

        Best = survivors.Where(i => ValueOf(i) == least).Min();
        _isSelectionDone = true;
        return null;
    }

    private int[]? Select(IReadOnlyList<IReadOnlyList<SelectionObservation>> observations, int[] wanted)
    {
        if (_isSelectionDone)
        {
            return null;
        }

        var survivors = Enumerable.Range(0, _configurations).Where(i => Feasibility(i) == Experiments.Feasibility.Feasible && !_screenedOut[i]).ToList();
        if (survivors.Count == 0)
        {
            _isSelectionDone = true;
            return null;
        }

        if (IsObjectiveExact)
        {
            return SelectExact(observations, survivors);
        }

        // Every survivor on the same replications, so the differences are paired.
        var n = survivors.Max(i => observations[i].Count);
        if (survivors.Any(i => observations[i].Count < n))
        {
            foreach (var i in survivors)
            {
                wanted[i] = n;
            }

            return wanted;
        }

        double MeanOf(int i) => observations[i].Average(o => o.Objective);
        Indifference ??= Math.Max(1e-9, 0.05 * Math.Abs(survivors.Min(i => observations[i].Take(FirstStage).Average(o => o.Objective))));
        var delta = Indifference.Value;
        var h2 = HSquared((Alpha / 2) / Math.Max(1, survivors.Count - 1));
        var anyRegionOpen = false;
        var eliminated = new List<int>();
        foreach (var i in survivors)
        {
            foreach (var l in survivors.Where(l => l != i))
            {
                var variance = Variance(Enumerable.Range(0, FirstStage).Select(r => observations[i][r].Objective - observations[l][r].Objective));
                var region = Math.Max(0, (h2 * variance / (2 * delta)) - (delta * n / 2));
                anyRegionOpen |= region > 0;
                var sum = Enumerable.Range(0, n).Sum(r => observations[i][r].Objective - observations[l][r].Objective);
                if (sum > region)
                {
                    eliminated.Add(i);
                    break;
                }
            }
        }

        foreach (var i in eliminated)
        {
            _screenedOut[i] = true;
        }

        survivors.RemoveAll(eliminated.Contains);
        var outOfReplications = n >= MaxReplications;
        if (survivors.Count == 1 || !anyRegionOpen || outOfReplications)
        {
            // Ties (equal means, closed regions) go to the configuration listed first.
            Best = survivors.OrderBy(MeanOf).ThenBy(i => i).First();
            _isSelectionGuaranteed = survivors.Count == 1 || !anyRegionOpen;
            _isSelectionDone = true;
            return null;
        }

        foreach (var i in survivors)
        {
            wanted[i] = Math.Min(MaxReplications, n + Step);
        }

        return wanted;
    }

    /// <summary>h² = 2η(n0 − 1) with η = ½[(2β)^(−2/(n0−1)) − 1] (Kim and Nelson 2001, eq. for procedure KN).</summary>
    private double HSquared(double beta)
    {
        var eta = 0.5 * (Math.Pow(2 * beta, -2.0 / (FirstStage - 1)) - 1);
        return 2 * eta * (FirstStage - 1);
    }

    private static double Variance(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1);
    }
}
