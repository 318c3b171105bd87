using System.Runtime.Intrinsics;

namespace CreepCell.Sparse;

/// <summary>
/// Multifrontal supernodal LDL^T numeric factorization (Duff and Reid, "The multifrontal solution
/// of indefinite sparse symmetric linear equations", ACM TOMS 9, 1983; Liu, "The multifrontal
/// method for sparse matrix solution: theory and practice", SIAM Review 34, 1992). Each supernode
/// assembles a dense front from A and its children's update matrices (extend-add in increasing
/// child order), eliminates its columns with <see cref="DenseLdl"/> and passes the Schur complement
/// to its parent. Update matrices live on a stack per worker (the postorder makes
/// their use last-in first-out); only the roots of the subtrees handed to workers keep theirs in
/// separate arrays. Independent subtrees of the supernodal elimination tree run on separate threads;
/// the top of the tree runs with threaded dense updates. The arithmetic of every front is fixed by
/// the symbolic structure, so the factor has the same bits whatever the thread count.
/// </summary>
sealed class SupernodalNumeric
{
    readonly SupernodalSymbolic sym;
    readonly double[] values;
    readonly double[]?[] rootUpdates;
    readonly int[] stackOffset;
    readonly bool[] subtreeRoot;
    readonly bool positive;
    /// <summary>A pivot fails at or below this share of its column's diagonal in A ...</summary>
    readonly double relativeTolerance;
    /// <summary>... and that diagonal counts as at least this (a share of the largest diagonal).</summary>
    readonly double smallestDiagonal;

    /// <summary>Dense blocks of L (column-major per supernode, D on the diagonal).</summary>
    public double[] Values { get; }

    SupernodalNumeric(SupernodalSymbolic sym, double[] values, bool positive, double relativeTolerance, double smallestDiagonal,
        double[]? storage, FactorWorkspace ws)
    {
        ws.Schedule(sym);
        (rootUpdates, stackOffset, subtreeRoot) = (ws.RootUpdates, ws.StackOffset, ws.SubtreeRoot);
        this.sym = sym;
        this.values = values;
        this.positive = positive;
        (this.relativeTolerance, this.smallestDiagonal) = (relativeTolerance, smallestDiagonal);
        long size = sym.ValueOffset[sym.SupernodeCount];
        if (size > Array.MaxLength) throw new InvalidOperationException($"factor of {size} entries exceeds the largest array");
        Values = storage != null && storage.LongLength == size ? storage : GC.AllocateUninitializedArray<double>((int)size);
    }

    /// <summary>
    /// Factors a (pattern of the analysis); storage, when of the right size, is reused for L. A pivot is
    /// zero when it is at most <paramref name="relativeTolerance"/> times its own column's diagonal in a
    /// (taken as at least 1e-6 of the largest diagonal): a threshold from the largest diagonal alone
    /// would call the pivot of a weakly held degree of freedom zero whenever one entry is huge, as a
    /// contact pair very close to touching makes it.
    /// </summary>
    public static SupernodalNumeric Factor(SupernodalSymbolic sym, CscMatrix a, bool positive, double relativeTolerance,
        FactorWorkspace workspace, double[]? storage = null)
    {
        double maxDiag = 0;
        for (int j = 0; j < a.Columns; j++)
        {
            int p = a.IndexOf(j, j);
            if (p >= 0) maxDiag = Math.Max(maxDiag, Math.Abs(a.Values[p]));
        }
        var numeric = new SupernodalNumeric(sym, a.Values, positive, relativeTolerance, SmallestDiagonalShare * maxDiag, storage, workspace);
        numeric.Run(workspace);
        return numeric;
    }

    const double SmallestDiagonalShare = 1e-6;

