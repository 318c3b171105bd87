namespace CreepCell.Analysis.CreepLaw;

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
