namespace CreepCell.Meshing;

/// <summary>A mesh of a packing with one body per particle.</summary>
internal sealed record ParticleMeshResult(Mesh Mesh, IReadOnlyList<MeshBody> Bodies, double Side);
