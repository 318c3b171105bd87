namespace CreepCell.Sparse;

/// <summary>
/// Buffers and the subtree schedule of <see cref="SupernodalNumeric"/>, kept by a solver so that
/// repeated factorizations of one pattern allocate nothing but the factor itself.
/// </summary>
sealed class FactorWorkspace(int threads)
{
    public sealed class Worker(int threads)
    {
        public double[] Front = new double[256];
        public double[] Stack = new double[1024];
        public int Top;
        public int[] RunEnd = new int[64];
        public readonly DenseLdl Dense = new(threads);
    }

    public int Threads { get; } = Math.Max(1, threads);
    public Worker Main { get; } = new(Math.Max(1, threads));
    public Worker[] Sub { get; } = [new(1), new(1)];

    SupernodalSymbolic? scheduled;
    List<(int First, int Root)>[]? bins;
    List<int> top = [];

    /// <summary>Subtree bins for two workers (null: run sequentially) and the top supernodes, computed once per analysis.</summary>
    public (List<(int First, int Root)>[]? Bins, List<int> Top) Schedule(SupernodalSymbolic sym)
    {
        if (!ReferenceEquals(scheduled, sym))
        {
            top = [];
            bins = Threads > 1 ? SubtreeSchedule.Split(sym, top) : null;
            scheduled = sym;
        }
        return (bins, top);
    }
}
