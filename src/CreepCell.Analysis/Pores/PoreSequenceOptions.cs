using CreepCell.Io.Images;

namespace CreepCell.Analysis.Pores;

/// <summary>Everything the sequence analysis needs besides the frames themselves.</summary>
/// <param name="Region">Region of interest in image pixels; null uses the whole frame.</param>
/// <param name="PixelSize">Side of one pixel in metres (from a scale bar); null reports areas in pixels only.</param>
/// <param name="FrameTimes">Time of each frame in seconds; null leaves time out of the tables.</param>
/// <param name="ExcludeEdgePores">Pores that touch the region's border in any frame are left out of the per-pore
/// results (their true area is unknown) but still count in the porosity.</param>
/// <param name="MaxShift">Largest frame-to-frame drift, in pixels, that registration searches for; 0 turns registration off.</param>
/// <param name="OtsuFromFirstFrame">With Otsu's method, compute the threshold on the first frame only and apply it to
/// every frame (for sequences of constant brightness and contrast); by default every frame gets its own.</param>
public sealed record PoreSequenceOptions(
    SegmentationOptions Segmentation,
    PixelRect? Region = null,
    double? PixelSize = null,
    IReadOnlyList<double>? FrameTimes = null,
    bool ExcludeEdgePores = false,
    int MaxShift = 0,
    bool OtsuFromFirstFrame = false)
{
    public static PoreSequenceOptions Default { get; } = new(new SegmentationOptions());
}
