namespace CreepCell.Meshing;

/// <summary>Element size and quality targets for <see cref="ParticleMesh"/>.</summary>
public sealed record ParticleMeshOptions
{
    /// <summary>Largest interior edge as a fraction of the particle's phase mean diameter (used when
    /// <see cref="ElementSize"/> is null). The boundary keeps the packing's polygon resolution, so the
    /// mesh grades from the boundary edge length inward.</summary>
    public double RelativeSize { get; init; } = 0.125;
    /// <summary>Largest edge length in metres for every particle; overrides <see cref="RelativeSize"/>.</summary>
    public double? ElementSize { get; init; }
    /// <summary>Smallest triangle angle; the quality guarantee asked of Ruppert refinement.</summary>
    public double MinAngleDegrees { get; init; } = 28;
    /// <summary>Six-node triangles (default) or three-node triangles.</summary>
    public bool SecondOrder { get; init; } = true;
}
