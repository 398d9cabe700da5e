using System.Globalization;
using BorderSim.Model.Experiments;

namespace BorderSim.Reporting;

/// <summary>
/// A regression baseline (scenarios/baselines/&lt;stem&gt;.csv): a first line naming the seed, the replications and
/// the version that wrote it, then CSV with one row per metric: metric, unit, mean (for people reading a diff;
/// checked against the values), r1 … rN (the metric's value in each replication, empty where a replication had
/// no observations). One row per metric keeps a diff to the metrics that moved.
/// <code>
/// # bordersim regression baseline: seed=20260901 replications=20 version=0.1.0
/// metric,unit,mean,r1,r2,…,r20
/// served_per_day/export/all,trucks/day,12.0,11.9,12.3,…
/// </code>
/// </summary>
public static class BaselineCsv
{
    public const string Signature = "# bordersim regression baseline:";

    /// <summary>
    /// Largest magnitude a baseline value may have. No metric of a run within the work limit comes near it (trucks,
    /// hours, km, USD: the shipped baselines peak below 1e5); a value beyond, with a mean made to match, would make the
    /// paired test blind to any real change, so it is refused as damage.
    /// </summary>
    public const double MaxMagnitude = 1e15;

    public static void Write(Baseline baseline, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write($"{Signature} seed={baseline.Seed.ToString(CultureInfo.InvariantCulture)} replications={baseline.Replications.ToString(CultureInfo.InvariantCulture)} version={baseline.Version}\n");
        using var csv = Csv.CreateWriter(writer);
        csv.WriteRow(Header(baseline.Replications));
        foreach (ReplicationValues metric in baseline.Metrics)
        {
            csv.WriteRow([metric.Metric, metric.Unit, CsvNumbers.Format(MeanOf(metric.Values)), .. metric.Values.Select(CsvNumbers.Format)]);
        }
    }

    public static void WriteFile(Baseline baseline, string path) => AtomicFile.WriteText(path, w => Write(baseline, w));

    /// <summary>
    /// Reads a baseline; anything else (empty, cut short, an old summary.csv baseline, a damaged row, a metric twice)
    /// throws <see cref="InvalidDataException"/> with a message that starts <c>source:line:</c>.
    /// </summary>
    public static Baseline Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? first = reader.ReadLine();
        if (first is null)
        {
            throw Damaged(source, 1, $"empty: expected a first line '{Signature} seed=S replications=N version=V'");
        }

        if (!first.StartsWith(Signature, StringComparison.Ordinal))
        {
            throw Damaged(source, 1, first.StartsWith("metric,", StringComparison.Ordinal)
                ? "an old baseline (means and standard deviations only; regress now pairs replications, so it needs each replication's value)"
                : $"not a baseline: expected a first line '{Signature} seed=S replications=N version=V'");
        }

        Dictionary<string, string> fields = first[Signature.Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(token => token.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("seed", out string? seedText) || !ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
        {
            throw Damaged(source, 1, "seed=S missing or not a whole number");
        }

        if (!fields.TryGetValue("replications", out string? replicationsText)
            || !int.TryParse(replicationsText, NumberStyles.None, CultureInfo.InvariantCulture, out int replications) || replications < 1)
        {
            throw Damaged(source, 1, "replications=N missing or not a whole number of at least 1");
        }

        string version = fields.GetValueOrDefault("version", "");
        using var csv = Csv.CreateReader(reader);
        string[] expected = Header(replications);
        csv.ReadHeader();
        if (csv.Headers.Count == 0)
        {
            throw Damaged(source, 2, $"cut short: no column header (expected {string.Join(',', expected.Take(4))},…,r{replications})");
        }

        if (!csv.Headers.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw Damaged(source, 2, $"expected the columns {string.Join(',', expected.Take(4))},…,r{replications} ({expected.Length} columns, for replications={replications}), found {csv.Headers.Count}: {Abbreviate(string.Join(',', csv.Headers))}");
        }

        var metrics = new List<ReplicationValues>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int line = 2;
        while (csv.Read())
        {
            line++;
            if (csv.FieldCount != expected.Length)
            {
                throw Damaged(source, line, $"{csv.FieldCount} fields, expected {expected.Length} (metric, unit, mean and {replications} replications): the row is cut short or damaged");
            }

            string metric = csv.GetString(0);
            if (metric.Length == 0)
            {
                throw Damaged(source, line, "metric: empty");
            }

            if (seen.TryGetValue(metric, out int earlier))
            {
                throw Damaged(source, line, $"metric '{metric}' appears twice (first on line {earlier})");
            }

            seen.Add(metric, line);
            var values = new double[replications];
            for (int r = 0; r < replications; r++)
            {
                values[r] = Number(csv.GetString(3 + r), source, line, metric, expected[3 + r]);
            }

            double mean = Number(csv.GetString(2), source, line, metric, "mean");
            double recomputed = MeanOf(values);
            if (!(double.IsNaN(mean) && double.IsNaN(recomputed)) && !(Math.Abs(mean - recomputed) <= 1e-12 * Math.Max(1, Math.Abs(recomputed))))
            {
                throw Damaged(source, line, $"'{metric}': mean {CsvNumbers.Format(mean)} is not the mean of its replications ({CsvNumbers.Format(recomputed)}): the row is damaged");
            }

            metrics.Add(new ReplicationValues(metric, csv.GetString(1), values));
        }

        if (metrics.Count == 0)
        {
            throw Damaged(source, line + 1, "cut short: no metric rows after the column header");
        }

        return new Baseline(seed, replications, version, metrics);
    }

    private static string[] Header(int replications) =>
        ["metric", "unit", "mean", .. Enumerable.Range(1, replications).Select(r => "r" + r.ToString(CultureInfo.InvariantCulture))];

    private static double Number(string text, string source, int line, string metric, string column)
    {
        if (text.Length == 0)
        {
            return double.NaN; // no observations in that replication
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && !double.IsNaN(value))
        {
            if (!(Math.Abs(value) <= MaxMagnitude))
            {
                throw Damaged(source, line, $"'{metric}': {column} is {Abbreviate(text)}, beyond any metric a run gives (at most {MaxMagnitude.ToString("0e0", CultureInfo.InvariantCulture)} in size): the baseline is damaged");
            }

            return value;
        }

        throw Damaged(source, line, $"'{metric}': {column} is '{Abbreviate(text)}', expected a number (or empty for no observations)");
    }

    private static double MeanOf(IReadOnlyList<double> values)
    {
        double sum = 0;
        int count = 0;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                sum += v;
                count++;
            }
        }

        return count > 0 ? sum / count : double.NaN;
    }

    private static string Abbreviate(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static InvalidDataException Damaged(string source, int line, string message) =>
        new($"{source}:{line.ToString(CultureInfo.InvariantCulture)}: {message}");
}
