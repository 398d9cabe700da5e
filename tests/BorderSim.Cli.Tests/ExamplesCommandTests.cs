using BorderSim.Scenarios;

namespace BorderSim.Cli.Tests;

public class ExamplesCommandTests : SearchCommandTests
{
    /// <summary>The shipped files the tool must carry: scenarios/ without the baselines.</summary>
    private static string[] Shipped() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "scenarios"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(RepositoryRoot, "scenarios"), f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("baselines/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    [Test]
    public void Examples_writes_every_shipped_scenario_and_observation_file_as_shipped_and_each_scenario_validates()
    {
        string target = Path.Combine(Folder, "examples");
        CliRunner.Outcome outcome = CliRunner.Run("examples", target);
        Assert.That(outcome.ExitCode, Is.EqualTo(ExitCodes.Ok), outcome.Error);
        string[] shipped = Shipped();
        Assert.That(shipped, Has.Length.GreaterThan(10).And.Some.EndsWith(".csv"), "the crossings, the validation cases and an observation file");
        Assert.Multiple(() =>
        {
            foreach (string file in shipped)
            {
                string written = Path.Combine(target, file);
                Assert.That(File.Exists(written), Is.True, file);
                Assert.That(File.ReadAllBytes(written), Is.EqualTo(File.ReadAllBytes(Path.Combine(RepositoryRoot, "scenarios", file))), $"{file}: as shipped");
                if (file.EndsWith(".yaml", StringComparison.Ordinal))
                {
                    // Load reads the observation files the scenario names, from the folder it was written to.
                    ScenarioLoadResult loaded = ScenarioReader.Load(written, []);
                    Assert.That(loaded.IsValid, Is.True, $"{file}: {string.Join("; ", loaded.Errors)}");
                }
            }

            Assert.That(outcome.Out, Does.StartWith($"wrote {shipped.Length} files to {target}: "));
        });
    }

    [Test]
    public void Examples_refuses_to_overwrite_an_existing_file_and_writes_nothing_unless_forced()
    {
        string target = Path.Combine(Folder, "examples");
        Directory.CreateDirectory(target);
        string mine = Path.Combine(target, "huu-nghi-6-lanes.yaml");
        File.WriteAllText(mine, "my own edits");
        CliRunner.Outcome refused = CliRunner.Run("examples", target);
        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(refused.Error, Does.Contain($"{mine}: already exists; give --force to overwrite it"));
            Assert.That(File.ReadAllText(mine), Is.EqualTo("my own edits"));
            Assert.That(Directory.GetFileSystemEntries(target), Has.Length.EqualTo(1), "nothing else written");
        });

        CliRunner.Outcome forced = CliRunner.Run("examples", target, "--force");
        Assert.Multiple(() =>
        {
            Assert.That(forced.ExitCode, Is.EqualTo(ExitCodes.Ok), forced.Error);
            Assert.That(File.ReadAllText(mine), Does.StartWith("# yaml-language-server"));
        });
    }
}
