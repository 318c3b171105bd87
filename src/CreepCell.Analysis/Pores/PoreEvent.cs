namespace CreepCell.Analysis.Pores;

/// <summary>
/// A change of pore identity between frame-1 and frame: a pore appears or closes; a pore splits into
/// Related (which include the pore that keeps its number, if any); the pores Related merge into Pore.
/// </summary>
public sealed record PoreEvent(int Frame, PoreEventKind Kind, int Pore, IReadOnlyList<int> Related);
