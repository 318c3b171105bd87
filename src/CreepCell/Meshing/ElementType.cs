namespace CreepCell.Meshing;

/// <summary>Element shapes, with Gmsh's local node order (corners counter-clockwise, then edge
/// mid-nodes starting with edge 0-1, then the centre node).</summary>
public enum ElementType { Tri3, Tri6, Quad4, Quad8, Quad9 }
