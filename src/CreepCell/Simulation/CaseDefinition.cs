using CreepCell.Materials;

namespace CreepCell.Simulation;

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
