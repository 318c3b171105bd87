namespace CreepCell.Analysis.PowderConductivity;

/// <summary>Conductivity against pressure of one powder: range and the log-log slope d ln(sigma) / d ln(P).</summary>
public sealed record PowderSummary(string Powder, IReadOnlyList<ConductivityPoint> Points, LinearFit? LogLog, double? Fraction);
