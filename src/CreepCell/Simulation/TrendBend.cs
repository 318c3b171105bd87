namespace CreepCell.Simulation;

/// <summary>The quadratic coefficient of the parabola through a window of cycles (beyond its line), the
/// residual sum of squares the parabola removes from the line's, and whether that is more than scatter
/// would remove.</summary>
internal readonly record struct TrendBend(double Coefficient, double Gain, bool Significant);
