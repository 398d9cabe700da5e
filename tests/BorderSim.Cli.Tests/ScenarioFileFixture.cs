namespace BorderSim.Cli.Tests;

/// <summary>
/// A scenario written into a fresh temporary folder before each test and removed with it after: the set-up of the
/// tests that run several verbs on one small scenario and count what they say about it.
/// </summary>
public abstract class ScenarioFileFixture
{
    /// <summary>The test's temporary folder, where outputs go too.</summary>
    protected string Folder { get; private set; } = "";

    /// <summary>The scenario file's path in <see cref="Folder"/>.</summary>
    protected string ScenarioPath { get; private set; } = "";

    /// <summary>The scenario's YAML.</summary>
    protected abstract string ScenarioText { get; }

    /// <summary>The scenario file's name.</summary>
    protected abstract string ScenarioFileName { get; }

    [SetUp]
    public void WriteScenario()
    {
        Folder = CliRunner.NewTemporaryDirectory();
        ScenarioPath = Path.Combine(Folder, ScenarioFileName);
        File.WriteAllText(ScenarioPath, ScenarioText);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(Folder, recursive: true);

    /// <summary>How many lines of the verb's standard error contain <paramref name="text"/>.</summary>
    private protected static int LinesSaying(CliRunner.Outcome outcome, string text) =>
        outcome.Error.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));
}
