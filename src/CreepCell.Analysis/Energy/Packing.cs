namespace CreepCell.Analysis.Energy;

/// <summary>How the electrode's packing is given: by porosity (0-1) or by its apparent density (kg/m^3).</summary>
public sealed record Packing(double? Porosity, double? ElectrodeDensity);
