using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// comparison.csv: one row per (alternative, metric): the paired difference alternative − base over the
/// common-random-number pairs, its confidence interval (paired t, Bonferroni-adjusted over alternatives;
/// the level is in the confidence column), the change relative to the base mean, and whether the
/// interval excludes zero.
/// </summary>
public static class ComparisonCsv
{
    public const string FileName = "comparison.csv";

    public static readonly string[] Header =
    [
        .. MetricKeyColumns.Header, "alternative", "pairs",
        "base_mean", "alternative_mean", "difference", "ci_lower", "ci_upper", "confidence", "relative_change", "significant",
    ];

    public static void Write(IReadOnlyList<MetricDifference> differences, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(differences);
        using var csv = Csv.CreateWriter(writer);
        csv.WriteRow(Header);
        foreach (MetricDifference d in differences)
        {
            csv.WriteRow(
            [
                .. MetricKeyColumns.Fields(d.Key),
                Csv.Text(d.Alternative),
                CsvNumbers.Format(d.Pairs),
                CsvNumbers.Format(d.BaseMean),
                CsvNumbers.Format(d.AlternativeMean),
                CsvNumbers.Format(d.Difference),
                CsvNumbers.Format(d.Lower),
                CsvNumbers.Format(d.Upper),
                CsvNumbers.Format(d.ConfidenceLevel),
                CsvNumbers.Format(d.RelativeChange),
                d.IsSignificant ? "true" : "false",
            ]);
        }
    }

    public static void WriteFile(IReadOnlyList<MetricDifference> differences, string path) =>
        AtomicFile.WriteText(path, w => Write(differences, w));

    /// <summary>The confidence level as a percentage for labels: 0.95 → "95%", 0.975 → "97.5%", 0.98333 → "98.3%".</summary>
    public static string Percent(double level) =>
        (Math.Round(level * 1000) / 10).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
