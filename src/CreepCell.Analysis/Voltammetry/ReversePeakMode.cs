namespace CreepCell.Analysis.Voltammetry;

/// <summary>How the peak of the second sweep of a cycle is measured: like the first, or by Nicholson's relation for a diffusing couple.</summary>
public enum ReversePeakMode { Baseline, Nicholson }
