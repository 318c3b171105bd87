using CreepCell.Materials;

namespace CreepCell.Simulation;

/// <summary>A circular or elliptical inclusion of a generated mesh (semi-axes A along the rotated x axis).</summary>
public sealed record InclusionShape(string Phase, double CenterX, double CenterY, double A, double B, double Angle);

/// <summary>A rectangle [0, Width] x [0, Height] of the matrix phase with inclusions.</summary>
public sealed record GeneratedMesh(double Width, double Height, string Matrix, IReadOnlyList<InclusionShape> Inclusions,
    double ElementSize, double InclusionElementSize, int Order);

/// <summary>A Gmsh file (coordinates times Unit), a generated inclusion mesh, or a packed microstructure
/// meshed particle by particle.</summary>
public sealed record MeshSpec(string? File, double Unit, GeneratedMesh? Generated)
{
    public CreepCell.Geometry.Packing.PackingSpec? Microstructure { get; init; }
    public CreepCell.Meshing.ParticleMeshOptions? ParticleOptions { get; init; }
    /// <summary>A segmented image meshed body by body (docs/microstructure.md, "From an image").</summary>
    public CreepCell.Geometry.Imaging.ImageSpec? Image { get; init; }
}

/// <summary>RVE boundary: "symmetric" rollers; with a stack pressure (Pa) the top side is a plate under it instead.</summary>
public sealed record BoundarySpec(string Kind, double? StackPressure = null);

public sealed record OutputSpec(string Dir, int FieldsEvery, int CheckpointEvery = 50, double CheckpointMinutes = 5)
{
    /// <summary>Encoding of the VTU field files ([output] vtu = "binary" or "ascii").</summary>
    public CreepCell.Io.VtuEncoding Vtu { get; init; } = CreepCell.Io.VtuEncoding.Binary;
}

/// <summary>Everything a run needs, resolved to SI and validated.</summary>
public sealed record CaseDefinition(
    string Source,
    MeshSpec Mesh,
    IReadOnlyDictionary<string, Material> Materials,
    LithiationProtocol Protocol,
    BoundarySpec Boundary,
    SolverSpec Solver,
    OutputSpec Output,
    double Temperature)
{
    /// <summary>The case text and the folder its relative paths resolve against (kept in checkpoints).</summary>
    public string Text { get; init; } = "";
    public string BaseDirectory { get; init; } = "";
    /// <summary>The [contact] table (defaults when absent: on when the mesh has several bodies).</summary>
    public CreepCell.Contact.ContactSettings Contact { get; init; } = new();
    /// <summary>Cycle jumping ([protocol.jump]; on by default above <see cref="JumpSpec.DefaultFromCycles"/> galvanostatic cycles).</summary>
    public JumpSpec Jump { get; init; } = new();
    /// <summary>Possible but implausible values (shown on screen and kept in summary.json).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
    /// <summary>Keys set on top of the case file (`creepcell run --set`, sweeps); recorded in summary.json.</summary>
    public IReadOnlyList<CreepCell.Io.CaseOverride> Overrides { get; init; } = Array.Empty<CreepCell.Io.CaseOverride>();
}
