namespace CreepCell.Analysis.Voltammetry;

/// <summary>How the current under a peak is measured: from a line fitted to the start of the sweep, or from zero.</summary>
public enum BaselineMode { Start, Zero }
