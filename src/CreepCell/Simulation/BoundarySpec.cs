namespace CreepCell.Simulation;

/// <summary>RVE boundary: "symmetric" rollers; with a stack pressure (Pa) the top side is a plate under it instead.</summary>
public sealed record BoundarySpec(string Kind, double? StackPressure = null);
