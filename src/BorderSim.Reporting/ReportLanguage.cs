using System.Globalization;
using BorderSim.Model.Results;
using BorderSim.Model.Spec;
using NodaTime;

namespace BorderSim.Reporting;

/// <summary>
/// The language of what a person reads: report.html, the console tables and the plot labels (<c>--lang en|vi</c>).
/// Words are chosen at the call site (<see cref="Say"/>: English, then the Vietnamese a planner of the Lạng Sơn
/// Department of Industry and Trade uses); numbers follow the language (English 1,234.5; Vietnamese 1.234,5).
/// CSV files never use this: they stay invariant.
/// </summary>
public sealed class ReportLanguage
{
    private readonly IReadOnlyList<ScenarioWords> _words;

    private ReportLanguage(string code, NumberFormatInfo numbers, IReadOnlyList<ScenarioWords>? words = null)
    {
        Code = code;
        Numbers = numbers;
        _words = words ?? [];
    }

    /// <summary>English: decimal point, thousands comma.</summary>
    public static ReportLanguage English { get; } = new("en", new NumberFormatInfo { NumberDecimalSeparator = ".", NumberGroupSeparator = ",", NegativeSign = "−" });

    /// <summary>Vietnamese: decimal comma, thousands point (built here, not taken from ICU, so it reads the same on every machine).</summary>
    public static ReportLanguage Vietnamese { get; } = new("vi", new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "−" });

    /// <summary>The codes <c>--lang</c> accepts.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["en", "vi"];

    /// <summary>"en" or "vi" (the html lang attribute).</summary>
    public string Code { get; }

    public bool IsVietnamese => Code == "vi";

    /// <summary>How numbers are written in this language.</summary>
    public NumberFormatInfo Numbers { get; }

    /// <summary>The language of a <c>--lang</c> code; English for anything but "vi".</summary>
    public static ReportLanguage FromCode(string? code) => string.Equals(code, "vi", StringComparison.OrdinalIgnoreCase) ? Vietnamese : English;

    /// <summary>
    /// This language knowing the labels the scenarios give their parts (<c>label:</c>, <c>name: { en, vi }</c>), so that
    /// a direction, class, stage, road or calendar is named by its label; the first scenario that labels a name wins.
    /// </summary>
    public ReportLanguage WithLabelsOf(params IEnumerable<ScenarioSpec> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        return new ReportLanguage(Code, Numbers, [.. _words, .. scenarios.Select(s => s.Words)]);
    }

    /// <summary>
    /// A scenario's name in this language, without its overrides; a name lengthened after it was read (compare tells
    /// two scenarios of one name apart with " [3: base.yaml]") keeps what was added.
    /// </summary>
    public string Name(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        string english = scenario.Words.Name.English;
        string added = scenario.Name.StartsWith(english, StringComparison.Ordinal) ? scenario.Name[english.Length..] : "";
        return scenario.Name.StartsWith(english, StringComparison.Ordinal) ? Say(scenario.Words.Name) + added : scenario.Name;
    }

    /// <summary>A scenario's name in this language with its overrides, for titles: <c>Name [--set a=1]</c>.</summary>
    public string Title(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Overrides.Count == 0 ? Name(scenario) : $"{Name(scenario)} [{string.Join(", ", scenario.Overrides.Select(o => "--set " + o))}]";
    }

    /// <summary>A scenario's description in this language; empty when it has none.</summary>
    public string Description(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Say(scenario.Words.Description);
    }

    /// <summary>A stage by its label (a road stage without one: its road's); else its name.</summary>
    public string Stage(string name) => Labelled(name, w => w.Stages) ?? name;

    /// <summary>
    /// A line of the load check in words: in English as the model says it ("demand 504 trucks/day >= capacity 480
    /// trucks/day at booth"); in Vietnamese from the same facts, with the stage, class, pool or shared cap by its label.
    /// </summary>
    public string Load(StageLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (!IsVietnamese)
        {
            return load.Describe();
        }

        string name = load.Stage;
        int infix = name.IndexOf(Model.Experiments.LoadCheck.ClassCapInfix, StringComparison.Ordinal);
        string where = infix >= 0
            ? $"{Stage(name[..infix])} (trần cho {CargoClass(name[(infix + Model.Experiments.LoadCheck.ClassCapInfix.Length)..])})"
            : name.StartsWith(Model.Experiments.LoadCheck.SharedCapPrefix, StringComparison.Ordinal) ? "trần chung " + name[Model.Experiments.LoadCheck.SharedCapPrefix.Length..]
            : name.StartsWith(Model.Experiments.LoadCheck.PoolPrefix, StringComparison.Ordinal) ? "nhóm " + name[Model.Experiments.LoadCheck.PoolPrefix.Length..]
            : name.StartsWith(Model.Experiments.LoadCheck.ParkPrefix, StringComparison.Ordinal) ? "bãi tập kết " + name[Model.Experiments.LoadCheck.ParkPrefix.Length..]
            : Stage(name);
        return $"nhu cầu {Whole(load.DemandTrucksPerDay)} xe/ngày {(load.IsOverloaded ? "≥" : "<")} năng lực {Whole(load.CapacityTrucksPerDay)} xe/ngày tại {where}";
    }

    /// <summary>A road by its label; else its name.</summary>
    public string Road(string name) => Labelled(name, w => w.Roads) ?? name;

    /// <summary>A calendar (a gate's opening hours) by its label; else its name.</summary>
    public string Calendar(string name) => Labelled(name, w => w.Calendars) ?? name;

    /// <summary>A reason (of a surge, closure, ban or change) in this language when the scenario gives it in both; else as written.</summary>
    public string Reason(string english) => Labelled(english, w => w.Reasons) ?? english;

    /// <summary>A time zone as a planner says it ("Vietnam time, UTC+7" / "giờ Việt Nam, UTC+7"); another as its id.</summary>
    public string TimeZone(string id) => Glossary.TimeZones.TryGetValue(id, out Bilingual? words) ? Say(words) : id;

    private string? Labelled(string name, Func<ScenarioWords, IReadOnlyDictionary<string, Bilingual>> labels)
    {
        foreach (ScenarioWords words in _words)
        {
            if (labels(words).TryGetValue(name, out Bilingual? label))
            {
                return Say(label);
            }
        }

        return null;
    }

    /// <summary>The text in this language.</summary>
    public string Say(string english, string vietnamese) => IsVietnamese ? vietnamese : english;

    /// <summary>Words the model holds in both languages (a metric's label, a unit, a section title), in this language.</summary>
    public string Say(Bilingual words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return Say(words.English, words.Vietnamese);
    }

    /// <summary>About three significant figures, thousands grouped (1,053); below 0.0005 in size 0 (a report has no use for 4E−5 km); NaN as "–".</summary>
    public string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "–";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "−∞";
        }

        double magnitude = Math.Abs(value);
        string format = magnitude switch
        {
            < 0.0005 => "0",
            >= 1000 => "#,##0",
            >= 100 => "0",
            >= 10 => "0.0",
            >= 1 => "0.00",
            _ => "0.000",
        };
        string text = value.ToString(format, Numbers);
        return text == "−0" ? "0" : text;
    }

    /// <summary>A whole number with thousands grouped (1,053 / 1.053).</summary>
    public string Whole(double value) => double.IsNaN(value) ? "–" : Math.Round(value).ToString("#,##0", Numbers);

    /// <summary>A share as a percentage with one decimal (73.4% / 73,4%).</summary>
    public string Percent(double share)
    {
        if (double.IsNaN(share))
        {
            return "–";
        }

        // Round first, so float noise (-9E-16) is "0.0%", never "−0.0%".
        double percent = Math.Round(share * 100, 1) + 0.0;
        return (percent == 0 ? 0 : percent).ToString("0.0", Numbers) + "%";
    }

    /// <summary>A confidence level as a percentage, as short as it is exact: 95%, 97.5% / 97,5%.</summary>
    public string Level(double level) => (Math.Round(level * 1000) / 10).ToString("0.#", Numbers) + "%";

    /// <summary>A signed number (+93.7 / −2.36).</summary>
    public string Signed(double value) => double.IsNaN(value) ? "–" : value > 0 ? "+" + Number(value) : Number(value);

    /// <summary>
    /// A change from one value to another: "from 20.1 to 20.2"; in Vietnamese the verb follows the change, "từ 20,1 lên
    /// 20,2" when it rose, "từ 20,2 xuống còn 20,1" when it fell ("còn" alone reads as a fall), "từ 20,1 thành 20,1" when equal.
    /// </summary>
    public string FromTo(string from, string to, double difference) => IsVietnamese
        ? $"từ {from} {(difference > 0 ? "lên" : difference < 0 ? "xuống còn" : "thành")} {to}"
        : $"from {from} to {to}";

    /// <summary>A local date: "1 Jun 2026" / "01/06/2026".</summary>
    public string Date(LocalDate date) => IsVietnamese
        ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
        : date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A short date for plot ticks: "3 Jun" / "3/6".</summary>
    public string ShortDate(DateTime date) => IsVietnamese
        ? date.ToString("d/M", CultureInfo.InvariantCulture)
        : date.ToString("d MMM", CultureInfo.InvariantCulture);

    /// <summary>A local date and time: "1 Jun 2026 07:00" / "07:00 01/06/2026".</summary>
    public string DateTime(LocalDateTime time) => IsVietnamese
        ? time.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)
        : time.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A direction's name as a planner says it (export → xuất khẩu, inbound → chiều vào); names the scenario chose otherwise as written.</summary>
    public string Direction(string name) => Labelled(name, w => w.Directions) ?? (Glossary.Directions.TryGetValue(name, out Bilingual? words) ? Say(words) : name);

    /// <summary>
    /// The Vietnamese side of a direction, "chiều xuất khẩu", "chiều vào" (not "chiều chiều vào"), "chiều to_pingxiang";
    /// in English the direction's name.
    /// </summary>
    public string Side(string name)
    {
        string direction = Direction(name);
        return !IsVietnamese || direction.StartsWith("chiều ", StringComparison.Ordinal) ? direction : "chiều " + direction;
    }

    /// <summary>A cargo class's name as a planner says it (fruit → trái cây); a class the scenario named otherwise as written.</summary>
    public string CargoClass(string name) => Labelled(name, w => w.Classes) ?? (Glossary.CargoClasses.TryGetValue(name, out Bilingual? words) ? Say(words) : name);

    /// <summary>
    /// What a metric measures, from the model's table of metrics (<see cref="Metrics"/>): "mean wait" / "thời gian
    /// chờ trung bình"; a name the table does not know (a file from another version) with spaces for underscores.
    /// </summary>
    public string MetricWhat(string name) => Metrics.Find(name) is { } metric ? Say(metric.Label) : name.Replace('_', ' ');

    /// <summary>A unit as written in the report, from the model's table of units: "trucks/day" / "xe/ngày", "h" / "giờ".</summary>
    public string Unit(string unit) => MetricUnits.Find(unit) is { } known ? Say(known.Label) : unit;

    /// <summary>The metric with its scope and unit: "mean wait, fruit (h)" / "thời gian chờ trung bình, trái cây (giờ)".</summary>
    public string MetricLabel(MetricKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Labelled(MetricWhat(key.Name), key);
    }

    /// <summary>A headline metric in a narrow table (a comparison): its short label, scope and unit, "wait p95, fruit (h)".</summary>
    public string HeadlineLabel(MetricKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Metrics.Find(key.Name)?.Headline is { } headline ? Labelled(Say(headline.ShortLabel), key) : MetricLabel(key);
    }

    private string Labelled(string what, MetricKey key)
    {
        string[] scope = [.. new[] { ScopePart(key.Direction, Direction), ScopePart(key.CargoClass, CargoClass), ScopePart(key.Stage, Stage) }.Where(p => p.Length > 0)];
        string unit = key.Unit.Length > 0 ? $" ({Unit(key.Unit)})" : "";
        return what + (scope.Length > 0 ? ", " + string.Join(" / ", scope) : "") + unit;
    }

    private static string ScopePart(string value, Func<string, string> say) => value.Length == 0 || value == "all" ? "" : say(value);
}
