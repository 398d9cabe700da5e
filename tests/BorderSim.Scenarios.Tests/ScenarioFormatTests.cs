using System.Text.Json.Nodes;
using BorderSim.Scenarios.Format;
using BorderSim.Scenarios.Syntax;
using NJsonSchema;

namespace BorderSim.Scenarios.Tests;

/// <summary>
/// The format is declared once (src/BorderSim.Scenarios/Format): the committed JSON schema and reference page are what
/// the declaration generates, and the declaration's own examples are right. BORDERSIM_UPDATE_GOLDEN=1 rewrites both files.
/// </summary>
public class ScenarioFormatTests
{
    private static string SchemaPath => Path.Combine(RepositoryPaths.Scenarios, "bordersim.schema.json");

    private static string PagePath => Path.Combine(RepositoryPaths.Root, "docs", "reference", "scenario-format.md");

    [Test]
    public void The_committed_schema_is_the_one_the_format_declaration_generates() =>
        AssertCommitted(ScenarioFormat.JsonSchema(), SchemaPath);

    [Test]
    public void The_committed_reference_page_is_the_one_the_format_declaration_generates() =>
        AssertCommitted(ScenarioFormat.ReferencePage(), PagePath);

    public static IEnumerable<TestCaseData> KeysWithExamples() =>
        from entry in ReferencePage.SectionsWithPaths()
        from key in entry.Section.Keys
        where key.Example is not null
        select new TestCaseData(entry.Section.Title, key.Name).SetArgDisplayNames($"{entry.Paths[0]}.{key.Name}".TrimStart('.'));

    [TestCaseSource(nameof(KeysWithExamples))]
    public async Task The_example_of_a_key_is_valid_for_the_key_in_the_schema(string sectionTitle, string keyName)
    {
        var key = ReferencePage.SectionsWithPaths().Single(s => s.Section.Title == sectionTitle).Section[keyName];
        var schema = await SchemaOf(SchemaWriter.PropertySchema(key));
        var value = SchemaTests.ToJson("value: " + key.Example)["value"]!;
        Assert.That(schema.Validate(value).Select(e => e.ToString()), Is.Empty, $"{keyName}: {key.Example}");
    }

    public static IEnumerable<TestCaseData> DefinitionExamples() =>
        from definition in Values.Definitions
        from example in definition.Examples
        select new TestCaseData(definition.Name, example).SetArgDisplayNames(definition.Name, example);

    [TestCaseSource(nameof(DefinitionExamples))]
    public async Task The_example_of_a_kind_of_value_is_valid_for_its_definition_in_the_schema(string definitionName, string example)
    {
        var definition = Values.Definitions.Single(d => d.Name == definitionName);
        var schema = await SchemaOf(definition.Shape.Schema());
        Assert.That(schema.Validate(SchemaTests.ToJson("value: " + example)["value"]!).Select(e => e.ToString()), Is.Empty);
    }

    [Test]
    public void Every_example_duration_distribution_distance_date_and_time_zone_of_the_declaration_is_read_by_the_reader()
    {
        Assert.Multiple(() =>
        {
            foreach (var example in Values.DurationDefinition.Examples)
            {
                Assert.That(Units.TryDurationHours(example, out _, out _), Is.True, example);
            }

            foreach (var example in Values.DistributionDefinition.Examples)
            {
                Assert.That(DistributionSyntax.TryParse(example, out _, out _), Is.True, example);
            }

            foreach (var example in Values.DistanceDefinition.Examples)
            {
                Assert.That(Units.TryDistanceMetres(example, out _, out _), Is.True, example);
            }

            foreach (var example in Values.DateDefinition.Examples)
            {
                Assert.That(DateSyntax.TryDate(example, out _, out _), Is.True, example);
            }

            foreach (var example in Values.TimeZoneDefinition.Examples)
            {
                Assert.That(TimeZones.Find(example), Is.Not.Null, example);
            }
        });
    }

    [Test]
    public void Every_section_declares_each_key_once_with_a_doc_that_ends_a_sentence()
    {
        Assert.Multiple(() =>
        {
            foreach (var (section, _) in ReferencePage.SectionsWithPaths())
            {
                Assert.That(section.Known, Is.Unique, section.Title);
                foreach (var key in section.Keys)
                {
                    Assert.That(key.Doc, Does.EndWith("."), $"{section.Title}.{key.Name}");
                    Assert.That(key.Need != Need.Conditional || key.RequiredWhen is not null, Is.True, $"{section.Title}.{key.Name} says when it is required");
                }
            }
        });
    }

    [Test]
    public void Each_change_target_takes_only_settings_the_change_declares()
    {
        Assert.That(ChangeSections.Targets.SelectMany(t => t.Settings.Append(t.Key)).Distinct(), Is.SubsetOf(ChangeSections.Change.Known));
    }

    [Test]
    public void An_unknown_key_gets_the_nearest_declared_key_as_its_hint()
    {
        const string Scenario = """
            name: format case
            start: 2026-01-05T00:00
            time_zone: Etc/UTC
            days: 3
            classes:
              general: { share: 1, shelf_lif: 48h }
            directions:
              inbound:
                arrivals: { trucks_per_day: 48 }
                stages:
                  - check: { name: booth, servers: 2, service: exp(15min) }
            """;
        var errors = ScenarioReader.Read(new StringReader(Scenario), "format.yaml").Errors;
        Assert.That(errors.Select(e => e.ToString()), Has.Some.Contains("unknown key 'shelf_lif'").And.Contains("did you mean 'shelf_life'?"));
    }

    private static async Task<JsonSchema> SchemaOf(JsonObject schema)
    {
        // The value's schema with the definitions it refers to.
        var document = JsonNode.Parse(ScenarioFormat.JsonSchema())!.AsObject();
        var withDefinitions = new JsonObject { ["definitions"] = document["definitions"]!.DeepClone() };
        foreach (var (name, node) in schema)
        {
            withDefinitions[name] = node?.DeepClone();
        }

        return await JsonSchema.FromJsonAsync(withDefinitions.ToJsonString());
    }

    /// <summary>Compares a generated file with the committed one, or rewrites it when BORDERSIM_UPDATE_GOLDEN=1.</summary>
    private static void AssertCommitted(string generated, string path)
    {
        if (Environment.GetEnvironmentVariable("BORDERSIM_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
            Assert.Warn($"{path} rewritten from the format declaration");
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"{path} is missing; run the tests with BORDERSIM_UPDATE_GOLDEN=1 to write it");
        Assert.That(File.ReadAllText(path), Is.EqualTo(generated),
            $"{Path.GetFileName(path)} differs from what src/BorderSim.Scenarios/Format generates; edit the declaration, not the file, and rerun with BORDERSIM_UPDATE_GOLDEN=1");
    }
}
