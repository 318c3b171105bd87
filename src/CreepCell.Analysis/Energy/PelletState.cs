namespace CreepCell.Analysis.Energy;

/// <summary>Density and porosity of the pellet after one pressing (SI; porosity 0-1).</summary>
public sealed record PelletState(double Pressure, double Thickness, double Density, double RelativeDensity, double Porosity);
