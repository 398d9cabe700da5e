using System.Globalization;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Yaml;
using CsvHelper;
using NodaTime;
using NodaTime.Text;

namespace BorderSim.Scenarios;

/// <summary>An arrivals' <c>trucks_per_day: { from: counts.csv, series: NAME }</c>, with where it was written.</summary>
/// <param name="Section"><c>directions</c> or <c>origins</c>.</param>
/// <param name="Owner">The direction or origin whose arrivals follow the series.</param>
/// <param name="Path">The CSV as written, relative to the scenario file's folder.</param>
/// <param name="Series">The series read.</param>
/// <param name="Node">The <c>trucks_per_day</c> mapping, for error positions.</param>
/// <param name="Field">E.g. <c>origins.lang_son_export.arrivals.trucks_per_day</c>.</param>
internal sealed record DailySeriesReference(string Section, string Owner, string Path, string Series, YNode Node, string Field);

/// <summary>
/// Arrivals that follow an observed daily series: the references found in the YAML (the mapper has checked their
/// keys), and at the edge the CSV rows of each series read into <see cref="ArrivalSpec.DailyTrucks"/>. The CSV has a
/// header with at least the columns <c>series</c>, <c>date</c> (yyyy-MM-dd, a local date in the scenario's zone) and
/// <c>value</c> (trucks that day, ≥ 0); other columns (an observations file's kind, unit, source...) are not read.
/// Lines starting with '#' are comments. Every day of the scenario's run needs one row of the series.
/// </summary>
internal static class DailySeriesFiles
{
    /// <summary>The columns read.</summary>
    public static readonly IReadOnlyList<string> Columns = ["series", "date", "value"];

