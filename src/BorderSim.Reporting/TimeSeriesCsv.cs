using BorderSim.Model.Results;
using NodaTime.Text;

namespace BorderSim.Reporting;

/// <summary>
/// timeseries.csv in long format: one row per sample time and series. Columns: time (local date-time
/// in the scenario's zone, ISO 8601 without offset, e.g. 2026-06-01T07:15:00), hours (from the start
/// of the run), series (the series id, e.g. <c>queue_trucks/export/vn_customs</c>), name, direction,
/// class (cargo class of a per-class series such as <c>in_system_trucks/import/fruit</c>, else empty),
/// stage, unit, mean (over replications), p05 and p95 (5th and 95th percentile across replications:
/// the band in the plots). Rows are sorted by time, then by series in the model's order. The step is
/// <see cref="TimeSeriesOutput.StepMinutes"/>: the scenario's <c>timeseries_step</c>, else one that fits the run.
/// </summary>
public static class TimeSeriesCsv
{
    public const string FileName = "timeseries.csv";

    public static readonly string[] Header = ["time", "hours", "series", "name", "direction", "class", "stage", "unit", "mean", "p05", "p95"];

    private static readonly LocalDateTimePattern TimePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");

    public static void Write(ExperimentResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = Csv.CreateWriter(writer);
        csv.WriteRow(Header);
        IReadOnlyList<SeriesSummary> series = TimeSeriesOutput.Of(result);
        int samples = series.Count == 0 ? 0 : series.Max(s => s.Mean.Length);
        for (int i = 0; i < samples; i++)
        {
            // Every series shares the step: format the time of sample i once, not once per series.
            double hours = i * series[0].StepHours;
            string time = TimePattern.Format(result.LocalTimeAt(hours));
            string hoursText = CsvNumbers.Format(hours);
            foreach (SeriesSummary s in series)
            {
                if (i >= s.Mean.Length)
                {
                    continue;
                }

                // With one replication (or a flat band) the three are the same number: format it once.
                string mean = CsvNumbers.Format(s.Mean[i]);
                string lower = SameBits(s.Lower[i], s.Mean[i]) ? mean : CsvNumbers.Format(s.Lower[i]);
                string upper = SameBits(s.Upper[i], s.Mean[i]) ? mean : CsvNumbers.Format(s.Upper[i]);
                csv.WriteRow(
                    time,
                    hoursText,
                    s.Id, s.Name, s.Direction, s.CargoClass, s.Stage, s.Unit,
                    mean,
                    lower,
                    upper);
            }
        }
    }

    private static bool SameBits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    public static void WriteFile(ExperimentResult result, string path) => AtomicFile.WriteText(path, w => Write(result, w));

    /// <summary>The local time format of the time column.</summary>
    public static string FormatTime(NodaTime.LocalDateTime time) => TimePattern.Format(time);
}
