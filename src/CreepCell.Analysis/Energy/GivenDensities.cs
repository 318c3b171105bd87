namespace CreepCell.Analysis.Energy;

/// <summary>Densities given by the user (command line or composition file), keyed by material name.</summary>
internal sealed class GivenDensities : IDensitySource
{
    readonly Dictionary<string, MaterialDensity> map = new(StringComparer.OrdinalIgnoreCase);

    public void Add(MaterialDensity d) => map[d.Material] = d;

    public bool TryGet(string material, out MaterialDensity density) => map.TryGetValue(material, out density!);
}
