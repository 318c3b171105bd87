using CreepCell.Materials;

namespace CreepCell.Simulation.Integrity;

/// <summary>Weakest-link failure probability (Weibull 1939, maximum principal stress form).</summary>
internal static class Weibull
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
