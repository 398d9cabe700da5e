using System.Globalization;
using BorderSim.Engine.Randomness;
using BorderSim.Model.Spec;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Syntax;
using BorderSim.Scenarios.Yaml;
using NodaTime;

namespace BorderSim.Scenarios.Mapping;

/// <summary>
/// Typed reads of YAML nodes. Each read reports what it found and what it expected at the node's
/// line:column, and returns null on error so the caller can go on and find the next problem.
/// </summary>
internal sealed class Fields(Diagnostics diagnostics)
{
    public Diagnostics Diagnostics { get; } = diagnostics;

    /// <summary>The reasons written in both languages (<c>reason: { en, vi }</c>), by their English text.</summary>
    public Dictionary<string, Model.Results.Bilingual> Reasons { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A <c>reason</c>: text, or <c>{ en, vi }</c> whose words are kept in <see cref="Reasons"/>; the model holds the
    /// English text, a report in Vietnamese looks up the Vietnamese.
    /// </summary>
    public string? Reason(YNode node, string field)
    {
        if (node is not YMap)
        {
            return Text(node, field);
        }

        if (new WordsMapper(this).Words(node, field) is not { } words)
        {
            return null;
        }

        Reasons.TryAdd(words.English, words);
        return words.English;
    }

    public static string Join(string field, string key) => field.Length == 0 ? key : field + "." + key;

    public static string Index(string field, int index) => $"{field}[{index}]";

    public void Error(YNode node, string field, string message, Advice? hint = null) => Diagnostics.Add(node, field, message, hint);

    /// <summary>An error said in both languages at its source (the translation table does not need to know it).</summary>
    public void Error(YNode node, string field, Model.Results.Bilingual message, Advice? hint = null) => Diagnostics.Add(node, field, message, hint);

    /// <summary>The value of <paramref name="key"/> read with <paramref name="read"/>, or null when the key is absent.</summary>
    public static T? Optional<T>(YMap map, string key, Func<YNode, string, T?> read)
        where T : class => map.Get(key) is { } node ? read(node, key) : null;

    /// <summary>The value of <paramref name="key"/> read with <paramref name="read"/>, or null when the key is absent.</summary>
    public static T? OptionalValue<T>(YMap map, string key, Func<YNode, string, T?> read)
        where T : struct => map.Get(key) is { } node ? read(node, key) : null;

    public YMap? Map(YNode node, string field, Advice? example = null)
    {
        if (node is YMap map)
        {
            return map;
        }

        Error(node, field, $"expected a mapping of keys to values, found {node.Describe()}", example);
        return null;
    }

    public YSeq? Seq(YNode node, string field, Advice? example = null)
    {
        if (node is YSeq seq)
        {
            return seq;
        }

        Error(node, field, $"expected a list, found {node.Describe()}", example ?? new Advice("write [a, b] or one '- item' per line", "hãy viết [a, b] hoặc mỗi dòng một '- mục'"));
        return null;
    }

    /// <summary>
    /// Unknown keys (with a did-you-mean) and missing required keys of <paramref name="map"/>, as <paramref name="section"/>
    /// declares them; with <paramref name="withConditional"/>, its conditionally required keys are required too.
    /// </summary>
    public void Keys(YMap map, string field, FormatSection section, bool withConditional = false) =>
        Keys(map, field, section.Known, section.RequiredKeys(withConditional));

    /// <summary>Unknown keys (with a did-you-mean) and missing required keys of <paramref name="map"/>.</summary>
    public void Keys(YMap map, string field, IReadOnlyList<string> known, IReadOnlyList<string> required)
    {
        foreach (var entry in map.Entries)
        {
            if (!known.Contains(entry.Key.Value))
            {
                var list = string.Join(", ", known);
                Error(entry.Key, Join(field, entry.Key.Value), $"unknown key '{entry.Key.Value}'",
                    (Advice?)DidYouMean.Hint(entry.Key.Value, known) ?? new Advice("known keys: " + list, "các khóa hợp lệ: " + list));
            }
        }

        foreach (var key in required)
        {
            if (map.Get(key) is null)
            {
                Error(map, Join(field, key), $"missing required key '{key}'");
            }
        }
    }

    /// <summary>The text of a scalar with a value; an error for a mapping, a list or an empty value.</summary>
    public string? Scalar(YNode node, string field, string expected, Advice? hint = null)
    {
        if (node is YScalar scalar && !scalar.IsNull)
        {
            return scalar.Value;
        }

        Error(node, field, $"expected {expected}, found {node.Describe()}", hint);
        return null;
    }

    public string? Text(YNode node, string field) => node is YScalar { IsNull: true } ? "" : Scalar(node, field, "text");

    /// <summary>A name used to refer to something: letters, digits, '_' and '-', no dots or spaces.</summary>
    public string? Name(YNode node, string field)
    {
        var text = Scalar(node, field, "a name");
        if (text is null)
        {
            return null;
        }

        if (!IsName(text))
        {
            Error(node, field, $"'{text}' is not a valid name", new Advice("use letters, digits, '_' and '-', not '-' first, e.g. vn_customs", "dùng chữ cái, chữ số, '_' và '-', không bắt đầu bằng '-', ví dụ vn_customs"));
            return null;
        }

        return text;
    }

    /// <summary>Letters, digits, '_' and '-', not '-' first: a name goes into CSV cells, where a leading '-' starts a formula.</summary>
    public static bool IsName(string text) =>
        text.Length > 0 && text[0] != '-' && text.All(c => char.IsLetterOrDigit(c) || c is '_' or '-');

    public int? Int(YNode node, string field, int min, Advice? hint = null) => Int(node, field, min, int.MaxValue, hint);

    public int? Int(YNode node, string field, int min, int max, Advice? hint = null)
    {
        var text = Scalar(node, field, "a whole number");
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text.Trim().Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value > int.MaxValue || value < int.MinValue)
        {
            var isFraction = Units.TryNumber(text, out _);
            Error(node, field, $"expected a whole number, found '{text}'", isFraction ? new Advice("a count cannot have a fraction", "số đếm không có phần lẻ") : hint);
            return null;
        }

        if (value < min)
        {
            Error(node, field, $"must be at least {min}, found {value}", hint);
            return null;
        }

        if (value > max)
        {
            Error(node, field, $"must be at most {max}, found {value}", hint);
            return null;
        }

        return (int)value;
    }

