using BorderSim.Reporting;

namespace BorderSim.Studies;

/// <summary>
/// calibration.csv: one row per value fitted (path, low, high: the range searched; fitted; interval_low,
/// interval_high: its 95 % profile interval, an end at the range's end marked in low_at_range_end /
/// high_at_range_end; identified: false when the discrepancy is flat over the range; threshold: the rise of the
/// discrepancy that bounds the interval). candidates.csv: every candidate evaluated (candidate, phase: start, search
/// or profile, one column per path, discrepancy at the fit's scale).
/// </summary>
public static class CalibrationCsv
{
    public const string FileName = "calibration.csv";

    public const string CandidatesFileName = "candidates.csv";

    public static readonly string[] Header =
        ["path", "low", "high", "fitted", "interval_low", "interval_high", "low_at_range_end", "high_at_range_end", "identified", "threshold"];

    public static void Write(CalibrationStudy study, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(study);
        WriteRow(writer, Header);
        foreach (FittedValue f in study.Fitted)
        {
            WriteRow(writer,
                Text(f.Parameter.Path),
                CsvNumbers.Format(f.Parameter.Low),
                CsvNumbers.Format(f.Parameter.High),
                CsvNumbers.Format(f.Value),
                CsvNumbers.Format(f.Low),
                CsvNumbers.Format(f.High),
                f.LowAtBound ? "true" : "false",
                f.HighAtBound ? "true" : "false",
                f.IsIdentified ? "true" : "false",
                CsvNumbers.Format(study.ThresholdInUse));
        }
    }

    /// <summary>One CSV line, "\n" ended; a field with a comma, quote or line end is quoted.</summary>
    private static void WriteRow(TextWriter writer, params string[] fields) =>
        writer.Write(string.Join(',', fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) < 0 ? f : "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + "\n");

    /// <summary>A path as a cell: a leading =, +, - or @ is quoted away (spreadsheet formula injection).</summary>
    private static string Text(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;

    public static void WriteCandidates(CalibrationStudy study, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(study);
        WriteRow(writer, ["candidate", "phase", .. study.Paths.Select(Text), "discrepancy"]);
        foreach (CalibrationPoint p in study.Points)
        {
            WriteRow(writer, [
                p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                p.Phase.ToString().ToLowerInvariant(),
                .. p.Values.Select(CsvNumbers.Format),
                CsvNumbers.Format(study.Discrepancy(p))]);
        }
    }
}
