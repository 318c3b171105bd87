namespace CreepCell.Geometry.Packing;

/// <summary>A generated microstructure: the RVE side, its particles and the report.</summary>
public sealed record Packing(double Side, IReadOnlyList<Particle> Particles, PackingReport Report, PackingSpec Spec);
