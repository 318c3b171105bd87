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

/// <summary>
/// Power-law (dislocation) creep, paper Methods eq. 4 (Mukherjee-Bird-Dorn form):
/// eps_dot = f (b/d)^p (sigma/G)^n exp(-Q / (R T)), with f a material and temperature factor (1/s), G the
/// shear modulus, b the Burgers vector, d the grain size, p the inverse grain-size exponent, n the stress
/// exponent and Q the activation energy. <see cref="ToNorton"/> gives the simulation's Norton form at a temperature.
/// </summary>
public sealed record PowerLawCreep(double Factor, double StressExponent, double ShearModulus, double BurgersVector,
    double GrainSize, double GrainSizeExponent, double ActivationEnergy)
{
    public const double GasConstant = 8.314462618;

    public double StrainRate(double sigma, double temperature) =>
        Factor * Math.Pow(BurgersVector / GrainSize, GrainSizeExponent) * Math.Pow(Math.Abs(sigma) / ShearModulus, StressExponent)
        * Math.Exp(-ActivationEnergy / (GasConstant * temperature));

    /// <summary>Norton parameters at temperature T: A = eps_dot(sigma_ref, T), n unchanged.</summary>
    public NortonParameters ToNorton(double sigmaRef, double temperature) => new(StrainRate(sigmaRef, temperature), StressExponent, sigmaRef);

    /// <summary>The factor f that reproduces a measured Norton law at temperature T (inverse of <see cref="ToNorton"/>).</summary>
    public static PowerLawCreep FromNorton(NortonParameters norton, double temperature, double shearModulus, double burgersVector,
        double grainSize, double grainSizeExponent, double activationEnergy)
    {
        var unit = new PowerLawCreep(1, norton.N, shearModulus, burgersVector, grainSize, grainSizeExponent, activationEnergy);
        return unit with { Factor = norton.A / unit.StrainRate(norton.SigmaRef, temperature) };
    }
}

/// <summary>Deformation regime from the homologous temperature (paper, Fig. 2a: T/Tm >= 0.3 creeps).</summary>
public enum DeformationRegime { Creep, BrittleElastic }

/// <summary>Homologous temperature T/Tm and the paper's 0.3 threshold between creep and brittle/elastic behaviour.</summary>
public static class Homologous
{
    public const double CreepThreshold = 0.3;

    public static double Ratio(double temperature, double meltingPoint) => temperature / meltingPoint;

    public static DeformationRegime Regime(double ratio) => ratio >= CreepThreshold ? DeformationRegime.Creep : DeformationRegime.BrittleElastic;
}
