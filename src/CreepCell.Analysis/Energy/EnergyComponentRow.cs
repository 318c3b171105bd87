namespace CreepCell.Analysis.Energy;

/// <summary>One component's line of the calculation table.</summary>
public sealed record EnergyComponentRow(string Name, double MassFraction, double Density, string DensitySource, double SolidVolumeFraction,
    double ElectrodeVolumeFraction, bool Active, double Capacity, double CapacityContribution);
