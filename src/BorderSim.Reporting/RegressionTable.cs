using System.Globalization;
using BorderSim.Model.Experiments;

namespace BorderSim.Reporting;

/// <summary>What moved in a regression check: a console table of the moved metrics, and regression.csv with every metric checked.</summary>
public static class RegressionTable
{
    public static readonly string[] CsvHeader =
        ["scenario_file", "metric", "baseline_mean", "new_mean", "difference", "relative_change", "p_value", "regression", "reason"];

    /// <summary>metric, baseline mean, new mean, difference, relative change, p-value (and why), indented under the scenario's line.</summary>
    public static void Write(IReadOnlyList<RegressionFinding> findings, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(writer);
        var table = new TextTable("metric", "baseline mean", "new mean", "difference", "relative", "p-value", "why");
        foreach (RegressionFinding f in findings)
        {
            table.Add(
                f.Metric,
                SummaryTable.FormatNumber(f.BaselineMean),
                SummaryTable.FormatNumber(f.NewMean),
                ComparisonTable.Signed(f.Difference),
                double.IsFinite(f.RelativeChange) ? (f.RelativeChange * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "-",
                FormatP(f.PValue),
                f.Reason);
        }

        table.Write(writer, "  ");
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
                file, f.Metric,
                CsvNumbers.Format(f.BaselineMean), CsvNumbers.Format(f.NewMean), CsvNumbers.Format(f.Difference),
                CsvNumbers.Format(f.RelativeChange), CsvNumbers.Format(f.PValue),
                f.IsRegression ? "true" : "false", f.Reason);
        }
    }
}
