namespace CreepCell.Simulation;

/// <summary>A step that could not converge after every allowed cut-back; a checkpoint of the last
/// converged state has been written.</summary>
public sealed class NotConvergedException(string message) : Exception(message);
