using BorderSim.Model.Crossing;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using BorderSim.Reporting;

namespace BorderSim.Studies;

/// <summary>
/// An optimize study: every combination of the varied values (a configuration) on common random numbers, judged by
/// <see cref="SequentialSelection"/> (feasibility against the targets, then Kim-Nelson selection on the objective).
/// A configuration that the load check finds overloaded is infeasible whatever its mean in a finite run.
/// <see cref="SearchRunner"/> runs each round's replications (parallel, resumable, shardable).
/// </summary>
public sealed class OptimizeStudy
{
    /// <summary>The objective when none is given: booths (check servers) plus lanes, each counted per direction.</summary>
    public const string ResourceObjective = "servers_and_lanes";

    private readonly List<ScenarioSpec> _specs = [];
    private readonly List<IReadOnlyList<StageLoad>> _overloads = [];
    private double[] _resources = [];
    private List<List<SelectionObservation>> _observations = [];
    private SequentialSelection? _selection;
    private int? _overloadedReplications;

    /// <param name="sweeps">The varied values (each path once).</param>
    /// <param name="targets">The requirements every chosen configuration must meet.</param>
    /// <param name="minimize">The metric to make smallest among the feasible; null for <see cref="ResourceObjective"/>.</param>
    /// <param name="tolerance">Indifference zone of each target, as a share of its value.</param>
    /// <param name="indifference">Indifference zone of the objective, in its unit; null for 5% of the best first-stage mean.</param>
    /// <param name="firstStage">First-stage replications of every configuration (at least 2).</param>
    /// <param name="maxReplications">Most replications of one configuration.</param>
    public OptimizeStudy(IReadOnlyList<Sweep> sweeps, IReadOnlyList<Target> targets, string? minimize, double tolerance, double? indifference, int firstStage, int maxReplications)
    {
        ArgumentNullException.ThrowIfNull(sweeps);
        ArgumentNullException.ThrowIfNull(targets);
        Paths = [.. sweeps.Select(s => s.Path)];
        Configs = [.. Sweep.Combinations(sweeps).Select(c => new SearchConfig([.. c]))];
        Targets = targets;
        Minimize = minimize;
        Tolerance = tolerance;
        Indifference = indifference;
        FirstStage = firstStage;
        MaxReplications = maxReplications;
    }

    /// <summary>The varied paths, the run list's swept columns.</summary>
    public string[] Paths { get; }

    /// <summary>Every configuration, in the order of the combinations.</summary>
    public IReadOnlyList<SearchConfig> Configs { get; }

    public IReadOnlyList<Target> Targets { get; }

    /// <summary>The metric minimized; null when it is <see cref="ResourceObjective"/>.</summary>
    public string? Minimize { get; }

    /// <summary>The objective's name: the metric minimized or <see cref="ResourceObjective"/>.</summary>
    public string ObjectiveName => Minimize ?? ResourceObjective;

    public double Tolerance { get; }

    /// <summary>The objective's indifference zone as given (null: 5% of the best first-stage mean).</summary>
    public double? Indifference { get; }

    public int FirstStage { get; }

    public int MaxReplications { get; }

    /// <summary>The replications of a configuration when none is given: the fewest that give a mean with an interval.</summary>
    public const int DefaultOverloadedReplications = 2;

    /// <summary>
    /// Replications of a configuration the load check finds overloaded (infeasible before it runs, so they are only
    /// for its row in the table): from 2 to <see cref="FirstStage"/>; <see cref="DefaultOverloadedReplications"/>
    /// unless given, or the first stage when that is fewer.
    /// </summary>
    public int OverloadedReplications => Math.Min(_overloadedReplications ?? DefaultOverloadedReplications, FirstStage);

    /// <summary>The replications asked for an overloaded configuration (<c>--overloaded-replications</c>); null: the default.</summary>
    public int? OverloadedReplicationsAsked
    {
        get => _overloadedReplications;
        init => _overloadedReplications = value;
    }

    /// <summary>Each configuration's scenario, once <see cref="Load"/> has succeeded.</summary>
    public IReadOnlyList<ScenarioSpec> Specs => _specs;

    /// <summary>Each configuration's overloaded stages by the load check (empty when it is not overloaded).</summary>
    public IReadOnlyList<IReadOnlyList<StageLoad>> Overloads => _overloads;

