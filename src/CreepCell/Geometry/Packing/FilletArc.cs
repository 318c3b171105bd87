namespace CreepCell.Geometry.Packing;

/// <summary>The circle of a corner fillet: centre and radius, m.</summary>
public readonly record struct FilletArc(Vec2 Centre, double Radius);
