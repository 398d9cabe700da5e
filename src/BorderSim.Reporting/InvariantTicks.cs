using System.Globalization;
using ScottPlot;

namespace BorderSim.Reporting;

/// <summary>
/// Numeric tick labels that read the same on every machine. ScottPlot formats them in the current
/// culture ("0,5" under ru-RU or vi-VN); a plot carried into a report must not depend on who drew it.
/// </summary>
internal static class InvariantTicks
{
    /// <summary>
    /// Gives every automatic numeric axis of <paramref name="plot"/> a formatter that depends on the report's language
    /// only (Vietnamese: a decimal comma), never on the machine's culture.
    /// </summary>
    public static void Apply(Plot plot, ReportLanguage? language = null)
    {
        bool comma = language?.IsVietnamese == true;
        foreach (IAxis axis in plot.Axes.GetAxes())
        {
            if (axis.TickGenerator is ScottPlot.TickGenerators.NumericAutomatic numeric)
            {
                numeric.LabelFormatter = comma ? v => Format(v).Replace('.', ',') : Format;
            }
        }
    }

    /// <summary>As <see cref="Format(double)"/>, with a decimal comma in Vietnamese.</summary>
    public static string Format(double value, ReportLanguage? language) => language?.IsVietnamese == true ? Format(value).Replace('.', ',') : Format(value);

    /// <summary>Decimal point, no thousands separator (a comma would read as a decimal comma in Vietnam), no float noise, no "-0".</summary>
    public static string Format(double value) =>
        value == 0 ? "0" : value.ToString(Math.Abs(value) is >= 1e-6 and < 1e12 ? "0.######" : "G6", CultureInfo.InvariantCulture);
}