    /// <summary>The selection procedure, once <see cref="Load"/> has succeeded.</summary>
    public SequentialSelection Selection => _selection ?? throw new InvalidOperationException("the configurations are not loaded");

    /// <summary>The index of the configuration chosen, or -1 when none meets every target.</summary>
    public int Best => Selection.Best;

    /// <summary>The label of the configuration chosen, or "" when none is.</summary>
    public string BestLabel => Best >= 0 ? Configs[Best].Label : "";

    /// <summary>Rounds run so far.</summary>
    public int Rounds { get; private set; }

    /// <summary>optimize.csv's rows, one a configuration, once <see cref="Run"/> is done.</summary>
    public IReadOnlyList<OptimizeRow> Rows { get; private set; } = [];

    /// <summary>The objective to minimize: the one given, else the cost a day when the scenario prices its resources, else null (<see cref="ResourceObjective"/>).</summary>
    public static string? ObjectiveFor(string? minimize, ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return minimize is null && scenario.Costs is not null ? Metrics.CostUsdPerDay.Name : minimize;
    }

    /// <summary>
    /// The objective checked against the metric ids and the --vary texts parsed; each mistake added to
    /// <paramref name="errors"/> (a metric that cannot be minimized, a malformed --vary, a path varied twice, too many configurations).
    /// </summary>
    public static List<Sweep> ReadChoices(IReadOnlyList<string> varyTexts, string? minimize, IReadOnlyList<string> metricIds, List<string> errors) =>
        ReadChoices(varyTexts, [], minimize, metricIds, errors);

    /// <summary>As above, with the scenario's levers: a --vary may name one by its name or label (<see cref="LeverChoice"/>).</summary>
    public static List<Sweep> ReadChoices(IReadOnlyList<string> varyTexts, IReadOnlyList<LeverSpec> levers, string? minimize, IReadOnlyList<string> metricIds, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(varyTexts);
        ArgumentNullException.ThrowIfNull(errors);
        if (minimize is { } objective && !Target.TryParse(objective + "<=0", metricIds, out _, out string why))
        {
            errors.Add(why.Replace("--target '" + objective + "<=0'", "--minimize '" + objective + "'", StringComparison.Ordinal));
        }

        var sweeps = new List<Sweep>();
        foreach (string text in varyTexts)
        {
            if (LeverChoice.TryParseVary(text, levers, null, out Sweep? parsed, out _, out string error))
            {
                if (sweeps.Any(s => s.Path == parsed!.Path))
                {
                    errors.Add($"--vary '{text}': {parsed!.Path} is varied twice; give all its values in one --vary");
                }

                sweeps.Add(parsed!);
            }
            else
            {
                errors.Add(error);
            }
        }

        if (errors.Count == 0 && Sweep.TooManyRuns(sweeps, 1, Sweep.MaxValues, "--vary") is { } tooMany)
        {
            errors.Add(tooMany.Replace(" runs;", " configurations;", StringComparison.Ordinal));
        }

        return sweeps;
    }

    /// <summary>
    /// The replication counts checked: at least 2 in the first stage, no fewer at most than at first, and an
    /// overloaded configuration's (when given) no more than the first stage's.
    /// </summary>
    public static void CheckReplications(int firstStage, int maxReplications, int? overloadedReplications, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (firstStage < 2)
        {
            errors.Add($"optimize needs at least 2 first-stage replications to estimate variances; the scenario has {firstStage}: add --replications 10");
        }

        if (maxReplications < firstStage)
        {
            errors.Add($"--max-replications {maxReplications} is below the {firstStage} first-stage replications");
        }

        if (overloadedReplications is { } n && n > firstStage && firstStage >= 2)
        {
            errors.Add($"--overloaded-replications {n} is above the {firstStage} first-stage replications; an overloaded configuration runs at most the first stage");
        }
    }

