using System.Text.RegularExpressions;
using BorderSim.Scenarios;

namespace BorderSim.Studies.Tests;

/// <summary>
/// A scenario with the mistakes a planner makes first (a time zone, a unit, a share, an hour, a distribution, a count,
/// a key, a name, a value left empty, a list for a number), said in Vietnamese (<c>--lang vi</c>): each error and its advice in Vietnamese words, with the place,
/// the field's path and the values as written. The same errors in English say the English words, so nothing is a fixed string.
/// </summary>
public partial class VietnameseScenarioErrorTests
{
    private const string Broken = """
        name: Broken crossing
        start: 2026-06-01T00:00
        time_zone: Asia/Hanoi
        days: 3
        warm_up: 12 hours
        replications: 3
        calendars:
          vn_gate: { time_zone: ~, hours: { mon-sun: "07:00-19:00" } }
          cn_gate: { time_zone: Asia/Shanghai, hours: { mon-sun: "08:00-26:00" } }
        roads:
          freight_road_1119: { lanes: { export: 2, import: 2 }, crossing: fixd(4min), buffer: 20 }
        classes:
          fruit:   { share: 1.2, shelf_life: 72h, tonnes: 19, colour: red }
          general: { share: 0.4, tonnes: 25, shelf_life: 72 }
        directions:
          export:
            arrivals: { trucks_per_day: -5, hourly_profile: [1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }
            stages:
              - yard:  { name: vn yard, capacity: 100, overflow: highway, road_per_truk: 19m }
              - check: { name: vn_customs, servers: six, calendar: vn_gate, service: exp(10min) }
              - road: freight_road_1119
              - check: { name: cn_inspection, servers: 2.5, calendar: cn_gat, service: exp(8min), buffer: [30] }
          import:
            arrivals: { trucks_per_day: 200, hourly_profile: flat }
            stages:
              - check: { name: cn_export_check, servers: 0, calendar: cn_gate, service: exp(6min) }
              - road: freight_road_1119
        """;

    /// <summary>The next mistakes: zero where one is the least (days, replications, lanes, units, trucks), an all-zero profile, an overflow without a capacity, a road without the direction's lanes.</summary>
    private const string BrokenMore = """
        name: Broken crossing, more
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 0
        replications: 0
        calendars:
          vn_gate: { time_zone: Asia/Ho_Chi_Minh, hours: { mon-sun: "07:00-19:00" }, appointments: [] }
        roads:
          freight_road_1119: { lanes: { export: 0 }, crossing: fixed(4min) }
        pools:
          drivers: { units: 0, return: fixed(20min) }
        classes:
          general: { share: 1, tonnes: 25 }
        directions:
          export:
            arrivals: { trucks_per_day: 200, hourly_profile: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }
            backlog: [{ at: highway, class: general, trucks: 0 }]
            stages:
              - yard: { name: vn_yard, overflow: highway }
              - check: { name: vn_customs, servers: 4, calendar: vn_gate, service: exp(10min) }
              - road: freight_road_1119
        """;

    /// <summary>Sums that miss 1 (class shares, channel probabilities), service and channels both, a mean of zero, an unknown road and kind of stage.</summary>
    private const string BrokenThird = """
        name: Broken crossing, third
        start: 2026-06-01T00:00
        time_zone: Asia/Ho_Chi_Minh
        days: 3
        calendars:
          vn_gate: { time_zone: Asia/Ho_Chi_Minh, hours: { mon-sun: "07:00-19:00" } }
        roads:
          freight_road_1119: { lanes: { export: 2 }, crossing: fixed(4min) }
        classes:
          fruit: { share: 0.5, tonnes: 19 }
          general: { share: 0.4, tonnes: 25 }
        directions:
          export:
            arrivals: { trucks_per_day: 200, hourly_profile: flat, class_mix: { fruit: 0.5, general: 0.3 } }
            stages:
              - check: { name: vn_customs, servers: 4, calendar: vn_gate, service: exp(10min), channels: { green: { p: 1, service: exp(10min) } } }
              - check: { name: cn_inspection, servers: 4, channels: { green: { p: 0.7, service: exp(10min) }, red: { p: 0.2, service: exp(1h) } } }
              - check: { name: cn_check, servers: 4, service: exp(0min) }
              - road: freight_road_1119
              - road: freight_road_1118
              - gate: { name: x }
        """;

