namespace CreepCell.Simulation;

/// <summary>A rectangle [0, Width] x [0, Height] of the matrix phase with inclusions.</summary>
public sealed record GeneratedMesh(double Width, double Height, string Matrix, IReadOnlyList<InclusionShape> Inclusions,
    double ElementSize, double InclusionElementSize, int Order);
