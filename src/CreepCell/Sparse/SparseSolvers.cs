namespace CreepCell.Sparse;

/// <summary>Creates a symmetric direct solver by name: "builtin" (default, <see cref="SupernodalLdlSolver"/>),
/// "cholmod" (<see cref="CholmodSolver"/>, needs libcholmod) or "dense" (<see cref="DenseSolver"/>, for small checks).</summary>
internal static class SparseSolvers
{
    public static IReadOnlyList<string> Names { get; } = ["builtin", "cholmod", "dense"];

    /// <param name="indefinite">allow negative pivots (LDL^T without pivoting): tangents of prestressed
    /// bodies early in a Newton solve can be indefinite.</param>
    /// <param name="threads">threads of the builtin factorization (0: all cores).</param>
    public static ISymmetricSolver Create(string? name = null, bool indefinite = false, int threads = 0) => (name ?? "builtin").Trim().ToLowerInvariant() switch
    {
        "" or "builtin" => new SupernodalLdlSolver(positiveDefinite: !indefinite, threads: threads),
        "cholmod" => CholmodSolver.IsAvailable
            ? new CholmodSolver()
            : throw new InvalidOperationException("solver 'cholmod' needs the SuiteSparse CHOLMOD library (libcholmod.so), which was not found"),
        "dense" => new DenseSolver(),
        _ => throw new ArgumentException($"unknown solver '{name}', expected one of: {string.Join(", ", Names)}"),
    };
}
