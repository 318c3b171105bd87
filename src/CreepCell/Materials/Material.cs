namespace CreepCell.Materials;

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
