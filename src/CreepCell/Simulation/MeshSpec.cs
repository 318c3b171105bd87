namespace CreepCell.Simulation;

/// <summary>A Gmsh file (coordinates times Unit), a generated inclusion mesh, or a packed microstructure
/// meshed particle by particle.</summary>
public sealed record MeshSpec(string? File, double Unit, GeneratedMesh? Generated)
{
    public CreepCell.Geometry.Packing.PackingSpec? Microstructure { get; init; }
    public CreepCell.Meshing.ParticleMeshOptions? ParticleOptions { get; init; }
    /// <summary>A segmented image meshed body by body (docs/microstructure.md, "From an image").</summary>
    public CreepCell.Geometry.Imaging.ImageSpec? Image { get; init; }
}
