using System.Globalization;

namespace BorderSim.Reporting;

/// <summary>
/// How numbers are written in every CSV file: invariant culture, shortest round-trippable form
/// ("R": parsing the text gives back the same double), so identical results give identical bytes.
/// NaN (a quantity that does not apply, e.g. service start at a yard, or the standard deviation of
/// one replication) is an empty cell.
/// </summary>
public static class CsvNumbers
{
    public static string Format(double value) =>
        double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
