namespace CreepCell.Analysis.Pores;

/// <summary>A label per pixel (0 = not a pore, 1..Count = region) and the regions' measurements.</summary>
internal sealed class LabelMap
{
    public int Width { get; }
    public int Height { get; }
    public int[] Labels { get; }
    public IReadOnlyList<PoreRegion> Regions { get; }

    public LabelMap(int width, int height, int[] labels, IReadOnlyList<PoreRegion> regions)
    {
        Width = width;
        Height = height;
        Labels = labels;
        Regions = regions;
    }

    public int Count => Regions.Count;
}