    public ulong? UInt64(YNode node, string field)
    {
        var text = Scalar(node, field, "a whole number");
        if (text is null)
        {
            return null;
        }

        if (!ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Error(node, field, $"expected a whole number from 0 to {ulong.MaxValue}, found '{text}'");
            return null;
        }

        return value;
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>] (open at min when <paramref name="minExclusive"/>).</summary>
    /// <summary>
    /// Largest cost rate a scenario may give (USD a truck-hour, a lane-day, a booth-hour): far above any real one, and
    /// low enough that a run's total cost stays a finite number (beyond it the cost metric overflowed and vanished).
    /// </summary>
    public const double MaxUsd = 1e9;

    public double? Number(YNode node, string field, double min = 0, double max = double.MaxValue, bool minExclusive = false, Advice? hint = null)
    {
        var text = Scalar(node, field, "a number");
        if (text is null)
        {
            return null;
        }

        if (!Units.TryNumber(text, out var value))
        {
            Error(node, field, $"expected a number, found '{text}'", hint);
            return null;
        }

        if (value < min || (minExclusive && value <= min))
        {
            Error(node, field, $"must be {(minExclusive ? "greater than" : "at least")} {Format(min)}, found {Format(value)}", hint);
            return null;
        }

        if (value > max)
        {
            Error(node, field, $"must be at most {Format(max)}, found {Format(value)}", hint);
            return null;
        }

        return value;
    }

    public double? Probability(YNode node, string field) =>
        Number(node, field, 0, 1, hint: new Advice("a probability is between 0 and 1", "xác suất nằm trong khoảng từ 0 đến 1"));

    public double? DurationHours(YNode node, string field, bool positive)
    {
        var text = Scalar(node, field, "a duration", new Advice("write e.g. 90min or 1.5h", "hãy viết, ví dụ, 90min hoặc 1.5h"));
        if (text is null)
        {
            return null;
        }

        if (!Units.TryDurationHours(text, out var hours, out var error))
        {
            Error(node, field, error.Message, error.Hint);
            return null;
        }

        if (positive && hours <= 0)
        {
            Error(node, field, $"must be longer than zero, found '{text}'");
            return null;
        }

        return hours;
    }

    public double? DistanceMetres(YNode node, string field)
    {
        var text = Scalar(node, field, "a distance", new Advice("write e.g. 19m or 0.019km", "hãy viết, ví dụ, 19m hoặc 0.019km"));
        if (text is null)
        {
            return null;
        }

        if (!Units.TryDistanceMetres(text, out var metres, out var error))
        {
            Error(node, field, error.Message, error.Hint);
            return null;
        }

        return metres;
    }

