namespace CreepCell.Sparse;

/// <summary>
/// Supernode partition of a postordered elimination tree. Fundamental supernodes: column j+1
/// joins column j when it is j's parent, j is its only child and their column counts differ by one
/// (Liu, Ng, Peyton 1993). Relaxed amalgamation then merges a supernode into its parent when the
/// two are adjacent in the postorder and the explicit zeros stay small, with CHOLMOD's default
/// limits (merge if at most 4 columns; 16 columns and under 80 % zeros; 48 columns and under 10 %;
/// any size under 5 %).
/// </summary>
static class Supernodes
{
    public static int[] Partition(int[] parent, int[] counts)
    {
        int[] fundamental = Fundamental(parent, counts);
        return Relax(fundamental, parent, counts);
    }

    static int[] Fundamental(int[] parent, int[] counts)
    {
        int n = parent.Length;
        var children = new int[n];
        foreach (int p in parent) if (p != -1) children[p]++;
        var starts = new List<int>();
        for (int j = 0; j < n; j++)
        {
            bool continues = j > 0 && parent[j - 1] == j && counts[j - 1] == counts[j] + 1 && children[j] == 1;
            if (!continues) starts.Add(j);
        }
        starts.Add(n);
        return starts.ToArray();
    }

    static long Size(long ncol, long nrow) => ncol * (ncol + 1) / 2 + ncol * (nrow - ncol);

    static int[] Relax(int[] start, int[] parent, int[] counts)
    {
        int ns = start.Length - 1;
        var superOf = new int[parent.Length];
        for (int s = 0; s < ns; s++)
            for (int k = start[s]; k < start[s + 1]; k++) superOf[k] = s;
        var ncol = new long[ns];
        var nrow = new long[ns];
        var zeros = new long[ns];
        var first = new int[ns];
        var alive = new bool[ns];
        for (int s = 0; s < ns; s++)
        {
            first[s] = start[s];
            ncol[s] = start[s + 1] - start[s];
            nrow[s] = counts[start[s]];
            alive[s] = true;
        }
        for (int s = 0; s + 1 < ns; s++)
        {
            int pc = parent[start[s + 1] - 1];
            if (pc == -1 || superOf[pc] != s + 1) continue;
            int p = s + 1;
            long nc = ncol[s] + ncol[p], nr = ncol[s] + nrow[p];
            long total = Size(nc, nr);
            long z = total - Size(ncol[s], nrow[s]) - Size(ncol[p], nrow[p]) + zeros[s] + zeros[p];
            double fraction = total > 0 ? (double)z / total : 0;
            bool merge = nc <= 4 || (nc <= 16 && fraction < 0.8) || (nc <= 48 && fraction < 0.1) || fraction < 0.05;
            if (!merge) continue;
            ncol[p] = nc; nrow[p] = nr; zeros[p] = z; first[p] = first[s];
            alive[s] = false;
        }
        var result = new List<int>();
        for (int s = 0; s < ns; s++) if (alive[s]) result.Add(first[s]);
        result.Add(parent.Length);
        return result.ToArray();
    }
}
