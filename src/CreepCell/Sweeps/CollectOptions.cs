namespace CreepCell.Sweeps;

/// <param name="Cycles">cycles whose cycles.csv rows enter the tables; 0 stands for each run's last cycle.</param>
/// <param name="Plot">cycles.csv columns to plot against each swept parameter (null: the headline ones).</param>
public sealed record CollectOptions(IReadOnlyList<int> Cycles, IReadOnlyList<string>? Plot = null);
