namespace CreepCell.Analysis.Indentation;

/// <summary>What to analyse besides the unloads: CSM depth window, strain-rate jumps, hold creep.</summary>
public sealed record IndentJob
{
    public IndentOverrides Overrides { get; init; } = new();
    public double CsmFrom { get; init; } = 200e-9;
    public double CsmTo { get; init; } = 1800e-9;
    public IReadOnlyList<double>? JumpDepths { get; init; }
    public double JumpTransient { get; init; } = 0.3;
    public bool StrainRateJump { get; init; }
    public bool Hold { get; init; }
    public double HoldTransient { get; init; } = 10;
    public IReadOnlyDictionary<string, string>? CsvColumns { get; init; }
    /// <summary>Move each indent's depth zero to its first contact, found from the start of the loading.</summary>
    public bool FindSurface { get; init; }
    /// <summary>Estimate the frame compliance from each file's unloads and use it (unless the user gave one).</summary>
    public bool CalibrateFrame { get; init; }
    /// <summary>Young's modulus (Pa) of the reference material to calibrate the tip area function on; null: no calibration.</summary>
    public double? CalibrateAreaModulus { get; init; }
    /// <summary>Number of area-function terms fitted (C0 hc^2, C1 hc, C2 hc^1/2, ...).</summary>
    public int AreaTerms { get; init; } = 3;
    /// <summary>Find pop-ins in the loading and fit Hertz to the elastic part before the first.</summary>
    public bool PopIn { get; init; }
    public PopInOptions PopInOptions { get; init; } = new();
    /// <summary>Sample Young's modulus (Pa) for the Hertz tip radius; null: the indent's measured modulus.</summary>
    public double? HertzSampleModulus { get; init; }
    /// <summary>Indents whose modulus lies more than this many robust standard deviations from their file's median are rejected; 0: none.</summary>
    public double OutlierSigma { get; init; } = 3;
}
