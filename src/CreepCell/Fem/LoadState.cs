namespace CreepCell.Fem;

/// <summary>Loading of one assembly: lithiation, time step, temperature.</summary>
internal readonly record struct LoadState(double Theta, double Dt, double Temperature);
