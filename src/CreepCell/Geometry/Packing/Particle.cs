namespace CreepCell.Geometry.Packing;

/// <summary>
/// One particle: a simple counter-clockwise polygon inside the RVE. Vertices on a side of the RVE have
/// that coordinate exactly 0 or L; <see cref="Sides"/> says which sides the particle is flat against.
/// </summary>
public sealed record Particle(string Phase, Vec2[] Vertices, double Area, Vec2 Centroid, RveSide Sides)
{
    /// <summary>Diameter of the disk of the same area.</summary>
    public double EquivalentDiameter => Math.Sqrt(4 * Area / Math.PI);

    /// <summary>True when the particle is cut by (lies flat against) at least one RVE side.</summary>
    public bool IsClipped => Sides != RveSide.None;

    /// <summary>Per vertex i, the fillet circle that the edge from vertex i to vertex i + 1 is a chord of,
    /// or null for a straight edge; empty when not known (a particle not made by the packing generator).
    /// A mesher that splits such an edge puts the new points on the circle.</summary>
    public FilletArc?[] EdgeArcs { get; init; } = Array.Empty<FilletArc?>();
}
