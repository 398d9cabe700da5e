using System.Runtime.CompilerServices;
using BorderSim.Model.Results;

namespace BorderSim.Reporting.Tests;

/// <summary>docs/reference/metrics.md is the page written from the model's table of metrics, not a copy kept by hand.</summary>
public class MetricReferenceTests
{
    private static string PagePath([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "docs", "reference", "metrics.md"));

    [Test]
    public void The_committed_metric_reference_is_the_page_written_from_the_table_of_metrics()
    {
        string generated = MetricReference.Markdown();
        string path = PagePath();
        if (Environment.GetEnvironmentVariable("BORDERSIM_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
            Assert.Warn($"{path} rewritten");
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"{path} is missing; run the test with BORDERSIM_UPDATE_GOLDEN=1 to write it");
        Assert.That(File.ReadAllText(path), Is.EqualTo(generated), "docs/reference/metrics.md differs from the table of metrics; rerun with BORDERSIM_UPDATE_GOLDEN=1");
    }

    [Test]
    public void The_metric_reference_has_a_row_for_every_metric_and_every_unit()
    {
        string page = MetricReference.Markdown();
        Assert.Multiple(() =>
        {
            foreach (MetricDefinition metric in Metrics.All)
            {
                Assert.That(page, Does.Contain($"| `{metric.Name}` |").And.Contain(metric.Label.Vietnamese), metric.Name);
            }

            foreach (MetricUnit unit in MetricUnits.All)
            {
                Assert.That(page, Does.Contain($"| `{unit.Id}` |"), unit.Id);
            }
        });
    }
}
