namespace CreepCell.Materials;

/// <summary>Norton creep: eps_dot = A f(T) (sigma_e / sigma_ref)^n, with the optional Arrhenius
/// factor f(T) = exp(-Q/R (1/T - 1/T_ref)) (paper, Methods eq. 8 and eq. 4).</summary>
public sealed record CreepLaw(double A, double N, double SigmaRef, double ActivationEnergy = 0, double ReferenceTemperature = 0)
{
    public const double GasConstant = 8.314462618;

    /// <summary>A times the Arrhenius factor at temperature T (kelvin).</summary>
    public double RateAt(double temperature)
    {
        if (ActivationEnergy == 0) return A;
        return A * Math.Exp(-ActivationEnergy / GasConstant * (1 / temperature - 1 / ReferenceTemperature));
    }
}
