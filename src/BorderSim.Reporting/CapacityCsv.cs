using BorderSim.Model.Experiments;

namespace BorderSim.Reporting;

/// <summary>One evaluated demand factor of a capacity search, as reported.</summary>
/// <param name="Point">The factor, its demand and the target metric per replication.</param>
/// <param name="ScaledValues">The values the factor gave the scaled paths, in path order.</param>
/// <param name="MeetsTarget">yes (even the pessimistic end of the 95% interval meets it), unsure, or no.</param>
/// <param name="IsOverloaded">Whether some stage's demand reaches its capacity (the load check): the metric then grows with the run's length.</param>
public sealed record CapacityRow(CapacityPoint Point, IReadOnlyList<string> ScaledValues, string MeetsTarget, bool IsOverloaded);

/// <summary>
/// capacity.csv: first the answer (rows <c>capacity</c>, <c>ci95_low</c>, <c>ci95_high</c>: the interpolated
/// factor and demand, with <c>below</c>/<c>above</c> in meets_target when it lies outside the factors tried),
/// then one <c>evaluated</c> row per demand factor in increasing order: the scaled paths' values, the target
/// metric's mean over replications, its 95% half-width and interval, whether the target is met, and whether
/// the load check finds a stage overloaded.
/// </summary>
public static class CapacityCsv
{
    public const string FileName = "capacity.csv";

    public static string[] Header(IReadOnlyList<string> scaledPaths) =>
        ["kind", "factor", "demand_trucks_per_day", .. scaledPaths, "metric", "replications", "mean", "ci95_half_width", "ci95_low", "ci95_high", "meets_target", "overloaded"];

    public static void Write(
        IReadOnlyList<string> scaledPaths,
        Target target,
        IReadOnlyList<(string Kind, TargetCrossing Crossing, double DemandTrucksPerDay)> answer,
        IReadOnlyList<CapacityRow> rows,
        TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(scaledPaths);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = Csv.CreateWriter(writer);
        csv.WriteRow(Header(scaledPaths));
        string[] blanks = [.. scaledPaths.Select(_ => "")];
        foreach ((string kind, TargetCrossing crossing, double demand) in answer)
        {
            string where = crossing.IsBelowRange ? "below" : crossing.IsAboveRange ? "above" : "";
            csv.WriteRow([kind, CsvNumbers.Format(crossing.Factor), CsvNumbers.Format(demand), .. blanks, Csv.Text(target.MetricId), "", "", "", "", "", where, ""]);
        }

        foreach (CapacityRow row in rows.OrderBy(r => r.Point.Factor))
        {
            CapacityPoint p = row.Point;
            csv.WriteRow(
            [
                "evaluated",
                CsvNumbers.Format(p.Factor),
                CsvNumbers.Format(p.DemandTrucksPerDay),
                .. row.ScaledValues.Select(Csv.Text),
                Csv.Text(target.MetricId),
                CsvNumbers.Format(p.Values.Count),
                CsvNumbers.Format(p.Mean),
                CsvNumbers.Format(p.HalfWidth),
                CsvNumbers.Format(p.Lower),
                CsvNumbers.Format(p.Upper),
                row.MeetsTarget,
                row.IsOverloaded ? "yes" : "no",
            ]);
        }
    }
}
