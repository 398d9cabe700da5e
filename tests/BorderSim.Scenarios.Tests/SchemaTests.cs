using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using YamlDotNet.RepresentationModel;

namespace BorderSim.Scenarios.Tests;

/// <summary>
/// scenarios/bordersim.schema.json is editor help (yaml-language-server): it must accept every shipped file as
/// an editor sees it (plain YAML, without the reader's protection of commas inside calls) and reject a few
/// mistakes the reader rejects too. The reader stays the authority.
/// </summary>
public class SchemaTests
{
    private const string Valid = """
        name: schema case
        start: 2026-01-05T00:00
        time_zone: Etc/UTC
        days: 3
        classes:
          general: { share: 1 }
        directions:
          inbound:
            arrivals: { trucks_per_day: 48 }
            stages:
              - yard: { name: gate_yard, capacity: 50, overflow: highway }
              - check: { name: booth, servers: 2, service: exp(15min) }
        """;

    private static string SchemaPath => Path.Combine(RepositoryPaths.Scenarios, "bordersim.schema.json");

    private JsonSchema _schema = null!;

    [OneTimeSetUp]
    public async Task Load_the_schema()
    {
        _schema = await JsonSchema.FromFileAsync(SchemaPath);
    }

    public static IEnumerable<TestCaseData> ShippedFiles() => ShippedScenarioTests.ShippedFiles();

