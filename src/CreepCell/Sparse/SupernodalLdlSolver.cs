using System.Diagnostics;

namespace CreepCell.Sparse;

/// <summary>
/// The built-in sparse direct solver ("builtin"): AMD ordering, supernodal symbolic analysis
/// (<see cref="SupernodalSymbolic"/>) and multifrontal supernodal LDL^T without pivoting
/// (<see cref="SupernodalNumeric"/>), then forward, diagonal and backward substitution in the
/// permuted order. Valid for symmetric positive definite matrices and, with
/// positiveDefinite = false, for quasi-definite ones (Vanderbei, "Symmetric quasidefinite
/// matrices", SIAM J. Optim. 5, 1995), whose LDL^T exists for any symmetric ordering.
/// </summary>
internal sealed class SupernodalLdlSolver : ISymmetricSolver
{
    SupernodalSymbolic? symbolic;
    SupernodalNumeric? numeric;
    double factorSeconds, solveSeconds;
    readonly FactorWorkspace workspace;
    int[] analyzedPointers = [], analyzedRows = [];
    /// <summary>The right-hand side in the permuted order during <see cref="Solve"/>, kept for the next one.</summary>
    double[] permuted = [];

    /// <param name="positiveDefinite">Require every pivot to be positive (else only nonzero).</param>
    /// <param name="threads">Worker threads; 0 means <see cref="Environment.ProcessorCount"/>.</param>
    public SupernodalLdlSolver(bool positiveDefinite = true, int threads = 0)
    {
        PositiveDefinite = positiveDefinite;
        Threads = threads > 0 ? threads : Environment.ProcessorCount;
        workspace = new FactorWorkspace(Threads);
    }

    public string Name => "builtin";
    public bool PositiveDefinite { get; }
    public int Threads { get; }
    /// <summary>A pivot with |d| at most this times its column's |a_jj| (at least 1e-6 max|a_jj|) counts as zero.</summary>
    public double PivotTolerance { get; init; } = 1e-14;
    /// <summary>Fill-reducing ordering; by default the better of AMD and nested dissection by predicted nnz(L).</summary>
    public OrderingMethod Ordering { get; init; } = OrderingMethod.Best;

    /// <summary>Fill-reducing permutation: perm[k] = original column eliminated k-th (after <see cref="Analyze"/>).</summary>
    public int[] Permutation => symbolic?.Perm ?? throw new InvalidOperationException("call Analyze first");

    public long FactorNonzeros => symbolic?.FactorNonzeros ?? 0;

    public SolverStatistics Statistics => new()
    {
        OrderingSeconds = symbolic?.OrderingSeconds ?? 0,
        SymbolicSeconds = symbolic?.SymbolicSeconds ?? 0,
        FactorSeconds = factorSeconds,
        SolveSeconds = solveSeconds,
        FactorNonzeros = FactorNonzeros,
        StoredFactorEntries = symbolic?.StoredNonzeros ?? 0,
        Supernodes = symbolic?.SupernodeCount ?? 0,
        FactorFlops = symbolic?.Flops ?? 0,
        FactorBytes = (numeric?.Values.LongLength ?? 0) * sizeof(double),
        Ordering = symbolic?.OrderingName ?? "",
    };

    public void Analyze(CscMatrix a)
    {
        numeric = null;
        symbolic = SupernodalSymbolic.Analyze(a, null, Ordering);
        analyzedPointers = a.ColumnPointers;
        analyzedRows = a.RowIndices;
    }

    public void Factorize(CscMatrix a)
    {
        if (symbolic == null) Analyze(a);
        var s = symbolic!;
        if (!SamePattern(a)) throw new ArgumentException("the matrix pattern differs from the analyzed one; call Analyze again");
        // the previous factor's storage is reused: same analysis, same size
        var storage = numeric?.Values;
        numeric = null;
        var clock = Stopwatch.StartNew();
        numeric = SupernodalNumeric.Factor(s, a, PositiveDefinite, PivotTolerance, workspace, storage);
        factorSeconds = clock.Elapsed.TotalSeconds;
    }

    bool SamePattern(CscMatrix a) => AnalyzedPattern.Matches(a, analyzedPointers, analyzedRows);

    public void Solve(ReadOnlySpan<double> b, Span<double> x)
    {
        var s = symbolic ?? throw new InvalidOperationException("call Analyze and Factorize first");
        var f = numeric ?? throw new InvalidOperationException("call Factorize first");
        if (b.Length != s.N || x.Length != s.N) throw new ArgumentException($"vectors must have length {s.N}");
        var clock = Stopwatch.StartNew();
        if (permuted.Length != s.N) permuted = new double[s.N];
        var y = permuted;
        for (int k = 0; k < s.N; k++) y[k] = b[s.Perm[k]];
        Substitution.Forward(s, f.Values, y);
        Substitution.Diagonal(s, f.Values, y);
        Substitution.Backward(s, f.Values, y);
        for (int k = 0; k < s.N; k++) x[s.Perm[k]] = y[k];
        solveSeconds = clock.Elapsed.TotalSeconds;
    }

    public void Dispose() { symbolic = null; numeric = null; }
}
