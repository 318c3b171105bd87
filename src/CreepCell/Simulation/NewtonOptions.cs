namespace CreepCell.Simulation;

/// <summary>Options of one Newton solve. The defaults are those of a case's [solver] table (<see cref="SolverSpec"/>).</summary>
public sealed record NewtonOptions
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

/// <summary>Outcome of one Newton solve: the residual norm of every iteration, first one included.</summary>
public sealed record NewtonResult(bool Converged, int Iterations, double[] ResidualNorms, string? Failure = null)
{
    public double FinalResidual => ResidualNorms.Length == 0 ? double.NaN : ResidualNorms[^1];
    /// <summary>The force scale the residual was judged against (last value).</summary>
    public double Reference { get; init; }
    /// <summary>Step fraction accepted by the line search at each iteration.</summary>
    public IReadOnlyList<double> StepLengths { get; init; } = Array.Empty<double>();
}
