namespace CreepCell.Analysis.Cycling;

/// <summary>Electrode data that turn capacities into specific, areal and utilisation figures (SI; null = not given).</summary>
public sealed record CellInfo(double? ActiveMassKg = null, double? AreaM2 = null, double? TheoreticalCoulombsPerKg = null);
