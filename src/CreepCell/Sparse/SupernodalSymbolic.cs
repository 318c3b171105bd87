namespace CreepCell.Sparse;

/// <summary>
/// Symbolic supernodal factorization of P A P^T: fill-reducing ordering (AMD) followed by an etree
/// postorder, column counts, fundamental supernodes (Liu, Ng, Peyton, "On finding supernodes for
/// sparse matrix computations", SIAM J. Matrix Anal. Appl. 14, 1993) merged by relaxed
/// amalgamation with CHOLMOD's default rules (Ashcraft and Grimes, "The influence of relaxed
/// supernode partitions on the multifrontal method", ACM TOMS 15, 1989; Chen, Davis, Hager,
/// Rajamanickam, "CHOLMOD", ACM TOMS 35(3), 2008), and the row structure of every supernode.
/// Depends only on the pattern of A, so it is reused by every numeric factorization.
/// </summary>
sealed class SupernodalSymbolic
{
    public int N { get; private set; }
    /// <summary>perm[k] = original column eliminated k-th; inv is its inverse.</summary>
    public int[] Perm { get; private set; } = [];
    public int[] Inv { get; private set; } = [];
    public int SupernodeCount { get; private set; }
    /// <summary>Supernode s owns permuted columns SuperStart[s] .. SuperStart[s+1]-1.</summary>
    public int[] SuperStart { get; private set; } = [];
    public int[] SuperParent { get; private set; } = [];
    /// <summary>Rows of supernode s: RowIndex[RowPtr[s] .. RowPtr[s+1]), its own columns first, then sorted.</summary>
    public int[] RowPtr { get; private set; } = [];
    public int[] RowIndex { get; private set; } = [];
    /// <summary>For an update row of s (position ≥ its column count), its position in the parent's rows.</summary>
    public int[] ParentPosition { get; private set; } = [];
    /// <summary>Offset of supernode s's dense m x k block (column-major) in the factor's value array.</summary>
    public long[] ValueOffset { get; private set; } = [];
    /// <summary>Children of each supernode in increasing order: ChildIndex[ChildPtr[s] .. ChildPtr[s+1]).</summary>
    public int[] ChildPtr { get; private set; } = [];
    public int[] ChildIndex { get; private set; } = [];
    /// <summary>Assembly of A: for permuted column k, entries AssemblyPtr[k]..: value index in A, flat index in the front.</summary>
    public int[] AssemblyPtr { get; private set; } = [];
    public int[] AssemblySource { get; private set; } = [];
    public int[] AssemblyTarget { get; private set; } = [];
    /// <summary>Nonzeros of L, diagonal included: the sum of the exact column counts.</summary>
    public long FactorNonzeros { get; private set; }
    /// <summary>Entries of L stored by the supernodes (lower triangles), including zeros added by amalgamation.</summary>
    public long StoredNonzeros { get; private set; }
    /// <summary>Floating point operations of the numeric factorization (multiply-adds counted as 2).</summary>
    public double Flops { get; private set; }
    public int MatrixNonzeros { get; private set; }
    public double OrderingSeconds { get; private set; }
    public double SymbolicSeconds { get; private set; }

    /// <summary>Name of the ordering used ("AMD", "nested dissection" or "given").</summary>
    public string OrderingName { get; private set; } = "";

    /// <summary>Analysis with the chosen ordering method, or with the given ordering (perm[k] = column eliminated k-th) when not null.</summary>
    public static SupernodalSymbolic Analyze(CscMatrix a, int[]? ordering = null, OrderingMethod method = OrderingMethod.Best)
    {
        if (a.Rows != a.Columns) throw new ArgumentException("a symmetric solver needs a square matrix");
        var s = new SupernodalSymbolic { N = a.Columns, MatrixNonzeros = a.NonZeros };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Prediction chosen;
        (chosen, s.OrderingName) = ordering != null ? (Predict(a, ordering), "given") : Choose(a, method);
        s.OrderingSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        s.Build(a, chosen);
        s.SymbolicSeconds = clock.Elapsed.TotalSeconds;
        return s;
    }

