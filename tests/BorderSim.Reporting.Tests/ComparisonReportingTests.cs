using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using SkiaSharp;

namespace BorderSim.Reporting.Tests;

public class ComparisonReportingTests
{
    private static readonly MetricKey ServedExport = new("served_per_day", "trucks/day", "export", "all");
    private static readonly MetricKey ServedExportFruit = new("served_per_day", "trucks/day", "export", "fruit");
    private static readonly MetricKey WaitFruit = new("wait_hours_mean", "h", "all", "fruit");
    private static readonly MetricKey WaitP95Fruit = new("wait_hours_p95", "h", "all", "fruit");
    private static readonly MetricKey HighwayExport = new("highway_queue_km_mean", "km", "export");
    private static readonly MetricKey Cost = new("delay_cost_usd_per_day", "USD/day", "all", "all");
    private static readonly MetricKey Utilisation = new("utilisation", "share", "export", "", "vn_customs");

    private static ExperimentResult Result(string name, params (MetricKey Key, double Mean)[] metrics) =>
        new(
            SampleResults.Scenario(name: name, days: 5, replications: 10),
            12,
            "fixed",
            [.. metrics.Select(m => new MetricSummary(m.Key, 10, m.Mean, 1, 0.7, m.Mean - 2, m.Mean + 2))],
            [],
            [],
            [],
            []);

    private static MetricDifference Difference(MetricKey key, string alternative, double baseMean, double difference, double halfWidth, double level) =>
        new(key, alternative, 10, baseMean, baseMean + difference, difference, halfWidth,
            baseMean != 0 ? difference / baseMean : double.NaN, Math.Abs(difference) > halfWidth, level);

    /// <summary>A base and two alternatives (so intervals are at 97.5%, Bonferroni over two).</summary>
    private static ComparisonResult TwoAlternatives()
    {
        (MetricKey, double)[] baseMetrics =
            [(ServedExport, 800), (ServedExportFruit, 500), (WaitFruit, 6), (WaitP95Fruit, 14), (HighwayExport, 0), (Cost, 12000), (Utilisation, 0.9)];
        const double level = 0.975;
        return new ComparisonResult(
            [Result("4 lanes", baseMetrics), Result("6 lanes, \"widened\"", baseMetrics), Result("6 lanes + 2 h", baseMetrics)],
            [
                Difference(ServedExport, "6 lanes, \"widened\"", 800, 120, 15, level),
                Difference(WaitFruit, "6 lanes, \"widened\"", 6, -2.5, 0.4, level),
                Difference(WaitP95Fruit, "6 lanes, \"widened\"", 14, -5, 1.5, level),
                Difference(HighwayExport, "6 lanes, \"widened\"", 0, 0, 0, level),
                Difference(Cost, "6 lanes, \"widened\"", 12000, -3000, 900, level),
                Difference(Utilisation, "6 lanes, \"widened\"", 0.9, -0.2, 0.01, level),
                Difference(ServedExport, "6 lanes + 2 h", 800, 160, 20, level),
                Difference(WaitFruit, "6 lanes + 2 h", 6, -3.1, 0.5, level),
                Difference(WaitP95Fruit, "6 lanes + 2 h", 14, 0.2, 1.1, level),
                Difference(Cost, "6 lanes + 2 h", 12000, -4000, 800, level),
            ],
            CommonRandomNumbers: true);
    }

    [Test]
    public void Key_metrics_are_served_per_direction_then_waits_per_class_then_highway_then_total_cost()
    {
        IReadOnlyList<MetricKey> keys = MetricCatalog.Headlines([Utilisation, Cost, HighwayExport, WaitP95Fruit, WaitFruit, ServedExportFruit, ServedExport]);
        Assert.That(keys, Is.EqualTo(new[] { ServedExport, WaitFruit, WaitP95Fruit, HighwayExport, Cost }));
    }

