namespace CreepCell.Simulation;

/// <summary>Outcome of one Newton solve: the residual norm of every iteration, first one included.</summary>
internal sealed record NewtonResult(bool Converged, int Iterations, double[] ResidualNorms, string? Failure = null)
{
    public double FinalResidual => ResidualNorms.Length == 0 ? double.NaN : ResidualNorms[^1];
    /// <summary>The force scale the residual was judged against (last value).</summary>
    public double Reference { get; init; }
    /// <summary>Step fraction accepted by the line search at each iteration.</summary>
    public IReadOnlyList<double> StepLengths { get; init; } = Array.Empty<double>();
}
