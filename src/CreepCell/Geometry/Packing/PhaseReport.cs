namespace CreepCell.Geometry.Packing;

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
