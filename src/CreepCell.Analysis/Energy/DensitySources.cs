namespace CreepCell.Analysis.Energy;

/// <summary>Combines density sources.</summary>
internal static class DensitySources
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
