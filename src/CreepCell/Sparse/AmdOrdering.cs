namespace CreepCell.Sparse;

/// <summary>
/// Approximate Minimum Degree ordering (Amestoy, Davis, Duff, "An approximate minimum degree
/// ordering algorithm", SIAM J. Matrix Anal. Appl. 17(4), 1996; T. A. Davis, "Direct Methods for
/// Sparse Linear Systems", SIAM 2006, section 7.1). The elimination is simulated on a quotient
/// graph of variables and elements; degrees are replaced by the approximate external degree
/// bound, with element absorption (including aggressive absorption), mass elimination and
/// supervariable detection by hashing. Rows denser than max(16, 10 sqrt(n)) are ordered last.
/// </summary>
internal static class AmdOrdering
{
    /// <summary>
    /// Fill-reducing permutation of a symmetric matrix given by its full pattern (both triangles;
    /// the diagonal is ignored). Returns perm with perm[k] = the original column eliminated k-th.
    /// </summary>
    public static int[] Order(CscMatrix a)
    {
        if (a.Rows != a.Columns) throw new ArgumentException("AMD needs a square matrix");
        var state = new AmdState(a);
        return state.Run();
    }

    /// <summary>Inverse of a permutation: inv[perm[k]] = k.</summary>
    public static int[] Inverse(int[] perm)
    {
        var inv = new int[perm.Length];
        for (int k = 0; k < perm.Length; k++) inv[perm[k]] = k;
        return inv;
    }

    /// <summary>True when perm holds each of 0..n-1 exactly once.</summary>
    public static bool IsPermutation(int[] perm)
    {
        var seen = new bool[perm.Length];
        foreach (int p in perm)
        {
            if ((uint)p >= (uint)perm.Length || seen[p]) return false;
            seen[p] = true;
        }
        return true;
    }
}

/// <summary>Working arrays of one AMD run; lists live in <see cref="iw"/> (elements first, then variables).</summary>
sealed partial class AmdState
{
    static int Flip(int i) => -i - 2;

    readonly int n;
    int[] iw;
    readonly int[] pe, len, elen, nv, degree, w;
    readonly int[] head, next, last, hhead, hnext, hval;
    readonly int[] memberNext, memberTail;
    readonly List<int> order;
    readonly List<int> denseRows = new();
    int pfree, nel, mindeg, wflg, lemax;

    public AmdState(CscMatrix a)
    {
        n = a.Columns;
        pe = new int[n]; len = new int[n]; elen = new int[n]; nv = new int[n]; degree = new int[n]; w = new int[n];
        head = new int[n + 1]; next = new int[n]; last = new int[n];
        hhead = new int[Math.Max(n, 1)]; hnext = new int[n]; hval = new int[n];
        memberNext = new int[n]; memberTail = new int[n];
        order = new List<int>(n);
        int offDiag = 0;
        for (int j = 0; j < n; j++)
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
                if (a.RowIndices[p] != j) offDiag++;
        iw = new int[offDiag + offDiag / 5 + 2 * n + 1];
        for (int j = 0; j < n; j++)
        {
            pe[j] = pfree;
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
                if (a.RowIndices[p] != j) iw[pfree++] = a.RowIndices[p];
            len[j] = pfree - pe[j];
        }
    }

    public int[] Run()
    {
        Initialize();
        while (nel < n) EliminateOne();
        order.AddRange(denseRows);
        return order.ToArray();
    }

    void Initialize()
    {
        Array.Fill(head, -1);
        Array.Fill(hhead, -1);
        int dense = (int)Math.Max(16, 10 * Math.Sqrt(n));
        dense = Math.Min(n - 2, dense);
        wflg = 2;
        for (int i = 0; i < n; i++)
        {
            nv[i] = 1; w[i] = 1; elen[i] = 0; degree[i] = len[i];
            memberNext[i] = -1; memberTail[i] = i;
        }
        for (int i = 0; i < n; i++)
        {
            int d = degree[i];
            if (d == 0)
            {
                // an isolated node is an element with an empty list from the start
                order.Add(i);
                elen[i] = -2; nel++; pe[i] = -1; w[i] = 0; nv[i] = 0; len[i] = 0;
            }
            else if (d > dense)
            {
                denseRows.Add(i);
                nv[i] = 0; elen[i] = -1; nel++; pe[i] = -1; len[i] = 0;
            }
            else InsertDegree(i, d);
        }
    }

    void InsertDegree(int i, int d)
    {
        int h = head[d];
        if (h != -1) last[h] = i;
        next[i] = h; last[i] = -1; head[d] = i;
    }

    void RemoveDegree(int i)
    {
        if (next[i] != -1) last[next[i]] = last[i];
        if (last[i] != -1) next[last[i]] = next[i];
        else head[degree[i]] = next[i];
    }

    void AppendMembers(int to, int from)
    {
        memberNext[memberTail[to]] = from;
        memberTail[to] = memberTail[from];
    }

    void EmitMembers(int me)
    {
        for (int i = me; i != -1; i = memberNext[i]) order.Add(i);
    }

    void EliminateOne()
    {
        while (mindeg < n && head[mindeg] == -1) mindeg++;
        int me = head[mindeg];
        RemoveDegree(me);
        int elenme = elen[me], nvpiv = nv[me];
        nel += nvpiv;
        if (elenme > 0 && pfree + (n - nel) + 1 > iw.Length) CollectGarbage();
        var (pme1, pme2, degme) = BuildElement(me, elenme, nvpiv);
        // the pivot becomes an element: elen < 0 marks elements
        elen[me] = -2;
        ComputeExternalSizes(pme1, pme2);
        degme = UpdateDegrees(me, pme1, pme2, degme, ref nvpiv);
        lemax = Math.Max(lemax, degme);
        wflg = ClearFlag(wflg + lemax + 1);
        DetectSupervariables(pme1, pme2);
        FinalizeElement(me, pme1, pme2, degme, nvpiv, elenme);
        EmitMembers(me);
    }

    int ClearFlag(int flag)
    {
        if (flag < 2 || flag >= int.MaxValue - n - 2)
        {
            for (int x = 0; x < n; x++) if (w[x] != 0) w[x] = 1;
            flag = 2;
        }
        return flag;
    }
}
