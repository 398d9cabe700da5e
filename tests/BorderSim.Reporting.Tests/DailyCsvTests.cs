namespace BorderSim.Reporting.Tests;

public class DailyCsvTests
{
    private static string Render()
    {
        using var writer = new StringWriter();
        DailyCsv.Write(SampleResults.Small(), writer);
        return writer.ToString();
    }

    [Test]
    public void Daily_csv_matches_the_golden_file()
    {
        TestFiles.AssertMatchesGolden(Render(), "daily.csv");
    }

    [Test]
    public void Daily_csv_is_the_same_under_a_decimal_comma_culture()
    {
        TestFiles.AssertMatchesGolden(DecimalComma.Render(Render), "daily.csv");
    }

    [Test]
    public void A_day_has_its_date_direction_class_and_every_estimate_with_its_half_width()
    {
        string[] lines = Render().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo(string.Join(',', DailyCsv.Header)));
            Assert.That(lines[1], Is.EqualTo("2026-06-01,export,fruit,1,3,12,1.5,10.333333333333334,2.25,0,0,2,1,1,0.5,2,0.25,0,0,7,0.5,0,0,1.25,0.125,3"));
            // One replication: no half-widths; no truck served that day: no wait to average, and it says so.
            Assert.That(lines[2], Is.EqualTo("2026-06-02,export,fruit,0,1,14,,0,,1,,0,,0,,0,,3,,20,,5,,,,0"));
        });
    }
}
