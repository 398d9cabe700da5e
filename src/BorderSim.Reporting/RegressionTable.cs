using System.Globalization;
using BorderSim.Model.Experiments;

namespace BorderSim.Reporting;

/// <summary>What moved in a regression check: a console table of the moved metrics, and regression.csv with every metric checked.</summary>
public static class RegressionTable
{
    public static readonly string[] CsvHeader =
        ["scenario_file", "metric", "pairs", "baseline_mean", "new_mean", "difference", "relative_change", "p_value", "p_holm", "regression", "reason"];

    /// <summary>metric, baseline mean, new mean, mean paired difference, relative change, Holm-adjusted p (and why), indented under the scenario's line.</summary>
    public static void Write(IReadOnlyList<RegressionFinding> findings, TextWriter writer, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(writer);
        ReportLanguage lang = language ?? ReportLanguage.English;
        // The test is explained once below the table; other reasons (exact mode, a missing metric) get a column.
        bool showWhy = findings.Any(f => f.Reason != "paired t-test");
        string[] headings = lang.IsVietnamese
            ? ["chỉ tiêu", "trung bình mốc", "trung bình mới", "chênh lệch", "tương đối", "p (Holm)"]
            : ["metric", "baseline mean", "new mean", "difference", "relative", "p (Holm)"];
        var table = new TextTable(showWhy ? [.. headings, lang.Say("why", "lý do")] : headings);
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
        string alpha = Regression.FamilyAlpha.ToString(CultureInfo.InvariantCulture), percent = (Regression.FamilyAlpha * 100).ToString(CultureInfo.InvariantCulture);
        writer.Write(lang.Say(
            $"  (paired t-test per metric on {pairs} replications with common random numbers; moved = Holm-adjusted p below {alpha}, at most {percent}% false alarms per scenario)\n",
            $"  (kiểm định t ghép cặp cho từng chỉ tiêu trên {pairs} lần lặp dùng chung số ngẫu nhiên; lệch = p đã hiệu chỉnh Holm dưới {alpha}, tối đa {percent}% báo động nhầm mỗi kịch bản)\n"));
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
