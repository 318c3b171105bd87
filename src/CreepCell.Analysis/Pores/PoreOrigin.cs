namespace CreepCell.Analysis.Pores;

/// <summary>How a pore came to be tracked and how its track ended.</summary>
public enum PoreOrigin { Initial, Appeared, SplitFrom, MergedFrom }
