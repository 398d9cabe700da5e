using System.Text;

namespace BorderSim.Reporting;

/// <summary>An aligned plain-text table: the first column left-aligned, the others right-aligned, two spaces between.</summary>
public sealed class TextTable(params string[] headings)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != headings.Length)
        {
            throw new ArgumentException($"a row has {cells.Length} cells; the table has {headings.Length} columns", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void Write(TextWriter writer, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(writer);
        int[] widths = new int[headings.Length];
        foreach (string[] row in _rows.Prepend(headings))
        {
            for (int c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        foreach (string[] row in _rows.Prepend(headings))
        {
            var line = new StringBuilder(indent);
            for (int c = 0; c < row.Length; c++)
            {
                if (c == 0)
                {
                    line.Append(row[c].PadRight(widths[c]));
                }
                else
                {
                    line.Append("  ").Append(row[c].PadLeft(widths[c]));
                }
            }

            writer.Write(line.ToString().TrimEnd() + "\n");
        }
    }
}
