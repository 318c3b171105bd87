namespace CreepCell.Analysis.Energy;

/// <summary>A true (skeletal) density in kg/m^3 and where it came from.</summary>
public sealed record MaterialDensity(string Material, double KgPerM3, string Source);

/// <summary>
/// Where true densities come from. The command line and composition files provide one; a materials
/// database can provide another; <see cref="DensitySources.Chain"/> asks them in order.
/// </summary>
public interface IDensitySource
{
    /// <summary>The density of a material by name (case-insensitive), or false when unknown.</summary>
    bool TryGet(string material, out MaterialDensity density);
}

/// <summary>Densities given by the user (command line or composition file), keyed by material name.</summary>
public sealed class GivenDensities : IDensitySource
{
    readonly Dictionary<string, MaterialDensity> map = new(StringComparer.OrdinalIgnoreCase);

    public void Add(MaterialDensity d) => map[d.Material] = d;

    public bool TryGet(string material, out MaterialDensity density) => map.TryGetValue(material, out density!);
}

/// <summary>
/// Built-in fallback densities, each with its literature source. Used only when neither the user
/// nor a database gives one; the output always names the source used.
/// </summary>
public sealed class LiteratureDensities : IDensitySource
{
    public static readonly LiteratureDensities Instance = new();

    static readonly MaterialDensity[] Values =
    {
        // Trigonal (grey) selenium, the stable form at room temperature.
        new("Se", 4810, "CRC Handbook of Chemistry and Physics, 97th ed. (2016), Physical Constants of Inorganic Compounds: Se (gray) 4.81 g/cm3"),
        new("Mo6Se8", 6520, "Creep-type cathode paper (this project's seed), main text: Chevrel Mo6Se8 rho = 6.52 g/cm3 (its Table S3)"),
        new("FeS", 4840, "CRC Handbook of Chemistry and Physics, 97th ed. (2016), Physical Constants of Inorganic Compounds: FeS 4.84 g/cm3"),
        new("C", 2260, "CRC Handbook of Chemistry and Physics, 97th ed. (2016): graphite 2.2-2.3 g/cm3, ideal crystal 2.26 g/cm3; carbon blacks such as Super P are near 1.8-2.1"),
        // X-ray density from the cubic argyrodite cell: rho = Z M / (N_A a^3) with Z = 4, M = 268.4 g/mol, a = 9.859 Angstrom.
        new("Li6PS5Cl", 1860, "Deiseroth et al., Angew. Chem. Int. Ed. 47 (2008) 755: cubic F-43m, a = 9.859 A, Z = 4, giving 1.86 g/cm3"),
        new("PVDF", 1780, "Polymer Handbook, 4th ed. (Brandrup, Immergut, Grulke, Wiley 1999): poly(vinylidene fluoride) 1.76-1.78 g/cm3"),
    };

    static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MSe"] = "Mo6Se8", ["LPSC"] = "Li6PS5Cl", ["SuperP"] = "C", ["Super P"] = "C", ["graphite"] = "C", ["PVdF"] = "PVDF",
    };

    public static IReadOnlyList<MaterialDensity> All => Values;

    public bool TryGet(string material, out MaterialDensity density)
    {
        string name = Aliases.TryGetValue(material, out var a) ? a : material;
        density = Values.FirstOrDefault(v => string.Equals(v.Material, name, StringComparison.OrdinalIgnoreCase))!;
        return density is not null;
    }
}

/// <summary>Combines density sources.</summary>
public static class DensitySources
{
    /// <summary>A source that asks each of <paramref name="sources"/> in turn.</summary>
    public static IDensitySource Chain(params IDensitySource[] sources) => new Chained(sources);

    sealed class Chained(IDensitySource[] sources) : IDensitySource
    {
        public bool TryGet(string material, out MaterialDensity density)
        {
            foreach (var s in sources)
                if (s.TryGet(material, out density)) return true;
            density = null!;
            return false;
        }
    }
}

/// <summary>Theoretical specific capacities quoted by the paper (C/kg), for components marked active without one.</summary>
public static class LiteratureCapacities
{
    /// <summary>1 mAh/g in C/kg.</summary>
    public const double MilliampHourPerGram = 3600;

    static readonly Dictionary<string, (double CPerKg, string Source)> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Se"] = (675 * MilliampHourPerGram, "creep-type cathode paper: Se 675 mAh/g (Se + 2 Li -> Li2Se)"),
        ["FeS"] = (609 * MilliampHourPerGram, "creep-type cathode paper: FeS 609 mAh/g (FeS + 2 Li -> Fe + Li2S)"),
    };

    public static bool TryGet(string material, out double coulombsPerKg, out string source)
    {
        bool ok = Values.TryGetValue(material, out var v);
        (coulombsPerKg, source) = ok ? v : (0, "");
        return ok;
    }
}