    [Test]
    public void Comparison_csv_has_one_row_per_difference_with_quoted_names_and_round_trip_numbers()
    {
        ComparisonResult result = TwoAlternatives();
        using var writer = new StringWriter();
        ComparisonCsv.Write(result.Differences, writer);
        string[] lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("metric,name,direction,class,stage,unit,alternative,pairs,base_mean,alternative_mean,difference,ci_lower,ci_upper,confidence,relative_change,significant"));
            Assert.That(lines, Has.Length.EqualTo(result.Differences.Count + 1));
            Assert.That(lines[1], Is.EqualTo("served_per_day/export/all,served_per_day,export,all,,trucks/day,\"6 lanes, \"\"widened\"\"\",10,800,920,120,105,135,0.975,0.15,true"));
            Assert.That(lines[4], Does.EndWith(",0,0,0,0.975,,false"), "a zero base has no relative change: an empty cell");
        });
    }

    [Test]
    public void Comparison_csv_is_the_same_under_a_decimal_comma_culture()
    {
        ComparisonResult result = TwoAlternatives();
        string Render()
        {
            using var writer = new StringWriter();
            ComparisonCsv.Write(result.Differences, writer);
            return writer.ToString();
        }

        string invariant = Render();
        Assert.That(DecimalComma.Render(Render), Is.EqualTo(invariant));
    }

    [Test]
    public void The_table_shows_each_alternative_with_its_interval_level_relative_change_and_significance()
    {
        using var writer = new StringWriter();
        ComparisonTable.Write(TwoAlternatives(), ["a.yaml", "b.yaml", "c.yaml"], writer);
        string text = writer.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("base: 4 lanes (a.yaml)"));
            Assert.That(text, Does.Contain("alternative 2: 6 lanes, \"widened\" (b.yaml)"));
            Assert.That(text, Does.Contain("alternative 3: 6 lanes + 2 h (c.yaml)"));
            Assert.That(text, Does.Contain("difference [97.5% CI]"));
            Assert.That(text, Does.Match(@"served per day, export \(trucks/day\)\s+800\s+920\s+\+120 \[\+105, \+135\]\s+\+15\.0%\s+yes"));
            Assert.That(text, Does.Match(@"wait p95, fruit \(h\)\s+14\.0\s+14\.2\s+\+0\.200 \[-0\.900, \+1\.30\]\s+\+1\.4%\s+no"));
            Assert.That(text, Does.Not.Contain("utilisation"), "only key metrics in the table; the CSV has the rest");
        });
    }

    [Test]
    public void The_comparison_plot_draws_the_same_text_under_a_decimal_comma_culture()
    {
        string[] invariant = PlotCultureTests.Render(() => ComparisonPlot.Create(TwoAlternatives())!, System.Globalization.CultureInfo.InvariantCulture);
        string[] comma = DecimalComma.Render(() => PlotCultureTests.Texts(ComparisonPlot.Create(TwoAlternatives())!.GetSvgXml(Plots.WidthPixels, Plots.HeightPixels)));
        Assert.That(invariant, Is.Not.Empty);
        Assert.That(comma.Where(t => PlotCultureTests.DecimalCommaNumber().IsMatch(t)), Is.Empty);
        Assert.That(comma, Is.EqualTo(invariant));
    }

    [Test]
    public void An_overloaded_scenario_is_flagged_under_its_header_with_what_it_means_for_the_differences()
    {
        ComparisonResult plain = TwoAlternatives();
        var overloaded = plain.Alternatives[0] with
        {
            DirectionLoads = [new DirectionLoad("import", true, 85, 14, "freight_road_1119", ["demand 1053 trucks/day >= capacity 960 trucks/day at freight_road_1119"])],
        };
        var result = plain with { Alternatives = [overloaded, plain.Alternatives[1], plain.Alternatives[2]] };
        using var writer = new StringWriter();
        ComparisonTable.Write(result, ["a.yaml", "b.yaml", "c.yaml"], writer);
        string[] lines = writer.ToString().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[1], Does.StartWith("  OVERLOADED import: demand 1053 trucks/day >= capacity 960 trucks/day at freight_road_1119; backlog growth 85.0 ± 14.0 trucks/day."));
            Assert.That(lines.Count(l => l.Contains("OVERLOADED", StringComparison.Ordinal)), Is.EqualTo(1), "only the base is overloaded");
            Assert.That(lines, Has.One.StartsWith("note: where a direction is overloaded, its means (waits, queues) grow with the run's length"));
        });

        using var unflagged = new StringWriter();
        ComparisonTable.Write(plain, ["a.yaml", "b.yaml", "c.yaml"], unflagged);
        Assert.That(unflagged.ToString(), Does.Not.Contain("OVERLOADED").And.Not.Contain("note:"));
    }

    [Test]
    public void The_comparison_plot_is_a_picture_with_coloured_intervals()
    {
        string directory = TestFiles.NewTemporaryDirectory();
        IReadOnlyList<string> written = ComparisonPlot.Write(TwoAlternatives(), directory);
        Assert.That(written, Is.EqualTo(new[] { "comparison.png", "comparison.svg" }));
        string png = Path.Combine(directory, "comparison.png");
        using SKBitmap bitmap = SKBitmap.Decode(png);
        Assert.That(bitmap, Is.Not.Null);
        Assert.That(bitmap.Width, Is.EqualTo(Plots.WidthPixels));
        long coloured = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 60)
                {
                    coloured++;
                }
            }
        }

        Assert.That(coloured, Is.GreaterThan(300), "interval bars and dots are in colour");
        Assert.That(File.ReadAllText(Path.Combine(directory, "comparison.svg")), Does.Contain("<svg"));
    }

    [Test]
    public void The_run_list_reads_back_as_written_and_batch_csv_prefixes_each_part_row_with_its_run()
    {
        BatchRun[] runs =
        [
            new(1, "aa", "a.yaml", "A, with comma", "h1", 7, 2, 3, ["150", "x"]),
            new(2, "", "broken.yaml", "", "h2", null, null, null, ["200", "x"]),
        ];
        string[] swept = ["directions.export.arrivals.trucks_per_day", "replications"];
        using var writer = new StringWriter();
        BatchCsv.WriteRunList(swept, runs, writer);
        var (readSwept, readRuns) = BatchCsv.ReadRunList(new StringReader(writer.ToString()), "runlist.csv");
        Assert.That(readSwept, Is.EqualTo(swept));
        Assert.That(readRuns, Has.Count.EqualTo(2));
        Assert.That(readRuns[0] with { SweepValues = [] }, Is.EqualTo(runs[0] with { SweepValues = [] }));
        Assert.That(readRuns[0].SweepValues, Is.EqualTo(runs[0].SweepValues));
        Assert.That(readRuns[1].IsValid, Is.False);

        using var batch = new StringWriter();
        BatchCsv.Write(swept, [(runs[0], [["m/export", "m", "export", "", "", "h", "2", "1.5", "", "", "1", "2"]])], batch);
        Assert.That(batch.ToString(), Is.EqualTo(
            "run,scenario_file,scenario_name,directions.export.arrivals.trucks_per_day,sweep:replications,metric,name,direction,class,stage,unit,replications,mean,sd,ci95_half_width,min,max\n" +
            "1,a.yaml,\"A, with comma\",150,x,m/export,m,export,,,h,2,1.5,,,1,2\n"));
    }

    [TestCase(0.5, "0.500")]
    [TestCase(0.0004, "4.0E-4")]
    [TestCase(1e-9, "<1e-6")]
    [TestCase(double.NaN, "-")]
    public void P_values_are_printed_readably(double p, string expected) =>
        Assert.That(RegressionTable.FormatP(p), Is.EqualTo(expected));
}
