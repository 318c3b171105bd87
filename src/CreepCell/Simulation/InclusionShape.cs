namespace CreepCell.Simulation;

/// <summary>A circular or elliptical inclusion of a generated mesh (semi-axes A along the rotated x axis).</summary>
public sealed record InclusionShape(string Phase, double CenterX, double CenterY, double A, double B, double Angle);