    [TestCaseSource(nameof(ShippedFiles))]
    public void A_shipped_scenario_has_no_schema_errors(string relativePath)
    {
        var json = ToJson(File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, relativePath)));
        Assert.That(_schema.Validate(json).Select(e => e.ToString()), Is.Empty);
    }

    [TestCaseSource(nameof(ShippedFiles))]
    public void A_shipped_scenario_names_the_schema_on_its_first_line(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Scenarios, relativePath);
        var schema = Path.GetRelativePath(Path.GetDirectoryName(path)!, SchemaPath).Replace('\\', '/');
        Assert.That(File.ReadLines(path).First(), Is.EqualTo("# yaml-language-server: $schema=" + schema));
    }

    [Test]
    public void The_base_case_of_the_negative_cases_is_valid_for_the_reader_and_the_schema()
    {
        Assert.That(ScenarioReader.Read(new StringReader(Valid), "valid.yaml").Errors, Is.Empty);
        Assert.That(_schema.Validate(ToJson(Valid)), Is.Empty);
    }

    [TestCase("stages:", "backlog: [ { at: gate_yard, class: general, trucks: 40, age: \"uniform(0h, 48h)\" }, { at: highway, class: general, trucks: 500, age: 12h } ]\n    stages:")]
    [TestCase("service: exp(15min)", "service: exp(15min), cap_per_day: 300")]
    [TestCase("service: exp(15min)", "service: exp(15min), cap_per_day: 200-400")]
    [TestCase("service: exp(15min)", "service: exp(15min), cap_per_day: { all: 300, general: 0 }")]
    [TestCase("days: 3", "days: 3\nchanges: [ { from: 2026-01-06, stage: booth, cap_per_day: 0 }, { from: 2026-01-07, stage: booth, cap_per_day: none } ]")]
    [TestCase("service: exp(15min)", "service: exp(15min), priority: [general]")]
    [TestCase("days: 3", "days: 3\nchanges: [ { from: 2026-01-06, stage: booth, priority: [] } ]")]
    [TestCase("service: exp(15min)", "service: exp(15min), reserved: { general: 1 }, reserved_only: true")]
    [TestCase("days: 3", "days: 3\nchanges: [ { from: 2026-01-06, stage: booth, reserved: { general: 2 } }, { from: 2026-01-07, stage: booth, reserved: {} } ]")]
    [TestCase("days: 3", "days: 3\nbans: [ { from: 2026-01-06, to: 2026-01-07, direction: inbound, classes: [general], action: hold_at_yard, yard: gate_yard } ]")]
    [TestCase("days: 3", "days: 3\nchanges: [ { from: 2026-01-06, class: general, patience: exp(2h) }, { from: 2026-01-07, class: general, patience: none } ]")]
    [TestCase("days: 3", "days: 3\npools: { drivers: { units: 2 } }\nchanges: [ { from: 2026-01-06, pool: drivers, units: 4 } ]")]
    [TestCase("directions:", "origins: { province: { arrivals: { trucks_per_day: 48 }, routing: { all: { shares: { inbound: 0.5, outbound: 0.5 } } } } }\nbans: [ { from: 2026-01-06, direction: inbound, classes: [general], action: divert, to_route: outbound, divert_share: 0.7 } ]\ndirections:\n  outbound:\n    stages:\n      - check: { name: out_booth, servers: 1, service: exp(15min) }")]
    public void A_new_field_written_right_is_accepted_by_the_reader_and_the_schema(string original, string replacement)
    {
        var text = Valid.Replace(original, replacement, StringComparison.Ordinal);
        Assert.That(ScenarioReader.Read(new StringReader(text), "positive.yaml").Errors, Is.Empty);
        Assert.That(_schema.Validate(ToJson(text)).Select(e => e.ToString()), Is.Empty);
    }

    [TestCase("days: 3", "days: 3\ncolour: red", TestName = "An_unknown_top_level_key_is_rejected")]
    [TestCase("days: 3", "days: 40000", TestName = "Days_beyond_36600_are_rejected")]
    [TestCase("name: booth", "name: -booth", TestName = "A_name_beginning_with_minus_is_rejected")]
    [TestCase("name: schema case", "name: \"  \"", TestName = "A_blank_scenario_name_is_rejected")]
    [TestCase("servers: 2,", "servers: 2, booths: 2,", TestName = "An_unknown_key_inside_a_check_is_rejected")]
    [TestCase("- check:", "- chek:", TestName = "A_misspelt_stage_kind_is_rejected")]
    [TestCase("overflow: highway", "overflow: sometimes", TestName = "An_overflow_other_than_highway_or_none_is_rejected")]
    [TestCase("days: 3", "days: 3\nwarm_up: 1", TestName = "A_duration_without_a_unit_is_rejected")]
    [TestCase("exp(15min)", "expo(15min)", TestName = "An_unknown_distribution_is_rejected")]
    [TestCase("servers: 2", "servers: 0", TestName = "A_check_without_servers_is_rejected")]
    [TestCase("service: exp(15min)", "service: exp(15min), channels: { green: { service: exp(15min) } }", TestName = "A_check_with_both_service_and_channels_is_rejected")]
    [TestCase("capacity: 50, ", "", TestName = "A_highway_overflow_without_capacity_is_rejected")]
    [TestCase("service: exp(15min)", "channels: { green: { service: exp(15min) }, red: { p: 0.5, service: exp(1h) } }", TestName = "One_of_two_channels_without_p_is_rejected")]
    [TestCase("days: 3", "days: 3\nchanges: [ { from: 2026-01-06, stage: booth, calendar: gate, servers: 3 } ]", TestName = "A_change_with_two_targets_is_rejected")]
    [TestCase("stages:", "backlog: [ { at: gate_yard, class: general, trucks: 0 } ]\n    stages:", TestName = "A_backlog_of_no_trucks_is_rejected")]
    [TestCase("stages:", "backlog: [ { at: gate_yard, class: general, truck: 5 } ]\n    stages:", TestName = "A_misspelt_backlog_key_is_rejected")]
    [TestCase("stages:", "backlog: { at: gate_yard, class: general, trucks: 5 }\n    stages:", TestName = "A_backlog_that_is_not_a_list_is_rejected")]
    [TestCase("service: exp(15min)", "service: exp(15min), cap_per_day: -5", TestName = "A_negative_cap_is_rejected")]
    [TestCase("service: exp(15min)", "service: exp(15min), cap_per_day: lots", TestName = "A_cap_that_is_not_a_number_is_rejected")]
    [TestCase("days: 3", "days: 3\nchanges: [ { from: 2026-01-06, calendar: gate, cap_per_day: 10 } ]", TestName = "A_cap_change_on_a_calendar_is_rejected")]
    [TestCase("service: exp(15min)", "service: exp(15min), priority: general", TestName = "A_priority_that_is_not_a_list_is_rejected")]
    [TestCase("service: exp(15min)", "service: exp(15min), reserved: { general: -1 }", TestName = "A_negative_reservation_is_rejected")]
    [TestCase("service: exp(15min)", "service: exp(15min), reserved: [general]", TestName = "A_reservation_that_is_not_a_mapping_is_rejected")]
    [TestCase("service: exp(15min)", "service: exp(15min), reserved: { general: 1 }, reserved_only: yes", TestName = "A_reserved_only_that_is_not_true_or_false_is_rejected")]
    [TestCase("days: 3", "days: 3\nchanges: [ { from: 2026-01-06, calendar: gate, reserved: { general: 1 } } ]", TestName = "A_reservation_change_on_a_calendar_is_rejected")]
    [TestCase("days: 3", "days: 3\nbans: [ { from: 2026-01-06, direction: inbound, classes: [general], action: divert } ]", TestName = "A_ban_that_diverts_without_its_route_is_rejected")]
    [TestCase("days: 3", "days: 3\nbans: [ { from: 2026-01-06, direction: inbound, classes: [general], action: turn_away, to_route: outbound } ]", TestName = "A_route_to_divert_to_on_a_ban_that_does_not_divert_is_rejected")]
    public void A_mistake_the_reader_rejects_is_rejected_by_the_schema_too(string original, string replacement)
    {
        var text = Valid.Replace(original, replacement, StringComparison.Ordinal);
        Assert.That(ScenarioReader.Read(new StringReader(text), "negative.yaml").Errors, Is.Not.Empty, "the reader should reject it");
        Assert.That(_schema.Validate(ToJson(text)), Is.Not.Empty, "the schema should reject it");
    }

    /// <summary>A scenario with one of each change target (check, road, calendar, class with patience, pool).</summary>
    private const string WithEveryChangeTarget = """
        name: schema change case
        start: 2026-01-05T00:00
        time_zone: Etc/UTC
        days: 3
        calendars:
          gate: { time_zone: Etc/UTC, hours: { mon-sun: "06:00-22:00" } }
        pools:
          drivers: { units: 2 }
        roads:
          link: { lanes: { inbound: 2 }, crossing: fixed(4min) }
        classes:
          general: { share: 1, patience: exp(12h) }
        directions:
          inbound:
            arrivals: { trucks_per_day: 48 }
            stages:
              - yard: { name: gate_yard, capacity: 50, overflow: highway }
              - check: { name: booth, servers: 2, service: exp(15min), calendar: gate }
              - road: link
        changes: [ CHANGE ]
        """;

    [TestCase("stage: booth, servers: 3, cap_per_day: 100, priority: [general], reserved: { general: 1 }")]
    [TestCase("road: link, lanes: { inbound: 3 }, cap_per_day: { inbound: 100 }, priority: [general], reserved: { general: 1 }")]
    [TestCase("calendar: gate, hours: { mon-sun: \"07:00-19:00\" }, quota_per_day: 40")]
    [TestCase("class: general, patience: exp(6h)")]
    [TestCase("pool: drivers, units: 3")]
    public void Each_change_target_with_every_key_it_takes_is_accepted_by_the_reader_and_the_schema(string change)
    {
        var text = WithEveryChangeTarget.Replace("CHANGE", "{ from: 2026-01-06, " + change + ", reason: test }", StringComparison.Ordinal);
        Assert.That(ScenarioReader.Read(new StringReader(text), "positive.yaml").Errors, Is.Empty);
        Assert.That(_schema.Validate(ToJson(text)).Select(e => e.ToString()), Is.Empty);
    }

    /// <summary>
    /// Every key of another target's change mixed into a valid change: the reader names the mistake (a second
    /// target, or a key that does not apply to this target), and the schema's change branches exclude it too.
    /// </summary>
    [TestCase("stage: booth, servers: 3, class: general", "a change has one target, found stage and class")]
    [TestCase("stage: booth, servers: 3, pool: drivers", "a change has one target, found stage and pool")]
    [TestCase("stage: booth, servers: 3, patience: exp(6h)", "patience does not apply to a stage change")]
    [TestCase("stage: booth, servers: 3, units: 3", "units does not apply to a stage change")]
    [TestCase("road: link, lanes: { inbound: 3 }, class: general", "a change has one target, found road and class")]
    [TestCase("road: link, lanes: { inbound: 3 }, pool: drivers", "a change has one target, found road and pool")]
    [TestCase("road: link, lanes: { inbound: 3 }, patience: exp(6h)", "patience does not apply to a road change")]
    [TestCase("road: link, lanes: { inbound: 3 }, units: 3", "units does not apply to a road change")]
    [TestCase("calendar: gate, quota_per_day: 40, class: general", "a change has one target, found calendar and class")]
    [TestCase("calendar: gate, quota_per_day: 40, pool: drivers", "a change has one target, found calendar and pool")]
    [TestCase("calendar: gate, quota_per_day: 40, patience: exp(6h)", "patience does not apply to a calendar change")]
    [TestCase("calendar: gate, quota_per_day: 40, units: 3", "units does not apply to a calendar change")]
    [TestCase("calendar: gate, quota_per_day: 40, reserved: { general: 1 }", "reserved does not apply to a calendar change")]
    [TestCase("class: general, patience: exp(6h), reserved: { general: 1 }", "reserved does not apply to a class change")]
    [TestCase("class: general, patience: exp(6h), units: 3", "units does not apply to a class change")]
    [TestCase("class: general, patience: exp(6h), pool: drivers", "a change has one target, found class and pool")]
    [TestCase("pool: drivers, units: 3, reserved: { general: 1 }", "reserved does not apply to a pool change")]
    [TestCase("pool: drivers, units: 3, patience: exp(6h)", "patience does not apply to a pool change")]
    [TestCase("pool: drivers, units: 3, servers: 2", "servers does not apply to a pool change")]
    public void A_change_with_a_key_of_another_target_is_rejected_by_the_reader_and_the_schema(string change, string readerMessage)
    {
        var text = WithEveryChangeTarget.Replace("CHANGE", "{ from: 2026-01-06, " + change + " }", StringComparison.Ordinal);
        Assert.That(ScenarioReader.Read(new StringReader(text), "negative.yaml").Errors.Select(e => e.Message), Has.Some.EqualTo(readerMessage), "the reader should reject it");
        Assert.That(_schema.Validate(ToJson(text)), Is.Not.Empty, "the schema should reject it");
    }

    /// <summary>
    /// The JSON an editor validates: plain scalars become numbers, booleans or null where YAML's core schema
    /// reads them so; quoted scalars stay strings.
    /// </summary>
    internal static JToken ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents.Single().RootNode);
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JObject(map.Children.Select(c => new JProperty(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode seq => new JArray(seq.Children.Select(Convert)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JToken Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any))
        {
            return new JValue(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return JValue.CreateNull();
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return new JValue(whole);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return new JValue(number);
        }

        return text switch
        {
            "true" => new JValue(true),
            "false" => new JValue(false),
            _ => new JValue(text),
        };
    }
}
