namespace CreepCell.Analysis.Energy;

/// <summary>A true (skeletal) density in kg/m^3 and where it came from.</summary>
internal sealed record MaterialDensity(string Material, double KgPerM3, string Source);

/// <summary>
/// Fallback densities, each with its literature source, for materials the materials database does
/// not carry (conductive carbon, binder). Used only when neither the user nor the database gives
/// one; the output always names the source used.
/// </summary>
internal sealed class LiteratureDensities : IDensitySource
{
    public static readonly LiteratureDensities Instance = new();

    static readonly MaterialDensity[] Values =
    {
        new("C", 2260, "CRC Handbook of Chemistry and Physics, 97th ed. (2016): graphite 2.2-2.3 g/cm3, ideal crystal 2.26 g/cm3; carbon blacks such as Super P are near 1.8-2.1"),
        new("PVDF", 1780, "Polymer Handbook, 4th ed. (Brandrup, Immergut, Grulke, Wiley 1999): poly(vinylidene fluoride) 1.76-1.78 g/cm3"),
    };

    static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SuperP"] = "C", ["Super P"] = "C", ["graphite"] = "C", ["PVdF"] = "PVDF",
    };

    public static IReadOnlyList<MaterialDensity> All => Values;

    public bool TryGet(string material, out MaterialDensity density)
    {
        string name = Aliases.TryGetValue(material, out var a) ? a : material;
        density = Values.FirstOrDefault(v => string.Equals(v.Material, name, StringComparison.OrdinalIgnoreCase))!;
        return density is not null;
    }
}