    /// <summary>
    /// Loads every configuration's scenario, checks its load and sets up the selection. False when some configuration
    /// does not load (its errors added to <paramref name="errors"/>); nothing has run then.
    /// </summary>
    public bool Load(SearchRunner runner, List<string> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (SearchConfig config in Configs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (runner.Scenario(config, errors) is { } spec)
            {
                _specs.Add(spec);
            }
        }

        if (errors.Count > 0)
        {
            return false;
        }

        List<CrossingModel> models = [.. _specs.Select(s => new CrossingModel(s))];
        _resources = [.. models.Select(ResourceCost.ServersAndLanes)];
        _selection = new SequentialSelection(
            Targets, [.. Targets.Select(t => Math.Max(1e-9, Tolerance * Math.Abs(t.Value)))], Configs.Count,
            FirstStage, step: 2, MaxReplications, alpha: 0.05, Indifference)
        {
            // Servers and lanes are counted, not measured: the same in every replication (see IsObjectiveExact).
            IsObjectiveExact = Minimize is null,
            OverloadedReplications = OverloadedReplications,
        };
        _overloads.AddRange(models.Select(LoadCheck.OverloadedLines));
        for (int i = 0; i < Configs.Count; i++)
        {
            if (_overloads[i].Count > 0)
            {
                _selection.MarkOverloaded(i);
            }
        }

        _observations = [.. Configs.Select(_ => new List<SelectionObservation>())];
        return true;
    }

    /// <summary>
    /// Runs rounds until the selection has decided: <see cref="RoundStatus.Done"/> (then <see cref="Rows"/> and
    /// <see cref="Best"/> hold the answer), or the status of the round that stopped it.
    /// </summary>
    public RoundStatus Run(SearchRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        SequentialSelection selection = Selection;
        while (selection.Next(_observations) is { } wanted)
        {
            Rounds++;
            var round = new List<SearchRun>();
            for (int i = 0; i < Configs.Count; i++)
            {
                round.AddRange(Enumerable.Range(_observations[i].Count, wanted[i] - _observations[i].Count).Select(r => new SearchRun(Configs[i], r)));
            }

            if (runner.RunRound(Rounds, round) is var status && status != RoundStatus.Done)
            {
                return status;
            }

            for (int i = 0; i < Configs.Count; i++)
            {
                for (int r = _observations[i].Count; r < wanted[i]; r++)
                {
                    _observations[i].Add(Observation(runner.ValuesOf(new SearchRun(Configs[i], r)), i));
                }
            }
        }

        Rows = [.. Configs.Select((c, i) => Row(i) with { OverloadedDirections = Overloaded(runner, c, _observations[i].Count) })];
        return RoundStatus.Done;
    }

    private SelectionObservation Observation(IReadOnlyDictionary<string, double> values, int index)
    {
        double Value(string id) => values.TryGetValue(id, out double v) ? v : double.NaN;
        return new SelectionObservation([.. Targets.Select(t => Value(t.MetricId))], Minimize is { } m ? Value(m) : _resources[index]);
    }

    private OptimizeRow Row(int index)
    {
        SequentialSelection selection = Selection;
        List<SelectionObservation> observations = _observations[index];
        ConfigurationVerdict verdict = selection.Verdict(index);
        SampleSummary[] targetSummaries = [.. Targets.Select((_, j) => Statistics.Summarise(observations.Select(o => o.TargetValues[j])))];
        SampleSummary objective = Statistics.Summarise(observations.Select(o => o.Objective));
        string status = index == selection.Best ? "best"
            : verdict.Feasibility == Feasibility.Infeasible ? "infeasible"
            : verdict.IsScreenedOut ? "feasible, screened out"
            : "feasible";
        return new OptimizeRow([.. Configs[index].Settings.Select(s => s.Value)], status, verdict, observations.Count, _resources[index], objective, targetSummaries);
    }

    /// <summary>The directions overloaded in most of a configuration's replications (overloaded/DIRECTION = 1).</summary>
    private static IReadOnlyList<string> Overloaded(SearchRunner runner, SearchConfig config, int replications)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < replications; r++)
        {
            foreach ((string id, double value) in runner.ValuesOf(new SearchRun(config, r)))
            {
                if (id.StartsWith("overloaded/", StringComparison.Ordinal) && value >= 0.5)
                {
                    counts[id["overloaded/".Length..]] = counts.GetValueOrDefault(id["overloaded/".Length..]) + 1;
                }
            }
        }

        return [.. counts.Where(c => 2 * c.Value > replications).Select(c => c.Key).Order(StringComparer.Ordinal)];
    }
}
