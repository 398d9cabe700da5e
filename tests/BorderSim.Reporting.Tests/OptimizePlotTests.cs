using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Reporting.Tests;

public class OptimizePlotTests
{
    private static readonly Target[] Targets = [new("wait_hours_mean/export/all", IsAtMost: true, 4), new("wait_hours_mean/import/all", IsAtMost: true, 4)];

    private static readonly MetricKey[] Keys = [new("wait_hours_mean", "h", "export", "all"), new("wait_hours_mean", "h", "import", "all")];

    private static readonly string[] Settings = ["import lanes", "VN gate hours", "CN gate hours"];

    /// <summary>
    /// The README's 2,000-trucks question: 4 × 2 × 2 configurations; export misses in the 8 with the short Chinese hours
    /// (overloaded in 4 of them), import misses in those with 3 lanes; the 4-lane, long-hours ones meet both.
    /// </summary>
    private static (OptimizeRow[] Rows, string[] Ticks) Question()
    {
        var rows = new List<OptimizeRow>();
        var ticks = new List<string>();
        foreach (int lanes in new[] { 3, 4, 5, 6 })
        {
            foreach (string vn in new[] { "07:00-19:00", "06:00-22:00" })
            {
                foreach (string cn in new[] { "08:00-20:00", "07:00-23:00" })
                {
                    bool shortCn = cn == "08:00-20:00";
                    bool overloaded = shortCn && vn == "07:00-19:00";
                    double export = overloaded ? 63.2 : shortCn ? 5.1 : 2.2;
                    double import = lanes == 3 ? 6.3 : 2.9 - (0.1 * lanes);
                    int[] missed = [.. new[] { export > 4 ? 0 : -1, import > 4 ? 1 : -1 }.Where(j => j >= 0)];
                    var verdict = new ConfigurationVerdict(missed.Length > 0 ? Feasibility.Infeasible : Feasibility.Feasible, missed, [], true, false) { IsOverloaded = overloaded };
                    string status = missed.Length > 0 ? "infeasible" : rows.Any(r => r.Status == "best") ? "feasible" : "best";
                    rows.Add(new OptimizeRow([lanes.ToString(System.Globalization.CultureInfo.InvariantCulture), vn, cn], status, verdict, 10, 40 + lanes,
                        Statistics.Summarise([40.0 + lanes, 40 + lanes]), [Statistics.Summarise([export - 0.2, export, export + 0.2]), Statistics.Summarise([import - 0.3, import, import + 0.3])]));
                    ticks.Add($"{lanes}\n{vn}\n{cn}");
                }
            }
        }

        return ([.. rows], [.. ticks]);
    }

    [TestCase("en")]
    [TestCase("vi")]
    public void No_text_of_optimize_png_is_clipped_or_printed_over_other_text(string language)
    {
        var (rows, ticks) = Question();
        PlotImage image = OptimizePlot.Build(Targets, Keys, rows, Settings, ticks, ReportLanguage.FromCode(language))!;
        Assert.That(PlotText.Problems(image), Is.Empty);
    }

    [Test]
    public void Optimize_png_has_one_panel_per_target_titled_in_words_with_the_decisive_target_marked()
    {
        var (rows, ticks) = Question();
        PlotImage image = OptimizePlot.Build(Targets, Keys, rows, Settings, ticks)!;
        string[] titles = [.. image.Panels.Select(p => p.Axes.Title.Label.Text)];
        Assert.Multiple(() =>
        {
            Assert.That(image.Panels, Has.Count.EqualTo(2));
            Assert.That(titles[0], Does.StartWith("Mean wait, export: target at most 4 h; missed by 8 of 16").And.EndWith("(decisive)"), "export is missed by the 8 with the short Chinese hours (4 of them overloaded)");
            Assert.That(titles[1], Does.Not.Contain("decisive"));
            Assert.That(image.Panels.Select(p => p.Axes.Left.Label.Text), Is.EqualTo(new[] { "mean wait, export (h)", "mean wait, import (h)" }), "axis titles are labels with units, not metric ids");
        });
    }

    [Test]
    public void The_decisive_target_is_the_one_most_configurations_that_are_not_overloaded_miss() =>
        Assert.That(OptimizePlot.Decisive(2, Question().Rows), Is.EqualTo(0), "not overloaded: 4 miss export (short Chinese hours), 3 miss import (3 lanes)");

    [Test]
    public void Configurations_whose_values_do_not_fit_under_their_column_are_numbered_instead()
    {
        string[] narrow = [.. Enumerable.Range(0, 3).Select(i => $"{i}")];
        string[] wide = [.. Enumerable.Range(0, 40).Select(i => $"{i}\n07:00-19:00, 13:00-19:00")];
        Assert.Multiple(() =>
        {
            Assert.That(OptimizePlot.Ticks(narrow, "DejaVu Sans", 1400).Select(t => t.Label), Is.EqualTo(narrow));
            Assert.That(OptimizePlot.Ticks(wide, "DejaVu Sans", 1400).Select(t => t.Label), Is.EqualTo(Enumerable.Range(1, 40).Select(i => $"{i}")));
        });
    }

    [Test]
    public void The_text_checker_finds_ticks_that_overprint_each_other()
    {
        // A checker that finds nothing proves nothing: ScottPlot's manual ticks of long values, 16 to a plot, collide.
        var plot = new ScottPlot.Plot();
        plot.Add.ScatterPoints(new double[] { 0, 15 }, new double[] { 0, 1 });
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(0, 16).Select(i => new ScottPlot.Tick(i, "roads.freight_road_1119.lanes.import=3"))]);
        Assert.That(PlotText.Problems(new PlotImage("t", plot, 1400, 700)), Has.Some.Contains("overprint"));
    }

    [Test]
    public void Every_panel_of_optimize_png_is_drawn_none_erased_by_the_next()
    {
        var (rows, ticks) = Question();
        PlotImage image = OptimizePlot.Build(Targets, Keys, rows, Settings, ticks)!;
        using SkiaSharp.SKBitmap bitmap = SkiaSharp.SKBitmap.Decode(image.Png());
        for (int i = 0; i < image.Panels.Count; i++)
        {
            ScottPlot.PixelRect r = image.PanelRect(i);
            int drawn = 0;
            for (int y = (int)r.Top; y < (int)r.Bottom; y += 3)
            {
                for (int x = 0; x < bitmap.Width; x += 3)
                {
                    SkiaSharp.SKColor c = bitmap.GetPixel(x, y);
                    drawn += c.Red < 200 || c.Green < 200 || c.Blue < 200 ? 1 : 0;
                }
            }

            Assert.That(drawn, Is.GreaterThan(500), $"panel {i + 1} has its axes, text and points");
        }
    }
}
