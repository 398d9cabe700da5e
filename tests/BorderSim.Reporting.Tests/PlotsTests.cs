using SkiaSharp;

namespace BorderSim.Reporting.Tests;

public class PlotsTests
{
    /// <summary>Kept after the run so the images can be looked at.</summary>
    private static readonly string OutputDirectory = Path.Combine(Path.GetTempPath(), "bordersim-tests", "plots");

    [OneTimeSetUp]
    public void WritePlots()
    {
        Directory.CreateDirectory(OutputDirectory);
        Written = Plots.WriteAll(SampleResults.Realistic(), OutputDirectory);
    }

    private IReadOnlyList<string> Written { get; set; } = [];

    [Test]
    public void Every_plot_is_written_as_png_and_svg()
    {
        string[] stems = [Plots.QueueFile, Plots.HighwayFile, Plots.WaitFile, Plots.ServedFile];
        Assert.That(Written, Is.EquivalentTo(stems.SelectMany(s => new[] { s + ".png", s + ".svg" })));
    }

    [TestCase(Plots.QueueFile)]
    [TestCase(Plots.HighwayFile)]
    [TestCase(Plots.WaitFile)]
    [TestCase(Plots.ServedFile)]
    public void A_plot_png_is_a_real_picture_with_drawn_content(string stem)
    {
        string png = Path.Combine(OutputDirectory, stem + ".png");
        Assert.That(new FileInfo(png).Length, Is.GreaterThan(20_000), "a plot with data, text and a legend is tens of KB");
        using SKBitmap bitmap = SKBitmap.Decode(png);
        Assert.That(bitmap, Is.Not.Null);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((Plots.WidthPixels, Plots.HeightPixels)));
        long drawn = 0;
        long coloured = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (c.Red < 240 || c.Green < 240 || c.Blue < 240)
                {
                    drawn++;
                }

                if (Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 60)
                {
                    coloured++;
                }
            }
        }

        long sampled = (long)((bitmap.Width + 1) / 2) * ((bitmap.Height + 1) / 2);
        Assert.That(drawn / (double)sampled, Is.GreaterThan(0.01), "share of non-white pixels");
        Assert.That(coloured, Is.GreaterThan(500), "data lines and bands are in colour, not only black axes");
    }

    [TestCase(Plots.QueueFile)]
    [TestCase(Plots.WaitFile)]
    public void A_plot_svg_is_an_svg_document_with_the_scenario_name(string stem)
    {
        string svg = File.ReadAllText(Path.Combine(OutputDirectory, stem + ".svg"));
        Assert.That(svg, Does.Contain("<svg"));
        Assert.That(svg, Does.Contain("Hữu Nghị"));
        Assert.That(svg.Length, Is.GreaterThan(5_000));
    }

    [Test]
    public void A_result_without_series_writes_no_plots_and_does_not_throw()
    {
        var empty = SampleResults.Small() with { TimeSeries = [], ServedPerDay = [], WaitByClass = [] };
        string directory = TestFiles.NewTemporaryDirectory();
        Assert.That(Plots.WriteAll(empty, directory), Is.Empty);
        Assert.That(Directory.GetFiles(directory), Is.Empty);
    }
}
