namespace CreepCell.Simulation;

/// <summary>Options of one Newton solve. The defaults are those of a case's [solver] table (<see cref="SolverSpec"/>).</summary>
internal sealed record NewtonOptions
{
    public int MaxIterations { get; init; } = SolverSpec.Defaults.MaxIterations;
    /// <summary>Converged when |r| &lt;= RelativeTolerance * max(|r_0|, force scale).</summary>
    public double RelativeTolerance { get; init; } = SolverSpec.Defaults.Tolerance;
    public int MaxLineSearchSteps { get; init; } = 16;
    /// <summary>A residual that no longer decreases is accepted as converged below this fraction of the reference.</summary>
    public double StagnationTolerance { get; init; } = 1e-5;

    /// <summary>The Newton options of a case's [solver] table.</summary>
    public static NewtonOptions From(SolverSpec solver) => new() { MaxIterations = solver.MaxIterations, RelativeTolerance = solver.Tolerance };
}
