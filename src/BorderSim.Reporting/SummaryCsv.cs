using System.Globalization;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// summary.csv: one row per metric, in the order the model reports them. Columns: metric (the
/// <see cref="MetricKey.Id"/>), name, direction, class, stage, unit, replications, mean, sd (sample
/// standard deviation across replications), ci95_half_width (Student-t 95% half-width of the mean),
/// min, max (over replications). The same format serves as a batch part file.
/// </summary>
public static class SummaryCsv
{
    public const string FileName = "summary.csv";

    public static readonly string[] Header =
        [.. MetricKeyColumns.Header, "replications", "mean", "sd", "ci95_half_width", "min", "max"];

    public static void Write(ExperimentResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        Write(result.Summary, writer);
    }

    public static void Write(IReadOnlyList<MetricSummary> summary, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var csv = Csv.CreateWriter(writer);
        csv.WriteRow(Header);
        foreach (MetricSummary metric in summary)
        {
            csv.WriteRow(Fields(metric));
        }
    }

    /// <summary>One metric's fields in <see cref="Header"/> order.</summary>
    public static string[] Fields(MetricSummary metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return
        [
            .. MetricKeyColumns.Fields(metric.Key),
            CsvNumbers.Format(metric.Replications),
            CsvNumbers.Format(metric.Mean),
            CsvNumbers.Format(metric.StandardDeviation),
            CsvNumbers.Format(metric.HalfWidth95),
            CsvNumbers.Format(metric.Min),
            CsvNumbers.Format(metric.Max),
        ];
    }

    public static void WriteFile(ExperimentResult result, string path) => AtomicFile.WriteText(path, w => Write(result, w));

    /// <summary>
    /// The rows of a summary.csv as text fields in <see cref="Header"/> order (as written, so they can be copied
    /// byte for byte into a combined file). Throws <see cref="InvalidDataException"/> when a column is missing.
    /// </summary>
    public static IReadOnlyList<string[]> ReadRows(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var csv = Csv.CreateReader(reader);
        IReadOnlyList<string> header = Csv.RequireColumns(csv, source, Header);
        int[] positions = [.. Header.Select(c => IndexOf(header, c))];
        var rows = new List<string[]>();
        foreach (string[] row in Csv.ReadRows(csv, header.Count))
        {
            rows.Add([.. positions.Select(p => row[p])]);
        }

        return rows;
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (header[i] == column)
            {
                return i;
            }
        }

        return -1;
    }
}
