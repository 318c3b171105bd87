namespace CreepCell.Simulation.Integrity;

/// <summary>
/// Crack-driving force of a shallow edge flaw of depth a in a surface under tension sigma (plane strain):
/// K = 1.12 sigma sqrt(pi a) (Tada, Paris and Irwin, The Stress Analysis of Cracks Handbook, edge crack in
/// a semi-infinite plate, 1.1215), G = K^2 / E' with E' = E / (1 - nu^2), against the toughness
/// G_c = K_Ic^2 / E'. Their ratio G / G_c = (K / K_Ic)^2 does not depend on E'.
/// </summary>
internal static class EdgeFlaw
{
    public const double ShapeFactor = 1.12;

    public static double PlaneStrainModulus(double youngsModulus, double poissonRatio) =>
        youngsModulus / (1 - poissonRatio * poissonRatio);

    /// <summary>Mode I stress intensity (Pa m^1/2); zero for a surface in compression, which closes the flaw.</summary>
    public static double StressIntensity(double sigma, double depth) =>
        sigma <= 0 ? 0 : ShapeFactor * sigma * Math.Sqrt(Math.PI * depth);

    /// <summary>G = 1.12^2 pi sigma^2 a / E' (J/m^2).</summary>
    public static double EnergyReleaseRate(double sigma, double depth, double youngsModulus, double poissonRatio)
    {
        double k = StressIntensity(sigma, depth);
        return k * k / PlaneStrainModulus(youngsModulus, poissonRatio);
    }

    /// <summary>G_c = K_Ic^2 / E' (J/m^2).</summary>
    public static double CriticalEnergyReleaseRate(double toughness, double youngsModulus, double poissonRatio) =>
        toughness * toughness / PlaneStrainModulus(youngsModulus, poissonRatio);
}
