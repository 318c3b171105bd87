namespace CreepCell.Simulation.Integrity;

/// <summary>
/// Weibull parameters of a brittle phase: characteristic strength sigma_0 (Pa), modulus m and the reference
/// area A_0 (m^2) at which sigma_0 is the strength of 63 % failure. The model is two-dimensional: the
/// integral runs over areas per unit thickness, so A_0 is an area, not a volume.
/// </summary>
internal sealed record WeibullParameters(double Strength, double Modulus, double ReferenceArea)
{
    /// <summary>Risk of rupture of one piece of area at largest principal stress sigma1: (sigma1+ / sigma_0)^m dA / A_0.</summary>
    public double Risk(double sigma1, double area) =>
        sigma1 <= 0 ? 0 : Math.Pow(sigma1 / Strength, Modulus) * area / ReferenceArea;
}
