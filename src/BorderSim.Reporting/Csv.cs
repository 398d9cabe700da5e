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

    public static CsvWriter CreateWriter(TextWriter writer) => CsvWriter.Create(writer, Options, leaveOpen: true);

    public static CsvWriter CreateWriter(Stream stream) => CsvWriter.Create(stream, Options, leaveOpen: true);

    public static void WriteRow(this CsvWriter csv, params string[] fields) => csv.WriteRecord(fields);
}
