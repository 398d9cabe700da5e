using System.Globalization;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Syntax;
using CsvHelper;
using NodaTime;

namespace BorderSim.Scenarios;

/// <summary>
/// Reads a CSV of observations (named by a scenario's <c>observations:</c>) against the scenario it belongs to, and
/// reports every problem as a <see cref="ScenarioError"/> at the CSV's file:line:column. Columns, all required:
/// <c>series,kind,date,local_time,time_zone,direction,class,value,unit,source</c>. A kind is a daily count
/// (<c>cleared_per_day</c>, <c>arrived_per_day</c>: unit <c>trucks</c>, local_time empty, time_zone the scenario's own,
/// since days are counted in it) or a snapshot (<c>waiting_trucks</c>: unit <c>trucks</c>; <c>queue_km</c>: unit
/// <c>km</c>; local_time HH:MM in time_zone, converted to the scenario's zone). direction is <c>all</c> or direction
/// names joined by '+'; class is empty for every class, or class names joined by '+'. Lines starting with '#' are comments. No file access here.
/// </summary>
public static class ObservationsCsv
{
    /// <summary>The columns, in the order the shipped files write them.</summary>
    public static readonly IReadOnlyList<string> Columns = ["series", "kind", "date", "local_time", "time_zone", "direction", "class", "value", "unit", "source"];

    private static readonly Dictionary<string, ObservationKind> Kinds = new(StringComparer.Ordinal)
    {
        ["cleared_per_day"] = ObservationKind.ClearedPerDay,
        ["arrived_per_day"] = ObservationKind.ArrivedPerDay,
        ["waiting_trucks"] = ObservationKind.WaitingTrucks,
        ["queue_km"] = ObservationKind.QueueKm,
    };

    /// <summary>Reads <paramref name="text"/>; <paramref name="fileName"/> is used in messages only. Errors are added to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<ObservationSpec> Read(TextReader text, string fileName, ScenarioSpec scenario, ICollection<ScenarioError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(errors);
        var diagnostics = new Diagnostics(fileName);
        var observations = new List<ObservationSpec>();
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
            if (!CheckHeader(header, diagnostics))
            {
                Copy(diagnostics, errors);
                return [];
            }

