using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using NodaTime;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace BorderSim.Reporting;

/// <summary>
/// results.xlsx: the results as a workbook that opens cleanly in Excel and LibreOffice, whatever the reader's
/// locale (numbers are numbers, not text, so Vietnamese Excel shows 1.234,5 by itself; the CSV files' decimal
/// point is what it mangles). A run: summary, daily, timeseries (wide: one row per sample time, a column per
/// series' mean, p05 and p95), each with units in the headers; compare: comparison, then each scenario's summary.
/// Written with SpreadCheetah (streaming, no dependencies); pinned in Directory.Packages.props.
/// </summary>
public static class ResultsWorkbook
{
    public const string FileName = "results.xlsx";

    /// <summary>Excel's sheet limit on rows; a longer table is cut there and the last row says so.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>One sheet: a name (at most 31 characters), a header, rows of cells (string, double, int, LocalDate, or null for empty).</summary>
    public sealed record Sheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows, double FirstColumnWidth = 28);

    /// <summary>The sheets of a run.</summary>
    public static IReadOnlyList<Sheet> ForRun(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [SummarySheet("summary", result), DailySheet(result), TimeSeriesSheet(result)];
    }

    /// <summary>The sheets of a comparison: every paired difference, then the summary of each scenario (summary-1 = the base).</summary>
    public static IReadOnlyList<Sheet> ForComparison(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sheets = new List<Sheet> { ComparisonSheet(result) };
        for (int k = 0; k < result.Alternatives.Count; k++)
        {
            sheets.Add(SummarySheet($"summary-{k + 1}", result.Alternatives[k]));
        }

        return sheets;
    }

    /// <summary>Writes the workbook to <paramref name="stream"/>.</summary>
    public static void Write(IReadOnlyList<Sheet> sheets, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentNullException.ThrowIfNull(stream);
        // SpreadCheetah's API is asynchronous; the output session writes synchronously, so wait here.
        WriteAsync(sheets, stream).GetAwaiter().GetResult();
    }

    private static async Task WriteAsync(IReadOnlyList<Sheet> sheets, Stream stream)
    {
        var options = new SpreadCheetahOptions { DocumentProperties = new SpreadCheetah.Metadata.DocumentProperties { Title = "BorderSim results" } };
        await using Spreadsheet book = await Spreadsheet.CreateNewAsync(stream, options).ConfigureAwait(false);
        StyleId header = book.AddStyle(new Style { Font = new Font { Bold = true } });
        StyleId date = book.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
        foreach (Sheet sheet in sheets)
        {
            var worksheet = new WorksheetOptions { FrozenRows = 1 };
            worksheet.Column(1).Width = sheet.FirstColumnWidth;
            await book.StartWorksheetAsync(sheet.Name, worksheet).ConfigureAwait(false);
            await book.AddRowAsync([.. sheet.Header.Select(h => new Cell(h, header))]).ConfigureAwait(false);
            int rows = 1;
            foreach (IReadOnlyList<object?> row in sheet.Rows)
            {
                if (rows == MaxRows - 1)
                {
                    await book.AddRowAsync([new Cell($"cut at Excel's {MaxRows:N0} rows: the CSV file has every row")]).ConfigureAwait(false);
                    break;
                }

                await book.AddRowAsync([.. row.Select(c => ToCell(c, date))]).ConfigureAwait(false);
                rows++;
            }
        }

        await book.FinishAsync().ConfigureAwait(false);
    }

    private static Cell ToCell(object? value, StyleId date) => value switch
    {
        null => new Cell(),
        double d when double.IsFinite(d) => new Cell(d),
        double => new Cell(), // NaN: "does not apply", an empty cell as in the CSV files
        int i => new Cell(i),
        long l => new Cell(l),
        LocalDate day => new Cell(day.ToDateTimeUnspecified(), date),
        _ => new Cell(value.ToString()),
    };

    private static Sheet SummarySheet(string name, ExperimentResult result) => new(
        name,
        ["metric", "name", "direction", "class", "stage", "unit", "replications", "mean (unit)", "sd (unit)", "ci95_half_width (unit)", "min (unit)", "max (unit)"],
        result.Summary.Select(m => (IReadOnlyList<object?>)
        [
            m.Key.Id, m.Key.Name, m.Key.Direction, m.Key.CargoClass, m.Key.Stage, m.Key.Unit, m.Replications,
            m.Mean, m.StandardDeviation, m.HalfWidth95, m.Min, m.Max,
        ]),
        FirstColumnWidth: 44);

    private static Sheet DailySheet(ExperimentResult result) => new(
        "daily",
        [
            "date (local)", "direction", "class", "warm_up (1 = yes)", "replications",
            "arrived (trucks)", "arrived_ci95 (trucks)", "served (trucks)", "served_ci95 (trucks)",
            "gave_up (trucks)", "gave_up_ci95 (trucks)", "backlog_end_of_day (trucks)", "backlog_end_of_day_ci95 (trucks)",
            "wait_hours_mean (h)", "wait_hours_ci95 (h)", "wait_replications",
        ],
        result.Daily.Select(d => (IReadOnlyList<object?>)
        [
            d.Date, d.Direction, d.CargoClass, d.InWarmUp ? 1 : 0, d.Served.Replications,
            d.Arrived.Mean, d.Arrived.HalfWidth95, d.Served.Mean, d.Served.HalfWidth95,
            d.GaveUp.Mean, d.GaveUp.HalfWidth95, d.BacklogAtEnd.Mean, d.BacklogAtEnd.HalfWidth95,
            d.WaitHours.Mean, d.WaitHours.HalfWidth95, d.WaitHours.Replications,
        ]),
        FirstColumnWidth: 12);

    /// <summary>Wide: a row per sample time at timeseries.csv's step (local time, hours from the start), then mean, p05 and p95 of every series with its unit.</summary>
    private static Sheet TimeSeriesSheet(ExperimentResult result)
    {
        List<SeriesSummary> series = [.. TimeSeriesOutput.Of(result)];
        var header = new List<string> { "time (local)", "hours (from the start)" };
        foreach (SeriesSummary s in series)
        {
            string unit = s.Unit.Length > 0 ? $" ({s.Unit})" : "";
            header.AddRange([$"{s.Id} mean{unit}", $"{s.Id} p05{unit}", $"{s.Id} p95{unit}"]);
        }

        int samples = series.Count == 0 ? 0 : series.Min(s => s.Mean.Length);
        double step = series.Count == 0 ? 0 : series[0].StepHours;
        IEnumerable<IReadOnlyList<object?>> Rows()
        {
            for (int i = 0; i < samples; i++)
            {
                var row = new List<object?>(2 + (3 * series.Count))
                {
                    result.LocalTimeAt(i * step).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    i * step,
                };
                foreach (SeriesSummary s in series)
                {
                    row.Add(s.Mean[i]);
                    row.Add(s.Lower[i]);
                    row.Add(s.Upper[i]);
                }

                yield return row;
            }
        }

        return new Sheet("timeseries", header, Rows(), FirstColumnWidth: 20);
    }

    private static Sheet ComparisonSheet(ComparisonResult result) => new(
        "comparison",
        ["metric", "name", "direction", "class", "stage", "unit", "alternative", "pairs", "base_mean (unit)", "alternative_mean (unit)", "difference (unit)", "ci_lower (unit)", "ci_upper (unit)", "confidence", "relative_change", "significant (1 = yes)"],
        result.Differences.Select(d => (IReadOnlyList<object?>)
        [
            d.Key.Id, d.Key.Name, d.Key.Direction, d.Key.CargoClass, d.Key.Stage, d.Key.Unit, d.Alternative, d.Pairs,
            d.BaseMean, d.AlternativeMean, d.Difference, d.Lower, d.Upper, d.ConfidenceLevel, d.RelativeChange, d.IsSignificant ? 1 : 0,
        ]),
        FirstColumnWidth: 44);
}
