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

    /// <summary>Least number of boundary edges on each corner fillet arc; 0 keeps the packing's points.
    /// The new points lie on the fillet circle, and so do the mid-nodes of six-node triangles there.</summary>
    public int FilletEdges { get; init; }
    /// <summary>Longest boundary edge, m: longer packing edges are split (fillet chords on their circle),
    /// without changing the particle outline otherwise; null keeps the packing's edges.</summary>
    public double? BoundaryEdge { get; init; }
    /// <summary>Edge length, m, at near-contact points (a fillet point within <see cref="ContactReach"/>
    /// of another particle, and the nearest point of that particle); the size grows away from them by
    /// <see cref="ContactGrading"/> times the distance. Null: no refinement near contacts.</summary>
    public double? ContactEdge { get; init; }
    /// <summary>Distance, m, within which a fillet point counts as near contact; null = the packing's
    /// boundary edge length.</summary>
    public double? ContactReach { get; init; }
    /// <summary>Growth of the edge length per unit distance from the nearest near-contact point.</summary>
    public double ContactGrading { get; init; } = 0.3;

    /// <summary>Reference positions, m, around which the mesh is refined to <see cref="RefineEdge"/>
    /// (graded by <see cref="ContactGrading"/>): the places where a previous run found its peak stresses
    /// (<see cref="CreepCell.Simulation.Integrity.PhasePeaks.Spots"/>).</summary>
    public IReadOnlyList<CreepCell.Geometry.Vec2> RefinePoints { get; init; } = Array.Empty<CreepCell.Geometry.Vec2>();
    /// <summary>Edge length, m, at <see cref="RefinePoints"/>.</summary>
    public double? RefineEdge { get; init; }

    /// <summary>True when the outline or the size field differ from the packing's plain polygons.</summary>
    public bool RefinesOutline => FilletEdges > 0 || BoundaryEdge is not null || ContactEdge is not null || RefineEdge is not null;
}
