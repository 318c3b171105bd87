using CreepCell.Materials;

namespace CreepCell.Simulation.Integrity;

/// <summary>
/// Weibull parameters of a brittle phase: characteristic strength sigma_0 (Pa), modulus m and the reference
/// area A_0 (m^2) at which sigma_0 is the strength of 63 % failure. The model is two-dimensional: the
/// integral runs over areas per unit thickness, so A_0 is an area, not a volume.
/// </summary>
public sealed record WeibullParameters(double Strength, double Modulus, double ReferenceArea)
{
    /// <summary>Risk of rupture of one piece of area at largest principal stress sigma1: (sigma1+ / sigma_0)^m dA / A_0.</summary>
    public double Risk(double sigma1, double area) =>
        sigma1 <= 0 ? 0 : Math.Pow(sigma1 / Strength, Modulus) * area / ReferenceArea;
}

/// <summary>Weakest-link failure probability (Weibull 1939, maximum principal stress form).</summary>
public static class Weibull
{
    /// <summary>
    /// The largest principal stress of a plane-strain Cauchy stress: the larger in-plane eigenvalue or the
    /// out-of-plane zz component, whichever is larger (zz is itself a principal stress in plane strain).
    /// </summary>
    public static double LargestPrincipal(in SymTensor s)
    {
        double centre = 0.5 * (s.Xx + s.Yy), half = 0.5 * (s.Xx - s.Yy);
        double inPlane = centre + Math.Sqrt(half * half + s.Xy * s.Xy);
        return Math.Max(inPlane, s.Zz);
    }

    /// <summary>P_f = 1 - exp(-risk); the first terms of the series where the subtraction would lose digits.</summary>
    public static double FailureProbability(double risk)
    {
        if (risk <= 0) return 0;
        return risk < 1e-5 ? risk * (1 - 0.5 * risk) : 1 - Math.Exp(-risk);
    }

    /// <summary>P_f of one piece of area A under uniform tension s: 1 - exp(-(s/sigma_0)^m A / A_0).</summary>
    public static double UniformTension(double stress, double area, WeibullParameters p) =>
        FailureProbability(p.Risk(stress, area));
}
