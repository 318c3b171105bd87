namespace CreepCell.Geometry.Packing;

/// <summary>One particle phase: its area fraction of the RVE and its log-normal size distribution.</summary>
/// <param name="Name">Phase name, e.g. "Se" or "MSe".</param>
/// <param name="Fraction">Target area fraction of the RVE (0, 1).</param>
/// <param name="MeanDiameter">Arithmetic mean of the equivalent diameter, m.</param>
/// <param name="Cv">Coefficient of variation of the diameter (0 = all equal).</param>
public sealed record PhaseSpec(string Name, double Fraction, double MeanDiameter, double Cv);
