using BorderSim.Model.Experiments;

namespace BorderSim.Reporting.Tests;

public class CapacityPlotTests
{
    /// <summary>Demand 100f, the metric 10f over three replications; overloaded from factor 4.</summary>
    private static CapacityRow Row(double factor) =>
        new(new CapacityPoint(factor, 100 * factor, [(10 * factor) - 1, 10 * factor, (10 * factor) + 1]), [], "yes", factor >= 4);

    [Test]
    public void The_overloaded_band_runs_from_the_saturation_to_the_right_edge_of_the_axis_as_demand_beyond_the_last_tried_is_overloaded_too()
    {
        CapacityRow[] rows = [.. new[] { 1.0, 2, 3, 4, 5 }.Select(Row)];
        PlotImage image = CapacityPlot.Build("Capacity: test", new Target("m", IsAtMost: true, 25), rows, 250, 240, 260, overloadedFromTrucksPerDay: 350)!;
        image.Png();
        var span = image.Plot.GetPlottables().OfType<ScottPlot.Plottables.HorizontalSpan>().Single();
        ScottPlot.AxisLimits limits = image.Plot.Axes.GetLimits();
        Assert.Multiple(() =>
        {
            Assert.That(span.X1, Is.EqualTo(350));
            Assert.That(limits.Right, Is.GreaterThan(500), "the axis leaves a margin right of the last demand tried");
            Assert.That(span.X2, Is.EqualTo(limits.Right), "the band reaches the axis' edge");
            Assert.That(limits.Left, Is.LessThan(100));
        });
    }

    [TestCase("en")]
    [TestCase("vi")]
    public void No_text_of_capacity_png_is_clipped_or_overprinted_and_its_y_axis_is_the_metric_in_words(string language)
    {
        CapacityRow[] rows = [.. new[] { 1.0, 2, 3, 4, 5 }.Select(Row)];
        var key = new BorderSim.Model.Results.MetricKey("wait_hours_mean", "h", "inbound", "all");
        ReportLanguage lang = ReportLanguage.FromCode(language);
        PlotImage image = CapacityPlot.Build(lang.Say("Capacity: Hữu Nghị 1119–1120, 6 lanes, June peak", "Năng lực thông quan: Hữu Nghị 1119–1120, 6 lanes, June peak"),
            new Target("wait_hours_mean/inbound/all", IsAtMost: true, 25), rows, 250, 240, 260, overloadedFromTrucksPerDay: 350, lang, key)!;
        Assert.Multiple(() =>
        {
            Assert.That(PlotText.Problems(image), Is.Empty);
            Assert.That(image.Plot.Axes.Left.Label.Text, Is.EqualTo(lang.MetricLabel(key)).And.Not.Contain("/"));
        });
    }
}
