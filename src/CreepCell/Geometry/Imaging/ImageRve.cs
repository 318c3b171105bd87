namespace CreepCell.Geometry.Imaging;

/// <summary>One body: its phase, outer loop (counter-clockwise) and holes (clockwise) in metres, a point
/// inside each hole, its pixel count and the area its outline encloses (m^2).</summary>
public sealed record ImageBody(int Index, string Phase, Vec2[] Outer, Vec2[][] Holes, Vec2[] HolePoints, long Pixels, double Area);

/// <summary>Per phase: pixels in the image (after the phase table or thresholds), pixels after island
/// removal, connected regions, bodies after splitting, and the area of the outlines (m^2).</summary>
public sealed record ImagePhaseReport(string Name, long ImagePixels, long Pixels, int Regions, int Bodies, double OutlineArea);

/// <summary>
/// What the image became: phases, islands merged, the largest distance of an outline from the
/// marching-squares contour (pixels), the gap opened between touching bodies (m), the smallest corner
/// angle of any outline (degrees) and the number of outline vertices.
/// </summary>
public sealed record ImageReport(IReadOnlyList<ImagePhaseReport> Phases, IReadOnlyList<IslandMerge> Islands,
    IReadOnlyList<double> Thresholds, double MaxDeviation, double Tolerance, double Gap, double MinAngleDegrees, int Vertices)
{
    /// <summary>Phase area fraction of the outlines over the box, and of the pixels over all pixels.</summary>
    public (double Outline, double Pixels) Fraction(string phase, double boxArea, long pixels)
    {
        var p = Phases.Single(x => x.Name == phase);
        return (p.OutlineArea / boxArea, (double)p.Pixels / pixels);
    }
}

/// <summary>An RVE from an image: the box [0, Width] x [0, Height] (m, y up), its bodies, the phase map
/// (for pictures) and the body index of every pixel (rows from the top, -1 = void).</summary>
public sealed record ImageRve(double Width, double Height, IReadOnlyList<ImageBody> Bodies, ImageReport Report, PhaseMap Map,
    int[] BodyOfPixel, ImageSpec Spec)
{
    public long PixelCount => (long)Map.Width * Map.Height;
}
