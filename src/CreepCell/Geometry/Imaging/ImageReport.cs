namespace CreepCell.Geometry.Imaging;

/// <summary>
/// What the image became: phases, islands merged, the largest distance of an outline from the
/// marching-squares contour (pixels), the gap opened between touching bodies (m), the smallest corner
/// angle of any outline (degrees) and the number of outline vertices.
/// </summary>
internal sealed record ImageReport(IReadOnlyList<ImagePhaseReport> Phases, IReadOnlyList<IslandMerge> Islands,
    IReadOnlyList<double> Thresholds, double MaxDeviation, double Tolerance, double Gap, double MinAngleDegrees, int Vertices)
{
    /// <summary>Phase area fraction of the outlines over the box, and of the pixels over all pixels.</summary>
    public (double Outline, double Pixels) Fraction(string phase, double boxArea, long pixels)
    {
        var p = Phases.Single(x => x.Name == phase);
        return (p.OutlineArea / boxArea, (double)p.Pixels / pixels);
    }
}
