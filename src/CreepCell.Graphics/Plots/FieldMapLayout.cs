using CreepCell.Geometry;
using CreepCell.Meshing;
using SkiaSharp;

namespace CreepCell.Io.Plots;

/// <summary>Where a field map put things: the world-to-pixel map of the plot area and the colour scale
/// used, so callers (and tests) can find an element's pixel and its expected colour.</summary>
internal sealed record FieldMapLayout(int Width, int Height, SKRect PlotArea, SKRect ColorBar, Vec2 WorldMin, double PixelsPerMetre,
    ColorScale Scale)
{
    public SKPoint ToPixel(Vec2 p) => new(
        PlotArea.Left + (float)((p.X - WorldMin.X) * PixelsPerMetre),
        PlotArea.Bottom - (float)((p.Y - WorldMin.Y) * PixelsPerMetre));
}
