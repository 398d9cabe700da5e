using ScottPlot;

namespace BorderSim.Reporting;

/// <summary>A plot ready to be drawn at its size: as PNG and SVG files, or inline in report.html.</summary>
/// <param name="Stem">File name without extension (queue_by_stage).</param>
/// <param name="Plot">The ScottPlot plot.</param>
/// <param name="Width">Pixels.</param>
/// <param name="Height">Pixels.</param>
public sealed record PlotImage(string Stem, Plot Plot, int Width, int Height)
{
    private string? _svg;

    /// <summary>The SVG document (drawn once, then kept: the files and the report share it).</summary>
    public string Svg()
    {
        lock (Plot)
        {
            return _svg ??= Plot.GetSvgXml(Width, Height);
        }
    }

    public byte[] Png()
    {
        lock (Plot)
        {
            return Plot.GetImageBytes(Width, Height, ImageFormat.Png);
        }
    }
}
