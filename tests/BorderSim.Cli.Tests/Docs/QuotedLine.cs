using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BorderSim.Cli.Tests.Docs;

/// <summary>
/// A line of output as a page quotes it, compared with what a command printed: the text must be the same (runs of
/// spaces aside, and <c>…</c> standing for any text), and every number within half a unit of its last quoted digit,
/// read with a decimal point (English) or a decimal comma (Vietnamese), the same way on both sides.
/// </summary>
internal sealed partial class QuotedLine
{
    private readonly Regex _pattern;
    private readonly string[] _numbers;

    public QuotedLine(string quoted)
    {
        Text = StderrNote().Replace(quoted, string.Empty).Trim();
        var pattern = new StringBuilder("^\\s*");
        var numbers = new List<string>();
        int at = 0;
        foreach (Match number in Number().Matches(Text))
        {
            pattern.Append(Literal(Text[at..number.Index]));
            pattern.Append("(?<n").Append(numbers.Count.ToString(CultureInfo.InvariantCulture)).Append('>').Append(Number()).Append(')');
            numbers.Add(number.Value);
            at = number.Index + number.Length;
        }

        pattern.Append(Literal(Text[at..])).Append("\\s*$");
        _pattern = new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        _numbers = [.. numbers];
    }

    /// <summary>The line as quoted, without the reader's <c>(stderr)</c> note.</summary>
    public string Text { get; }

    /// <summary>A line that only tells the reader that lines were left out.</summary>
    public bool IsElision => Text is "..." or "…" or "";

    public bool Matches(string printed)
    {
        var match = _pattern.Match(printed);
        if (!match.Success)
        {
            return false;
        }

        for (int i = 0; i < _numbers.Length; i++)
        {
            if (!SameNumber(_numbers[i], match.Groups["n" + i.ToString(CultureInfo.InvariantCulture)].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="printed"/> is within half a unit of the last digit of <paramref name="quoted"/>, with both read one way.</summary>
    public static bool SameNumber(string quoted, string printed) =>
        quoted == printed || Near(quoted, printed, decimalComma: false) || Near(quoted, printed, decimalComma: true);

    private static bool Near(string quoted, string printed, bool decimalComma)
    {
        if (Read(quoted, decimalComma) is not (double q, double unit) || Read(printed, decimalComma) is not (double p, _))
        {
            return false;
        }

        return Math.Abs(q - p) <= (unit / 2) + (1e-12 * Math.Abs(q));
    }

    private static (double Value, double Unit)? Read(string number, bool decimalComma)
    {
        string text = number.Replace('−', '-');
        int e = text.IndexOfAny(['E', 'e']);
        int exponent = 0;
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        text = decimalComma ? text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.') : text.Replace(",", string.Empty, StringComparison.Ordinal);
        if (text.Count(c => c == '.') > 1 || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double mantissa))
        {
            return null;
        }

        int point = text.IndexOf('.', StringComparison.Ordinal);
        int decimals = point < 0 ? 0 : text.Length - point - 1;
        return (mantissa * Math.Pow(10, exponent), Math.Pow(10, exponent - decimals));
    }

    private static string Literal(string text)
    {
        string[] pieces = text.Split('…');
        var pattern = new StringBuilder();
        for (int i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                pattern.Append(".*?");
            }

            string[] words = Whitespace().Split(pieces[i]);
            pattern.Append(string.Join("\\s+", words.Select(w => Regex.Escape(w))));
        }

        return pattern.ToString();
    }

    [GeneratedRegex(@"(?<![\w.,])[-+−]?\d+(?:[.,]\d+)*(?:E[-+]?\d+)?(?![\w])")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+\(stderr\)\s*$")]
    private static partial Regex StderrNote();
}
