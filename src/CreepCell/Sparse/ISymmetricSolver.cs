namespace CreepCell.Sparse;

/// <summary>
/// Direct solver for a sparse symmetric matrix. <see cref="Analyze"/> does the symbolic work
/// (ordering, elimination tree, factor structure) once per sparsity pattern; <see cref="Factorize"/>
/// may then be called for any matrix with the same pattern and new values.
/// </summary>
internal interface ISymmetricSolver : IDisposable
{
    string Name { get; }
    void Analyze(CscMatrix a);
    void Factorize(CscMatrix a);
    void Solve(ReadOnlySpan<double> b, Span<double> x);
    /// <summary>Nonzeros in the factor L (including the diagonal) after <see cref="Analyze"/>.</summary>
    long FactorNonzeros { get; }
    /// <summary>Timings and sizes of the last phases; solvers without counters report only <see cref="FactorNonzeros"/>.</summary>
    SolverStatistics Statistics => new() { FactorNonzeros = FactorNonzeros };
}
