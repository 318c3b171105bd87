namespace CreepCell.Geometry.Packing;

/// <summary>Sides of the RVE square a particle lies flat against (its boundary runs along them).</summary>
[Flags]
public enum RveSide
{
    None = 0,
    Left = 1,
    Right = 2,
    Bottom = 4,
    Top = 8,
}

/// <summary>
/// One particle: a simple counter-clockwise polygon inside the RVE. Vertices on a side of the RVE have
/// that coordinate exactly 0 or L; <see cref="Sides"/> says which sides the particle is flat against.
/// </summary>
public sealed record Particle(string Phase, Vec2[] Vertices, double Area, Vec2 Centroid, RveSide Sides)
{
    /// <summary>Diameter of the disk of the same area.</summary>
    public double EquivalentDiameter => Math.Sqrt(4 * Area / Math.PI);

    /// <summary>True when the particle is cut by (lies flat against) at least one RVE side.</summary>
    public bool IsClipped => Sides != RveSide.None;
}

/// <summary>
/// Target and achieved area fraction of one phase, its particle sizes, and the relative offset s with
/// which its cell edges were moved inward (t_i = max(s sqrt(A_i), g/2)).
/// </summary>
public sealed record PhaseReport(
    string Name,
    double TargetFraction,
    double AchievedFraction,
    int ParticleCount,
    double MeanEquivalentDiameter,
    double EquivalentDiameterCv,
    double RelativeOffset);

/// <summary>
/// What the generator reached. Fractions are particle area over RVE area; the pore fraction is the
/// rest. Gaps, angles and edge lengths are measured on the final polygons.
/// </summary>
public sealed record PackingReport(
    IReadOnlyList<PhaseReport> Phases,
    double TargetPorosity,
    double Porosity,
    int ParticleCount,
    double MinGap,
    double MinGapOverMeanDiameter,
    double MinInteriorAngleDegrees,
    double MinEdgeLength,
    double MaxEdgeLength,
    int VertexCount,
    double CellAreaError);

/// <summary>A generated microstructure: the RVE side, its particles and the report.</summary>
public sealed record Packing(double Side, IReadOnlyList<Particle> Particles, PackingReport Report, PackingSpec Spec);
