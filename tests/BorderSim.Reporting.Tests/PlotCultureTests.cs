using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;

namespace BorderSim.Reporting.Tests;

/// <summary>
/// Plots read the same on every machine: tick labels and legends are formatted in the invariant
/// culture, so a machine set to ru-RU (decimal comma) draws "0.5", not "0,5".
/// </summary>
public partial class PlotCultureTests
{
    private static readonly Func<Plot?>[] RunPlots =
    [
        () => Plots.QueueLengthPlot(SampleResults.Realistic()),
        () => Plots.HighwayQueuePlot(SampleResults.Realistic()),
        () => Plots.WaitDistributionPlot(SampleResults.Realistic()),
        () => Plots.ServedPerDayPlot(SampleResults.Realistic()),
    ];

    private static IEnumerable<TestCaseData> PlotCases() =>
        new[] { "queue_by_stage", "highway_queue_km", "wait_cdf_by_class", "served_per_day" }.Select((name, i) => new TestCaseData(i).SetArgDisplayNames(name));

    [TestCaseSource(nameof(PlotCases))]
    public void A_plot_draws_the_same_text_under_a_decimal_comma_culture(int index)
    {
        string[] invariant = Render(() => RunPlots[index]()!, CultureInfo.InvariantCulture);
        string[] comma = DecimalComma.Render(() => Texts(RunPlots[index]()!.GetSvgXml(Plots.WidthPixels, Plots.HeightPixels)));
        Assert.That(invariant, Is.Not.Empty, "the SVG carries its text as text");
        Assert.That(comma.Where(t => DecimalCommaNumber().IsMatch(t)), Is.Empty, "no number with a decimal comma");
        Assert.That(comma, Is.EqualTo(invariant));
    }

    [Test]
    public void The_wait_distribution_axis_reads_shares_with_a_decimal_point_under_a_decimal_comma_culture()
    {
        string[] comma = DecimalComma.Render(() => Texts(Plots.WaitDistributionPlot(SampleResults.Realistic())!.GetSvgXml(Plots.WidthPixels, Plots.HeightPixels)));
        Assert.That(comma, Does.Contain("0.5").Or.Contain("0.4"), "the share axis runs 0 to 1 in tenths or fifths");
    }

    internal static string[] Render(Func<Plot> plot, CultureInfo culture)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            return Texts(plot().GetSvgXml(Plots.WidthPixels, Plots.HeightPixels));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    /// <summary>The text drawn in an SVG, element by element.</summary>
    internal static string[] Texts(string svg) => [.. SvgText().Matches(svg).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Where(t => t.Length > 0)];

    [GeneratedRegex(@"<text[^>]*>(?:<tspan[^>]*>)?([^<]*)")]
    private static partial Regex SvgText();

    [GeneratedRegex(@"\d,\d")]
    internal static partial Regex DecimalCommaNumber();
}
