using System.Globalization;
using BorderSim.Model.Results;

namespace BorderSim.Model.Experiments;

/// <summary>
/// The judgement after the run: is a direction's queue growing without bound? Overloaded when a stage's
/// demand reaches its capacity (<see cref="LoadCheck"/>), or when the trend of trucks in the system over the
/// measured period (<c>backlog_growth_trucks_per_day</c>, one slope per replication) has a 95% confidence
/// interval above zero and a material size. The verdict is added to every replication as the metric
/// <c>overloaded/&lt;direction&gt;</c> (1 or 0), so summary.csv and the regression baselines carry it.
/// </summary>
public static class OverloadCheck
{
    public static readonly string GrowthMetric = Metrics.BacklogGrowthTrucksPerDay.Name;
    public static readonly string OverloadedMetric = Metrics.Overloaded.Name;

    /// <summary>How the reason for a growing backlog begins.</summary>
    public const string GrowthReason = "trucks in the system grow by";

    public static IReadOnlyList<DirectionLoad> Judge(IReadOnlyList<StageLoad> stageLoads, IReadOnlyList<ReplicationResult> replications)
    {
        ArgumentNullException.ThrowIfNull(stageLoads);
        ArgumentNullException.ThrowIfNull(replications);
        var directions = replications.SelectMany(r => r.Metrics).Where(m => m.Key.Name == GrowthMetric).Select(m => m.Key.Direction).Distinct().ToList();
        foreach (var direction in stageLoads.Select(l => l.Direction).Distinct().Where(d => !directions.Contains(d)))
        {
            directions.Add(direction);
        }

        var verdicts = new List<DirectionLoad>();
        foreach (var direction in directions)
        {
            var reasons = new List<string>();
            foreach (var load in stageLoads.Where(l => l.Direction == direction && l.IsOverloaded))
            {
                reasons.Add(load.Describe());
            }

            var growth = Statistics.Summarise(Values(replications, GrowthMetric, direction));
            var servedPerDay = Statistics.Summarise(Values(replications, "served_per_day", direction, cargoClass: "all")).Mean;
            if (IsGrowing(growth, servedPerDay))
            {
                reasons.Add(string.Format(CultureInfo.InvariantCulture, GrowthReason + " {0:0.#} ± {1:0.#} a day (95% interval over {2} replications)", growth.Mean, growth.HalfWidth95, growth.Count));
            }

            var pools = stageLoads.Where(l => l.Direction == direction && l.Stage.StartsWith(LoadCheck.PoolPrefix, StringComparison.Ordinal)).Select(l => l.Stage).ToList();
            var (binding, busy, heldBack) = BindingStage(replications, direction, pools);
            verdicts.Add(new DirectionLoad(direction, reasons.Count > 0, growth.Mean, growth.HalfWidth95, binding, reasons) { BindingBusyOfOpen = busy, BindingHeldBackOfOpen = heldBack });
        }

        return verdicts;
    }

    /// <summary>The replications with <c>overloaded/&lt;direction&gt;</c> = 1 or 0 added to their metrics.</summary>
    public static IReadOnlyList<ReplicationResult> WithVerdicts(IReadOnlyList<ReplicationResult> replications, IReadOnlyList<DirectionLoad> verdicts)
    {
        ArgumentNullException.ThrowIfNull(replications);
        ArgumentNullException.ThrowIfNull(verdicts);
        return [.. replications.Select(r => r with
        {
            Metrics = [.. r.Metrics.Where(m => m.Key.Name != OverloadedMetric),
                .. verdicts.Select(v => new MetricValue(Metrics.Overloaded.Key(v.Direction), v.IsOverloaded ? 1 : 0))],
        })];
    }

    /// <summary>
    /// The backlog grows without bound: the 95% interval of its growth lies above zero, and the growth is at
    /// least <see cref="MaterialGrowthShare"/> of the trucks served a day (so that a statistically clear but
    /// negligible drift of a long run with many replications is not called an overload).
    /// </summary>
    private static bool IsGrowing(SampleSummary growth, double servedPerDay) =>
        growth.Count >= 2 && growth.Mean - growth.HalfWidth95 > 0 && !(growth.Mean < MaterialGrowthShare * servedPerDay);

    /// <summary>Growth a day, as a share of the trucks served a day, from which a growing backlog counts as an overload.</summary>
    public const double MaterialGrowthShare = 0.01;

    private static IEnumerable<double> Values(IReadOnlyList<ReplicationResult> replications, string name, string direction, string stage = "", string cargoClass = "") =>
        replications.SelectMany(r => r.Metrics).Where(m => m.Key.Name == name && m.Key.Direction == direction && m.Key.Stage == stage && m.Key.CargoClass == cargoClass).Select(m => m.Value);

    /// <summary>
    /// The stage with the highest mean share of its open server-hours busy or held back by a cap or quota (a capped
    /// stage that refuses trucks is at its limit even while its booths stand idle; the later one on a tie), or a pool
    /// the direction uses (<paramref name="pools"/>, named "pool X") whose units are in use (with a truck or returning)
    /// a larger share of their on-duty hours; with the binding stage's busy and held-back shares of its open hours
    /// (the pool's in-use share and 0 for a pool).
    /// </summary>
    private static (string Stage, double BusyOfOpen, double HeldBackOfOpen) BindingStage(IReadOnlyList<ReplicationResult> replications, string direction, IReadOnlyList<string> pools)
    {
        var stages = replications.SelectMany(r => r.Metrics).Where(m => m.Key.Name == Metrics.Utilisation.Name && m.Key.Direction == direction).Select(m => m.Key.Stage).Distinct().ToList();
        (string Stage, double BusyOfOpen, double HeldBackOfOpen) best = ("", double.NaN, 0);
        var bestShare = double.NegativeInfinity;
        foreach (var stage in stages)
        {
            var busy = Statistics.Summarise(Values(replications, Metrics.Utilisation.Name, direction, stage)).Mean;
            var heldBack = Statistics.Summarise(replications.Select(r => HeldBackOfOpen(r, direction, stage))).Mean;
            if (busy + heldBack >= bestShare - 1e-12)
            {
                best = (stage, busy, heldBack);
                bestShare = busy + heldBack;
            }
        }

        foreach (var pool in pools)
        {
            var share = Statistics.Summarise(Values(replications, Metrics.PoolUtilisation.Name, "", pool[LoadCheck.PoolPrefix.Length..])).Mean;
            if (share > bestShare + 1e-12)
            {
                best = (pool, share, 0);
                bestShare = share;
            }
        }

        return best;
    }

    /// <summary>A replication's held-back share of the stage's open server-hours: held back over all its server-hours, divided by the share open.</summary>
    private static double HeldBackOfOpen(ReplicationResult replication, string direction, string stage)
    {
        double heldBack = 0, closed = 0;
        foreach (var metric in replication.Metrics)
        {
            if (metric.Key.Direction != direction || metric.Key.Stage != stage)
            {
                continue;
            }

            if (metric.Key.Name == Metrics.UtilisationHeldBack.Name)
            {
                heldBack = metric.Value;
            }
            else if (metric.Key.Name == Metrics.UtilisationClosed.Name)
            {
                closed = metric.Value;
            }
        }

        return closed < 1 ? heldBack / (1 - closed) : 0;
    }
}
