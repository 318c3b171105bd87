namespace CreepCell.Analysis.Energy;

/// <summary>
/// Where true densities come from. The command line and composition files provide one; a materials
/// database can provide another; <see cref="DensitySources.Chain"/> asks them in order.
/// </summary>
internal interface IDensitySource
{
    /// <summary>The density of a material by name (case-insensitive), or false when unknown.</summary>
    bool TryGet(string material, out MaterialDensity density);
}
