using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using NodaTime;
using SkiaSharp;

namespace BorderSim.Reporting.Tests;

/// <summary>observed.csv, the console table and the observed-vs-model plot, from a hand-made comparison.</summary>
public class ObservedOutputTests
{
    private static ObservedPoint Point(string series, ObservationKind kind, LocalDateTime time, double observed, double mean, double low, double high) =>
        new(new ObservationSpec(series, kind, time, ["export"], [], observed, "test source"), mean, low, high);

    private static ObservationComparison Comparison() => new(
        [
            Point("cleared_export", ObservationKind.ClearedPerDay, new LocalDateTime(2024, 8, 22, 0, 0), 328, 312, 260.5, 363.5),
            Point("export_waiting", ObservationKind.WaitingTrucks, new LocalDateTime(2024, 8, 22, 20, 0), 369, 71.2, 60.25, 82),
            Point("queue", ObservationKind.QueueKm, new LocalDateTime(2024, 8, 22, 20, 0), 0, 0.5, 0, 1.25),
        ],
        [],
        5)
    { ScenarioLabel = "Lạng Sơn network" };

    [Test]
    public void Observed_csv_has_exactly_the_six_columns_and_one_row_per_observation()
    {
        using var writer = new StringWriter();
        ObservedCsv.Write(Comparison(), writer);
        Assert.That(writer.ToString(), Is.EqualTo(
            "series,time,observed,model_mean,model_low,model_high\n"
            + "cleared_export,2024-08-22,328,312,260.5,363.5\n"
            + "export_waiting,2024-08-22T20:00,369,71.2,60.25,82\n"
            + "queue,2024-08-22T20:00,0,0.5,0,1.25\n"));
    }

    [Test]
    public void The_table_counts_the_observations_in_the_band()
    {
        using var writer = new StringWriter();
        ObservedTable.Write(Comparison(), writer);
        string text = writer.ToString();

        // 328 in 260.5–363.5 and 0 in 0–1.25, 369 not in 60.25–82. MAPE over non-zero observations: (16/328 + 297.8/369) / 2.
        double mape = ((16 / 328.0) + (297.8 / 369.0)) / 2;
        Assert.That(text, Does.Contain("2 of 3 observations in the model's 95% prediction band"));
        Assert.That(text, Does.Contain($"mean absolute percentage error {Math.Round(mape * 100, 1).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}%"));
        Assert.That(Comparison().InBand, Is.EqualTo(2));
    }

    [Test]
    public void The_vietnamese_table_names_each_series_by_what_it_counts_and_where_and_dates_it_day_first()
    {
        // It printed the observer's ids (cleared_export) and ISO times (2024-08-22T20:00) in both languages.
        using var writer = new StringWriter();
        ObservedTable.Write(Comparison(), writer, ReportLanguage.Vietnamese);
        string text = writer.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Match(@"\n  xe thông quan mỗi ngày, xuất khẩu +22/08/2024 "));
            Assert.That(text, Does.Match(@"\n  xe trong hệ thống, xuất khẩu +20:00 22/08/2024 "));
            Assert.That(text, Does.Match(@"\n  hàng xe trên quốc lộ \(km\), xuất khẩu +20:00 22/08/2024 "));
            Assert.That(text, Does.Not.Contain("cleared_export").And.Not.Contain("2024-08-22"));
        });
    }

    [Test]
    public void The_english_table_names_each_series_by_what_it_counts_and_where_and_keeps_the_csv_s_times()
    {
        using var writer = new StringWriter();
        ObservedTable.Write(Comparison(), writer, ReportLanguage.English);
        string text = writer.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Match(@"\n  cleared a day, export +2024-08-22 "));
            Assert.That(text, Does.Match(@"\n  trucks in the system, export +2024-08-22T20:00 "));
            Assert.That(text, Does.Not.Contain("cleared_export"));
        });
    }

    [TestCase("en")]
    [TestCase("vi")]
    public void The_plot_is_a_picture_with_the_observed_points_in_red(string language)
    {
        PlotImage image = ObservedPlot.Image(Comparison(), ReportLanguage.FromCode(language))!;
        using SKBitmap bitmap = SKBitmap.Decode(image.Png());
        Assert.That(bitmap.Width, Is.EqualTo(Plots.WidthPixels));
        long red = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (c.Red > 200 && c.Green < 60 && c.Blue < 60)
                {
                    red++;
                }
            }
        }

        // Two diamonds of 16 px (the observation of 0 has no percentage and is not drawn) and the dotted line at 100 %.
        Assert.That(red, Is.GreaterThan(200));
    }

    [TestCase("en", "cleared a day, export (2024-08-22)")]
    [TestCase("vi", "xe thông quan mỗi ngày, xuất khẩu (22/08/2024)")]
    public void The_plot_names_each_observation_as_the_table_does_not_by_its_series_id(string language, string expected)
    {
        // The ticks printed the observer's ids and ISO times ("cleared_export (2024-08-22)") in both languages.
        ScottPlot.Plot plot = ObservedPlot.Create(Comparison(), ReportLanguage.FromCode(language))!;
        plot.RenderInMemory(Plots.WidthPixels, Plots.HeightPixels);
        string[] labels = [.. plot.Axes.Left.TickGenerator.Ticks.Select(t => t.Label)];

        Assert.Multiple(() =>
        {
            Assert.That(labels.Select(l => l.Replace('\n', ' ')), Has.Some.StartsWith(expected + " observed").Or.Some.StartsWith(expected + " quan sát"));
            Assert.That(labels, Has.None.Contains("cleared_export").And.None.Contains("export_waiting"));
        });
    }

    [TestCase("en")]
    [TestCase("vi")]
    public void A_long_observation_label_is_wrapped_and_leaves_the_data_at_least_half_the_width(string language)
    {
        // A count over four routes names all four: on one line it would push the data area off the picture.
        ObservationComparison comparison = new(
            [
                new ObservedPoint(new ObservationSpec("all_exports", ObservationKind.ClearedPerDay, new LocalDateTime(2024, 8, 22, 0, 0), ["huu_nghi_export", "tan_thanh_export", "chi_ma_export", "coc_nam_export"], ["fruit", "electronics", "general"], 328, "test source"), 312, 260.5, 363.5),
                new ObservedPoint(new ObservationSpec("waiting", ObservationKind.WaitingTrucks, new LocalDateTime(2024, 8, 22, 20, 0), ["huu_nghi_export"], [], 369, "test source"), 300, 250, 390),
            ],
            [],
            5);
        PlotImage image = ObservedPlot.Image(comparison, ReportLanguage.FromCode(language))!;

        Assert.That(PlotText.Problems(image), Is.Empty);
        ScottPlot.PixelRect data = image.Panels[0].RenderManager.LastRender.DataRect;
        Assert.That(data.Width, Is.GreaterThan(image.Width / 2.0), "the tick labels take more than half the picture");
    }

    [Test]
    public void The_plot_is_titled_with_the_scenario_as_the_reader_names_it_not_the_english_label()
    {
        ScottPlot.Plot plot = ObservedPlot.Create(Comparison(), ReportLanguage.FromCode("vi"), "Mạng lưới Lạng Sơn")!;

        Assert.That(plot.Axes.Title.Label.Text, Is.EqualTo("Mô hình so với số liệu quan sát: Mạng lưới Lạng Sơn"));
    }
}
