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

    /// <summary>English words of the scenario errors (a value in quotes, a field's path, a key or name in an example is no word).</summary>
    [GeneratedRegex(@"(?<![-\w./'])(the|a|an|is|are|must|at|least|most|found|expected|unknown|units?|time|of|or|and|between|needs|one|booth|team|close|it|with|instead|times|run|from|to|count|cannot|have|fraction|known|keys|weights|relative|distributions?|did|you|mean|write|e\.g\.|series|daily|observed|probability|number|whole|only|allowed|as|closing|factor|multiplies|rate|no|change|greater|than|key|missing|required)(?![-\w/'])")]
    private static partial Regex EnglishWord();

    /// <summary>What a reader reads as words: the error less its place and field, its quoted values and its YAML examples.</summary>
    private static string Words(string line, ScenarioError error)
    {
        string text = line[(line.IndexOf(": lỗi: ", StringComparison.Ordinal) + ": lỗi: ".Length)..];
        text = error.Field.Length > 0 && text.StartsWith(error.Field + ": ", StringComparison.Ordinal) ? text[(error.Field.Length + 2)..] : text;
        text = Regex.Replace(text, "'[^']*'", "");
        return Regex.Replace(text, @"\{[^}]*\}", "");
    }

    [Test]
    public void Every_first_mistake_is_said_in_Vietnamese_words_with_its_place_and_values_as_written()
    {
        ScenarioLoadResult result = ScenarioReader.Read(new StringReader(Broken), "broken.yaml");
        List<(string Vietnamese, ScenarioError Error)> said = [.. result.Errors.Select(e => (ScenarioErrorText.Vietnamese(e), e))];

        Assert.Multiple(() =>
        {
            Assert.That(said, Has.Count.GreaterThanOrEqualTo(16), string.Join("\n", said.Select(s => s.Vietnamese)));
            foreach ((string vietnamese, ScenarioError error) in said)
            {
                Assert.That(vietnamese, Does.StartWith($"broken.yaml:{error.Line}:{error.Column}: lỗi: {error.Field}"));
                Assert.That(EnglishWord().Matches(Words(vietnamese, error)).Select(m => m.Value), Is.Empty, vietnamese);
                Assert.That(EnglishWord().Matches(error.ToString()), Is.Not.Empty, "the English says English words: " + error);
            }

            Assert.That(said.Select(s => s.Vietnamese), Has.Some.Contains("xác suất"), "a share's advice");
            Assert.That(said.Select(s => s.Vietnamese), Has.Some.Contains("'12 hours'"), "the value as written");
        });
    }
}
