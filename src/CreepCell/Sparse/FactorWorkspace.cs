namespace CreepCell.Sparse;

/// <summary>
/// Buffers and the subtree schedule of <see cref="SupernodalNumeric"/>, kept by a solver so that
/// repeated factorizations of one analysis allocate no arrays (the solver reuses the factor's storage).
/// </summary>
sealed class FactorWorkspace(int threads)
{
    public sealed class Worker(int threads)
    {
        public double[] Front = new double[256];
        public double[] Stack = new double[1024];
        public int Top;
        public int[] RunEnd = new int[64];
        /// <summary>Pivot thresholds of the columns of the front being factored.</summary>
        public double[] Thresholds = new double[64];
        public readonly DenseLdl Dense = new(threads);
    }

    public int Threads { get; } = Math.Max(1, threads);
    public Worker Main { get; } = new(Math.Max(1, threads));
    public Worker[] Sub { get; } = [new(1), new(1)];

    SupernodalSymbolic? scheduled;
    List<(int First, int Root)>[]? bins;
    List<int> top = [];

    /// <summary>Per supernode of the scheduled analysis: the update matrix of a subtree root (its size
    /// fixed by the analysis, so one array serves every factorization), where a worker's stack holds the
    /// update of any other, and whether it roots a subtree handed to a worker.</summary>
    public double[]?[] RootUpdates { get; private set; } = [];
    public int[] StackOffset { get; private set; } = [];
    public bool[] SubtreeRoot { get; private set; } = [];

    /// <summary>Subtree bins for two workers (null: run sequentially) and the top supernodes, computed once per analysis.</summary>
    public (List<(int First, int Root)>[]? Bins, List<int> Top) Schedule(SupernodalSymbolic sym)
    {
        if (!ReferenceEquals(scheduled, sym))
        {
            top = [];
            bins = Threads > 1 ? SubtreeSchedule.Split(sym, top) : null;
            scheduled = sym;
            RootUpdates = new double[]?[sym.SupernodeCount];
            StackOffset = new int[sym.SupernodeCount];
            SubtreeRoot = new bool[sym.SupernodeCount];
        }
        return (bins, top);
    }
}
