namespace CreepCell.Simulation;

/// <summary>A statement of the paper's Fig. 4 checked on every run (or pair of runs with the same seed):
/// in how many of them it holds, and the measured values behind it.</summary>
public sealed record StudyClaim(string Statement, int Holds, int Runs, string Measured);