    void Run(FactorWorkspace ws)
    {
        var (bins, top) = ws.Schedule(sym);
        ws.Main.Top = 0;
        if (bins == null)
        {
            for (int s = 0; s < sym.SupernodeCount; s++) Process(s, ws.Main);
            return;
        }
        foreach (var bin in bins)
            foreach (var (_, root) in bin) subtreeRoot[root] = true;
        try
        {
            Parallel.Invoke(() => RunSubtrees(bins[0], ws.Sub[0]), () => RunSubtrees(bins[1], ws.Sub[1]));
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is SingularMatrixException) is { } singular)
        {
            throw singular;
        }
        foreach (int s in top) Process(s, ws.Main);
    }

    void RunSubtrees(List<(int First, int Root)> subtrees, FactorWorkspace.Worker worker)
    {
        worker.Top = 0;
        foreach (var (first, root) in subtrees)
            for (int s = first; s <= root; s++) Process(s, worker);
    }

    void Process(int s, FactorWorkspace.Worker w)
    {
        int f = sym.SuperStart[s], k = sym.SuperStart[s + 1] - f;
        int m = sym.RowPtr[s + 1] - sym.RowPtr[s];
        int size = m * m;
        if (w.Front.Length < size) w.Front = GC.AllocateUninitializedArray<double>(Math.Max(size, w.Front.Length * 2));
        double[] front = w.Front;
        Array.Clear(front, 0, size);
        Assemble(f, k, front);
        if (w.Thresholds.Length < k) w.Thresholds = new double[Math.Max(k, 2 * w.Thresholds.Length)];
        for (int j = 0; j < k; j++) w.Thresholds[j] = relativeTolerance * Math.Max(Math.Abs(front[j + (long)j * m]), smallestDiagonal);
        int popTo = w.Top;
        for (int q = sym.ChildPtr[s]; q < sym.ChildPtr[s + 1]; q++)
        {
            int c = sym.ChildIndex[q];
            if (subtreeRoot[c]) ExtendAdd(c, rootUpdates[c]!, 0, front, m, w);
            else { ExtendAdd(c, w.Stack, stackOffset[c], front, m, w); popTo = Math.Min(popTo, stackOffset[c]); }
        }
        w.Top = popTo;
        int bad = w.Dense.Factor(front, m, k, positive, w.Thresholds);
        if (bad >= 0)
        {
            string kind = positive ? "positive definite" : "quasi-definite (zero pivot)";
            throw new SingularMatrixException(sym.Perm[f + bad], front[bad + (long)bad * m], kind);
        }
        Array.Copy(front, 0, Values, sym.ValueOffset[s], (long)m * k);
        if (sym.SuperParent[s] == -1 || m == k) return;
        if (subtreeRoot[s])
        {
            // only the lower triangle is written and read: the kept array needs no clearing
            rootUpdates[s] ??= new double[(long)(m - k) * (m - k)];
            SaveUpdate(front, m, k, rootUpdates[s]!, 0);
            return;
        }
        int need = (m - k) * (m - k);
        if (w.Stack.Length - w.Top < need) Array.Resize(ref w.Stack, Math.Max(w.Top + need, 2 * w.Stack.Length));
        stackOffset[s] = w.Top;
        SaveUpdate(front, m, k, w.Stack, w.Top);
        w.Top += need;
    }

    void Assemble(int f, int k, double[] front)
    {
        int[] src = sym.AssemblySource, dst = sym.AssemblyTarget;
        for (int q = sym.AssemblyPtr[f]; q < sym.AssemblyPtr[f + k]; q++) front[dst[q]] += values[src[q]];
    }

    /// <summary>Copies the lower triangle of the trailing (m-k) x (m-k) block of the front to u[offset..].</summary>
    static void SaveUpdate(double[] front, int m, int k, double[] u, int offset)
    {
        int mu = m - k;
        for (int jj = 0; jj < mu; jj++)
        {
            long from = k + jj + (long)(k + jj) * m;
            Array.Copy(front, from, u, offset + jj + (long)jj * mu, mu - jj);
        }
    }

    /// <summary>
    /// Adds child c's update matrix (lower triangle, at u[offset..]) into the front. Rows of the
    /// child that are consecutive in the parent form runs, added as contiguous vectors.
    /// </summary>
    void ExtendAdd(int c, double[] u, int offset, double[] front, int m, FactorWorkspace.Worker w)
    {
        int kc = sym.SuperStart[c + 1] - sym.SuperStart[c];
        int start = sym.RowPtr[c] + kc, mu = sym.RowPtr[c + 1] - start;
        var rel = new ReadOnlySpan<int>(sym.ParentPosition, start, mu);
        if (w.RunEnd.Length < mu) w.RunEnd = new int[Math.Max(mu, 2 * w.RunEnd.Length)];
        var runEnd = w.RunEnd.AsSpan(0, mu);
        runEnd[mu - 1] = mu;
        for (int ii = mu - 2; ii >= 0; ii--) runEnd[ii] = rel[ii + 1] == rel[ii] + 1 ? runEnd[ii + 1] : ii + 1;
        for (int jj = 0; jj < mu; jj++)
        {
            int col = rel[jj] * m;
            int from = offset + jj * mu;
            for (int ii = jj; ii < mu;)
            {
                int end = runEnd[ii];
                AddTo(front.AsSpan(rel[ii] + col, end - ii), u.AsSpan(from + ii, end - ii));
                ii = end;
            }
        }
    }

    static void AddTo(Span<double> y, ReadOnlySpan<double> x)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i + 4 <= y.Length; i += 4)
                (Vector256.Create(y.Slice(i, 4)) + Vector256.Create(x.Slice(i, 4))).CopyTo(y.Slice(i, 4));
        for (; i < y.Length; i++) y[i] += x[i];
    }
}
