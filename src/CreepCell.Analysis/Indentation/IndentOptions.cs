namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Settings of the Oliver-Pharr analysis (paper, Methods eq. 1-3; Oliver and Pharr, J. Mater. Res. 7
/// (1992) 1564). Defaults: Berkovich beta = 1.034, epsilon = 0.75, diamond Ei = 1141 GPa and vi = 0.07,
/// sample Poisson ratio 0.25, ideal Berkovich area 24.5 hc^2, no frame compliance, the unloading fit over
/// loads between 50 % and 95 % of the unload's maximum (the top is left out: creep at the start of the unload bends it).
/// </summary>
public sealed record IndentOptions
{
    public double Beta { get; init; } = 1.034;
    public double Epsilon { get; init; } = 0.75;
    public double IndenterModulus { get; init; } = 1141e9;
    public double IndenterPoisson { get; init; } = 0.07;
    public double SamplePoisson { get; init; } = 0.25;
    public AreaFunction Area { get; init; } = AreaFunction.IdealBerkovich;
    /// <summary>Load-frame compliance (m/N), subtracted from the measured displacement as Cf P.</summary>
    public double FrameCompliance { get; init; }
    public double UnloadWindowLow { get; init; } = 0.5;
    public double UnloadWindowHigh { get; init; } = 0.95;
    /// <summary>Subtract the drift rate measured in the low-load hold (off for exports the instrument already corrected).</summary>
    public bool DriftCorrection { get; init; } = true;

    /// <summary>The file's stored settings where present; options the user set win (pass them as overrides).</summary>
    public IndentOptions WithInstrument(InstrumentSettings s) => this with
    {
        SamplePoisson = s.PoissonRatio ?? SamplePoisson,
        Area = s.AreaCoefficients is { Length: > 0 } c ? AreaFunction.FromNanometre(c) : Area,
        FrameCompliance = s.FrameStiffness is > 0 and var k ? 1.0 / k : FrameCompliance,
        // The G200 exports displacement already corrected when its drift flag is set: correcting again would double it.
        DriftCorrection = s.DriftCorrection == true ? false : DriftCorrection,
    };
}

/// <summary>Contact mechanics relations of the Methods (eq. 1-3).</summary>
internal static class ContactMechanics
{
    /// <summary>Contact depth hc = h - eps P / S.</summary>
    public static double ContactDepth(double h, double p, double s, double eps) => h - eps * p / s;

    /// <summary>Eq. 2: Er = sqrt(pi) / (2 beta) S / sqrt(A).</summary>
    public static double ReducedModulus(double s, double area, double beta) => Math.Sqrt(Math.PI) / (2 * beta) * s / Math.Sqrt(area);

    /// <summary>Eq. 3 solved for the sample: 1/Er = (1 - v^2)/E + (1 - vi^2)/Ei.</summary>
    public static double SampleModulus(double er, double v, double ei, double vi)
    {
        double inv = 1 / er - (1 - vi * vi) / ei;
        return inv > 0 ? (1 - v * v) / inv : double.NaN;
    }

    /// <summary>Eq. 3 forward: Er from the sample and indenter moduli.</summary>
    public static double ReducedFromSample(double e, double v, double ei, double vi) => 1 / ((1 - v * v) / e + (1 - vi * vi) / ei);
}
