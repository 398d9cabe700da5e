namespace BorderSim.Scenarios.Tests;

/// <summary>Finds files of the repository from the test's output folder (walks up to BorderSim.sln).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Broken => Path.Combine(Root, "tests", "BorderSim.Scenarios.Tests", "Broken");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BorderSim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BorderSim.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
