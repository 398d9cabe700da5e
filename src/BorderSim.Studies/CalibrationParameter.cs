using System.Globalization;
using System.Text.RegularExpressions;
using BorderSim.Scenarios;

namespace BorderSim.Studies;

/// <summary>
/// One unknown to fit, <c>--fit PATH=LOW..HIGH</c>: the value at <see cref="Path"/> (a <c>--set</c> path) is searched
/// between <see cref="Low"/> and <see cref="High"/>. The value as written must hold exactly one number, which is what
/// is fitted; the rest of its text is kept (<c>320</c>, <c>exp(24h)</c>: the 24 hours of a patience,
/// <c>2024-08-16T00:00</c> is refused). When both bounds are written as whole numbers the candidates are whole
/// numbers (servers, a quota); otherwise a candidate is rounded to a thousandth of the range.
/// </summary>
/// <param name="Path">The value's path.</param>
/// <param name="Low">The lowest value tried.</param>
/// <param name="High">The highest value tried.</param>
/// <param name="Template">The value's text as written, with <c>{0}</c> where its number is.</param>
/// <param name="AsWritten">The number as written in the scenario.</param>
/// <param name="IsWhole">Whether candidates are whole numbers.</param>
public sealed partial record CalibrationParameter(string Path, double Low, double High, string Template, double AsWritten, bool IsWhole)
{
    [GeneratedRegex(@"(?<![A-Za-z0-9_.])[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")]
    private static partial Regex NumberPattern();

    /// <summary>The value's text with <paramref name="value"/> for its number.</summary>
    public string TextOf(double value) => string.Format(CultureInfo.InvariantCulture, Template, Format(value));

    /// <summary>The candidate at share <paramref name="share"/> (0 = LOW, 1 = HIGH) of the range, rounded as stated.</summary>
    public double At(double share)
    {
        double value = Low + (Math.Clamp(share, 0, 1) * (High - Low));
        return IsWhole ? Math.Round(value) : Low + (Math.Round((value - Low) / (High - Low) * 1000) / 1000 * (High - Low));
    }

    /// <summary>Where <paramref name="value"/> lies in the range, as a share (0 = LOW, 1 = HIGH).</summary>
    public double ShareOf(double value) => (value - Low) / (High - Low);

    /// <summary>A number as the scenario gets it: whole, or the shortest text that reads back as 6 significant digits.</summary>
    public string Format(double value) => IsWhole
        ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture)
        : double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses <c>PATH=LOW..HIGH</c> against the scenario's text (with the command's --set values); null with a
    /// message in <paramref name="errors"/> when it is not of that form, LOW is not below HIGH, or the value at PATH
    /// does not hold exactly one number.
    /// </summary>
    public static CalibrationParameter? Parse(string text, string scenarioText, string file, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        string[] bounds = equals < 0 ? [] : text[(equals + 1)..].Split("..");
        if (equals <= 0 || bounds.Length != 2 || !TryNumber(bounds[0], out double low) || !TryNumber(bounds[1], out double high))
        {
            errors.Add($"--fit {text}: expected PATH=LOW..HIGH with two numbers, e.g. --fit origins.lang_son_export.arrivals.trucks_per_day=300..600");
            return null;
        }

        string path = text[..equals].Trim();
        if (!(low < high))
        {
            errors.Add($"--fit {text}: LOW ({bounds[0]}) must be below HIGH ({bounds[1]})");
            return null;
        }

        string? value = ScenarioTextEdit.ValueAt(scenarioText, file, path, out string problem);
        if (value is null)
        {
            errors.Add($"--fit {path}: {problem}");
            return null;
        }

        MatchCollection numbers = NumberPattern().Matches(value);
        if (numbers.Count != 1)
        {
            errors.Add($"--fit {path}: its value '{value}' holds {numbers.Count} numbers; calibrate fits a value with exactly one (a count, or a distribution of one parameter such as exp(24h))");
            return null;
        }

        Match number = numbers[0];
        string template = value[..number.Index].Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)
            + "{0}" + value[(number.Index + number.Length)..].Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
        bool isWhole = IsWholeText(bounds[0]) && IsWholeText(bounds[1]);
        return new CalibrationParameter(path, low, high, template, double.Parse(number.Value, CultureInfo.InvariantCulture), isWhole);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static bool IsWholeText(string text) => text.Trim().All(c => char.IsAsciiDigit(c) || c == '-');
}
