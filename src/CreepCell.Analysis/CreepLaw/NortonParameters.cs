namespace CreepCell.Analysis.CreepLaw;

/// <summary>
/// Norton creep as the simulation takes it: eps_dot = A (sigma / sigma_ref)^n, with A in 1/s and
/// sigma_ref in Pa (DESIGN.md section 2).
/// </summary>
public readonly record struct NortonParameters(double A, double N, double SigmaRef)
{
    public double StrainRate(double sigma) => A * Math.Pow(Math.Abs(sigma) / SigmaRef, N);

    /// <summary>The same law written around another reference stress: A' = A (sigma_ref' / sigma_ref)^n.</summary>
    public NortonParameters WithReference(double sigmaRef) => new(StrainRate(sigmaRef), N, sigmaRef);

    /// <summary>Arrhenius shift of A from T to T' with activation energy Q (J/mol): A exp(-Q/R (1/T' - 1/T)).</summary>
    public NortonParameters AtTemperature(double from, double to, double activationEnergy) =>
        this with { A = A * Math.Exp(-activationEnergy / PowerLawCreep.GasConstant * (1 / to - 1 / from)) };
}
