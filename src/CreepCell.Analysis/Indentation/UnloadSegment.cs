namespace CreepCell.Analysis.Indentation;

/// <summary>One load-unload cycle: rows of the unload from its start (end of the hold) to its lowest load.</summary>
public readonly record struct UnloadSegment(int Cycle, int PeakIndex, int Start, int End);
