namespace CreepCell.Analysis.Indentation;

/// <summary>Settings an instrument stored with its data (each may be absent).</summary>
public sealed record InstrumentSettings(
    double? PoissonRatio,
    double[]? AreaCoefficients,
    double? FrameStiffness,
    bool? DriftCorrection,
    string? TipName);
