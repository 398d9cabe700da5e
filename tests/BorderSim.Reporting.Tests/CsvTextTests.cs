namespace BorderSim.Reporting.Tests;

/// <summary>User text in a CSV cell must not become a formula when a spreadsheet opens the file.</summary>
public class CsvTextTests
{
    [TestCase("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [TestCase("+cmd", "'+cmd")]
    [TestCase("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\t=1", "'\t=1")]
    [TestCase("Hữu Nghị", "Hữu Nghị")]
    [TestCase("a=b", "a=b")]
    [TestCase("-5", "-5")]
    [TestCase("+0.5", "+0.5")]
    [TestCase("-1e-3", "-1e-3")]
    [TestCase("", "")]
    public void A_cell_that_would_start_a_formula_is_prefixed_with_a_quote_and_a_plain_number_is_not(string text, string expected) =>
        Assert.That(Csv.Text(text), Is.EqualTo(expected));

    [Test]
    public void Batch_csv_and_the_run_list_neutralise_a_formula_in_the_scenario_name_file_and_swept_value()
    {
        var run = new BatchRun(1, new string('a', 64), "=evil.yaml", "=HYPERLINK(\"http://x\",\"y\")", new string('b', 64), 1, 2, 3, ["@x", "-5"]);
        using var runList = new StringWriter();
        BatchCsv.WriteRunList(["name", "days"], [run], runList);
        using var batch = new StringWriter();
        string[] row = [.. Enumerable.Repeat("m", SummaryCsv.Header.Length)];
        BatchCsv.Write(["name", "days"], [(run, new List<string[]> { row })], batch);
        Assert.Multiple(() =>
        {
            Assert.That(runList.ToString().Split('\n')[1], Is.EqualTo($"1,{run.Key},'=evil.yaml,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",{run.ScenarioSha256},1,2,3,'@x,-5"));
            Assert.That(batch.ToString().Split('\n')[1], Is.EqualTo("1,'=evil.yaml,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@x,-5," + string.Join(',', row)));
        });
    }
}
