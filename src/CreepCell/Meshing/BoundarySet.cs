namespace CreepCell.Meshing;

/// <summary>A named set of boundary edges (a Gmsh physical curve). Each edge lists 2 nodes
/// (linear) or 3 nodes (end, end, middle).</summary>
public sealed record BoundarySet(string Name, int[][] Edges);
