namespace CreepCell.Analysis.Voltammetry;

/// <summary>The cycle of one file used in the scan-rate series.</summary>
public sealed record RatePoint(CvResult Result, double ScanRate, CycleSummary Cycle);
