using CreepCell.Materials.Database;

namespace CreepCell.Analysis.Energy;

/// <summary>
/// True densities from the materials database (the embedded Data/materials.toml, or a user file of
/// the same shape): any name the database knows (key, formula, name, alias) answers with the
/// record's density and the source text written next to it in the database.
/// </summary>
internal sealed class DatabaseDensities(MaterialsDatabase database, string label) : IDensitySource
{
    public static readonly DatabaseDensities Default = new(MaterialsDatabase.Default, "materials database");

    /// <summary>Keys of the records that carry a density.</summary>
    public IEnumerable<string> Materials => database.All.Where(r => r.Density is not null).Select(r => r.Key);

    public bool TryGet(string material, out MaterialDensity density)
    {
        if (database.TryGet(material, out var record) && record.Density is { } d)
        {
            density = new MaterialDensity(record.Key, d.Value, $"{label} [{record.Key}]: {d.Source}");
            return true;
        }
        density = null!;
        return false;
    }
}
