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
/// In Vietnamese (<c>--lang vi</c>) the sheet names, headers and words in cells (metric, direction, class, unit) are
/// Vietnamese; the metric id column stays as in summary.csv, so a row can still be found by its id.
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
    public static IReadOnlyList<Sheet> ForRun(ExperimentResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = language ?? ReportLanguage.English;
        return [SummarySheet(lang.Say("summary", "tổng hợp"), result, lang), DailySheet(result, lang), TimeSeriesSheet(result, lang)];
    }

    /// <summary>The sheets of a comparison: every paired difference, then the summary of each scenario (summary-1 = the base).</summary>
    public static IReadOnlyList<Sheet> ForComparison(ComparisonResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportLanguage lang = language ?? ReportLanguage.English;
        var sheets = new List<Sheet> { ComparisonSheet(result, lang) };
        for (int k = 0; k < result.Alternatives.Count; k++)
        {
            sheets.Add(SummarySheet(lang.Say($"summary-{k + 1}", $"tổng hợp-{k + 1}"), result.Alternatives[k], lang));
        }

        return sheets;
    }

    /// <summary>Writes the workbook to <paramref name="stream"/>.</summary>
    public static void Write(IReadOnlyList<Sheet> sheets, Stream stream, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentNullException.ThrowIfNull(stream);
        // SpreadCheetah's API is asynchronous; the output session writes synchronously, so wait here.
        WriteAsync(sheets, stream, language ?? ReportLanguage.English).GetAwaiter().GetResult();
    }

    private static async Task WriteAsync(IReadOnlyList<Sheet> sheets, Stream stream, ReportLanguage lang)
    {
        var options = new SpreadCheetahOptions { DocumentProperties = new SpreadCheetah.Metadata.DocumentProperties { Title = lang.Say("BorderSim results", "Kết quả BorderSim") } };
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
                    string rowsText = MaxRows.ToString("#,##0", lang.Numbers);
                    await book.AddRowAsync([new Cell(lang.Say($"cut at Excel's {rowsText} rows: the CSV file has every row", $"cắt ở giới hạn {rowsText} dòng của Excel: tệp CSV có mọi dòng"))]).ConfigureAwait(false);
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

    /// <summary>A column of words: in English the id as in the CSV files; in Vietnamese the planner's word for it.</summary>
    private static string Words(string value, Func<string, string> say, ReportLanguage lang) => lang.IsVietnamese && value.Length > 0 ? say(value) : value;

    private static Sheet SummarySheet(string name, ExperimentResult result, ReportLanguage lang) => new(
        name,
        lang.IsVietnamese
            ? ["mã chỉ tiêu", "chỉ tiêu", "chiều", "loại hàng", "khâu", "đơn vị", "số lần lặp", "trung bình (đơn vị)", "độ lệch chuẩn (đơn vị)", "nửa độ rộng KTC 95% (đơn vị)", "nhỏ nhất (đơn vị)", "lớn nhất (đơn vị)"]
            : ["metric", "name", "direction", "class", "stage", "unit", "replications", "mean (unit)", "sd (unit)", "ci95_half_width (unit)", "min (unit)", "max (unit)"],
        result.Summary.Select(m => (IReadOnlyList<object?>)
        [
            m.Key.Id, Words(m.Key.Name, lang.MetricWhat, lang), Words(m.Key.Direction, lang.Direction, lang), Words(m.Key.CargoClass, lang.CargoClass, lang), Words(m.Key.Stage, lang.Stage, lang), Words(m.Key.Unit, lang.Unit, lang), m.Replications,
            m.Mean, m.StandardDeviation, m.HalfWidth95, m.Min, m.Max,
        ]),
        FirstColumnWidth: 44);

    private static Sheet DailySheet(ExperimentResult result, ReportLanguage lang) => new(
        lang.Say("daily", "theo ngày"),
        lang.IsVietnamese
            ?
            [
                "ngày (giờ địa phương)", "chiều", "loại hàng", "khởi động (1 = có)", "số lần lặp",
                "số xe đến (xe)", "số xe đến, KTC 95% (xe)", "số xe thông quan (xe)", "số xe thông quan, KTC 95% (xe)",
                "số xe bỏ cuộc vì chờ lâu (xe)", "số xe bỏ cuộc, KTC 95% (xe)", "số xe quay đầu do lệnh cấm (xe)", "số xe quay đầu, KTC 95% (xe)",
                "số xe đang chờ quay đầu khi tạm dừng tuyến hoặc có lệnh cấm (xe)", "số xe đang chờ quay đầu, KTC 95% (xe)",
                "số xe đang chờ chuyển sang tuyến khác khi tạm dừng tuyến (xe)", "số xe đang chờ chuyển tuyến khác, KTC 95% (xe)",
                "số xe chuyển tuyến (xe)", "số xe chuyển tuyến, KTC 95% (xe)", "xe tồn cuối ngày (xe)", "xe tồn cuối ngày, KTC 95% (xe)",
                "xe bị giữ tại nơi xuất phát cuối ngày (xe)", "xe bị giữ tại nơi xuất phát, KTC 95% (xe)",
                "thời gian chờ trung bình (giờ)", "thời gian chờ, KTC 95% (giờ)", "số lần lặp có thời gian chờ",
            ]
            :
            [
                "date (local)", "direction", "class", "warm_up (1 = yes)", "replications",
                "arrived (trucks)", "arrived_ci95 (trucks)", "served (trucks)", "served_ci95 (trucks)",
                "gave_up (trucks)", "gave_up_ci95 (trucks)", "turned_away (trucks)", "turned_away_ci95 (trucks)",
                "left_on_event (trucks)", "left_on_event_ci95 (trucks)",
                "moved_on_event (trucks)", "moved_on_event_ci95 (trucks)",
                "diverted (trucks)", "diverted_ci95 (trucks)", "backlog_end_of_day (trucks)", "backlog_end_of_day_ci95 (trucks)",
                "held_at_origin_end_of_day (trucks)", "held_at_origin_end_of_day_ci95 (trucks)",
                "wait_hours_mean (h)", "wait_hours_ci95 (h)", "wait_replications",
            ],
        result.Daily.Select(d => (IReadOnlyList<object?>)
        [
            d.Date, Words(d.Direction, lang.Direction, lang), Words(d.CargoClass, lang.CargoClass, lang), d.InWarmUp ? 1 : 0, d.Served.Replications,
            d.Arrived.Mean, d.Arrived.HalfWidth95, d.Served.Mean, d.Served.HalfWidth95,
            d.GaveUp.Mean, d.GaveUp.HalfWidth95, d.TurnedAway.Mean, d.TurnedAway.HalfWidth95,
            d.LeftOnEvent.Mean, d.LeftOnEvent.HalfWidth95,
            d.MovedOnEvent.Mean, d.MovedOnEvent.HalfWidth95,
            d.Diverted.Mean, d.Diverted.HalfWidth95, d.BacklogAtEnd.Mean, d.BacklogAtEnd.HalfWidth95,
            d.HeldAtOriginAtEnd.Mean, d.HeldAtOriginAtEnd.HalfWidth95,
            d.WaitHours.Mean, d.WaitHours.HalfWidth95, d.WaitHours.Replications,
        ]),
        FirstColumnWidth: 12);

    /// <summary>Wide: a row per sample time at timeseries.csv's step (local time, hours from the start), then mean, p05 and p95 of every series with its unit.</summary>
    private static Sheet TimeSeriesSheet(ExperimentResult result, ReportLanguage lang)
    {
        List<SeriesSummary> series = [.. TimeSeriesOutput.Of(result)];
        var header = new List<string> { lang.Say("time (local)", "thời điểm (giờ địa phương)"), lang.Say("hours (from the start)", "số giờ (từ lúc bắt đầu)") };
        foreach (SeriesSummary s in series)
        {
            string unit = s.Unit.Length > 0 ? $" ({(lang.IsVietnamese ? lang.Unit(s.Unit) : s.Unit)})" : "";
            header.AddRange([$"{s.Id} {lang.Say("mean", "trung bình")}{unit}", $"{s.Id} p05{unit}", $"{s.Id} p95{unit}"]);
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

        return new Sheet(lang.Say("timeseries", "chuỗi thời gian"), header, Rows(), FirstColumnWidth: 20);
    }

    private static Sheet ComparisonSheet(ComparisonResult result, ReportLanguage lang) => new(
        lang.Say("comparison", "so sánh"),
        lang.IsVietnamese
            ? ["mã chỉ tiêu", "chỉ tiêu", "chiều", "loại hàng", "khâu", "đơn vị", "phương án", "số cặp", "trung bình gốc (đơn vị)", "trung bình phương án (đơn vị)", "chênh lệch (đơn vị)", "cận dưới KTC (đơn vị)", "cận trên KTC (đơn vị)", "độ tin cậy", "thay đổi tương đối", "có ý nghĩa (1 = có)"]
            : ["metric", "name", "direction", "class", "stage", "unit", "alternative", "pairs", "base_mean (unit)", "alternative_mean (unit)", "difference (unit)", "ci_lower (unit)", "ci_upper (unit)", "confidence", "relative_change", "significant (1 = yes)"],
        result.Differences.Select(d => (IReadOnlyList<object?>)
        [
            d.Key.Id, Words(d.Key.Name, lang.MetricWhat, lang), Words(d.Key.Direction, lang.Direction, lang), Words(d.Key.CargoClass, lang.CargoClass, lang), Words(d.Key.Stage, lang.Stage, lang), Words(d.Key.Unit, lang.Unit, lang), d.Alternative, d.Pairs,
            d.BaseMean, d.AlternativeMean, d.Difference, d.Lower, d.Upper, d.ConfidenceLevel, d.RelativeChange, d.IsSignificant ? 1 : 0,
        ]),
        FirstColumnWidth: 44);
}
