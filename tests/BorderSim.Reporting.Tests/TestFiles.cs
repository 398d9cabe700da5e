using System.Runtime.CompilerServices;

namespace BorderSim.Reporting.Tests;

/// <summary>Temporary directories and golden files for tests.</summary>
internal static class TestFiles
{
    public static string NewTemporaryDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "bordersim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The source folder of golden files (next to this file), so BORDERSIM_UPDATE_GOLDEN=1 rewrites the checked-in copy.</summary>
    public static string GoldenDirectory([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden");

    /// <summary>Compares <paramref name="actual"/> with the golden file, or rewrites it when BORDERSIM_UPDATE_GOLDEN=1.</summary>
    public static void AssertMatchesGolden(string actual, string goldenName)
    {
        string path = Path.Combine(GoldenDirectory(), goldenName);
        if (Environment.GetEnvironmentVariable("BORDERSIM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            Assert.Warn($"golden file {goldenName} rewritten");
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"golden file {path} is missing; run with BORDERSIM_UPDATE_GOLDEN=1 to create it");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path)), $"output differs from {goldenName}; if the change is intended, rerun with BORDERSIM_UPDATE_GOLDEN=1");
    }
}
