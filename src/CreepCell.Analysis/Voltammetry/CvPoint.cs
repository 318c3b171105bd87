namespace CreepCell.Analysis.Voltammetry;

/// <summary>One sample: the line it came from, time (s, when the export has it), potential (V) and current (A, anodic positive).</summary>
public readonly record struct CvPoint(int Row, double? Time, double Potential, double Current);
