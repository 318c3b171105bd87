namespace CreepCell.Analysis.Energy;

/// <summary>A component with its density resolved and its source named.</summary>
public sealed record Component(string Name, double MassFraction, double Density, string DensitySource, bool Active, double Capacity, string CapacitySource);
