namespace CreepCell.Analysis.Indentation;

/// <summary>An indent or cycle that could not be analysed, and why.</summary>
public sealed record AnalysisFailure(string Indent, int Cycle, string Reason);
