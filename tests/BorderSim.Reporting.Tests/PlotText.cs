using ScottPlot;

namespace BorderSim.Reporting.Tests;

/// <summary>
/// Measures the text of a drawn plot with ScottPlot's own measuring (the extents it draws each label at, the widths of
/// tick labels in their style) against the image: a title, an axis title or a note must lie inside its panel, tick
/// labels of one axis must not touch each other, and notes must not overprint one another.
/// </summary>
internal static class PlotText
{
    /// <summary>Each problem in words; empty when every text fits. Draws the image first.</summary>
    public static List<string> Problems(PlotImage image)
    {
        image.Render();
        var problems = new List<string>();
        for (int i = 0; i < image.Panels.Count; i++)
        {
            Plot plot = image.Panels[i];
            PixelRect panel = image.PanelRect(i);
            string where = image.Panels.Count > 1 ? $"panel {i + 1}: " : "";
            Inside(problems, where + "title", plot.Axes.Title.Label, panel);
            Inside(problems, where + "x axis title", plot.Axes.Bottom.Label, panel);
            TickProblems(problems, where, plot, panel);
            NoteProblems(problems, where, plot);
        }

        return problems;
    }

    /// <summary>The extent a drawn label took; a label with text must have been drawn somewhere.</summary>
    private static void Inside(List<string> problems, string what, LabelStyle label, PixelRect panel)
    {
        if (!label.IsVisible || string.IsNullOrEmpty(label.Text))
        {
            return;
        }

        PixelRect r = label.LastRenderPixelRect;
        if (r.Width <= 0)
        {
            problems.Add($"{what} '{label.Text}' has no measured extent");
        }
        else if (r.Left < panel.Left - 0.5 || r.Right > panel.Right + 0.5 || r.Top < panel.Top - 0.5 || r.Bottom > panel.Bottom + 0.5)
        {
            problems.Add($"{what} '{label.Text}' is clipped: drawn at {r.Left:F0}..{r.Right:F0} x {r.Top:F0}..{r.Bottom:F0} in a panel {panel.Left:F0}..{panel.Right:F0} x {panel.Top:F0}..{panel.Bottom:F0}");
        }
    }

    /// <summary>Bottom tick labels, measured in their style at their ticks' pixels: inside the panel, apart from each other.</summary>
    private static void TickProblems(List<string> problems, string where, Plot plot, PixelRect panel)
    {
        LabelStyle style = plot.Axes.Bottom.TickLabelStyle;
        AxisLimits limits = plot.Axes.GetLimits();
        using Paint paint = Paint.NewDisposablePaint();
        var spans = plot.Axes.Bottom.TickGenerator.Ticks
            .Where(t => t.IsMajor && t.Label.Length > 0 && t.Position >= limits.Left && t.Position <= limits.Right)
            .Select(t => (t.Label, Center: plot.GetPixel(new Coordinates(t.Position, limits.Bottom)).X, Width: style.Measure(t.Label, paint).Width))
            .OrderBy(t => t.Center)
            .ToList();
        if (spans.Count == 0)
        {
            problems.Add($"{where}no bottom tick label was measured");
            return;
        }

        foreach (var (label, center, width) in spans.Where(s => s.Center - (s.Width / 2) < panel.Left || s.Center + (s.Width / 2) > panel.Right))
        {
            problems.Add($"{where}tick '{label}' runs out of the panel");
        }

        for (int k = 1; k < spans.Count; k++)
        {
            var (a, b) = (spans[k - 1], spans[k]);
            if (a.Center + (a.Width / 2) + 2 > b.Center - (b.Width / 2))
            {
                problems.Add($"{where}ticks '{a.Label.Replace('\n', '/')}' and '{b.Label.Replace('\n', '/')}' overprint each other");
            }
        }
    }

    /// <summary>Notes written on the data (Text plottables): inside the data area, none over another.</summary>
    private static void NoteProblems(List<string> problems, string where, Plot plot)
    {
        PixelRect data = plot.RenderManager.LastRender.DataRect;
        List<(string Text, PixelRect Rect)> notes = [.. plot.GetPlottables().OfType<ScottPlot.Plottables.Text>().Select(t => (t.LabelText, t.LabelStyle.LastRenderPixelRect))];
        foreach (var (text, r) in notes.Where(n => n.Rect.Left < data.Left || n.Rect.Right > data.Right || n.Rect.Top < data.Top || n.Rect.Bottom > data.Bottom))
        {
            problems.Add($"{where}note '{text}' leaves the data area");
        }

        for (int a = 0; a < notes.Count; a++)
        {
            for (int b = a + 1; b < notes.Count; b++)
            {
                PixelRect p = notes[a].Rect, q = notes[b].Rect;
                if (p.Left < q.Right && q.Left < p.Right && p.Top < q.Bottom && q.Top < p.Bottom)
                {
                    problems.Add($"{where}notes '{notes[a].Text}' and '{notes[b].Text}' overprint each other");
                }
            }
        }
    }
}
