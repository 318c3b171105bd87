namespace CreepCell.Analysis.Energy;

/// <summary>A pressing step: applied pressure (Pa) and the pellet thickness measured after it (m).</summary>
public sealed record Pressing(double Pressure, double Thickness);
