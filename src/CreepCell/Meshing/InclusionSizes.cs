using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>
/// Element sizes for <see cref="InclusionMesh"/>: edge length MaxEdge far away, InclusionEdge on the
/// inclusion boundaries (defaults to MaxEdge, i.e. uniform) and a linear growth Grading (edge length
/// gained per unit distance from the nearest inclusion boundary; keep it below about 0.5 for good
/// quality).
/// </summary>
internal sealed record InclusionSizes(double MaxEdge, double? InclusionEdge = null, double Grading = 0.3)
{
    public double MinAngleDegrees { get; init; } = 28;
    public bool SecondOrder { get; init; }

    /// <summary>Edge length at p given the inclusion boundaries.</summary>
    public double At(Vec2 p, IReadOnlyList<Ellipse> shapes)
    {
        if (InclusionEdge is not double h0 || shapes.Count == 0) return MaxEdge;
        double d = double.PositiveInfinity;
        foreach (var e in shapes) d = Math.Min(d, e.DistanceEstimate(p));
        return Math.Min(MaxEdge, h0 + Grading * d);
    }
}