    /// <summary>Every <c>trucks_per_day</c> written as a mapping with text <c>from</c> and <c>series</c>, in directions and origins.</summary>
    public static IReadOnlyList<DailySeriesReference> Collect(YNode root)
    {
        var found = new List<DailySeriesReference>();
        foreach (var section in new[] { "directions", "origins" })
        {
            if (root is not YMap map || map.Get(section) is not YMap owners)
            {
                continue;
            }

            foreach (var (key, value) in owners.Entries)
            {
                if (value is YMap owner && owner.Get("arrivals") is YMap arrivals && arrivals.Get("trucks_per_day") is YMap perDay
                    && perDay.Get("from") is YScalar { IsNull: false } from && perDay.Get("series") is YScalar { IsNull: false } series)
                {
                    found.Add(new DailySeriesReference(section, key.Value, from.Value.Trim(), series.Value.Trim(), perDay,
                        $"{section}.{key.Value}.arrivals.trucks_per_day"));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The edge: reads each series (files relative to <paramref name="scenarioPath"/>'s folder) and sets the arrivals
    /// of its direction or origin: <see cref="ArrivalSpec.DailyTrucks"/> and, as <see cref="ArrivalSpec.TrucksPerDay"/>,
    /// the mean over the scenario's days. Problems go to <paramref name="errors"/>; then the scenario returned is unchanged.
    /// </summary>
    public static ScenarioSpec Apply(string scenarioPath, IReadOnlyList<DailySeriesReference> references, ScenarioSpec scenario, List<ScenarioError> errors)
    {
        var folder = System.IO.Path.GetDirectoryName(scenarioPath) ?? "";
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            var path = System.IO.Path.Combine(folder, reference.Path);
            if (!texts.TryGetValue(path, out var text))
            {
                texts[path] = text = InputFile.TryReadText(path, InputFile.MaxCsvBytes, out var read, out var problem) ? read : null;
                if (text is null)
                {
                    errors.Add(At(reference, $"{path}: {problem!.Message}",
                        problem.Kind == InputFile.ProblemKind.NotFound ? "the path is relative to the scenario file's folder" : problem.Hint));
                }
            }

            if (text is null)
            {
                continue;
            }

            var fileErrors = new List<ScenarioError>();
            var counts = Read(new StringReader(text), path, reference.Series, fileErrors);
            errors.AddRange(fileErrors);
            if (fileErrors.Count > 0)
            {
                continue;
            }

            var days = Enumerable.Range(0, scenario.Days).Select(d => scenario.Start.Date.PlusDays(d)).ToList();
            var missing = days.Where(d => !counts.ContainsKey(d)).ToList();
            if (counts.Count == 0)
            {
                errors.Add(At(reference, $"{path} has no rows of series '{reference.Series}'", "the series is the CSV's series column, written exactly"));
                continue;
            }

            if (missing.Count > 0)
            {
                errors.Add(At(reference, $"series '{reference.Series}' in {path} has no count for {Date(missing[0])}" + (missing.Count > 1 ? $" (and {missing.Count - 1} more days of the run)" : ""),
                    $"every day of the run ({Date(days[0])} to {Date(days[^1])}) needs a row; shorten the run or add the counts"));
                continue;
            }

            var mean = days.Average(d => counts[d]);
            var source = $"{reference.Path}, series {reference.Series}";
            ArrivalSpec Follow(ArrivalSpec arrivals) => arrivals with { TrucksPerDay = mean, DailyTrucks = counts, DailySeriesSource = source };
            scenario = reference.Section == "directions"
                ? scenario with { Directions = [.. scenario.Directions.Select(d => d.Name == reference.Owner ? d with { Arrivals = Follow(d.Arrivals) } : d)] }
                : scenario with { Origins = [.. scenario.Origins.Select(o => o.Name == reference.Owner ? o with { Arrivals = Follow(o.Arrivals) } : o)] };
        }

        return scenario;
    }

    /// <summary>The counts of <paramref name="series"/> by date; every problem of those rows (and of the header) is added to <paramref name="errors"/> at file:line:column.</summary>
    public static Dictionary<LocalDate, double> Read(TextReader text, string fileName, string series, ICollection<ScenarioError> errors)
    {
        var counts = new Dictionary<LocalDate, double>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            FormatProvider = CultureInfo.InvariantCulture,
            TrackLineNumbers = true,
            CommentPrefix = '#',
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        try
        {
            using var csv = CsvReader.Create(text, options, leaveOpen: true);
            csv.ReadHeader();
            var header = csv.Headers.ToArray();
            var index = Columns.ToDictionary(c => c, c => Array.IndexOf(header, c), StringComparer.Ordinal);
            foreach (var column in Columns.Where(c => index[c] < 0))
            {
                errors.Add(new ScenarioError(fileName, 1, 1, column, $"the header has no column '{column}'", "a daily series needs the columns series, date and value"));
            }

            if (errors.Count > 0)
            {
                return counts;
            }

            while (csv.Read() && errors.Count < 20)
            {
                var line = (int)csv.LineNumber;
                if (csv.FieldCount != header.Length)
                {
                    errors.Add(new ScenarioError(fileName, line, 1, "", $"expected {header.Length} fields, found {csv.FieldCount}", "quote a field that holds a comma: \"a, b\""));
                    continue;
                }

                if (csv.GetString(index["series"]).Trim() != series)
                {
                    continue;
                }

                var starts = ObservationsCsv.ColumnStarts(System.Text.Encoding.UTF8.GetString(csv.RawRecord), header.Length);
                var dateText = csv.GetString(index["date"]).Trim();
                var valueText = csv.GetString(index["value"]).Trim();
                var date = LocalDatePattern.Iso.Parse(dateText);
                if (!date.Success)
                {
                    errors.Add(new ScenarioError(fileName, line, starts[index["date"]], "date", $"expected a date yyyy-MM-dd, found '{dateText}'", "e.g. 2024-08-22, a local date in the scenario's time zone"));
                }
                else if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
                {
                    errors.Add(new ScenarioError(fileName, line, starts[index["value"]], "value", $"expected a number of trucks ≥ 0, found '{valueText}'", "e.g. 784"));
                }
                else if (!counts.TryAdd(date.Value, value))
                {
                    errors.Add(new ScenarioError(fileName, line, starts[index["date"]], "date", $"series '{series}' has two rows for {dateText}", "one row per day"));
                }
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(new ScenarioError(fileName, (int)Math.Max(1, e.LineNumber), 1, "", "malformed CSV: " + e.Message.Split('\n')[0].Trim(),
                "a field with a comma or a quote is written in quotes, a quote inside it doubled"));
        }

        return counts;
    }

    private static ScenarioError At(DailySeriesReference reference, string message, string? hint) =>
        new(reference.Node.File, reference.Node.Line, reference.Node.Column, reference.Field, message, hint);

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
