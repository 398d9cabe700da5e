using System.Globalization;
using System.Text;

namespace BorderSim.Cli;

/// <summary>
/// What BorderSim prints to stdout and stderr goes through this writer, so a control character in a scenario
/// name, a file name or an option value cannot reach the terminal raw (ESC could recolour or rewrite the screen,
/// CR overwrite a line, a bidirectional override reverse text): each is shown as <c>\x1B</c> or <c>\u202E</c>.
/// Line feeds and tabs pass. The progress bars' own control sequences go to the raw writer
/// (<see cref="CliContext.ProgressError"/>). Forwards every write at once: nothing is buffered here.
/// </summary>
public sealed class TerminalSafeWriter(TextWriter inner) : TextWriter(CultureInfo.InvariantCulture)
{
    public override Encoding Encoding => inner.Encoding;

    /// <summary><paramref name="text"/> with every control character but line feed and tab escaped.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = 0;
        while (first < text.Length && !MustEscape(text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text, 0, first, text.Length + 8);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (MustEscape(c))
            {
                builder.Append(c < 0x100 ? $"\\x{(int)c:X2}" : $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public override void Write(char value)
    {
        if (MustEscape(value))
        {
            inner.Write(Escape(value.ToString()));
        }
        else
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is not null)
        {
            inner.Write(Escape(value));
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void WriteLine() => inner.WriteLine();

    public override void Flush() => inner.Flush();

    private static bool MustEscape(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\t')
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
