namespace CreepCell.Sparse;

/// <summary>
/// Splits the supernodal elimination tree into independent subtrees for two workers and a top
/// part that runs after them (subtree-to-processor mapping, Geist and Ng, "Task scheduling for
/// parallel sparse Cholesky factorization", Int. J. Parallel Programming 18, 1989): starting from
/// the roots, the heaviest subtree is moved to the top part while the two bins (filled largest
/// first) stay unbalanced. Work of a supernode = its factorization flops plus its front size.
/// </summary>
static class SubtreeSchedule
{
    const double MinimumWork = 2e6;

    /// <summary>Two bins of (first descendant, root) ranges, or null if the tree is too small to split; top receives the remaining supernodes in increasing order.</summary>
    public static List<(int First, int Root)>[]? Split(SupernodalSymbolic sym, List<int> top)
    {
        int ns = sym.SupernodeCount;
        var (work, firstDesc) = SubtreeWork(sym);
        double total = 0;
        var candidates = new List<int>();
        for (int s = 0; s < ns; s++)
            if (sym.SuperParent[s] == -1) { candidates.Add(s); total += work[s]; }
        if (total < MinimumWork) return null;
        var topSet = new List<int>();
        for (int iteration = 0; iteration < 200; iteration++)
        {
            candidates.Sort((x, y) => work[y].CompareTo(work[x]));
            var (_, load0, load1) = Assign(candidates, work, firstDesc);
            double balanced = Math.Max(load0, load1);
            if (balanced <= 1.05 * (load0 + load1) / 2 || candidates.Count == 0) break;
            int heavy = candidates[0];
            if (work[heavy] - ChildrenWork(sym, heavy, work) > 0.5 * total) break;
            candidates.RemoveAt(0);
            topSet.Add(heavy);
            for (int q = sym.ChildPtr[heavy]; q < sym.ChildPtr[heavy + 1]; q++) candidates.Add(sym.ChildIndex[q]);
        }
        candidates.Sort((x, y) => work[y].CompareTo(work[x]));
        topSet.Sort();
        top.AddRange(topSet);
        return Assign(candidates, work, firstDesc).Bins;
    }

    static double ChildrenWork(SupernodalSymbolic sym, int s, double[] work)
    {
        double w = 0;
        for (int q = sym.ChildPtr[s]; q < sym.ChildPtr[s + 1]; q++) w += work[sym.ChildIndex[q]];
        return w;
    }

    static (List<(int, int)>[] Bins, double Load0, double Load1) Assign(List<int> candidates, double[] work, int[] firstDesc)
    {
        var bins = new[] { new List<(int, int)>(), new List<(int, int)>() };
        double l0 = 0, l1 = 0;
        foreach (int c in candidates)
        {
            if (l0 <= l1) { bins[0].Add((firstDesc[c], c)); l0 += work[c]; }
            else { bins[1].Add((firstDesc[c], c)); l1 += work[c]; }
        }
        return (bins, l0, l1);
    }

    /// <summary>Subtree work and first descendant of each supernode (postorder: a subtree is a contiguous range).</summary>
    static (double[] Work, int[] FirstDesc) SubtreeWork(SupernodalSymbolic sym)
    {
        int ns = sym.SupernodeCount;
        var work = new double[ns];
        var first = new int[ns];
        for (int s = 0; s < ns; s++) first[s] = s;
        for (int s = 0; s < ns; s++)
        {
            int k = sym.SuperStart[s + 1] - sym.SuperStart[s];
            double m = sym.RowPtr[s + 1] - sym.RowPtr[s];
            work[s] += m * m + k * m * m;
            int p = sym.SuperParent[s];
            if (p == -1) continue;
            work[p] += work[s];
            first[p] = Math.Min(first[p], first[s]);
        }
        return (work, first);
    }
}
