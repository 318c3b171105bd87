namespace CreepCell.Analysis.Pores;

/// <summary>A tracked image sequence: its options, region, frames, pores and their events.</summary>
public sealed record PoreSequenceResult(PoreSequenceOptions Options, int RegionWidth, int RegionHeight,
    IReadOnlyList<FrameRecord> Frames, IReadOnlyList<PoreTrack> Pores, IReadOnlyList<PoreEvent> Events)
{
    /// <summary>Area of one pixel in m^2, when a pixel size is known.</summary>
    public double? PixelArea => Options.PixelSize is { } s ? s * s : null;
}
