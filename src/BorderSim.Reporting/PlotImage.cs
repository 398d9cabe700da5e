using System.Text;
using ScottPlot;
using SkiaSharp;

namespace BorderSim.Reporting;

/// <summary>A plot ready to be drawn at its size: as PNG and SVG files, or inline in report.html.</summary>
/// <param name="Stem">File name without extension (queue_by_stage).</param>
/// <param name="Plot">The ScottPlot plot (the first panel of a stacked image).</param>
/// <param name="Width">Pixels.</param>
/// <param name="Height">Pixels.</param>
public sealed record PlotImage(string Stem, Plot Plot, int Width, int Height)
{
    private string? _svg;

    /// <summary>Every panel, top to bottom, each drawn at the full width and an equal share of the height.</summary>
    public IReadOnlyList<Plot> Panels { get; private init; } = [Plot];

    /// <summary>Plots drawn one below the other in one image (one panel per target of optimize).</summary>
    public static PlotImage Stacked(string stem, IReadOnlyList<Plot> panels, int width, int panelHeight)
    {
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentOutOfRangeException.ThrowIfZero(panels.Count);
        foreach (Plot panel in panels)
        {
            // Each panel draws its own background in its rectangle; clearing the canvas would erase the panels above it.
            panel.RenderManager.ClearCanvasBeforeEachRender = false;
        }

        return new PlotImage(stem, panels[0], width, panelHeight * panels.Count) { Panels = panels };
    }

    /// <summary>Where panel <paramref name="index"/> is drawn in the image.</summary>
    public PixelRect PanelRect(int index)
    {
        float height = (float)Height / Panels.Count;
        return new PixelRect(new Pixel(0, index * height), new PixelSize(Width, height));
    }

    /// <summary>The SVG document (drawn once, then kept: the files and the report share it).</summary>
    public string Svg()
    {
        lock (Plot)
        {
            if (_svg is not null)
            {
                return _svg;
            }

            if (Panels.Count == 1)
            {
                return _svg = Plot.GetSvgXml(Width, Height);
            }

            using var stream = new MemoryStream();
            using (SKCanvas canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), stream))
            {
                DrawPanels(canvas);
            }

            return _svg = Encoding.UTF8.GetString(stream.ToArray());
        }
    }

    public byte[] Png()
    {
        lock (Plot)
        {
            if (Panels.Count == 1)
            {
                return Plot.GetImageBytes(Width, Height, ImageFormat.Png);
            }

            using SKSurface surface = SKSurface.Create(new SKImageInfo(Width, Height));
            surface.Canvas.Clear(SKColors.White);
            DrawPanels(surface.Canvas);
            using SKImage image = surface.Snapshot();
            using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
            return data.ToArray();
        }
    }

    /// <summary>Draws every panel in memory at its place, so that each one's last render (its text's extents) is known.</summary>
    public void Render()
    {
        lock (Plot)
        {
            using SKSurface surface = SKSurface.Create(new SKImageInfo(Width, Height));
            DrawPanels(surface.Canvas);
        }
    }

    private void DrawPanels(SKCanvas canvas)
    {
        for (int i = 0; i < Panels.Count; i++)
        {
            Panels[i].Render(canvas, PanelRect(i));
        }
    }
}
