namespace CreepCell.Simulation;

/// <summary>A run stopped on request (SIGINT, SIGTERM) between two steps; a checkpoint of the last
/// converged step has been written.</summary>
public sealed class RunInterruptedException(string message, int step, double time) : Exception(message)
{
    public int Step { get; } = step;
    public double Time { get; } = time;
}
