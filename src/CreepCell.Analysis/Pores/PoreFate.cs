namespace CreepCell.Analysis.Pores;

/// <summary>Where a tracked pore stands at the last frame.</summary>
public enum PoreFate { Present, Closed, MergedInto }
