namespace CreepCell.Geometry.Packing;

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
