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

/// <summary>
/// An isotropic phase: Hencky elasticity, swelling J_s = 1 + beta theta, optional Norton creep.
/// </summary>
public sealed record Material(string Name, double YoungsModulus, double PoissonRatio, double Swelling = 0, CreepLaw? Creep = null)
{
    public double BulkModulus => YoungsModulus / (3 * (1 - 2 * PoissonRatio));
    public double ShearModulus => YoungsModulus / (2 * (1 + PoissonRatio));
    public double SwellingJacobian(double theta) => 1 + Swelling * theta;
}

/// <summary>History of one quadrature point: Cc^-1 = Fc^-1 Fc^-T (unit determinant) and the
/// accumulated equivalent creep strain.</summary>
public readonly record struct PointState(SymTensor CreepInverse, double CreepStrain)
{
    public static readonly PointState Initial = new(SymTensor.Identity, 0);
}
