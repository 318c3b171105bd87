namespace CreepCell.Sparse;

/// <summary>
/// Counters of a direct solver after its last Analyze / Factorize / Solve. Times are wall-clock
/// seconds; FactorBytes is the memory held by the numeric factor.
/// </summary>
public sealed record SolverStatistics
{
    public double OrderingSeconds { get; init; }
    public double SymbolicSeconds { get; init; }
    public double FactorSeconds { get; init; }
    public double SolveSeconds { get; init; }
    public long FactorNonzeros { get; init; }
    /// <summary>Entries the factor stores, explicit zeros of supernode amalgamation included.</summary>
    public long StoredFactorEntries { get; init; }
    public int Supernodes { get; init; }
    public double FactorFlops { get; init; }
    public long FactorBytes { get; init; }
    public string Ordering { get; init; } = "";
}

/// <summary>Fill-reducing ordering of the built-in solver.</summary>
public enum OrderingMethod
{
    /// <summary>Both AMD and nested dissection; the one with the smaller predicted nnz(L) is used.</summary>
    Best,
    /// <summary>Approximate minimum degree (<see cref="AmdOrdering"/>).</summary>
    Amd,
    /// <summary>Level-structure nested dissection (<see cref="NestedDissection"/>).</summary>
    NestedDissection,
}
