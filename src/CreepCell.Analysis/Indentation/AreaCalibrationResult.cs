namespace CreepCell.Analysis.Indentation;

/// <summary>The fitted tip area function, the reference's reduced modulus and the points it rests on.</summary>
public sealed record AreaCalibrationResult(AreaFunction Area, double ReferenceModulus, double ReducedModulus, IReadOnlyList<AreaCalibrationPoint> Points, double RmsRelativeError);
