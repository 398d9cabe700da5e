using BorderSim.Model.Experiments;
using BorderSim.Model.Results;
using ScottPlot;

namespace BorderSim.Reporting;

/// <summary>
/// optimize.png / .svg: one panel per target, each showing that target's metric for every configuration (mean with
/// its 95% interval) against the target (dashed); feasible configurations in green, infeasible in red, the chosen one
/// larger. The decisive target (the one most configurations miss) says so in its panel's title. A value far above the
/// scale (an overloaded configuration) is a triangle at the top, not a number, so that no two labels collide; the
/// table of the report has the values. Configurations are named by their values when these fit under the axis, else
/// numbered as in the report's table.
/// </summary>
public static class OptimizePlot
{
    public const string FileStem = "optimize";

    /// <summary>Height of one target's panel, pixels.</summary>
    public const int PanelHeightPixels = 420;

    private const float TickFontSize = 14;

    /// <summary>Room the left axis and the margins take from the width, pixels (an upper bound: ticks that fit here fit).</summary>
    private const float AxisRoomPixels = 170;

    /// <summary>The plot, labelled in <paramref name="language"/>; null when there is no configuration.</summary>
    /// <param name="targets">The requirements, one panel each.</param>
    /// <param name="keys">Each target's metric key, for its label and unit.</param>
    /// <param name="rows">Every configuration, in the order of the report's table.</param>
    /// <param name="settings">The label of each setting varied, in the order of a configuration's lines.</param>
    /// <param name="configurations">Each configuration's values, one line per setting (the tick under its column).</param>
    /// <param name="language">The language of the text.</param>
    public static PlotImage? Build(IReadOnlyList<Target> targets, IReadOnlyList<MetricKey> keys, IReadOnlyList<OptimizeRow> rows, IReadOnlyList<string> settings, IReadOnlyList<string> configurations, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(configurations);
        ReportLanguage lang = language ?? ReportLanguage.English;
        if (rows.Count == 0 || targets.Count == 0)
        {
            return null;
        }

        int decisive = Decisive(targets.Count, rows);
        string font = Plots.FontFor(string.Concat(configurations) + string.Concat(settings));
        Tick[] ticks = Ticks(configurations, font, Plots.WidthPixels);
        bool numbered = ticks.Length > 0 && ticks[0].Label == "1";
        var panels = new List<Plot>();
        for (int j = 0; j < targets.Count; j++)
        {
            string xLabel = numbered
                ? lang.Say("configuration (numbered as in the report's table)", "phương án (đánh số như trong bảng của báo cáo)")
                : lang.Say("configuration: ", "phương án: ") + string.Join(" / ", settings);
            panels.Add(Panel(targets[j], keys[j], j, rows, lang, font, ticks, isDecisive: j == decisive && targets.Count > 1, j == targets.Count - 1 ? xLabel : null));
        }

        return PlotImage.Stacked(FileStem, panels, Plots.WidthPixels, PanelHeightPixels + (targets.Count == 1 ? 80 : 0));
    }

    /// <summary>The target missed by most configurations that are not overloaded (an overloaded one misses them all); ties go to the first; −1 when only overloaded configurations miss any.</summary>
    public static int Decisive(int targets, IReadOnlyList<OptimizeRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int[] missed = new int[targets];
        foreach (OptimizeRow row in rows.Where(r => !r.Verdict.IsOverloaded))
        {
            foreach (int j in row.Verdict.MissedTargets)
            {
                missed[j]++;
            }
        }

        // None missed but by overloaded configurations: no target decides more than another.
        return missed.Max() == 0 ? -1 : Array.IndexOf(missed, missed.Max());
    }

