using BorderSim.Model.Results;
using Parquet;
using Parquet.Schema;

namespace BorderSim.Reporting;

/// <summary>
/// timeseries.parquet (<c>run --parquet</c>): the rows and columns of <see cref="TimeSeriesCsv"/>, in the same
/// order, as one Parquet table. Strings are UTF-8, <c>hours</c> a double, <c>mean</c>, <c>p05</c> and <c>p95</c>
/// doubles where an empty CSV cell (does not apply) is null; the values are the CSV's to the last bit.
/// </summary>
public static class TimeSeriesParquet
{
    public const string FileName = "timeseries.parquet";

    /// <summary>Rows per row group: bounds the memory held while writing a long series at a fine step.</summary>
    internal const int RowGroupRows = 1 << 18;

    private static readonly DataField<string> Time = new("time");
    private static readonly DataField<double> Hours = new("hours");
    private static readonly DataField<string>[] Labels =
        [.. new[] { "series", "name", "direction", "class", "stage", "unit" }.Select(n => new DataField<string>(n))];

    private static readonly DataField<double?>[] Values =
        [.. new[] { "mean", "p05", "p95" }.Select(n => new DataField<double?>(n))];

    public static readonly ParquetSchema Schema = new([Time, Hours, .. Labels, .. Values]);

    public static void Write(ExperimentResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        IReadOnlyList<SeriesSummary> series = TimeSeriesOutput.Of(result);
        int samples = series.Count == 0 ? 0 : series.Max(s => s.Mean.Length);
        ParquetFiles.Write(Schema, stream, writer => WriteRows(result, series, samples, writer));
    }

    private static void WriteRows(ExperimentResult result, IReadOnlyList<SeriesSummary> series, int samples, ParquetWriter writer)
    {
        var group = new Rows(series.Count);
        for (int i = 0; i < samples; i++)
        {
            double hours = i * series[0].StepHours;
            string time = TimeSeriesCsv.FormatTime(result.LocalTimeAt(hours));
            foreach (SeriesSummary s in series)
            {
                if (i < s.Mean.Length)
                {
                    group.Add(time, hours, s, i);
                }
            }

            if (group.Count >= RowGroupRows)
            {
                group.WriteTo(writer);
            }
        }

        if (group.Count > 0 || samples == 0)
        {
            group.WriteTo(writer);
        }
    }

    /// <summary>The columns of the rows not yet written, as a row group.</summary>
    private sealed class Rows(int seriesCount)
    {
        private readonly List<string> _time = new(seriesCount);
        private readonly List<double> _hours = new(seriesCount);
        private readonly List<string>[] _labels = [.. Labels.Select(_ => new List<string>(seriesCount))];
        private readonly List<double?>[] _values = [.. Values.Select(_ => new List<double?>(seriesCount))];

        public int Count => _time.Count;

        public void Add(string time, double hours, SeriesSummary s, int i)
        {
            _time.Add(time);
            _hours.Add(hours);
            string[] labels = [s.Id, s.Name, s.Direction, s.CargoClass, s.Stage, s.Unit];
            for (int c = 0; c < labels.Length; c++)
            {
                _labels[c].Add(labels[c]);
            }

            _values[0].Add(ParquetFiles.NullIfNaN(s.Mean[i]));
            _values[1].Add(ParquetFiles.NullIfNaN(s.Lower[i]));
            _values[2].Add(ParquetFiles.NullIfNaN(s.Upper[i]));
        }

        public void WriteTo(ParquetWriter writer)
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            ParquetFiles.Run(() => group.WriteAsync(Time, _time));
            ParquetFiles.Run(() => group.WriteAsync<double>(Hours, _hours.ToArray()));
            for (int c = 0; c < Labels.Length; c++)
            {
                ParquetFiles.Run(() => group.WriteAsync(Labels[c], _labels[c]));
            }

            for (int c = 0; c < Values.Length; c++)
            {
                ParquetFiles.Run(() => group.WriteAsync<double>(Values[c], _values[c].ToArray()));
            }

            _time.Clear();
            _hours.Clear();
            Array.ForEach(_labels, l => l.Clear());
            Array.ForEach(_values, v => v.Clear());
        }
    }
}
