namespace CreepCell.Analysis.Energy;

/// <summary>A component as given: mass fraction (0-1), and optional density (kg/m^3), activity and capacity (C/kg).</summary>
internal sealed record ComponentSpec(string Name, double MassFraction, double? Density, bool Active, double? Capacity);
