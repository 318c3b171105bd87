namespace CreepCell.Simulation;

/// <summary>Half of a cycle: lithiation (discharge), delithiation (charge) or a rest.</summary>
public enum HalfCycle { Rest = 0, Lithiation = 1, Delithiation = -1 }
