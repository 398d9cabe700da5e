namespace BorderSim.Scenarios.Tests;

/// <summary>
/// Every file in Broken/ is invalid, and its errors contain each line of the .expected file beside it.
/// An expected line is "LINE:COLUMN: fragment": some error is at that line and column and its text
/// (file:line:col: field: message (hint)) contains the fragment.
/// </summary>
public class BrokenScenarioTests
{
    public static IEnumerable<TestCaseData> BrokenFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Broken, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileName(path)).SetName("Broken_" + Path.GetFileNameWithoutExtension(path)));

    [TestCaseSource(nameof(BrokenFiles))]
    public void A_broken_scenario_is_reported_at_the_right_place_with_the_expected_message(string fileName)
    {
        var path = Path.Combine(RepositoryPaths.Broken, fileName);
        ScenarioLoadResult? result = null;
        Assert.That(() => result = ScenarioReader.Load(path), Throws.Nothing);
        var report = string.Join("\n", result!.Errors);
        TestContext.Out.WriteLine(report);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Scenario, Is.Null);
        Assert.That(result.Errors, Is.Not.Empty);

        var expectedPath = Path.ChangeExtension(path, ".expected");
        Assert.That(File.Exists(expectedPath), Is.True, $"{expectedPath} is missing; the errors were:\n{report}");
        foreach (var line in File.ReadAllLines(expectedPath).Where(l => l.Trim().Length > 0))
        {
            var parts = line.Split(':', 3);
            var expectedLine = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            var expectedColumn = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            var fragment = parts[2].Trim();
            Assert.That(
                result.Errors.Any(e => e.Line == expectedLine && e.Column == expectedColumn && e.ToString().Contains(fragment, StringComparison.Ordinal)),
                Is.True,
                $"expected an error at {expectedLine}:{expectedColumn} containing '{fragment}'; the errors were:\n{report}");
        }
    }

    [Test]
    public void Every_broken_file_has_its_expected_message_beside_it()
    {
        var yaml = Directory.EnumerateFiles(RepositoryPaths.Broken, "*.yaml").Select(Path.GetFileNameWithoutExtension);
        var expected = Directory.EnumerateFiles(RepositoryPaths.Broken, "*.expected").Select(Path.GetFileNameWithoutExtension);
        Assert.That(expected, Is.EquivalentTo(yaml));
        Assert.That(yaml.Count(), Is.GreaterThanOrEqualTo(100));
    }

    [Test]
    public void A_50_MB_file_is_refused_by_size_without_being_parsed()
    {
        var dir = Directory.CreateTempSubdirectory("bordersim-");
        try
        {
            var path = Path.Combine(dir.FullName, "huge.yaml");
            using (var writer = new StreamWriter(path))
            {
                var line = "# " + new string('x', 1021) + "\n";
                for (var i = 0; i < 50 * 1024; i++)
                {
                    writer.Write(line);
                }
            }

            ScenarioLoadResult? result = null;
            Assert.That(() => result = ScenarioReader.Load(path), Throws.Nothing);
            Assert.That(result!.IsValid, Is.False);
            Assert.That(result.Errors, Has.Count.EqualTo(1));
            Assert.That(result.Errors[0].ToString(), Does.Contain(":1:1: the file is 50.0 MiB; the limit is 5 MiB"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void A_text_longer_than_the_limit_is_refused_by_Read_too()
    {
        var text = new string('#', (int)ScenarioReader.MaxFileBytes + 10);
        var result = ScenarioReader.Read(new StringReader(text), "long.yaml");
        Assert.That(result.Errors.Single().Message, Does.Contain("longer than 5 MiB"));
    }

    [Test]
    public void One_hundred_thousand_open_brackets_are_refused_before_the_parser_recurses()
    {
        // YamlDotNet's scanner recurses on nested flow collections: this text would overflow the stack
        // and kill the test process if it reached the parser.
        var dir = Directory.CreateTempSubdirectory("bordersim-");
        try
        {
            var path = Path.Combine(dir.FullName, "deep.yaml");
            File.WriteAllText(path, "name: deep\nx: " + new string('[', 100_000) + "\n");
            ScenarioLoadResult? result = null;
            Assert.That(() => result = ScenarioReader.Load(path), Throws.Nothing);
            Assert.That(result!.Errors.Single().ToString(), Does.Contain("deep.yaml:2:67: the YAML nests deeper than 64 levels"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void Deep_braces_in_a_set_value_are_refused_too()
    {
        var result = ScenarioReader.Read(new StringReader("name: x\n"), "x.yaml", [new ScenarioOverride("name", new string('{', 10_000))]);
        Assert.That(result.Errors.Select(e => e.ToString()), Has.Some.Contains("--set:1:").And.Some.Contains("nests deeper than 64"));
    }

    [Test]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        var result = ScenarioReader.Load(Path.Combine(Path.GetTempPath(), "no-such-scenario-" + Guid.NewGuid() + ".yaml"));
        Assert.That(result.Errors.Single().Message, Is.EqualTo("file not found"));
    }

    [Test]
    public void A_file_that_is_not_UTF8_is_an_error()
    {
        var dir = Directory.CreateTempSubdirectory("bordersim-");
        try
        {
            var path = Path.Combine(dir.FullName, "latin1.yaml");
            File.WriteAllBytes(path, [(byte)'n', (byte)':', (byte)' ', 0xE9, 0xFF, (byte)'\n']);
            var result = ScenarioReader.Load(path);
            Assert.That(result.Errors.Single().Message, Does.Contain("not UTF-8"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
