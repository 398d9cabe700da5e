using System.Globalization;
using BorderSim.Model.Experiments;

namespace BorderSim.Reporting;

/// <summary>What moved in a regression check: a console table of the moved metrics, and regression.csv with every metric checked.</summary>
public static class RegressionTable
{
    public static readonly string[] CsvHeader =
        ["scenario_file", "metric", "pairs", "baseline_mean", "new_mean", "difference", "relative_change", "p_value", "p_holm", "regression", "reason"];

    /// <summary>metric, baseline mean, new mean, mean paired difference, relative change, Holm-adjusted p (and why), indented under the scenario's line.</summary>
    public static void Write(IReadOnlyList<RegressionFinding> findings, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(writer);
        // The test is explained once below the table; other reasons (exact mode, a missing metric) get a column.
        bool showWhy = findings.Any(f => f.Reason != "paired t-test");
        string[] headings = ["metric", "baseline mean", "new mean", "difference", "relative", "p (Holm)"];
        var table = new TextTable(showWhy ? [.. headings, "why"] : headings);
        foreach (RegressionFinding f in findings)
        {
            string[] cells =
            [
                f.Metric,
                SummaryTable.FormatNumber(f.BaselineMean),
                SummaryTable.FormatNumber(f.NewMean),
                ComparisonTable.Signed(f.Difference),
                double.IsFinite(f.RelativeChange) ? (f.RelativeChange * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "-",
                FormatP(f.AdjustedPValue),
            ];
            table.Add(showWhy ? [.. cells, f.Reason] : cells);
        }

        table.Write(writer, "  ");
        int pairs = findings.Select(f => f.Pairs).DefaultIfEmpty(0).Max();
        writer.Write($"  (paired t-test per metric on {pairs} replications with common random numbers; moved = Holm-adjusted p below {Regression.FamilyAlpha.ToString(CultureInfo.InvariantCulture)}, at most {(Regression.FamilyAlpha * 100).ToString(CultureInfo.InvariantCulture)}% false alarms per scenario)\n");
    }

    public static string FormatP(double p) => p switch
    {
        double.NaN => "-",
        < 1e-6 => "<1e-6",
        < 0.001 => p.ToString("0.0E+0", CultureInfo.InvariantCulture),
        _ => p.ToString("0.000", CultureInfo.InvariantCulture),
    };

    public static void WriteCsv(IEnumerable<(string File, RegressionFinding Finding)> findings, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(findings);
        using var csv = Csv.CreateWriter(writer);
        csv.WriteRow(CsvHeader);
        foreach ((string file, RegressionFinding f) in findings)
        {
            csv.WriteRow(
                Csv.Text(file), f.Metric, CsvNumbers.Format(f.Pairs),
                CsvNumbers.Format(f.BaselineMean), CsvNumbers.Format(f.NewMean), CsvNumbers.Format(f.Difference),
                CsvNumbers.Format(f.RelativeChange), CsvNumbers.Format(f.PValue), CsvNumbers.Format(f.AdjustedPValue),
                f.IsRegression ? "true" : "false", f.Reason);
        }
    }
}
