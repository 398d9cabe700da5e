using BorderSim.Model.Experiments;
using BorderSim.Model.Spec;
using ScottPlot;

namespace BorderSim.Reporting;

/// <summary>
/// observed_vs_model.png / .svg: one row per observation, on a common scale of percent of the observed figure (the
/// figures differ a hundredfold, 9 to 1,243 trucks, so one axis of trucks would flatten the small ones): the model's
/// 95 % prediction band as a bar, its mean as a dot, the observation as a red diamond at 100 %. An observed figure of
/// 0 has no percent and is left out (observed.csv has it).
/// </summary>
public static class ObservedPlot
{
    public const string FileStem = "observed_vs_model";

    /// <summary>The plot at its size (taller with more observations); null when the run has no observation to draw.</summary>
    /// <param name="comparison">The model against the observations.</param>
    /// <param name="language">The reader's language.</param>
    /// <param name="scenarioTitle">The scenario as the reader's language names it (the other plots' title); the comparison's label if null.</param>
    public static PlotImage? Image(ObservationComparison comparison, ReportLanguage? language = null, string? scenarioTitle = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (Draw(comparison, language ?? ReportLanguage.English, scenarioTitle) is not var (plot, names))
        {
            return null;
        }

        // 60 pixels a row of two lines, 20 more for each line a long name wraps onto.
        int rowsHeight = names.Sum(name => 40 + (20 * name.Split('\n').Length));
        return new PlotImage(FileStem, plot, Plots.WidthPixels, Math.Max(Plots.HeightPixels, 200 + rowsHeight));
    }

    public static Plot? Create(ObservationComparison comparison, ReportLanguage? language = null, string? scenarioTitle = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return Draw(comparison, language ?? ReportLanguage.English, scenarioTitle)?.Plot;
    }

    /// <summary>The plot and each row's wrapped name (the image's height depends on them); null with no row.</summary>
    private static (Plot Plot, IReadOnlyList<string> Names)? Draw(ObservationComparison comparison, ReportLanguage lang, string? scenarioTitle)
    {
        IReadOnlyList<ObservedPoint> rows = RowsOf(comparison);
        if (rows.Count == 0)
        {
            return null;
        }

        var names = new List<string>();

        var plot = new Plot();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var tickLabels = new List<string>();
        double maxX = 110;
        Color bandColor = new ScottPlot.Palettes.Category10().GetColor(0);
        var means = new List<(double X, double Y)>();
        for (int i = 0; i < rows.Count; i++)
        {
            ObservedPoint p = rows[i];
            double y = rows.Count - 1 - i;
            double scale = 100 / p.Observation.Value;
            double mean = p.ModelMean * scale;
            if (p.HasBand)
            {
                var band = new ScottPlot.Plottables.ErrorBar([mean], [y], [mean - (p.ModelLow * scale)], [(p.ModelHigh * scale) - mean], null, null)
                {
                    Color = bandColor,
                    LineWidth = 6,
                    CapSize = 14,
                };
                plot.Add.Plottable(band);
                maxX = Math.Max(maxX, p.ModelHigh * scale);
            }

            means.Add((mean, y));
            maxX = Math.Max(maxX, mean);
            string model = p.HasBand
                ? lang.Say($"model {lang.Number(p.ModelMean)} ({lang.Number(p.ModelLow)}–{lang.Number(p.ModelHigh)})", $"mô hình {lang.Number(p.ModelMean)} ({lang.Number(p.ModelLow)}–{lang.Number(p.ModelHigh)})")
                : lang.Say($"model {lang.Number(p.ModelMean)}", $"mô hình {lang.Number(p.ModelMean)}");
            names.Add(Name(p.Observation, lang));
            tickLabels.Add($"{names[^1]}\n{lang.Say("observed", "quan sát")} {lang.Number(p.Observation.Value)}, {model}");
            ticks.AddMajor(y, tickLabels[^1]);
        }

        double[] meanXs = [.. means.Select(m => m.X)];
        double[] meanYs = [.. means.Select(m => m.Y)];
        var meanDots = plot.Add.ScatterPoints(meanXs, meanYs, bandColor);
        meanDots.MarkerSize = 12;
        meanDots.LegendText = lang.Say(
            $"model: mean and 95% prediction band of one replication ({comparison.Replications} replications)",
            $"mô hình: trung bình và dải dự báo 95% của một lần lặp ({comparison.Replications} lần lặp)");
        double[] observedYs = [.. Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i))];
        double[] observedXs = [.. observedYs.Select(_ => 100.0)];
        var observed = plot.Add.ScatterPoints(observedXs, observedYs, Colors.Red);
        observed.MarkerShape = MarkerShape.FilledDiamond;
        observed.MarkerSize = 16;
        observed.LegendText = lang.Say("observed (= 100%)", "quan sát (= 100%)");
        plot.Add.VerticalLine(100, 1, Colors.Red.WithAlpha(0.5), LinePattern.Dotted);

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.SetLimits(0, maxX * 1.08, -0.7, rows.Count - 0.3);
        string title = scenarioTitle ?? comparison.ScenarioLabel;
        plot.Title(lang.Say("Model against observations", "Mô hình so với số liệu quan sát") + ": " + title, size: 20);
        plot.XLabel(lang.Say("model as a percentage of the observed figure (%)", "kết quả mô hình tính theo phần trăm số liệu quan sát (%)"), size: 14);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = 14;
        plot.Font.Set(Plots.FontFor(title + string.Concat(tickLabels)));
        InvariantTicks.Apply(plot, lang);
        return (plot, names);
    }

    /// <summary>The observation as the table names it, with its day or time, wrapped.</summary>
    private static string Name(ObservationSpec observation, ReportLanguage lang) =>
        Wrap($"{ObservationLabel.Series(observation, lang)} ({ObservationLabel.Time(observation, lang)})");

    /// <summary>
    /// A label of many routes or classes on lines of at most <see cref="LineChars"/> characters, broken after a comma
    /// or before a " + ", so the labels leave the data most of the picture's width.
    /// </summary>
    internal static string Wrap(string label)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (string piece in System.Text.RegularExpressions.Regex.Split(label, @"(?<=, )|(?= \+ )"))
        {
            if (line.Length > 0 && line.Length + piece.Length > LineChars)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                line.Append(piece.TrimStart());
            }
            else
            {
                line.Append(piece);
            }
        }

        lines.Add(line.ToString().TrimEnd());
        return string.Join('\n', lines);
    }

    private const int LineChars = 44;

    private static IReadOnlyList<ObservedPoint> RowsOf(ObservationComparison comparison) =>
        [.. comparison.Points.Where(p => p.Observation.Value > 0)];
}
