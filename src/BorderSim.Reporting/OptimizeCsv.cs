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
public sealed record OptimizeRow(IReadOnlyList<string> Values, string Status, ConfigurationVerdict Verdict, int Replications, double Resources, SampleSummary Objective, IReadOnlyList<SampleSummary> Targets);

/// <summary>
/// optimize.csv: one row per configuration in the order of the combinations (the last --vary fastest): the varied
/// values, status (best / feasible / feasible, screened out / infeasible), the first target it misses, whether the
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
            .. paths, "status", "misses", "decided_with_guarantee", "replications", "servers_and_lanes", "objective", "objective_mean", "objective_ci95_half_width",
            .. targets.SelectMany(t => new[] { Csv.Text(t.ToString()) + " mean", Csv.Text(t.ToString()) + " ci95_half_width" }),
        ]);
        foreach (OptimizeRow row in rows)
        {
            csv.WriteRow(
            [
                .. row.Values.Select(Csv.Text),
                row.Status,
                row.Verdict.MissedTarget >= 0 ? Csv.Text(targets[row.Verdict.MissedTarget].ToString()) : "",
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
