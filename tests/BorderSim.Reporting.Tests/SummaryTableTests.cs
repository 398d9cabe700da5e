using BorderSim.Model.Results;

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
            // Server time: busy, blocked, idle, closed (they sum to 1), then the busy share of open hours.
            Assert.That(table, Does.Contain("Server time (share of server-hours)"));
            Assert.That(table, Does.Match(@"\n  export / vn_customs +0\.437 +0\.250 +0\.030 +0\.033 +0\.250 +0\.874\n"));
            Assert.That(table, Does.Contain("Binding stage, import: vn_import_customs (busy 61.3% of its open server-hours"));
            Assert.That(table, Does.Contain("Trucks still in the system at the end\n  import "));
            // Served per day per direction only; the per-class row stays in summary.csv.
            Assert.That(table, Does.Not.Contain("260"));
            Assert.That(table, Does.Not.Contain("wait_hours_max").And.Not.Contain("19.4"));
        });
    }

    [Test]
    public void An_overloaded_direction_is_flagged_above_the_table_with_its_growth_and_what_it_means()
    {
        string table = Render();
        string[] lines = table.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[1], Does.StartWith("OVERLOADED import: demand 1053 trucks/day >= capacity 960 trucks/day at freight_road_1119; trucks in the system grow by 93.5 ± 12.2 a day"));
            Assert.That(lines[1], Does.EndWith("The queue grows without bound: no steady state, so this direction's means depend on the run's length (2 days)."));
            Assert.That(table, Does.Not.Contain("OVERLOADED export"));
        });
    }

    [Test]
    public void A_check_that_keeps_servers_for_a_class_shows_the_use_of_the_kept_servers_and_of_the_others()
    {
        var result = SampleResults.Realistic(days: 2);
        static MetricSummary Share(string name, double mean) => new(new MetricKey(name, "share", "export", "", "cn_inspection"), 20, mean, 0.01, 0.005, mean, mean);
        result = result with { Summary = [.. result.Summary, Share("utilisation_reserved", 0.891), Share("utilisation_unreserved", 0.535)] };
        using var writer = new StringWriter();

        SummaryTable.Write(result, writer);

        string table = writer.ToString();
        TestContext.Out.WriteLine(table);
        Assert.That(table, Does.Match(@"\nServers kept for a class \(in use of open server-hours\) +kept +others\n  export / cn_inspection +0\.891 +0\.535\n"));
        Assert.That(Render(), Does.Not.Contain("Servers kept for a class"), "shown only where servers are kept");
    }

    [Test]
    public void The_report_shows_the_use_of_the_kept_servers_and_of_the_others_only_where_servers_are_kept()
    {
        var result = SampleResults.Realistic(days: 2);
        static MetricSummary Share(string name, double mean) => new(new MetricKey(name, "share", "export", "", "cn_inspection"), 20, mean, 0.01, 0.005, mean, mean);
        var kept = result with { Summary = [.. result.Summary, Share("utilisation_reserved", 0.891), Share("utilisation_unreserved", 0.535)] };
        string Html(ExperimentResult r)
        {
            var page = new BorderSim.Reporting.Html.ReportPage("t", ReportLanguage.English);
            BorderSim.Reporting.Html.ReportText.WriteServerTimeTable(page, r);
            return page.Build();
        }

        Assert.That(Html(kept), Does.Contain("kept for a class: in use").And.Match(@"export / cn_inspection</td>\s*<td[^>]*>89"));
        Assert.That(Html(result), Does.Not.Contain("kept for a class"));
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
    [TestCase(0.00012, "0.00012")]
    [TestCase(-0.000873, "-0.000873")]
    [TestCase(-4e-8, "0")]
    [TestCase(-2.5, "-2.50")]
    [TestCase(double.NaN, "-")]
    public void Numbers_show_about_three_significant_figures(double value, string expected)
    {
        Assert.That(SummaryTable.FormatNumber(value), Is.EqualTo(expected));
    }
}
