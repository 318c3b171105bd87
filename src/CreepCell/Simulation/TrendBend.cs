namespace CreepCell.Simulation;

/// <summary>The parabola's extra term Coefficient (d^2 - Alpha d - Beta), d = x - mean x, the residual sum of
/// squares it removes from the line's, and whether that is more than scatter would remove.</summary>
public readonly record struct TrendBend(double Coefficient, double Alpha, double Beta, double Gain, bool Significant);
