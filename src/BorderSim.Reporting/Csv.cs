using System.Globalization;
using CsvHelper;

namespace BorderSim.Reporting;

/// <summary>The one CSV dialect of BorderSim: comma, invariant culture, "\n" line ends, RFC 4180 quoting, UTF-8 without BOM.</summary>
internal static class Csv
{
    public static CsvWriterOptions Options { get; } = new()
    {
        NewLine = "\n",
        Separator = ',',
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
    };

    public static CsvReaderOptions ReaderOptions { get; } = new()
    {
        Separator = ',',
        HasHeader = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static CsvWriter CreateWriter(TextWriter writer) => CsvWriter.Create(writer, Options, leaveOpen: true);

    public static CsvWriter CreateWriter(Stream stream) => CsvWriter.Create(stream, Options, leaveOpen: true);

    public static CsvReader CreateReader(TextReader reader) => CsvReader.Create(reader, ReaderOptions, leaveOpen: true);

    public static void WriteRow(this CsvWriter csv, params string[] fields) => csv.WriteRecord(fields);

    /// <summary>
    /// A cell of user text (a scenario name, a file name, a swept value) that a spreadsheet will not run: one that
    /// begins with '=', '+', '-', '@', tab or CR is prefixed with "'" (OWASP's advice on CSV injection), unless it
    /// is a plain number such as -5 or +0.5.
    /// </summary>
    public static string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
               && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + text
            : text;
    }

    /// <summary>The header of a reader, checked to hold <paramref name="required"/>; throws <see cref="InvalidDataException"/> naming the missing columns.</summary>
    public static IReadOnlyList<string> RequireColumns(CsvReader csv, string what, params string[] required)
    {
        csv.ReadHeader();
        IReadOnlyList<string> header = [.. csv.Headers];
        string[] missing = [.. required.Where(c => !header.Contains(c, StringComparer.Ordinal))];
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"{what}: missing column(s) {string.Join(", ", missing)}");
        }

        return header;
    }

    /// <summary>Every data row as its fields in header order.</summary>
    public static List<string[]> ReadRows(CsvReader csv, int columns)
    {
        var rows = new List<string[]>();
        while (csv.Read())
        {
            var row = new string[columns];
            for (int i = 0; i < columns; i++)
            {
                row[i] = i < csv.FieldCount ? csv.GetString(i) : "";
            }

            rows.Add(row);
        }

        return rows;
    }

    public static double ParseDouble(string text) =>
        text.Length == 0 ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
