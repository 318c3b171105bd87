namespace CreepCell.Analysis.Pores;

/// <summary>A pore as seen in one frame.</summary>
public sealed record PoreObservation(int Frame, PoreRegion Region);
