namespace BorderSim.Reporting.Tests;

public class SummaryTableTests
{
    private static string Render()
    {
        using var writer = new StringWriter();
        SummaryTable.Write(SampleResults.Realistic(days: 2), writer);
        return writer.ToString();
    }

    [Test]
    public void The_table_shows_the_headline_metrics_with_half_widths()
    {
        string table = Render();
        TestContext.Out.WriteLine(table);
        Assert.Multiple(() =>
        {
            Assert.That(table, Does.StartWith("Hữu Nghị 1119–1120, 6 lanes: 20 replications of 2 days, warm-up 24.0 h (fixed)\n"));
            Assert.That(table, Does.Contain("Trucks served per day\n"));
            Assert.That(table, Does.Match(@"\n  export +431 +± 9\.80 +402 +461\n"));
            Assert.That(table, Does.Match(@"\n  fruit  p95 +11\.8 +± 0\.900 +9\.10 +14\.5\n"));
            Assert.That(table, Does.Contain("Highway queue (km)\n  export  mean "));
            Assert.That(table, Does.Match(@"\n  export / vn_customs +0\.874 +± 0\.012 +"));
            // Served per day per direction only; the per-class row stays in summary.csv.
            Assert.That(table, Does.Not.Contain("260"));
            Assert.That(table, Does.Not.Contain("wait_hours_max").And.Not.Contain("19.4"));
        });
    }

    [Test]
    public void The_table_uses_decimal_points_whatever_the_culture()
    {
        string invariant = Render();
        Assert.That(DecimalComma.Render(Render), Is.EqualTo(invariant));
    }

    [TestCase(0.0, "0")]
    [TestCase(431.2, "431")]
    [TestCase(11.84, "11.8")]
    [TestCase(1.5, "1.50")]
    [TestCase(0.874, "0.874")]
    [TestCase(0.0012, "0.001")]
    [TestCase(0.00012, "1.20E-4")]
    [TestCase(-2.5, "-2.50")]
    [TestCase(double.NaN, "-")]
    public void Numbers_show_about_three_significant_figures(double value, string expected)
    {
        Assert.That(SummaryTable.FormatNumber(value), Is.EqualTo(expected));
    }
}
