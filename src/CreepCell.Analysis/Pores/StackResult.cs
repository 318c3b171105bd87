namespace CreepCell.Analysis.Pores;

/// <summary>Phase volumes and pore connectivity of a z-stack of slices.</summary>
/// <param name="Thresholds">Gray levels between the classes, darkest first (one for pore/solid).</param>
/// <param name="ClassFractions">Volume fraction of each gray-level class, darkest first.</param>
/// <param name="Porosity">Pore voxels over all voxels.</param>
/// <param name="ConnectedPorosity">Pore voxels in clusters (6-connected) that reach both the first and the
/// last slice, over all voxels.</param>
/// <param name="PoreClusters">Number of 6-connected pore clusters.</param>
/// <param name="SpanningClusters">Clusters that reach both the first and the last slice.</param>
/// <param name="VoxelSize">Voxel side in metres, when given.</param>
public sealed record StackResult(int Width, int Height, int Slices, double[] Thresholds, double[] ClassFractions,
    double Porosity, double ConnectedPorosity, int PoreClusters, int SpanningClusters, double? VoxelSize)
{
    /// <summary>The pores with their 3D shape: the 6-connected clusters, or the watershed regions when <see cref="Split"/>.</summary>
    public IReadOnlyList<Pore3D> Pores { get; init; } = Array.Empty<Pore3D>();

    /// <summary>Touching pores were split by the 3D watershed.</summary>
    public bool Split { get; init; }

    /// <summary>Geometric tortuosity along z of the clusters that span the stack; null when none does.</summary>
    public TortuosityResult? Tortuosity { get; init; }

    /// <summary>Diffusion tortuosity factor along z of the pore phase, when asked for and when a cluster spans the stack.</summary>
    public DiffusionTortuosityResult? Diffusion { get; init; }

    /// <summary>Share of the pore volume that is connected through the stack (0 without pores).</summary>
    public double ConnectedFractionOfPores => Porosity > 0 ? ConnectedPorosity / Porosity : 0;
}