    /// <summary>An ordering with the elimination tree and column counts of its factor.</summary>
    sealed record Prediction(int[] Perm, int[] Parent, int[] Counts, long Nonzeros);

    static Prediction Predict(CscMatrix a, int[] perm)
    {
        var g = new PermutedGraph(a, perm, AmdOrdering.Inverse(perm));
        int[] parent = EliminationTree.Parents(g);
        int[] counts = EliminationTree.ColumnCounts(g, parent);
        long total = 0;
        foreach (int c in counts) total += c;
        return new Prediction(perm, parent, counts, total);
    }

    /// <summary>AMD, nested dissection, or the one of the two with the smaller nnz(L) (from etree and column counts).</summary>
    static (Prediction, string) Choose(CscMatrix a, OrderingMethod method)
    {
        if (method == OrderingMethod.Amd) return (Predict(a, AmdOrdering.Order(a)), "AMD");
        if (method == OrderingMethod.NestedDissection) return (Predict(a, NestedDissection.Order(a)), "nested dissection");
        // the two orderings are independent sequential computations: run them side by side
        Prediction? nd = null, amd = null;
        Parallel.Invoke(
            () => nd = Predict(a, NestedDissection.Order(a)),
            () => amd = Predict(a, AmdOrdering.Order(a)));
        return nd!.Nonzeros < amd!.Nonzeros ? (nd, "nested dissection") : (amd, "AMD");
    }

    /// <summary>nnz(L) of the Cholesky factor of P A P^T for the ordering perm.</summary>
    public static long PredictedNonzeros(CscMatrix a, int[] perm) => Predict(a, perm).Nonzeros;

    /// <summary>
    /// Relabels the chosen ordering by a postorder of its etree (an equivalent ordering: same filled
    /// graph, so parents and column counts carry over), then builds supernodes and their structure.
    /// </summary>
    void Build(CscMatrix a, Prediction chosen)
    {
        int[] post = EliminationTree.Postorder(chosen.Parent);
        int[] newLabel = AmdOrdering.Inverse(post);
        Perm = new int[N];
        var parent = new int[N];
        var counts = new int[N];
        for (int k = 0; k < N; k++)
        {
            int old = post[k];
            Perm[k] = chosen.Perm[old];
            parent[k] = chosen.Parent[old] == -1 ? -1 : newLabel[chosen.Parent[old]];
            counts[k] = chosen.Counts[old];
        }
        Inv = AmdOrdering.Inverse(Perm);
        var g = new PermutedGraph(a, Perm, Inv);
        SuperStart = Supernodes.Partition(parent, counts);
        SupernodeCount = SuperStart.Length - 1;
        BuildTree(parent);
        BuildRows(g);
        BuildAssembly(a);
        ComputeStatistics();
        FactorNonzeros = chosen.Nonzeros;
    }

    void BuildTree(int[] parent)
    {
        int ns = SupernodeCount;
        var superOf = new int[N];
        for (int s = 0; s < ns; s++)
            for (int k = SuperStart[s]; k < SuperStart[s + 1]; k++) superOf[k] = s;
        SuperParent = new int[ns];
        ChildPtr = new int[ns + 1];
        for (int s = 0; s < ns; s++)
        {
            int p = parent[SuperStart[s + 1] - 1];
            SuperParent[s] = p == -1 ? -1 : superOf[p];
            if (p != -1) ChildPtr[SuperParent[s] + 1]++;
        }
        for (int s = 0; s < ns; s++) ChildPtr[s + 1] += ChildPtr[s];
        ChildIndex = new int[ChildPtr[ns]];
        var fill = (int[])ChildPtr.Clone();
        for (int s = 0; s < ns; s++)
            if (SuperParent[s] != -1) ChildIndex[fill[SuperParent[s]]++] = s;
    }

