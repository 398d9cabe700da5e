using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using BorderSim.Model.Experiments;
using BorderSim.Model.Results;

namespace BorderSim.Reporting.Tests;

public class ResultsWorkbookTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The workbook's sheets by name, each as rows of cell texts (a number as written in the XML, an inline string as its text).</summary>
    private static Dictionary<string, List<List<string>>> Read(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        XDocument Load(string entry)
        {
            using Stream s = zip.GetEntry(entry)!.Open();
            return XDocument.Load(s);
        }

        XNamespace relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace package = "http://schemas.openxmlformats.org/package/2006/relationships";
        var targets = Load("xl/_rels/workbook.xml.rels").Root!.Elements(package + "Relationship").ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        var sheets = new Dictionary<string, List<List<string>>>();
        foreach (XElement sheet in Load("xl/workbook.xml").Descendants(Main + "sheet"))
        {
            string target = targets[(string)sheet.Attribute(relations + "id")!].TrimStart('/');
            XDocument doc = Load(target.StartsWith("xl/", StringComparison.Ordinal) ? target : "xl/" + target);
            sheets[(string)sheet.Attribute("name")!] = [.. doc.Descendants(Main + "row").Select(row => row.Elements(Main + "c")
                .Select(c => (string?)c.Element(Main + "v") ?? string.Concat(c.Descendants(Main + "t").Select(t => t.Value))).ToList())];
        }

        return sheets;
    }

    private static byte[] Write(IReadOnlyList<ResultsWorkbook.Sheet> sheets, ReportLanguage? language = null)
    {
        using var stream = new MemoryStream();
        ResultsWorkbook.Write(sheets, stream, language);
        return stream.ToArray();
    }

    [Test]
    public void A_Vietnamese_workbook_has_Vietnamese_sheets_headers_and_words_and_the_same_numbers()
    {
        ExperimentResult result = SampleResults.Small();
        var english = Read(Write(ResultsWorkbook.ForRun(result)));
        var book = Read(Write(ResultsWorkbook.ForRun(result, ReportLanguage.Vietnamese), ReportLanguage.Vietnamese));
        Assert.That(book.Keys, Is.EqualTo(new[] { "tổng hợp", "theo ngày", "chuỗi thời gian" }));
        List<List<string>> summary = book["tổng hợp"];
        List<string> served = summary.Single(r => r[0] == "served_per_day/export");
        Assert.Multiple(() =>
        {
            Assert.That(summary[0], Does.Contain("trung bình (đơn vị)").And.Contain("chỉ tiêu").And.Contain("loại hàng"));
            // The id stays (a row is found by it), the words are the planner's, the number is the same double as in English.
            Assert.That(served[1], Is.EqualTo("số xe thông quan mỗi ngày"));
            Assert.That(served[2], Is.EqualTo("xuất khẩu"));
            Assert.That(served[5], Is.EqualTo("xe/ngày"));
            Assert.That(double.Parse(served[7], CultureInfo.InvariantCulture), Is.EqualTo(612.3333333333334));
            Assert.That(book["theo ngày"][0], Does.Contain("số xe thông quan (xe)").And.Contain("thời gian chờ trung bình (giờ)"));
            Assert.That(book["theo ngày"].Skip(1).Select(r => r[0]), Is.EqualTo(english["daily"].Skip(1).Select(r => r[0])), "dates are numbers in both");
            Assert.That(book["chuỗi thời gian"][0][0], Is.EqualTo("thời điểm (giờ địa phương)"));
        });
    }

    [Test]
    public void A_Vietnamese_comparison_workbook_names_its_sheets_in_Vietnamese()
    {
        ExperimentResult a = SampleResults.Realistic(days: 2);
        var difference = new MetricDifference(new MetricKey("served_per_day", "trucks/day", "import", "all"), "wider", 5, 961, 1054.7, 93.7, 12.8, 0.0975, true, 0.95);
        var comparison = new ComparisonResult([a, a with { Scenario = a.Scenario with { Name = "wider" } }], [difference], true);
        var book = Read(Write(ResultsWorkbook.ForComparison(comparison, ReportLanguage.Vietnamese), ReportLanguage.Vietnamese));
        Assert.Multiple(() =>
        {
            Assert.That(book.Keys, Is.EqualTo(new[] { "so sánh", "tổng hợp-1", "tổng hợp-2" }));
            Assert.That(book["so sánh"][0], Does.Contain("chênh lệch (đơn vị)").And.Contain("có ý nghĩa (1 = có)"));
            Assert.That(book["so sánh"][1][1], Is.EqualTo("số xe thông quan mỗi ngày"));
            Assert.That(double.Parse(book["so sánh"][1][10], CultureInfo.InvariantCulture), Is.EqualTo(93.7), "difference: a number, not text");
        });
    }

    [Test]
    public void A_run_s_workbook_has_the_summary_daily_and_time_series_with_units_in_the_headers()
    {
        ExperimentResult result = SampleResults.Small();
        var book = Read(Write(ResultsWorkbook.ForRun(result)));
        Assert.That(book.Keys, Is.EqualTo(new[] { "summary", "daily", "timeseries" }));
        List<List<string>> summary = book["summary"];
        List<string> served = summary.Single(r => r[0] == "served_per_day/export");
        Assert.Multiple(() =>
        {
            Assert.That(summary[0], Does.Contain("mean (unit)").And.Contain("unit"));
            Assert.That(summary, Has.Count.EqualTo(result.Summary.Count + 1), "every metric, none dropped");
            // The number itself, exactly: it reads back to the same double.
            Assert.That(double.Parse(served[7], CultureInfo.InvariantCulture), Is.EqualTo(612.3333333333334));
            Assert.That(book["daily"][0], Does.Contain("served (trucks)").And.Contain("wait_hours_mean (h)"));
            Assert.That(book["daily"], Has.Count.EqualTo(result.Daily.Count + 1));
            Assert.That(book["timeseries"][0], Does.Contain("queue_trucks/export/vn_customs mean (trucks)").And.Contain("highway_queue_km p95 (km)"));
            Assert.That(book["timeseries"], Has.Count.EqualTo(1 + 3), "a row per sample time");
            Assert.That(book["timeseries"][2][0], Is.EqualTo("2026-06-01T00:15:00"));
        });
    }

    [Test]
    public void A_value_that_does_not_apply_is_an_empty_cell_as_in_the_csv()
    {
        var book = Read(Write(ResultsWorkbook.ForRun(SampleResults.Small())));
        List<string> utilisation = book["summary"].Single(r => r[0] == "utilisation/export/vn_customs");
        // sd and half-width are NaN: empty cells (no "NaN" text for Excel to choke on).
        Assert.That(utilisation, Has.None.EqualTo("NaN"));
    }

    [Test]
    public void Numbers_are_written_the_same_under_a_decimal_comma_culture()
    {
        byte[] invariant = Write(ResultsWorkbook.ForRun(SampleResults.Small()));
        byte[] comma = DecimalComma.Render(() => Write(ResultsWorkbook.ForRun(SampleResults.Small())));
        Assert.That(Read(comma), Is.EqualTo(Read(invariant)));
    }

    [Test]
    public void A_comparison_s_workbook_has_the_differences_then_each_scenario_s_summary()
    {
        ExperimentResult a = SampleResults.Realistic(days: 2);
        var difference = new MetricDifference(new MetricKey("served_per_day", "trucks/day", "import", "all"), "wider", 5, 961, 1054.7, 93.7, 12.8, 0.0975, true, 0.95);
        var comparison = new ComparisonResult([a, a with { Scenario = a.Scenario with { Name = "wider" } }], [difference], true);
        var book = Read(Write(ResultsWorkbook.ForComparison(comparison)));
        Assert.Multiple(() =>
        {
            Assert.That(book.Keys, Is.EqualTo(new[] { "comparison", "summary-1", "summary-2" }));
            Assert.That(book["comparison"][0], Does.Contain("difference (unit)"));
            Assert.That(book["comparison"][1][0], Is.EqualTo("served_per_day/import/all"));
            Assert.That(double.Parse(book["comparison"][1][11], CultureInfo.InvariantCulture), Is.EqualTo(93.7 - 12.8).Within(1e-12), "ci_lower");
        });
    }
}
