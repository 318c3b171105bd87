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
    /// <summary>What the phase conducts ([materials.X] conducts = ["electrons", "ions"]); null when the
    /// case does not say, and then no connectivity is reported.</summary>
    public Conduction? Conducts { get; init; }
    /// <summary>An active material (stores lithium); its connected fraction is reported.</summary>
    public bool Active { get; init; }
    /// <summary>Electronic and ionic conductivity (S/m) of a phase that conducts electrons or ions; null when
    /// the case does not give it, and then conductivities are reported relative to the phases'.</summary>
    public double? ElectronicConductivity { get; init; }
    public double? IonicConductivity { get; init; }

    public double BulkModulus => YoungsModulus / (3 * (1 - 2 * PoissonRatio));
    public double ShearModulus => YoungsModulus / (2 * (1 + PoissonRatio));
    public double SwellingJacobian(double theta) => 1 + Swelling * theta;
}

/// <summary>
/// History of one quadrature point: Cc^-1 = Fc^-1 Fc^-T, where Fc maps the reference to the stress-free,
/// unswollen state, the accumulated equivalent creep strain, and v = 1 / det Fc, the reference volume per
/// stress-free volume. In the initial reference creep is the whole of Fc (isochoric, v = 1); after a
/// rezoning the reference is the deformed state of that moment, and Fc carries its elastic and volume
/// part as well (det Cc^-1 = v^2 stays constant from then on).
/// </summary>
public readonly record struct PointState(SymTensor CreepInverse, double CreepStrain, double VolumeRatio = 1)
{
    public static readonly PointState Initial = new(SymTensor.Identity, 0);

    /// <summary>
    /// The same material state with the deformed configuration as its new reference, F = (xx, xy, yx, yy)
    /// being the deformation gradient from the old reference: Cc^-1 becomes F Cc^-1 F^T (zz unchanged, as
    /// F33 = 1) and v becomes v det F. The stress at F = I in the new reference equals the old one at F.
    /// </summary>
    public PointState InDeformedReference(double fxx, double fxy, double fyx, double fyy)
    {
        var c = CreepInverse;
        double axx = fxx * c.Xx + fxy * c.Xy, axy = fxx * c.Xy + fxy * c.Yy;
        double ayx = fyx * c.Xx + fyy * c.Xy, ayy = fyx * c.Xy + fyy * c.Yy;
        var pushed = new SymTensor(axx * fxx + axy * fxy, ayx * fyx + ayy * fyy, axx * fyx + axy * fyy, c.Zz);
        return this with { CreepInverse = pushed, VolumeRatio = VolumeRatio * (fxx * fyy - fxy * fyx) };
    }
}

/// <summary>Charge carriers a phase conducts.</summary>
[Flags]
public enum Conduction
{
    None = 0,
    Electrons = 1,
    Ions = 2,
}
