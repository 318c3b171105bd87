namespace CreepCell.Sparse;

/// <summary>Creates a symmetric direct solver by name: "builtin" (default, <see cref="SupernodalLdlSolver"/>) or "cholmod" (<see cref="CholmodSolver"/>, needs libcholmod).</summary>
public static class SparseSolvers
{
    public static IReadOnlyList<string> Names { get; } = ["builtin", "cholmod"];

    /// <param name="indefinite">allow negative pivots (LDL^T without pivoting): tangents of prestressed
    /// bodies early in a Newton solve can be indefinite.</param>
    public static ISymmetricSolver Create(string? name = null, bool indefinite = false) => (name ?? "builtin").Trim().ToLowerInvariant() switch
    {
        "" or "builtin" => new SupernodalLdlSolver(positiveDefinite: !indefinite),
        "cholmod" => CholmodSolver.IsAvailable
            ? new CholmodSolver()
            : throw new InvalidOperationException("solver 'cholmod' needs the SuiteSparse CHOLMOD library (libcholmod.so), which was not found"),
        _ => throw new ArgumentException($"unknown solver '{name}', expected one of: {string.Join(", ", Names)}"),
    };
}
