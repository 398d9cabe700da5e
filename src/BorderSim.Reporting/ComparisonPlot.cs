using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using ScottPlot;

namespace BorderSim.Reporting;

/// <summary>
/// comparison.png / .svg: for each key metric, each alternative's change from the base in percent of the
/// base mean, a dot with a horizontal bar for its confidence interval, one colour per alternative, and a
/// line at zero (no change). Metrics whose base mean is zero have no relative change and are left empty.
/// </summary>
public static class ComparisonPlot
{
    public const string FileStem = "comparison";

    /// <summary>Writes the PNG and SVG into <paramref name="directory"/>; returns the file names written (none when there is nothing to plot).</summary>
    public static IReadOnlyList<string> Write(ComparisonResult result, string directory) => Write(result, new AtomicFolder(directory));

    /// <summary>Writes the PNG and SVG into <paramref name="directory"/>; returns the file names written (none when there is nothing to plot).</summary>
    public static IReadOnlyList<string> Write(ComparisonResult result, IOutputFolder directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(result);
        PlotImage? image = Image(result);
        return image is null ? [] : Plots.WriteAll([image], directory);
    }

    /// <summary>The plot at its size (taller with more key metrics), labelled in <paramref name="language"/>; null when there is nothing to plot.</summary>
    public static PlotImage? Image(ComparisonResult result, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        Plot? plot = Create(result, language);
        return plot is null ? null : new PlotImage(FileStem, plot, Plots.WidthPixels, Math.Max(Plots.HeightPixels, 160 + (RowsOf(result).Count * 70)));
    }

    public static Plot? Create(ComparisonResult result, ReportLanguage? language = null)
    {
        ReportLanguage lang = language ?? ReportLanguage.English;
        ArgumentNullException.ThrowIfNull(result);
        IReadOnlyList<MetricKey> rows = RowsOf(result);
        if (rows.Count == 0 || result.Alternatives.Count < 2)
        {
            return null;
        }

        ExperimentResult baseResult = result.Alternatives[0];
        var plot = new Plot();
        int alternatives = result.Alternatives.Count - 1;
        double level = result.Differences.Count > 0 ? result.Differences[0].ConfidenceLevel : Comparison.FamilyConfidence;
        double spread = alternatives == 1 ? 0 : Math.Min(0.6, 0.2 * alternatives);
        double maxExtent = 1;
        for (int k = 1; k <= alternatives; k++)
        {
            string name = result.Alternatives[k].Scenario.Name;
            Dictionary<MetricKey, MetricDifference> byKey = result.Differences.Where(d => d.Alternative == name).ToDictionary(d => d.Key);
            var xs = new List<double>();
            var ys = new List<double>();
            var left = new List<double>();
            var right = new List<double>();
            for (int i = 0; i < rows.Count; i++)
            {
                if (!byKey.TryGetValue(rows[i], out MetricDifference? d) || !double.IsFinite(d.RelativeChange) || d.BaseMean == 0)
                {
                    continue;
                }

                double scale = 100 / Math.Abs(d.BaseMean);
                double x = d.Difference * scale;
                double half = double.IsFinite(d.HalfWidth) ? d.HalfWidth * scale : 0;
                xs.Add(x);
                // The first alternative on top within a row, as in the legend.
                ys.Add(RowY(rows.Count, i) - (alternatives == 1 ? 0 : spread * ((k - 1.0) / (alternatives - 1.0) - 0.5)));
                left.Add(half);
                right.Add(half);
                maxExtent = Math.Max(maxExtent, Math.Abs(x) + half);
            }

            if (xs.Count == 0)
            {
                continue;
            }

            Color color = new ScottPlot.Palettes.Category10().GetColor(k - 1);
            var bars = new ScottPlot.Plottables.ErrorBar(xs.ToArray(), ys.ToArray(), left.ToArray(), right.ToArray(), null, null)
            {
                Color = color,
                LineWidth = 2.5f,
                CapSize = 8,
            };
            plot.Add.Plottable(bars);
            var dots = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), color);
            dots.MarkerSize = 11;
            dots.LegendText = alternatives == 1 ? name : $"{k + 1}: {name}";
        }

        var zero = plot.Add.VerticalLine(0, 1.5f, Colors.Black, LinePattern.Solid);
        zero.LegendText = lang.Say("no change", "không đổi");

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < rows.Count; i++)
        {
            // A base mean of zero has no relative change: say so rather than leave the row silently empty.
            bool baseZero = result.Differences.Where(d => d.Key == rows[i]).All(d => d.BaseMean == 0 || !double.IsFinite(d.RelativeChange));
            string label = lang.HeadlineLabel(rows[i]);
            ticks.AddMajor(RowY(rows.Count, i), label + (baseZero ? lang.Say("\n[base 0: no % change]", "\n[gốc bằng 0: không tính %]") : ""));
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        double limit = maxExtent * 1.12;
        plot.Axes.SetLimits(-limit, limit, -0.7, rows.Count - 0.3);

        string streams = result.CommonRandomNumbers ? lang.Say("common random numbers", "dùng chung số ngẫu nhiên") : lang.Say("independent streams", "số ngẫu nhiên độc lập");
        plot.Title(lang.Say("Change from base: ", "Thay đổi so với phương án gốc: ") + lang.Title(baseResult.Scenario), size: 20);
        plot.XLabel(lang.Say(
            $"difference from the base mean (%);  bars: {ComparisonCsv.Percent(level)} confidence interval of the paired difference ({baseResult.Replications.Count} pairs, {streams})",
            $"chênh lệch so với trung bình phương án gốc (%);  thanh: khoảng tin cậy {ComparisonCsv.Percent(level).Replace('.', ',')} của chênh lệch theo cặp ({baseResult.Replications.Count} cặp, {streams})"), size: 14);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = 14;
        string allText = string.Concat(result.Alternatives.Select(a => a.Scenario.Name));
        plot.Font.Set(Plots.FontFor(allText));
        InvariantTicks.Apply(plot, lang);
        return plot;
    }

    /// <summary>The key metrics of the base, top to bottom.</summary>
    private static IReadOnlyList<MetricKey> RowsOf(ComparisonResult result) =>
        result.Alternatives.Count == 0 ? [] : MetricCatalog.Headlines(result.Alternatives[0].Summary.Select(s => s.Key));

    private static double RowY(int rows, int index) => rows - 1 - index;
}
