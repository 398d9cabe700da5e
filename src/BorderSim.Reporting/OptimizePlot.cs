using BorderSim.Model.Experiments;
using ScottPlot;

namespace BorderSim.Reporting;

/// <summary>
/// optimize.png / .svg: the first target's metric for every configuration (mean with its 95% interval), the target
/// as a dashed line; feasible configurations in green, infeasible in red, the chosen one larger and labelled.
/// </summary>
public static class OptimizePlot
{
    public const string FileStem = "optimize";

    public static IReadOnlyList<string> Write(string title, string xLabel, Target target, IReadOnlyList<OptimizeRow> rows, IOutputFolder directory, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Build(title, xLabel, target, rows, language) is { } image ? Plots.WriteAll([image], directory) : [];
    }

    /// <summary>The plot, labelled in <paramref name="language"/>; null when there is no configuration.</summary>
    public static PlotImage? Build(string title, string xLabel, Target target, IReadOnlyList<OptimizeRow> rows, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        ReportLanguage lang = language ?? ReportLanguage.English;
        if (rows.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        plot.Title(title, size: 20);
        plot.YLabel(target.MetricId, size: 15);
        plot.XLabel(xLabel, size: 15);
        var ticks = new List<Tick>();
        double top = target.Value;
        for (int i = 0; i < rows.Count; i++)
        {
            OptimizeRow row = rows[i];
            SampleSummary s = row.Targets[0];
            double half = s.Count > 1 ? s.HalfWidth95 : 0;
            bool isFeasible = row.Status != "infeasible";
            Color color = isFeasible ? Colors.ForestGreen : Colors.Crimson;
            double y = double.IsFinite(s.Mean) ? s.Mean : 0;
            var bar = plot.Add.ErrorBar([(double)i], [y], [half]);
            bar.Color = color;
            var dot = plot.Add.ScatterPoints(new[] { (double)i }, new[] { y });
            dot.Color = color;
            dot.MarkerSize = row.Status == "best" ? 16 : 9;
            ticks.Add(new Tick(i, string.Join("\n", row.Values)));
            if (isFeasible && double.IsFinite(s.Mean))
            {
                top = Math.Max(top, s.Mean + half);
            }
        }

        // A configuration far above the scale (an overloaded one) is marked at the top with its value.
        for (int i = 0; i < rows.Count; i++)
        {
            double mean = rows[i].Targets[0].Mean;
            if (!double.IsFinite(mean) || mean > top * 1.5)
            {
                var text = plot.Add.Text(double.IsFinite(mean) ? lang.Say($"{InvariantTicks.Format(Math.Round(mean, 2), lang)} (off scale)", $"{InvariantTicks.Format(Math.Round(mean, 2), lang)} (ngoài thang)") : lang.Say("no value", "không có giá trị"), i, top * 1.45);
                text.LabelFontName = Plots.FontFor(title);
                text.LabelFontColor = Colors.Crimson;
                text.LabelFontSize = 13;
                text.LabelAlignment = Alignment.UpperCenter;
            }
        }

        var line = plot.Add.HorizontalLine(target.Value);
        line.Color = Colors.Black;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = lang.Say("target ", "mục tiêu ") + $"{target.Operator} {InvariantTicks.Format(target.Value, lang)}";
        var green = plot.Add.ScatterPoints(Array.Empty<double>(), Array.Empty<double>());
        green.Color = Colors.ForestGreen;
        green.LegendText = lang.Say("meets every target (the largest dot: chosen)", "đạt mọi mục tiêu (chấm lớn nhất: phương án chọn)");
        var red = plot.Add.ScatterPoints(Array.Empty<double>(), Array.Empty<double>());
        red.Color = Colors.Crimson;
        red.LegendText = lang.Say("misses a target", "không đạt mục tiêu");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.SetLimitsX(-0.5, rows.Count - 0.5);
        plot.Axes.SetLimitsY(0, top * 1.5);
        // Below, on one line: beside the plot it took a third of the width.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = 14;
        plot.Font.Set(Plots.FontFor(title));
        InvariantTicks.Apply(plot, lang);
        return new PlotImage(FileStem, plot, Plots.WidthPixels, Plots.HeightPixels);
    }
}
