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

    public static IReadOnlyList<string> Write(string title, string xLabel, Target target, IReadOnlyList<OptimizeRow> rows, IOutputFolder directory)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(directory);
        if (rows.Count == 0)
        {
            return [];
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
                var text = plot.Add.Text(double.IsFinite(mean) ? $"{mean:G3} (off scale)" : "no value", i, top * 1.45);
                text.LabelFontColor = Colors.Crimson;
                text.LabelFontSize = 13;
                text.LabelAlignment = Alignment.UpperCenter;
            }
        }

        var line = plot.Add.HorizontalLine(target.Value);
        line.Color = Colors.Black;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = $"target {target.Operator} {target.Value:G4}";
        var green = plot.Add.ScatterPoints(Array.Empty<double>(), Array.Empty<double>());
        green.Color = Colors.ForestGreen;
        green.LegendText = "meets every target (the largest dot: chosen)";
        var red = plot.Add.ScatterPoints(Array.Empty<double>(), Array.Empty<double>());
        red.Color = Colors.Crimson;
        red.LegendText = "misses a target";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.SetLimitsX(-0.5, rows.Count - 0.5);
        plot.Axes.SetLimitsY(0, top * 1.5);
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 13;
        plot.Font.Set(Plots.FontFor(title));
        string png = FileStem + ".png";
        string svg = FileStem + ".svg";
        directory.WriteBytes(png, plot.GetImageBytes(Plots.WidthPixels, Plots.HeightPixels, ImageFormat.Png));
        directory.WriteText(svg, w => w.Write(plot.GetSvgXml(Plots.WidthPixels, Plots.HeightPixels)));
        return [png, svg];
    }
}