    /// <summary>
    /// Each configuration's values as its tick when the widest line fits its column, else its number (1, 2, ...). Measured
    /// with the tick labels' own font and size, as ScottPlot draws them.
    /// </summary>
    public static Tick[] Ticks(IReadOnlyList<string> configurations, string font, int widthPixels)
    {
        ArgumentNullException.ThrowIfNull(configurations);
        var style = new LabelStyle { FontName = font, FontSize = TickFontSize };
        using Paint paint = Paint.NewDisposablePaint();
        float column = (widthPixels - AxisRoomPixels) / Math.Max(1, configurations.Count);
        float widest = configurations.SelectMany(c => c.Split('\n')).Select(line => style.Measure(line, paint).Width).DefaultIfEmpty(0).Max();
        bool fits = widest <= column - 10 && configurations.All(c => c.Split('\n').Length <= 3);
        return [.. configurations.Select((c, i) => new Tick(i, fits ? c : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    private static Plot Panel(Target target, MetricKey key, int j, IReadOnlyList<OptimizeRow> rows, ReportLanguage lang, string font, Tick[] ticks, bool isDecisive, string? xLabel)
    {
        var plot = new Plot();
        string bound = target.IsAtMost ? lang.Say("at most", "không quá") : lang.Say("at least", "ít nhất");
        string unit = key.Unit.Length > 0 && key.Unit != "share" ? " " + lang.Unit(key.Unit) : "";
        int missed = rows.Count(r => r.Verdict.MissedTargets.Contains(j) || r.Verdict.IsOverloaded);
        string what = lang.MetricLabel(key with { Unit = "" });
        plot.Title(
            lang.Say($"{Capital(what)}: target {bound} {InvariantTicks.Format(target.Value, lang)}{unit}; missed by {missed} of {rows.Count}", $"{Capital(what)}: mục tiêu {bound} {InvariantTicks.Format(target.Value, lang)}{unit}; {missed}/{rows.Count} phương án không đạt")
            + (isDecisive ? lang.Say(" (decisive)", " (quyết định)") : ""),
            size: 17);
        plot.YLabel(lang.MetricLabel(key), size: 15);
        if (xLabel is not null)
        {
            plot.XLabel(xLabel, size: 15);
        }

        double top = Top(target, j, rows);
        for (int i = 0; i < rows.Count; i++)
        {
            AddConfiguration(plot, rows[i], j, i, top);
        }

        var line = plot.Add.HorizontalLine(target.Value);
        line.Color = Colors.Black;
        line.LinePattern = LinePattern.Dashed;
        if (xLabel is not null)
        {
            AddLegend(plot, lang, font, rows.Any(r => Above(r, j, top)), rows.Any(r => r.Status == "best"));
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickFontSize;
        plot.Axes.SetLimitsX(-0.5, rows.Count - 0.5);
        plot.Axes.SetLimitsY(0, top);
        plot.Font.Set(font);
        InvariantTicks.Apply(plot, lang);
        return plot;
    }

    /// <summary>The top of a panel's scale: the target and every configuration not overloaded, up to three times the target.</summary>
    private static double Top(Target target, int j, IReadOnlyList<OptimizeRow> rows)
    {
        double scale = Math.Max(Math.Abs(target.Value), 1e-9);
        double highest = rows.Where(r => !r.Verdict.IsOverloaded && double.IsFinite(r.Targets[j].Mean))
            .Select(r => r.Targets[j].Mean + (r.Targets[j].Count > 1 ? r.Targets[j].HalfWidth95 : 0))
            .DefaultIfEmpty(scale).Max();
        return Math.Max(scale * 1.25, Math.Min(highest, 3 * scale)) * 1.1;
    }

    private static bool Above(OptimizeRow row, int j, double top) => !double.IsFinite(row.Targets[j].Mean) || row.Targets[j].Mean > top;

    private static void AddConfiguration(Plot plot, OptimizeRow row, int j, int i, double top)
    {
        SampleSummary s = row.Targets[j];
        Color color = row.Status != "infeasible" ? Colors.ForestGreen : Colors.Crimson;
        if (Above(row, j, top))
        {
            // Off the scale: a triangle at the top; its value is in the report's table.
            var mark = plot.Add.ScatterPoints(new[] { (double)i }, new[] { top * 0.96 });
            mark.Color = color;
            mark.MarkerShape = MarkerShape.FilledTriangleUp;
            mark.MarkerSize = 12;
            return;
        }

        var bar = plot.Add.ErrorBar([(double)i], [s.Mean], [s.Count > 1 ? s.HalfWidth95 : 0]);
        bar.Color = color;
        var dot = plot.Add.ScatterPoints(new[] { (double)i }, new[] { s.Mean });
        dot.Color = color;
        dot.MarkerSize = row.Status == "best" ? 18 : 9;
    }

    private static void AddLegend(Plot plot, ReportLanguage lang, string font, bool hasAbove, bool hasBest)
    {
        void Item(string text, Color color, MarkerShape shape, float size, LinePattern? pattern = null)
        {
            // A manual item keeps ScottPlot's default face (a serif one here) unless told: the plot's font, as the axes have.
            var item = new LegendItem { LabelText = text, LabelFontName = font, MarkerShape = shape, MarkerColor = color, MarkerSize = size, MarkerFillColor = color };
            if (pattern is { } p)
            {
                item.LinePattern = p;
                item.LineColor = color;
                item.LineWidth = 1.5f;
                item.MarkerShape = MarkerShape.None;
            }

            plot.Legend.ManualItems.Add(item);
        }

        Item(lang.Say("target", "mục tiêu"), Colors.Black, MarkerShape.None, 0, LinePattern.Dashed);
        if (hasBest)
        {
            Item(lang.Say("chosen", "phương án chọn"), Colors.ForestGreen, MarkerShape.FilledCircle, 14);
        }

        Item(lang.Say("meets every target", "đạt mọi mục tiêu"), Colors.ForestGreen, MarkerShape.FilledCircle, 8);
        Item(lang.Say("misses a target", "không đạt mục tiêu"), Colors.Crimson, MarkerShape.FilledCircle, 8);
        if (hasAbove)
        {
            Item(lang.Say("above the scale (in the table)", "vượt thang đo (xem bảng)"), Colors.Crimson, MarkerShape.FilledTriangleUp, 10);
        }

        // Below the data, on one line: a legend must never cover a configuration.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = 14;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
