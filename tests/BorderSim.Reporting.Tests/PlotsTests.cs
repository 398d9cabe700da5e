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
        // No served_vs_demand: the sample has no daily table.
        string[] stems = [Plots.QueueFile, Plots.HighwayFile, Plots.WaitFile, Plots.ServedFile, PlannerPlots.HourOfDayFile, PlannerPlots.UtilisationFile];
        Assert.That(Written, Is.EquivalentTo(stems.SelectMany(s => new[] { s + ".png", s + ".svg" })));
    }

    [TestCase(Plots.QueueFile)]
    [TestCase(Plots.HighwayFile)]
    [TestCase(Plots.WaitFile)]
    [TestCase(Plots.ServedFile)]
    [TestCase(PlannerPlots.HourOfDayFile)]
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

    /// <summary>A 4-day run whose export route ends in a destination yard, with a closure, an appointment period and a surge inside the run, one closure outside it, and an all-zero highway queue.</summary>
    private static Model.Results.ExperimentResult WithEvents()
    {
        var realistic = SampleResults.Realistic(days: 4);
        var hanoi = SampleResults.Hanoi;
        var calendar = new Model.Spec.CalendarSpec(
            "vn_gate",
            hanoi,
            Model.Spec.WeeklyHours.AllDay,
            [new(new NodaTime.LocalDate(2026, 6, 2), new NodaTime.LocalDate(2026, 6, 2), "test closure"), new(new NodaTime.LocalDate(2026, 7, 2), new NodaTime.LocalDate(2026, 7, 3), "after the run")],
            [new(new NodaTime.LocalDate(2026, 6, 3), new NodaTime.LocalDate(2026, 6, 3), 10, [])]);
        var export = realistic.Scenario.Directions[0];
        var arrivals = export.Arrivals with { Surges = [new(new NodaTime.LocalDate(2026, 6, 4), new NodaTime.LocalDate(2026, 6, 9), 1.5, [], "lychee")] };
        var scenario = realistic.Scenario with
        {
            Calendars = [calendar],
            Directions = [export with { Arrivals = arrivals, Stages = [.. export.Stages, new Model.Spec.YardStageSpec("pochai_yard", null, false, 19, null, null, null)] }, realistic.Scenario.Directions[1]],
        };
        var samples = realistic.TimeSeries[0].Mean.Length;
        double[] Zeros() => new double[samples];
        var dwell = realistic.TimeSeries[0] with { Id = "yard_occupancy_trucks/export/pochai_yard", Name = "yard_occupancy_trucks", Stage = "pochai_yard" };
        var highway = new Model.Results.SeriesSummary("highway_queue_km/import", "highway_queue_km", "km", "import", "", 0.25, Zeros(), Zeros(), Zeros());
        return realistic with { Scenario = scenario, TimeSeries = [.. realistic.TimeSeries.Where(t => t.Unit != "km"), dwell, highway] };
    }

    private static string[] Legend(ScottPlot.Plot plot) =>
        [.. plot.GetPlottables().OfType<ScottPlot.IHasLegendText>().Select(p => p.LegendText).Where(t => t.Length > 0)];

    [Test]
    public void The_queue_plot_draws_each_truck_once_and_destination_dwell_apart()
    {
        var result = WithEvents();
        string[] queue = Legend(Plots.QueueLengthPlot(result)!);
        string[] dwell = Legend(Plots.DestinationYardPlot(result)!);
        Assert.Multiple(() =>
        {
            Assert.That(queue, Does.Contain("export / vn_yard"), "the yard's parked trucks (not in the next check's queue)");
            Assert.That(queue, Does.Contain("export / vn_customs"));
            Assert.That(queue, Has.None.Contains("pochai_yard"), "dwell at the destination is not a queue");
            Assert.That(dwell, Has.One.StartsWith("export / pochai_yard"));
        });
    }

    [Test]
    public void Closures_appointment_days_and_surges_in_the_run_are_shaded_once_each()
    {
        var result = WithEvents();
        foreach (var plot in new[] { Plots.QueueLengthPlot(result)!, Plots.ServedPerDayPlot(result)! })
        {
            var spans = plot.GetPlottables().OfType<ScottPlot.Plottables.HorizontalSpan>().ToList();
            Assert.That(spans, Has.Count.EqualTo(3), "the closure after the run is not drawn");
            Assert.That(spans.Select(s => s.LegendText), Is.EquivalentTo(new[] { "closed", "appointment only", "arrival surge, export" }));
        }

        // The closure covers 2 June 00:00 to 3 June 00:00 local time; the surge is cut at the end of the run (5 June).
        var spansOfQueue = Plots.QueueLengthPlot(result)!.GetPlottables().OfType<ScottPlot.Plottables.HorizontalSpan>().ToList();
        var closed = spansOfQueue.Single(s => s.LegendText == "closed");
        Assert.That((closed.X1, closed.X2), Is.EqualTo((new DateTime(2026, 6, 2).ToOADate(), new DateTime(2026, 6, 3).ToOADate())));
        var surge = spansOfQueue.Single(s => s.LegendText.StartsWith("arrival surge", StringComparison.Ordinal));
        Assert.That(surge.X2, Is.EqualTo(new DateTime(2026, 6, 5).ToOADate()));
    }

    [Test]
    public void An_all_zero_series_keeps_an_axis_from_zero()
    {
        var result = WithEvents();
        var plot = Plots.HighwayQueuePlot(result)!;
        plot.GetImageBytes(Plots.WidthPixels, Plots.HeightPixels, ScottPlot.ImageFormat.Png);
        var limits = plot.Axes.GetLimits();
        Assert.That(limits.Bottom, Is.Zero);
        Assert.That(limits.Top, Is.GreaterThan(0));
    }
}