            var row = new RowReader(diagnostics, scenario);
            var seen = new HashSet<(string, string)>();
            while (csv.Read() && !diagnostics.IsFull)
            {
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                var line = (int)csv.LineNumber;
                if (csv.FieldCount != header.Length)
                {
                    diagnostics.AddAt(line, 1, "", $"expected {header.Length} fields, found {csv.FieldCount}", "quote a field that holds a comma: \"a, b\"");
                    continue;
                }

                for (var i = 0; i < header.Length; i++)
                {
                    fields[header[i]] = csv.GetString(i);
                }

                if (row.Read(fields, line, ColumnStarts(System.Text.Encoding.UTF8.GetString(csv.RawRecord), header.Length)) is { } observation)
                {
                    if (!seen.Add((observation.Series, observation.TimeLabel)))
                    {
                        diagnostics.AddAt(line, 1, "series", $"series '{observation.Series}' has two rows for {observation.TimeLabel}", "observed.csv has one row per series and time; rename one series");
                    }

                    observations.Add(observation);
                }
            }
        }
        catch (CsvFormatException e)
        {
            diagnostics.AddAt((int)Math.Max(1, e.LineNumber), 1, "", "malformed CSV: " + FirstLine(e.Message), "a field with a comma or a quote is written in quotes, a quote inside it doubled: \"say \"\"this\"\"\"");
        }

        if (diagnostics.Count == 0 && observations.Count == 0)
        {
            diagnostics.AddAt(1, 1, "", "the file has no observations", "one row per observed figure under the header " + string.Join(",", Columns));
        }

        Copy(diagnostics, errors);
        return observations;
    }

    private static bool CheckHeader(string[] header, Diagnostics diagnostics)
    {
        if (header.Length == 0)
        {
            diagnostics.AddAt(1, 1, "", "the file is empty", "the first line is the header " + string.Join(",", Columns));
            return false;
        }

        var column = 1;
        foreach (var name in header)
        {
            if (!Columns.Contains(name))
            {
                diagnostics.AddAt(1, column, name, $"unknown column '{name}'", DidYouMean.Hint(name, Columns) ?? "the columns are " + string.Join(",", Columns));
            }
            else if (header.Count(h => h == name) > 1)
            {
                diagnostics.AddAt(1, column, name, $"column '{name}' appears twice", null);
            }

            column += name.Length + 1;
        }

        foreach (var missing in Columns.Where(c => !header.Contains(c)))
        {
            diagnostics.AddAt(1, 1, missing, $"the header has no column '{missing}'", "the columns are " + string.Join(",", Columns));
        }

        return diagnostics.Count == 0;
    }

    /// <summary>The 1-based column where each field of a one-line record starts (quotes honoured), for error positions.</summary>
    internal static int[] ColumnStarts(string raw, int count)
    {
        var starts = new int[count];
        var field = 0;
        var quoted = false;
        starts[0] = 1;
        for (var i = 0; i < raw.Length && field < count - 1; i++)
        {
            if (raw[i] == '"')
            {
                quoted = !quoted;
            }
            else if (raw[i] == ',' && !quoted)
            {
                starts[++field] = i + 2;
            }
        }

        return starts;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static void Copy(Diagnostics diagnostics, ICollection<ScenarioError> errors)
    {
        foreach (var error in diagnostics.Errors)
        {
            errors.Add(error);
        }
    }

    /// <summary>One data row: every field checked, every problem reported, an observation when all are right.</summary>
    private sealed class RowReader(Diagnostics diagnostics, ScenarioSpec scenario)
    {
        private readonly HashSet<string> _directions = [.. scenario.Directions.Select(d => d.Name)];
        private readonly HashSet<string> _classes = [.. scenario.Classes.Select(c => c.Name)];
        private Dictionary<string, string> _fields = [];
        private int _line;
        private int[] _columns = [];
        private bool _ok;

        public ObservationSpec? Read(Dictionary<string, string> fields, int line, int[] columns)
        {
            (_fields, _line, _columns, _ok) = (fields, line, columns, true);
            var series = Required("series", "name the series, e.g. cleared_all_gates");
            var kind = Kind();
            var date = Date();
            var zone = Zone(kind);
            var time = LocalTime(kind);
            var directions = Directions();
            var cargoClasses = CargoClasses(kind);
            var value = Value();
            Unit(kind);
            var source = Required("source", "cite the publication (title and address), or say it is an illustration");
            if (!_ok || kind is null || date is null || zone is null)
            {
                return null;
            }

            var local = date.Value.At(time ?? NodaTime.LocalTime.Midnight);
            if (time is not null)
            {
                local = local.InZoneLeniently(zone).WithZone(scenario.TimeZone).LocalDateTime;
            }

            var observation = new ObservationSpec(series!, kind.Value, local, directions!, cargoClasses!, value!.Value, source!);
            return InRun(observation) ? observation : null;
        }

        private string Field(string name) => _fields[name].Trim();

        private int Column(string name) => _columns[Math.Max(0, IndexOf(name))];

        private int IndexOf(string name) => _fields.Keys.ToList().IndexOf(name);

        private void Error(string column, string message, string? hint)
        {
            diagnostics.AddAt(_line, Column(column), column, message, hint);
            _ok = false;
        }

        private string? Required(string column, string hint)
        {
            var text = Field(column);
            if (text.Length == 0)
            {
                Error(column, $"the {column} is empty", hint);
                return null;
            }

            return text;
        }

        private ObservationKind? Kind()
        {
            var text = Field("kind");
            if (Kinds.TryGetValue(text, out var kind))
            {
                return kind;
            }

            Error("kind", $"unknown kind '{text}'", DidYouMean.Hint(text, Kinds.Keys) ?? "kinds: " + string.Join(", ", Kinds.Keys));
            return null;
        }

        private LocalDate? Date()
        {
            if (DateSyntax.TryDate(Field("date"), out var date, out var error))
            {
                return date;
            }

            Error("date", error.Message, error.Hint?.English);
            return null;
        }

        private DateTimeZone? Zone(ObservationKind? kind)
        {
            var text = Field("time_zone");
            var zone = TimeZones.Find(text);
            if (zone is null)
            {
                Error("time_zone", text.Length == 0 ? "the time_zone is empty" : $"unknown time zone '{text}'", TimeZones.Hint(text));
                return null;
            }

            if (kind is ObservationKind.ClearedPerDay or ObservationKind.ArrivedPerDay && zone.Id != scenario.TimeZone.Id)
            {
                Error("time_zone", $"a daily count is of a local day of the scenario's zone {scenario.TimeZone.Id}, not {zone.Id}", $"write {scenario.TimeZone.Id}");
                return null;
            }

            return zone;
        }

        private LocalTime? LocalTime(ObservationKind? kind)
        {
            var text = Field("local_time");
            var isDaily = kind is ObservationKind.ClearedPerDay or ObservationKind.ArrivedPerDay;
            if (isDaily || kind is null)
            {
                if (isDaily && text.Length > 0)
                {
                    Error("local_time", $"a daily count ({ObservationSpec.KindName(kind!.Value)}) has no time of day, found '{text}'", "leave local_time empty");
                }

                return null;
            }

            if (!HoursSyntax.TryTime(text, allow24: false, out var hours, out var error))
            {
                Error("local_time", text.Length == 0 ? $"a snapshot ({ObservationSpec.KindName(kind.Value)}) needs its time of day" : error.Message, "write HH:MM, e.g. 20:00");
                return null;
            }

            var minutes = (int)Math.Round(hours * 60);
            return new LocalTime(minutes / 60, minutes % 60);
        }

        private IReadOnlyList<string>? Directions()
        {
            var text = Field("direction");
            if (text == "all")
            {
                return [];
            }

            var names = text.Split('+', StringSplitOptions.TrimEntries);
            foreach (var name in names)
            {
                if (!_directions.Contains(name))
                {
                    Error("direction", name.Length == 0 ? $"'{text}' names no direction" : $"unknown direction '{name}'",
                        DidYouMean.Hint(name, _directions) ?? "write all, or direction names joined by '+': " + string.Join(", ", _directions.Order(StringComparer.Ordinal)));
                    return null;
                }
            }

            return [.. names.Distinct(StringComparer.Ordinal)];
        }

        private IReadOnlyList<string>? CargoClasses(ObservationKind? kind)
        {
            var text = Field("class");
            if (text.Length == 0)
            {
                return [];
            }

            if (kind == ObservationKind.QueueKm)
            {
                Error("class", "a queue length is of every class together", "leave class empty");
                return null;
            }

            var names = text.Split('+', StringSplitOptions.TrimEntries);
            foreach (var name in names)
            {
                if (!_classes.Contains(name))
                {
                    Error("class", $"unknown class '{name}'", DidYouMean.Hint(name, _classes) ?? "leave class empty for every class, or join class names with '+': " + string.Join(", ", _classes));
                    return null;
                }
            }

            return [.. names.Distinct(StringComparer.Ordinal)];
        }

        private double? Value()
        {
            var text = Field("value");
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0)
            {
                return value;
            }

            Error("value", $"expected a number at least 0, found '{text}'", "write digits with '.' for decimals and no thousands separator, e.g. 1243");
            return null;
        }

        private void Unit(ObservationKind? kind)
        {
            var text = Field("unit");
            if (kind is { } known && text != ObservationSpec.UnitOf(known))
            {
                Error("unit", $"{ObservationSpec.KindName(known)} is in {ObservationSpec.UnitOf(known)}, found '{text}'", $"write {ObservationSpec.UnitOf(known)}");
            }
        }

        /// <summary>An observation outside the scenario's dates is refused: comparing it with another day would not be honest.</summary>
        private bool InRun(ObservationSpec observation)
        {
            var first = scenario.Start;
            var end = scenario.Start.PlusDays(scenario.Days);
            var inside = observation.IsDaily
                ? observation.Time.Date >= first.Date && observation.Time.Date < end.Date
                : observation.Time >= first && observation.Time <= end;
            if (!inside)
            {
                var last = end.Date.PlusDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                Error("date", $"{observation.TimeLabel} is outside the scenario's run ({first.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {last})",
                    "an observation is compared with the model on its own date: run a copy of the scenario whose start and days cover it");
            }

            return inside;
        }
    }
}
