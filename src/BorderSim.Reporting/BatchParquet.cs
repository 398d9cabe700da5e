using System.Globalization;
using Parquet.Schema;

namespace BorderSim.Reporting;

/// <summary>
/// batch.parquet: the rows of batch.csv as one Parquet dataset, partitioned by run in the Hive style
/// (<c>batch.parquet/run=1/part-0.parquet</c>, ...), which DuckDB, pandas (pyarrow) and Polars read in one call with
/// the partition's <c>run</c> as a column. Each file has batch.csv's columns after <c>run</c>: scenario_file,
/// scenario_name, one column per swept path (a double when every run's value is a number, else text), metric, name,
/// direction, class, stage, unit, replications (an integer), mean, sd, ci95_half_width, min, max (doubles; null
/// where batch.csv's cell is empty). Built from the run list and the parts like batch.csv, so a merged batch writes
/// the same bytes.
/// </summary>
public static class BatchParquet
{
    public const string DirectoryName = "batch.parquet";

    /// <summary>The file of one run in the dataset: batch.parquet/run=N/part-0.parquet.</summary>
    public static string PartitionFile(int run) => $"{DirectoryName}/run={run.ToString(CultureInfo.InvariantCulture)}/part-0.parquet";

    /// <summary>Writes one file per run with a part into <paramref name="folder"/>.</summary>
    public static void Write(IOutputFolder folder, IReadOnlyList<string> sweptPaths, IReadOnlyList<(BatchRun Run, IReadOnlyList<string[]> PartRows)> parts)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(sweptPaths);
        ArgumentNullException.ThrowIfNull(parts);
        string[] header = BatchCsv.Header(sweptPaths);
        bool[] isNumber = [.. sweptPaths.Select((_, i) => parts.All(p => IsNumber(p.Run.SweepValues[i])))];
        DataField[] swept = [.. sweptPaths.Select((_, i) => isNumber[i] ? (DataField)new DataField<double>(header[3 + i]) : new DataField<string>(header[3 + i]))];
        var scenarioFile = new DataField<string>("scenario_file");
        var scenarioName = new DataField<string>("scenario_name");
        var schema = new ParquetSchema([scenarioFile, scenarioName, .. swept, .. SummaryFields]);
        foreach ((BatchRun run, IReadOnlyList<string[]> rows) in parts)
        {
            folder.Write(PartitionFile(run.Run), stream => ParquetFiles.Write(schema, stream, writer =>
            {
                using Parquet.ParquetRowGroupWriter group = writer.CreateRowGroup();
                int n = rows.Count;
                ParquetFiles.Run(() => group.WriteAsync(scenarioFile, Enumerable.Repeat(run.ScenarioFile, n).ToArray()));
                ParquetFiles.Run(() => group.WriteAsync(scenarioName, Enumerable.Repeat(run.ScenarioName, n).ToArray()));
                for (int i = 0; i < swept.Length; i++)
                {
                    string value = run.SweepValues[i];
                    DataField field = swept[i];
                    ParquetFiles.Run(() => isNumber[i]
                        ? group.WriteAsync<double>(field, Enumerable.Repeat(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture), n).ToArray())
                        : group.WriteAsync(field, Enumerable.Repeat(value, n).ToArray()));
                }

                WriteSummaryColumns(group, rows);
            }));
        }
    }

    /// <summary>The summary.csv columns: six texts, the replications, then five numbers.</summary>
    private static readonly DataField[] SummaryFields =
    [
        .. SummaryCsv.Header[..6].Select(n => new DataField<string>(n)),
        new DataField<int>(SummaryCsv.Header[6]),
        .. SummaryCsv.Header[7..].Select(n => new DataField<double?>(n)),
    ];

    private static void WriteSummaryColumns(Parquet.ParquetRowGroupWriter group, IReadOnlyList<string[]> rows)
    {
        for (int c = 0; c < 6; c++)
        {
            ParquetFiles.Run(() => group.WriteAsync(SummaryFields[c], rows.Select(r => r[c]).ToArray()));
        }

        ParquetFiles.Run(() => group.WriteAsync<int>(SummaryFields[6], rows.Select(r => int.Parse(r[6], NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray()));
        for (int c = 7; c < SummaryFields.Length; c++)
        {
            ParquetFiles.Run(() => group.WriteAsync<double>(SummaryFields[c], rows.Select(r => r[c].Length == 0 ? (double?)null : double.Parse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()));
        }
    }

    /// <summary>A swept value that reads back to the same text as a double (so the column loses nothing as a number).</summary>
    private static bool IsNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) && CsvNumbers.Format(d) == value;
}
