using BorderSim.Model.Experiments;

namespace BorderSim.Reporting;

/// <summary>One configuration of an optimization, as reported.</summary>
/// <param name="Values">The varied paths' values, in path order.</param>
/// <param name="Status">best, feasible, feasible, screened out, or infeasible.</param>
/// <param name="Verdict">The procedure's verdict.</param>
/// <param name="Replications">Replications run.</param>
/// <param name="Resources">Check servers plus road lanes.</param>
/// <param name="Objective">The objective over replications.</param>
/// <param name="Targets">Each target's metric over replications.</param>
public sealed record OptimizeRow(IReadOnlyList<string> Values, string Status, ConfigurationVerdict Verdict, int Replications, double Resources, SampleSummary Objective, IReadOnlyList<SampleSummary> Targets)
{
    /// <summary>Directions found overloaded (the metric overloaded/DIRECTION at 1 in most replications): their values grow with the run's length.</summary>
    public IReadOnlyList<string> OverloadedDirections { get; init; } = [];
}

/// <summary>
/// optimize.csv: one row per configuration in the order of the combinations (the last --vary fastest): the varied
/// values, status (best / feasible / feasible, screened out / infeasible), every target it misses and every target
/// left undecided when it was ruled out (each list joined by "; "), whether the
/// decision was taken with the guarantee (false when the replications ran out), replications, servers_and_lanes, the
/// objective's mean and 95% half-width, then each target's metric mean and half-width.
/// </summary>
public static class OptimizeCsv
{
    public const string FileName = "optimize.csv";

    public static void Write(IReadOnlyList<string> paths, IReadOnlyList<Target> targets, string objective, IReadOnlyList<OptimizeRow> rows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = Csv.CreateWriter(writer);
        csv.WriteRow(
        [
            .. paths, "status", "misses", "not_decided", "decided_with_guarantee", "replications", "servers_and_lanes", "objective", "objective_mean", "objective_ci95_half_width",
            .. targets.SelectMany(t => new[] { Csv.Text(t.ToString()) + " mean", Csv.Text(t.ToString()) + " ci95_half_width" }),
        ]);
        foreach (OptimizeRow row in rows)
        {
            csv.WriteRow(
            [
                .. row.Values.Select(Csv.Text),
                row.Status,
                Csv.Text(row.Verdict.IsOverloaded ? "overloaded" : string.Join("; ", row.Verdict.MissedTargets.Select(j => targets[j].ToString()))),
                Csv.Text(string.Join("; ", row.Verdict.UndecidedTargets.Select(j => targets[j].ToString()))),
                row.Verdict.IsDecidedWithGuarantee ? "true" : "false",
                CsvNumbers.Format(row.Replications),
                CsvNumbers.Format(row.Resources),
                Csv.Text(objective),
                CsvNumbers.Format(row.Objective.Mean),
                CsvNumbers.Format(row.Objective.HalfWidth95),
                .. row.Targets.SelectMany(t => new[] { CsvNumbers.Format(t.Mean), CsvNumbers.Format(t.HalfWidth95) }),
            ]);
        }
    }
}
