namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Tip area function A(hc) = C0 hc^2 + C1 hc + C2 hc^(1/2) + C3 hc^(1/4) + ... (Oliver and Pharr,
/// J. Mater. Res. 7 (1992) 1564, eq. 22). Coefficients are held in SI (C0 dimensionless, C1 in m,
/// C2 in m^(3/2), ...); instrument files give them for hc in nm and A in nm^2, see <see cref="FromNanometre"/>.
/// </summary>
public sealed class AreaFunction
{
    /// <summary>Ideal Berkovich: A = 24.5 hc^2.</summary>
    public static readonly AreaFunction IdealBerkovich = new(new[] { 24.5 });

    public IReadOnlyList<double> Coefficients { get; }

    public AreaFunction(IReadOnlyList<double> siCoefficients)
    {
        if (siCoefficients.Count == 0) throw new ArgumentException("at least C0 is needed");
        Coefficients = siCoefficients.ToArray();
    }

    /// <summary>Exponent of hc for coefficient i: 2, 1, 1/2, 1/4, ...</summary>
    public static double Exponent(int i) => 2.0 / Math.Pow(2, i);

    /// <summary>Coefficients for hc in nm and A in nm^2 (the G200 convention) converted to SI.</summary>
    public static AreaFunction FromNanometre(IReadOnlyList<double> nmCoefficients) =>
        new(nmCoefficients.Select((c, i) => c * Math.Pow(1e-9, 2 - Exponent(i))).ToArray());

    /// <summary>Coefficients in the nm convention, for reports.</summary>
    public double[] ToNanometre() => Coefficients.Select((c, i) => c / Math.Pow(1e-9, 2 - Exponent(i))).ToArray();

    /// <summary>Projected contact area (m^2) at contact depth hc (m).</summary>
    public double Area(double hc)
    {
        if (hc <= 0) return 0;
        double a = 0;
        for (int i = 0; i < Coefficients.Count; i++) a += Coefficients[i] * Math.Pow(hc, Exponent(i));
        return a;
    }
}