    /// <summary>A service or crossing time: a distribution whose mean is above zero (a time of 0 would serve any number of trucks at once).</summary>
    public Distribution? ServiceTime(YNode node, string field)
    {
        var distribution = Distribution(node, field);
        if (distribution is { Mean: <= 0 })
        {
            Error(node, field, "a time of 0 serves any number of trucks in no time",
                "give the real time, e.g. fixed(4min); leave the stage out if trucks do not stop there");
            return null;
        }

        return distribution;
    }

    public Distribution? Distribution(YNode node, string field)
    {
        var text = Scalar(node, field, "a distribution", new Advice("write e.g. exp(10min) or lognormal(30min, 10min)", "hãy viết, ví dụ, exp(10min) hoặc lognormal(30min, 10min)"));
        if (text is null)
        {
            return null;
        }

        if (!DistributionSyntax.TryParse(text, out var distribution, out var error))
        {
            Error(node, field, error.Message, error.Hint);
            return null;
        }

        return distribution;
    }

    public LocalDate? Date(YNode node, string field)
    {
        var text = Scalar(node, field, "a date", new Advice("write YYYY-MM-DD", "hãy viết YYYY-MM-DD"));
        if (text is null)
        {
            return null;
        }

        if (!DateSyntax.TryDate(text, out var date, out var error))
        {
            Error(node, field, error.Message, error.Hint);
            return null;
        }

        return date;
    }

    public DateTimeZone? Zone(YNode node, string field)
    {
        var text = Scalar(node, field, "an IANA time zone", new Advice("e.g. Asia/Ho_Chi_Minh", "ví dụ Asia/Ho_Chi_Minh"));
        if (text is null)
        {
            return null;
        }

        var zone = TimeZones.Find(text);
        if (zone is null)
        {
            Error(node, field, $"unknown time zone '{text}'", TimeZones.Hint(text));
        }

        return zone;
    }

    /// <summary><c>{ mon-fri: "07:00-19:00", sat: "07:00-12:00", sun: closed }</c>; a later key overrides an earlier day; days not named are closed.</summary>
    public WeeklyHours? Hours(YNode node, string field)
    {
        var map = Map(node, field, "write e.g. { mon-sun: \"07:00-19:00\" }");
        if (map is null)
        {
            return null;
        }

        var days = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>>();
        var ok = true;
        foreach (var (key, value) in map.Entries)
        {
            var entryField = Join(field, key.Value);
            if (!HoursSyntax.TryDays(key.Value, out var weekdays, out var dayError))
            {
                Error(key, entryField, dayError.Message, dayError.Hint);
                ok = false;
                continue;
            }

            var text = Scalar(value, entryField, "opening hours", new Advice("write e.g. \"07:00-19:00\" or closed", "hãy viết, ví dụ, \"07:00-19:00\" hoặc closed"));
            if (text is null)
            {
                ok = false;
                continue;
            }

            if (!HoursSyntax.TryIntervals(text, out var intervals, out var hoursError))
            {
                Error(value, entryField, hoursError.Message, hoursError.Hint);
                ok = false;
                continue;
            }

            foreach (var day in weekdays)
            {
                days[day] = intervals;
            }
        }

        return ok ? new WeeklyHours(days) : null;
    }

    public IReadOnlyList<string>? NameList(YNode node, string field)
    {
        var seq = Seq(node, field, "write e.g. [fruit, cold_chain]");
        if (seq is null)
        {
            return null;
        }

        var names = new List<string>();
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var name = Name(seq.Items[i], Index(field, i));
            if (name is not null)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Reports a reference to a name that is not among <paramref name="known"/>; true when it is known.</summary>
    public bool Reference(YNode node, string field, string name, string what, IReadOnlyCollection<string> known)
    {
        if (known.Contains(name))
        {
            return true;
        }

        var hint = DidYouMean.Hint(name, known)
                   ?? (known.Count == 0 ? $"no {what} is defined" : $"known {Plural(what)}: " + string.Join(", ", known));
        Error(node, field, $"unknown {what} '{name}'", hint);
        return false;
    }

    /// <summary>The plural of a kind of name (class, calendar, road): "classes", never "classs".</summary>
    private static string Plural(string what) => what.EndsWith('s') ? what + "es" : what + "s";

    public static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
