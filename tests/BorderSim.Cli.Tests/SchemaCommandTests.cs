namespace BorderSim.Cli.Tests;

/// <summary><c>bordersim schema</c> prints the committed JSON schema of the format, or its reference page.</summary>
public class SchemaCommandTests
{
    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BorderSim.sln")))
            {
                directory = directory.Parent;
            }

            return directory!.FullName;
        }
    }

    [Test]
    public void Schema_prints_the_committed_scenario_schema_with_exit_0()
    {
        var outcome = CliRunner.Run("schema");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
            Assert.That(outcome.Out, Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryRoot, "scenarios", "bordersim.schema.json"))));
            Assert.That(outcome.Error, Is.Empty);
        });
    }

    [Test]
    public void Schema_with_format_markdown_prints_the_committed_reference_page()
    {
        var outcome = CliRunner.Run("schema", "--format", "markdown");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
            Assert.That(outcome.Out, Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "reference", "scenario-format.md"))));
        });
    }

    [Test]
    public void Schema_with_an_unknown_format_is_invalid_input_with_exit_2()
    {
        var outcome = CliRunner.Run("schema", "--format", "yaml");
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(outcome.Error, Does.Contain("yaml"));
            Assert.That(outcome.Out, Is.Empty);
        });
    }
}
