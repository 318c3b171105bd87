namespace CreepCell.Meshing;

/// <summary>A mesh of a packing with one body per particle.</summary>
public sealed record ParticleMeshResult(Mesh Mesh, IReadOnlyList<MeshBody> Bodies, double Side);
