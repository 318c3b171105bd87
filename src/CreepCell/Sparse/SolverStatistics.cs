namespace CreepCell.Sparse;

/// <summary>
/// Counters of a direct solver after its last Analyze / Factorize / Solve. Times are wall-clock
/// seconds; FactorBytes is the memory held by the numeric factor.
/// </summary>
internal sealed record SolverStatistics
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
