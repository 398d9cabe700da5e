using System.Globalization;
using System.Text;
using BorderSim.Model.Results;

namespace BorderSim.Reporting;

/// <summary>
/// The metric reference page (docs/reference/metrics.md), written from the model's table of metrics so that the
/// page and the reports cannot disagree: per report section, every metric with its breakdown, unit, English and
/// Vietnamese labels and headline rank; then the units. A test holds the committed page to this text.
/// </summary>
public static class MetricReference
{
    /// <summary>The page, Markdown with <c>\n</c> line ends.</summary>
    public static string Markdown()
    {
        var page = new StringBuilder();
        void Line(string text = "") => page.Append(text).Append('\n');

        Line("# Metrics");
        Line();
        Line("<!-- Generated from the model's table of metrics (src/BorderSim.Model/Results/Metrics.cs) by");
        Line("     BorderSim.Reporting.MetricReference. Do not edit: change the table, then rewrite this page with");
        Line("     BORDERSIM_UPDATE_GOLDEN=1 dotnet test tests/BorderSim.Reporting.Tests --filter MetricReference -->");
        Line();
        Line("Every metric a run can write to `summary.csv` (column `name`; the id in column `metric` adds the direction,");
        Line("class and stage it is broken down by, `all` for every one: `wait_hours_p95/all/fruit`), with the label and");
        Line("unit that `report.html`, the console tables and the plots show in English and with `--lang vi`. A metric");
        Line("is written only where the scenario has what it measures (a pool, a starting backlog, a ban that turns");
        Line("trucks away, servers kept for a class, costs). Headline metrics are the rows of a comparison, in the");
        Line("order of their rank, with the short label shown there.");
        foreach (MetricSection section in MetricSections.All)
        {
            Bilingual title = MetricSections.Title(section);
            Line();
            Line($"## {title.English} · {title.Vietnamese}");
            Line();
            Line("| metric | per | unit | English | Tiếng Việt | headline |");
            Line("|---|---|---|---|---|---|");
            foreach (MetricDefinition metric in Metrics.All.Where(m => m.Section == section))
            {
                Line($"| `{metric.Name}` | {Per(metric.Scope)} | {Cell(metric.Unit.Id)} · {Cell(metric.Unit.Label.Vietnamese)} | {Cell(metric.Label.English)} | {Cell(metric.Label.Vietnamese)} | {Headline(metric.Headline)} |");
            }
        }

        Line();
        Line("## Units · Đơn vị");
        Line();
        Line("| unit | English | Tiếng Việt |");
        Line("|---|---|---|");
        foreach (MetricUnit unit in MetricUnits.All)
        {
            Line($"| `{unit.Id}` | {Cell(unit.Label.English)} | {Cell(unit.Label.Vietnamese)} |");
        }

        return page.ToString();
    }

    private static string Per(MetricScope scope)
    {
        if (scope == MetricScope.Run)
        {
            return "run";
        }

        string[] parts = [.. Enum.GetValues<MetricScope>().Where(s => s != MetricScope.Run && scope.HasFlag(s)).Select(s => s.ToString().ToLowerInvariant())];
        return string.Join(" × ", parts);
    }

    private static string Headline(MetricHeadline? headline) => headline is null
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"{headline.Rank}, {Breakdown(headline.Breakdown)}: {Cell(headline.ShortLabel.English)} · {Cell(headline.ShortLabel.Vietnamese)}");

    private static string Breakdown(MetricBreakdown breakdown) => breakdown switch
    {
        MetricBreakdown.PerDirection => "per direction",
        MetricBreakdown.PerClass => "per class",
        _ => "total",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
