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

    public static IReadOnlyList<string> Write(string title, Target target, IReadOnlyList<CapacityRow> rows, double? capacity, double? low, double? high, double? overloadedFromTrucksPerDay, IOutputFolder directory, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Build(title, target, rows, capacity, low, high, overloadedFromTrucksPerDay, language) is { } image ? Plots.WriteAll([image], directory) : [];
    }

    /// <summary>The plot, labelled in <paramref name="language"/>; null when no demand tried has a value of the metric.</summary>
    /// <param name="key">The target metric's key: the y axis is titled with its label and unit (without it, the metric id).</param>
    public static PlotImage? Build(string title, Target target, IReadOnlyList<CapacityRow> rows, double? capacity, double? low, double? high, double? overloadedFromTrucksPerDay, ReportLanguage? language = null, Model.Results.MetricKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        ReportLanguage lang = language ?? ReportLanguage.English;
        List<CapacityRow> points = [.. rows.Where(r => double.IsFinite(r.Point.Mean)).OrderBy(r => r.Point.DemandTrucksPerDay)];
        if (points.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        plot.Title(title, size: 20);
        plot.XLabel(lang.Say("Demand (trucks/day, averaged over the run)", "Nhu cầu (xe/ngày, trung bình cả kỳ mô phỏng)"), size: 15);
        plot.YLabel(key is null ? target.MetricId : lang.MetricLabel(key), size: 15);
        double[] xs = [.. points.Select(r => r.Point.DemandTrucksPerDay)];
        var band = plot.Add.FillY(xs, [.. points.Select(r => r.Point.Lower)], [.. points.Select(r => r.Point.Upper)]);
        band.FillStyle.Color = Colors.SteelBlue.WithAlpha(0.25);
        band.LegendText = lang.Say("95% confidence band", "dải tin cậy 95%");
        var mean = plot.Add.Scatter(xs, [.. points.Select(r => r.Point.Mean)]);
        mean.Color = Colors.SteelBlue;
        mean.LineWidth = 2;
        mean.MarkerSize = 6;
        mean.LegendText = lang.Say("mean over replications (common random numbers)", "trung bình các lần lặp (cùng dãy số ngẫu nhiên)");
        // The x axis set here (ScottPlot's own 5 % margins), so that the overloaded band can reach its right edge.
        double range = xs.Max() - xs.Min();
        double margin = range > 0 ? range * 0.05 : Math.Max(Math.Abs(xs.Max()) * 0.05, 1);
        double left = xs.Min() - margin, right = xs.Max() + margin;

        // From the demand at which the busiest stage is saturated (the load check) to the axis' edge: every demand
        // beyond the largest tried is overloaded too.
        if (overloadedFromTrucksPerDay is { } from && from < xs.Max())
        {
            var span = plot.Add.HorizontalSpan(from, right, Colors.Crimson.WithAlpha(0.12));
            span.LegendText = lang.Say("overloaded: depends on the run's length", "quá tải: phụ thuộc độ dài kỳ mô phỏng");
        }

        var line = plot.Add.HorizontalLine(target.Value);
        line.Color = Colors.Black;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = lang.Say("target ", "mục tiêu ") + $"{target.Operator} {InvariantTicks.Format(target.Value, lang)}";
        if (capacity is { } c)
        {
            var v = plot.Add.VerticalLine(c);
            v.Color = Colors.DarkGreen;
            v.LineWidth = 2;
            v.LegendText = lang.Say($"capacity {c.ToString("#,##0.0", lang.Numbers)} trucks/day", $"năng lực {c.ToString("#,##0.0", lang.Numbers)} xe/ngày");
        }

        foreach (double? end in new[] { low, high })
        {
            if (end is { } e)
            {
                var v = plot.Add.VerticalLine(e);
                v.Color = Colors.DarkGreen;
                v.LinePattern = LinePattern.Dotted;
                v.LegendText = end == low ? lang.Say("95% interval of the capacity", "khoảng tin cậy 95% của năng lực") : "";
            }
        }

        // Overloaded points can be orders of magnitude above the target: keep the target's region readable.
        double top = points.Where(r => !r.IsOverloaded).Select(r => r.Point.Upper).Where(double.IsFinite).DefaultIfEmpty(target.Value).Max();
        double bottom = Math.Min(0, points.Select(r => r.Point.Lower).Where(double.IsFinite).DefaultIfEmpty(0).Min());
        plot.Axes.SetLimitsY(bottom, Math.Max(top, target.Value) * 1.6);
        plot.Axes.SetLimitsX(left, right);
        // Inside, top left: the curve rises to the right, so that corner is empty, and the plot keeps the whole width.
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.FontSize = 14;
        plot.Font.Set(Plots.FontFor(title));
        InvariantTicks.Apply(plot, lang);
        return new PlotImage(FileStem, plot, Plots.WidthPixels, Plots.HeightPixels);
    }
}