    /// <summary>English words of the scenario errors (a value in quotes, a field's path, a key or name in an example is no word; "mean" and "road" are also the file's syntax: exp(mean), road:).</summary>
    [GeneratedRegex(@"(?<![-\w./'])(the|a|an|is|are|must|at|least|most|found|expected|unknown|units?|time|of|or|and|between|needs|one|booth|team|close|it|with|instead|times|run|from|to|count|cannot|have|fraction|known|keys|weights|relative|distributions?|did|you|write|e\.g\.|series|daily|observed|probability|number|whole|only|allowed|as|closing|factor|multiplies|rate|no|change|greater|than|key|missing|required|lasts|day|days|replication|lane|lanes|pool|unit|leave|out|add|sum|zero|hourly|positive|weight|backlog|trucks|per|line|direction|under|sums|shares|fractions|give|either|both|channel|probabilities|kind|stage|mix|class)(?![-\w/'])")]
    private static partial Regex EnglishWord();

    /// <summary>What a reader reads as words: the error less its place and field, its quoted values and its YAML examples.</summary>
    private static string Words(string line, ScenarioError error)
    {
        string text = line[(line.IndexOf(": lỗi: ", StringComparison.Ordinal) + ": lỗi: ".Length)..];
        text = error.Field.Length > 0 && text.StartsWith(error.Field + ": ", StringComparison.Ordinal) ? text[(error.Field.Length + 2)..] : text;
        text = Regex.Replace(text, "'[^']*'", "");
        return Regex.Replace(text, @"\{[^}]*\}", "");
    }

    /// <summary>Each error of <paramref name="text"/> in Vietnamese (checked: place, field, no English word), as read.</summary>
    private static List<string> SaidInVietnamese(string text, int atLeast)
    {
        ScenarioLoadResult result = ScenarioReader.Read(new StringReader(text), "broken.yaml");
        List<(string Vietnamese, ScenarioError Error)> said = [.. result.Errors.Select(e => (ScenarioErrorText.Vietnamese(e), e))];
        Assert.That(said, Has.Count.GreaterThanOrEqualTo(atLeast), string.Join("\n", said.Select(s => s.Vietnamese)));
        foreach ((string vietnamese, ScenarioError error) in said)
        {
            Assert.That(vietnamese, Does.StartWith($"broken.yaml:{error.Line}:{error.Column}: lỗi: {error.Field}"));
            Assert.That(EnglishWord().Matches(Words(vietnamese, error)).Select(m => m.Value), Is.Empty, vietnamese);
            Assert.That(EnglishWord().Matches(error.ToString()), Is.Not.Empty, "the English says English words: " + error);
        }

        return [.. said.Select(s => s.Vietnamese)];
    }

    [Test]
    public void Every_first_mistake_is_said_in_Vietnamese_words_with_its_place_and_values_as_written()
    {
        Assert.Multiple(() =>
        {
            var said = SaidInVietnamese(Broken, 16);
            Assert.That(said, Has.Some.Contains("xác suất"), "a share's advice");
            Assert.That(said, Has.Some.Contains("'12 hours'"), "the value as written");
        });
    }

    [Test]
    public void Sums_that_miss_one_and_unknown_kinds_are_said_in_Vietnamese_too()
    {
        Assert.Multiple(() =>
        {
            var said = SaidInVietnamese(BrokenThird, 7);
            Assert.That(said, Has.Some.Contains("tổng tỷ lệ các loại hàng là 0.9, không phải 1"));
            Assert.That(said, Has.Some.Contains("tổng xác suất các luồng là 0.9, không phải 1"));
        });
    }

    [Test]
    public void The_next_mistakes_are_said_in_Vietnamese_too()
    {
        Assert.Multiple(() =>
        {
            var said = SaidInVietnamese(BrokenMore, 9);
            Assert.That(said, Has.Some.Contains("đường 'freight_road_1119' không có làn cho chiều 'export'"), "a message said at its source");
        });
    }
}
