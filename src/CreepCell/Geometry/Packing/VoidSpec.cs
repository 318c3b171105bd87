namespace CreepCell.Geometry.Packing;

/// <summary>
/// Pores as discrete voids: the porosity left after the gaps is carved out as cells of its own, with
/// this log-normal size distribution, so that neighbouring particles face each other across the
/// minimum gap only (a compacted electrode) instead of across channels of nearly uniform width.
/// </summary>
/// <param name="MeanDiameter">Arithmetic mean of the void cells' equivalent diameter, m.</param>
/// <param name="Cv">Coefficient of variation of that diameter.</param>
public sealed record VoidSpec(double MeanDiameter, double Cv);
