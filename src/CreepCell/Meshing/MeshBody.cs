using CreepCell.Geometry;
using CreepCell.Geometry.Packing;

namespace CreepCell.Meshing;

/// <summary>One particle of a <see cref="ParticleMeshResult"/>: its phase, its contiguous ranges of nodes
/// and elements, and its closed boundary loop (counter-clockwise; each edge lists start, end and, for
/// quadratic elements, mid-node; edge k ends where edge k+1 starts).</summary>
internal sealed record MeshBody(int Index, string Phase, int FirstNode, int NodeCount, int FirstElement, int ElementCount,
    int[][] Loop, RveSide Sides);
