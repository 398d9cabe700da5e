namespace BorderSim.Cli.Tests;

/// <summary>What the tests of capacity and optimize share: the M/M/c validation scenario and a fresh directory per test.</summary>
public abstract class SearchCommandTests
{
    /// <summary>λ = 20/h, μ = 4/h, 6 servers (scenarios/validation/mmc.yaml): the known answers are Erlang C's.</summary>
    protected static string MMc => Path.Combine(RepositoryRoot, "scenarios", "validation", "mmc.yaml");

    protected static string RepositoryRoot
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

    /// <summary>A new temporary directory for this test's outputs.</summary>
    protected string Folder { get; private set; } = "";

    [SetUp]
    public void CreateFolder() => Folder = CliRunner.NewTemporaryDirectory();
}
