namespace CreepCell.Analysis.Pores;

/// <summary>What happens to a tracked pore between two frames.</summary>
public enum PoreEventKind { Appear, Close, Split, Merge }
