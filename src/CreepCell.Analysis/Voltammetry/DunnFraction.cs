namespace CreepCell.Analysis.Voltammetry;

/// <summary>Share of the capacitive current k1 v in the whole current at one scan rate, over the common potential window of both sweeps.</summary>
public sealed record DunnFraction(double ScanRate, double CapacitiveFraction);
