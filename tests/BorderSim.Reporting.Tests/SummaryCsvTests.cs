using System.Globalization;

namespace BorderSim.Reporting.Tests;

public class SummaryCsvTests
{
    private static string Render()
    {
        using var writer = new StringWriter();
        SummaryCsv.Write(SampleResults.Small(), writer);
        return writer.ToString();
    }

    [Test]
    public void Summary_csv_matches_the_golden_file()
    {
        TestFiles.AssertMatchesGolden(Render(), "summary.csv");
    }

    [Test]
    public void Summary_csv_is_the_same_under_a_decimal_comma_culture()
    {
        TestFiles.AssertMatchesGolden(DecimalComma.Render(Render), "summary.csv");
    }

    [Test]
    public void Every_number_in_summary_csv_parses_back_to_the_same_double()
    {
        var result = SampleResults.Small();
        string[] lines = Render().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(result.Summary.Count + 1));
        for (int i = 0; i < result.Summary.Count; i++)
        {
            // The last six fields are numeric and never quoted; text fields before them may hold commas.
            string[] fields = lines[i + 1].Split(',');
            string mean = fields[^5];
            Assert.That(double.Parse(mean, CultureInfo.InvariantCulture), Is.EqualTo(result.Summary[i].Mean), $"row {i + 1}: {lines[i + 1]}");
        }
    }

    [Test]
    public void Summary_csv_uses_lf_line_ends_and_no_byte_order_mark()
    {
        string directory = TestFiles.NewTemporaryDirectory();
        string path = Path.Combine(directory, SummaryCsv.FileName);
        SummaryCsv.WriteFile(SampleResults.Small(), path);
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Multiple(() =>
        {
            Assert.That(bytes.Take(3).ToArray(), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(bytes, Does.Not.Contain((byte)'\r'));
            Assert.That(System.Text.Encoding.UTF8.GetString(bytes), Does.StartWith("metric,name,direction,class,stage,unit,replications,mean,sd,ci95_half_width,min,max\n"));
        });
    }
}
