namespace CreepCell.Analysis.Indentation;

/// <summary>Pop-in settings: the smallest burst counted, and how many times the local depth step it must exceed.</summary>
public sealed record PopInOptions(double MinJump = 1e-9, double Factor = 8, int Window = 10);
