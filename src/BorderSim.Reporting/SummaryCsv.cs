using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// summary.csv: one row per metric, in the order the model reports them. Columns: metric (the
/// <see cref="MetricKey.Id"/>), name, direction, class, stage, unit, replications, mean, sd (sample
/// standard deviation across replications), ci95_half_width (Student-t 95% half-width of the mean),
/// min, max (over replications).
/// </summary>
public static class SummaryCsv
{
    public const string FileName = "summary.csv";

    public static readonly string[] Header =
        ["metric", "name", "direction", "class", "stage", "unit", "replications", "mean", "sd", "ci95_half_width", "min", "max"];

    public static void Write(ExperimentResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = Csv.CreateWriter(writer);
        csv.WriteRow(Header);
        foreach (MetricSummary metric in result.Summary)
        {
            MetricKey key = metric.Key;
            csv.WriteRow(
                key.Id, key.Name, key.Direction, key.CargoClass, key.Stage, key.Unit,
                CsvNumbers.Format(metric.Replications),
                CsvNumbers.Format(metric.Mean),
                CsvNumbers.Format(metric.StandardDeviation),
                CsvNumbers.Format(metric.HalfWidth95),
                CsvNumbers.Format(metric.Min),
                CsvNumbers.Format(metric.Max));
        }
    }

    public static void WriteFile(ExperimentResult result, string path) => AtomicFile.WriteText(path, w => Write(result, w));
}
