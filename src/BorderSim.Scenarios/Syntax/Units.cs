using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BorderSim.Scenarios.Syntax;

/// <summary>
/// Quantities with units as planners write them: durations (<c>30s</c>, <c>90min</c>, <c>1.5h</c>,
/// <c>3d</c>; the model's unit is hours) and distances (<c>19m</c>, <c>0.019km</c>; metres). A bare number is
/// refused: "4" could be minutes or hours, and that mistake would pass silently.
/// </summary>
internal static class Units
{
    private static readonly (string Unit, double Hours)[] DurationUnits =
    [
        ("s", 1.0 / 3600), ("sec", 1.0 / 3600),
        ("min", 1.0 / 60),
        ("h", 1), ("hr", 1),
        ("d", 24), ("day", 24), ("days", 24),
        ("w", 168),
    ];

    private static readonly (string Unit, double Metres)[] DistanceUnits = [("m", 1), ("km", 1000)];

    /// <summary>The units a duration may be written in, as the schema's pattern and the reference page list them.</summary>
    public static IReadOnlyList<string> DurationUnitNames => [.. DurationUnits.Select(u => u.Unit)];

    /// <summary>The units a distance may be written in.</summary>
    public static IReadOnlyList<string> DistanceUnitNames => [.. DistanceUnits.Select(u => u.Unit)];

    public static bool TryNumber(string text, out double value)
    {
        var trimmed = text.Trim().Replace("_", "", StringComparison.Ordinal);
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public static bool TryDurationHours(string text, out double hours, [NotNullWhen(false)] out SyntaxError? error)
    {
        hours = 0;
        var trimmed = text.Trim();
        if (!Split(trimmed, out var number, out var unit))
        {
            error = new SyntaxError($"expected a duration with a unit, found '{trimmed}'", "write e.g. 90min, 1.5h, 30s or 3d");
            return false;
        }

        if (unit.Length == 0)
        {
            error = new SyntaxError($"'{trimmed}' has no unit", new Advice(
                $"write {Format(number)}min or {Format(number)}h; a bare number could mean either",
                $"hãy viết {Format(number)}min hoặc {Format(number)}h; một số không có đơn vị có thể là cả hai"));
            return false;
        }

        var factor = Array.Find(DurationUnits, u => u.Unit == unit).Hours;
        if (factor == 0)
        {
            var hint = unit == "m"
                ? new Advice($"m is metres; write {Format(number)}min for minutes", $"m là mét; hãy viết {Format(number)}min cho phút")
                : new Advice("units of time are s, min, h and d", "đơn vị thời gian là s, min, h và d");
            error = new SyntaxError($"unknown unit of time '{unit}' in '{trimmed}'", hint);
            return false;
        }

        if (number < 0)
        {
            error = new SyntaxError($"a duration cannot be negative, found '{trimmed}'");
            return false;
        }

        hours = number * factor;
        error = null;
        return true;
    }

    public static bool TryDistanceMetres(string text, out double metres, [NotNullWhen(false)] out SyntaxError? error)
    {
        metres = 0;
        var trimmed = text.Trim();
        if (!Split(trimmed, out var number, out var unit))
        {
            error = new SyntaxError($"expected a distance with a unit, found '{trimmed}'", "write e.g. 19m or 0.019km");
            return false;
        }

        if (unit.Length == 0)
        {
            error = new SyntaxError($"'{trimmed}' has no unit", $"write {Format(number)}m or {Format(number)}km");
            return false;
        }

        var factor = Array.Find(DistanceUnits, u => u.Unit == unit).Metres;
        if (factor == 0)
        {
            error = new SyntaxError($"unknown unit of distance '{unit}' in '{trimmed}'", "units of distance are m and km");
            return false;
        }

        if (number < 0)
        {
            error = new SyntaxError($"a distance cannot be negative, found '{trimmed}'");
            return false;
        }

        metres = number * factor;
        error = null;
        return true;
    }

    /// <summary>Splits "1.5h" into 1.5 and "h"; false when there is no leading number.</summary>
    private static bool Split(string text, out double number, out string unit)
    {
        number = 0;
        unit = "";
        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or '-' or '+' or '_'
                                      || (text[end] is 'e' or 'E' && end + 1 < text.Length && (char.IsAsciiDigit(text[end + 1]) || text[end + 1] is '-' or '+'))))
        {
            end++;
        }

        if (end == 0 || !TryNumber(text[..end], out number))
        {
            return false;
        }

        unit = text[end..].Trim();
        return true;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