    /// <summary>rows(s) = cols(s) ∪ {rows of A below} ∪ {update rows of the children below s}.</summary>
    void BuildRows(PermutedGraph g)
    {
        int ns = SupernodeCount;
        var mark = new int[N];
        Array.Fill(mark, -1);
        var rows = new List<int>(N * 4);
        RowPtr = new int[ns + 1];
        for (int s = 0; s < ns; s++)
        {
            int f = SuperStart[s], l = SuperStart[s + 1] - 1;
            int start = rows.Count;
            for (int k = f; k <= l; k++) { rows.Add(k); mark[k] = s; }
            for (int k = f; k <= l; k++)
                for (int p = g.Ptr[k]; p < g.Ptr[k + 1]; p++)
                {
                    int i = g.Adj[p];
                    if (i > l && mark[i] != s) { mark[i] = s; rows.Add(i); }
                }
            for (int q = ChildPtr[s]; q < ChildPtr[s + 1]; q++)
            {
                int c = ChildIndex[q];
                for (int p = RowPtr[c]; p < RowPtr[c + 1]; p++)
                {
                    int i = rows[p];
                    if (i > l && mark[i] != s) { mark[i] = s; rows.Add(i); }
                }
            }
            rows.Sort(start + (l - f + 1), rows.Count - start - (l - f + 1), null);
            RowPtr[s + 1] = rows.Count;
        }
        RowIndex = rows.ToArray();
        BuildParentPositions(mark);
    }

    void BuildParentPositions(int[] position)
    {
        ParentPosition = new int[RowIndex.Length];
        for (int s = 0; s < SupernodeCount; s++)
        {
            for (int p = RowPtr[s]; p < RowPtr[s + 1]; p++) position[RowIndex[p]] = p - RowPtr[s];
            for (int q = ChildPtr[s]; q < ChildPtr[s + 1]; q++)
            {
                int c = ChildIndex[q];
                int kc = SuperStart[c + 1] - SuperStart[c];
                for (int p = RowPtr[c] + kc; p < RowPtr[c + 1]; p++) ParentPosition[p] = position[RowIndex[p]];
            }
        }
    }

    void BuildAssembly(CscMatrix a)
    {
        AssemblyPtr = new int[N + 1];
        var src = new List<int>(a.NonZeros / 2 + N);
        var dst = new List<int>(a.NonZeros / 2 + N);
        var position = new int[N];
        for (int s = 0; s < SupernodeCount; s++)
        {
            int f = SuperStart[s], m = RowPtr[s + 1] - RowPtr[s];
            if ((long)m * m > int.MaxValue) throw new InvalidOperationException($"front of {m} rows is too large");
            for (int p = RowPtr[s]; p < RowPtr[s + 1]; p++) position[RowIndex[p]] = p - RowPtr[s];
            for (int k = f; k < SuperStart[s + 1]; k++)
            {
                int j = Perm[k];
                for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
                {
                    int r = Inv[a.RowIndices[p]];
                    if (r < k) continue;
                    src.Add(p);
                    dst.Add(position[r] + (k - f) * m);
                }
                AssemblyPtr[k + 1] = src.Count;
            }
        }
        AssemblySource = src.ToArray();
        AssemblyTarget = dst.ToArray();
    }

    void ComputeStatistics()
    {
        ValueOffset = new long[SupernodeCount + 1];
        long nnz = 0;
        double flops = 0;
        for (int s = 0; s < SupernodeCount; s++)
        {
            int k = SuperStart[s + 1] - SuperStart[s], m = RowPtr[s + 1] - RowPtr[s];
            ValueOffset[s + 1] = ValueOffset[s] + (long)m * k;
            for (int c = 0; c < k; c++)
            {
                double below = m - c - 1;
                nnz += m - c;
                flops += below + below * (below + 1);
            }
        }
        StoredNonzeros = nnz;
        Flops = flops;
    }
}
