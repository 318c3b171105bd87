namespace CreepCell.Analysis.Voltammetry;

/// <summary>
/// The peak of one segment: potential (V), current above the baseline (A, signed: anodic positive),
/// current as measured at that potential, and the charge under the peak (C, signed) when the scan rate or
/// the time is known. Peak fields are null when the sweep has no interior extremum.
/// </summary>
public sealed record SegmentPeak(int Cycle, int Segment, int Direction, double StartPotential, double EndPotential,
    double? PeakPotential, double? PeakCurrent, double? RawCurrent, Baseline Baseline, double? Charge);
