namespace CreepCell.Analysis.Voltammetry;

/// <summary>Dunn's split at one potential of one sweep direction: i = k1 v + k2 v^1/2 (k1 in A s/V, k2 in A (s/V)^1/2).</summary>
public sealed record DunnRow(double Potential, int Direction, double K1, double K2, double RSquared);
