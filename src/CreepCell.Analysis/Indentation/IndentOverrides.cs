namespace CreepCell.Analysis.Indentation;

/// <summary>User settings that win over the file's stored ones (null: take the file's value, else the default).</summary>
public sealed record IndentOverrides
{
    public double? Beta { get; init; }
    public double? Poisson { get; init; }
    /// <summary>Area coefficients in the instrument convention (hc in nm, A in nm^2).</summary>
    public double[]? AreaCoefficientsNm { get; init; }
    public double? FrameCompliance { get; init; }
    public bool? DriftCorrection { get; init; }
    public double? UnloadWindowLow { get; init; }
    public double? UnloadWindowHigh { get; init; }

    public IndentOptions Apply(IndentOptions o) => o with
    {
        Beta = Beta ?? o.Beta,
        SamplePoisson = Poisson ?? o.SamplePoisson,
        Area = AreaCoefficientsNm is { Length: > 0 } c ? AreaFunction.FromNanometre(c) : o.Area,
        FrameCompliance = FrameCompliance ?? o.FrameCompliance,
        DriftCorrection = DriftCorrection ?? o.DriftCorrection,
        UnloadWindowLow = UnloadWindowLow ?? o.UnloadWindowLow,
        UnloadWindowHigh = UnloadWindowHigh ?? o.UnloadWindowHigh,
    };
}
