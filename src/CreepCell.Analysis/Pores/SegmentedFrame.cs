namespace CreepCell.Analysis.Pores;

/// <summary>One segmented frame: the threshold used, the pore labels and the porosity (pore area fraction).</summary>
/// <param name="Threshold">Gray level applied after smoothing. Dark pores are the pixels at or below it; bright
/// pores the pixels at or above a fixed threshold, or above an Otsu threshold.</param>
/// <param name="Porosity">Pore pixels, after removing regions below the minimum size, over all pixels analysed.</param>
internal sealed record SegmentedFrame(double Threshold, LabelMap Pores, double Porosity)
{
    /// <summary>With multi-level Otsu: the thresholds and the area fraction of each gray-level class, darkest first.</summary>
    public double[]? ClassThresholds { get; init; }
    public double[]? ClassFractions { get; init; }

    public long PorePixels => Pores.Regions.Sum(r => (long)r.AreaPx);
}
