using BorderSim.Model.Experiments;
using ScottPlot;

namespace BorderSim.Reporting;

/// <summary>
/// capacity.png / .svg: the target metric's mean against demand (trucks a day) with its pointwise 95% band,
/// the evaluated factors as dots, the target as a horizontal line, and the capacity with its interval as
/// vertical lines. Demands at which a stage is overloaded (the load check) are shaded red: their values depend on the run's length.
/// </summary>
public static class CapacityPlot
{
    public const string FileStem = "capacity";

    public static IReadOnlyList<string> Write(string title, Target target, IReadOnlyList<CapacityRow> rows, double? capacity, double? low, double? high, double? overloadedFromTrucksPerDay, IOutputFolder directory)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(directory);
        List<CapacityRow> points = [.. rows.Where(r => double.IsFinite(r.Point.Mean)).OrderBy(r => r.Point.DemandTrucksPerDay)];
        if (points.Count == 0)
        {
            return [];
        }

        var plot = new Plot();
        plot.Title(title, size: 20);
        plot.XLabel("Demand (trucks/day, averaged over the run)", size: 15);
        plot.YLabel(target.MetricId, size: 15);
        double[] xs = [.. points.Select(r => r.Point.DemandTrucksPerDay)];
        var band = plot.Add.FillY(xs, [.. points.Select(r => r.Point.Lower)], [.. points.Select(r => r.Point.Upper)]);
        band.FillStyle.Color = Colors.SteelBlue.WithAlpha(0.25);
        band.LegendText = "95% confidence band";
        var mean = plot.Add.Scatter(xs, [.. points.Select(r => r.Point.Mean)]);
        mean.Color = Colors.SteelBlue;
        mean.LineWidth = 2;
        mean.MarkerSize = 6;
        mean.LegendText = "mean over replications (common random numbers)";
        // From the demand at which the busiest stage is saturated (the load check) to the largest demand tried.
        if (overloadedFromTrucksPerDay is { } from && from < xs.Max())
        {
            var span = plot.Add.HorizontalSpan(from, xs.Max(), Colors.Crimson.WithAlpha(0.12));
            span.LegendText = "overloaded: depends on the run's length";
        }

        var line = plot.Add.HorizontalLine(target.Value);
        line.Color = Colors.Black;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = $"target {target.Operator} {target.Value:G4}";
        if (capacity is { } c)
        {
            var v = plot.Add.VerticalLine(c);
            v.Color = Colors.DarkGreen;
            v.LineWidth = 2;
            v.LegendText = $"capacity {c:F0} trucks/day";
        }

        foreach (double? end in new[] { low, high })
        {
            if (end is { } e)
            {
                var v = plot.Add.VerticalLine(e);
                v.Color = Colors.DarkGreen;
                v.LinePattern = LinePattern.Dotted;
                v.LegendText = end == low ? "95% interval of the capacity" : "";
            }
        }

        // Overloaded points can be orders of magnitude above the target: keep the target's region readable.
        double top = points.Where(r => !r.IsOverloaded).Select(r => r.Point.Upper).Where(double.IsFinite).DefaultIfEmpty(target.Value).Max();
        double bottom = Math.Min(0, points.Select(r => r.Point.Lower).Where(double.IsFinite).DefaultIfEmpty(0).Min());
        plot.Axes.SetLimitsY(bottom, Math.Max(top, target.Value) * 1.6);
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 13;
        plot.Font.Set(Plots.FontFor(title));
        InvariantTicks.Apply(plot);
        string png = FileStem + ".png";
        string svg = FileStem + ".svg";
        directory.WriteBytes(png, plot.GetImageBytes(Plots.WidthPixels, Plots.HeightPixels, ImageFormat.Png));
        directory.WriteText(svg, w => w.Write(plot.GetSvgXml(Plots.WidthPixels, Plots.HeightPixels)));
        return [png, svg];
    }
}
