namespace CreepCell.Materials;

/// <summary>Homologous temperature T/Tm and the paper's 0.3 threshold between creep and brittle/elastic behaviour.</summary>
internal static class Homologous
{
    public const double CreepThreshold = 0.3;

    public static double Ratio(double temperature, double meltingPoint) => temperature / meltingPoint;

    public static DeformationRegime Regime(double ratio) => ratio >= CreepThreshold ? DeformationRegime.Creep : DeformationRegime.BrittleElastic;
}
