namespace CreepCell.Sweeps;

/// <summary>What collect found and wrote.</summary>
public sealed record CollectResult(int Runs, int Finished, int Failed, int Points, SweepTable ByRun, SweepTable ByPoint, IReadOnlyList<string> Plots);
