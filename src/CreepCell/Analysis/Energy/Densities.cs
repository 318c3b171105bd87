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

/// <summary>Combines density sources.</summary>
public static class DensitySources
{
    /// <summary>What the commands use when the user gives no density: the materials database, then the fallback table.</summary>
    public static IDensitySource BuiltIn { get; } = Chain(DatabaseDensities.Default, LiteratureDensities.Instance);

    /// <summary>Names of every material with a built-in density (database keys, then the fallback table).</summary>
    public static IEnumerable<string> BuiltInMaterials =>
        DatabaseDensities.Default.Materials.Concat(LiteratureDensities.All.Select(d => d.Material));

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

/// <summary>Theoretical specific capacities (C/kg) with their source: the paper's for its cathodes, and the
/// common anodes of half-cell data, for components marked active without one and for cycling's --theoretical.</summary>
public static class LiteratureCapacities
{
    /// <summary>1 mAh/g in C/kg.</summary>
    public const double MilliampHourPerGram = 3600;

    static readonly Dictionary<string, (double CPerKg, string Source)> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Se"] = (675 * MilliampHourPerGram, "creep-type cathode paper: Se 675 mAh/g (Se + 2 Li -> Li2Se)"),
        ["FeS"] = (609 * MilliampHourPerGram, "creep-type cathode paper: FeS 609 mAh/g (FeS + 2 Li -> Fe + Li2S)"),
        ["Si"] = (3579 * MilliampHourPerGram, "Li15Si4, 3.75 Li per Si: Obrovac and Christensen, Electrochem. Solid-State Lett. 7 (2004) A93"),
        ["graphite"] = (372 * MilliampHourPerGram, "LiC6: F / (6 x 12.011 g/mol) = 372 mAh/g"),
    };

    public static bool TryGet(string material, out double coulombsPerKg, out string source)
    {
        bool ok = Values.TryGetValue(material, out var v);
        (coulombsPerKg, source) = ok ? v : (0, "");
        return ok;
    }
}
