namespace CreepCell.Analysis.Voltammetry;

/// <summary>Segments, their peaks and the per-cycle summary of one voltammogram.</summary>
public sealed record CvResult(Voltammogram Data, IReadOnlyList<Segment> Segments, IReadOnlyList<SegmentPeak> Peaks, IReadOnlyList<CycleSummary> Cycles);
