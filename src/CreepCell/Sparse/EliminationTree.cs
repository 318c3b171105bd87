namespace CreepCell.Sparse;

/// <summary>
/// Graph of a permuted symmetric matrix: for column k of P A P^T, the permuted rows of its
/// off-diagonal entries. Built once from the full pattern of A.
/// </summary>
sealed class PermutedGraph
{
    public readonly int N;
    public readonly int[] Ptr, Adj;

    public PermutedGraph(CscMatrix a, int[] perm, int[] inv)
    {
        N = a.Columns;
        Ptr = new int[N + 1];
        for (int k = 0; k < N; k++)
        {
            int j = perm[k];
            int c = 0;
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++) if (a.RowIndices[p] != j) c++;
            Ptr[k + 1] = Ptr[k] + c;
        }
        Adj = new int[Ptr[N]];
        for (int k = 0; k < N; k++)
        {
            int j = perm[k], q = Ptr[k];
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
                if (a.RowIndices[p] != j) Adj[q++] = inv[a.RowIndices[p]];
        }
    }
}

/// <summary>
/// Elimination tree, postorder and column counts of the Cholesky factor (Liu, "The role of
/// elimination trees in sparse factorization", SIAM J. Matrix Anal. Appl. 11, 1990; Davis 2006,
/// sections 4.1, 4.3 and 4.4). Column counts use the row-subtree characterization: row i of L is
/// the union of the etree paths from each k &lt; i with a_ik != 0 up to i, so walking those paths with
/// a marker counts every nonzero of L once, in O(nnz(L)) time.
/// </summary>
static class EliminationTree
{
    /// <summary>parent[k] of the etree of the permuted matrix, -1 for roots (Liu's algorithm with path compression).</summary>
    public static int[] Parents(PermutedGraph g)
    {
        int n = g.N;
        var parent = new int[n];
        var ancestor = new int[n];
        for (int k = 0; k < n; k++)
        {
            parent[k] = -1;
            ancestor[k] = -1;
            for (int p = g.Ptr[k]; p < g.Ptr[k + 1]; p++)
            {
                int i = g.Adj[p];
                while (i != -1 && i < k)
                {
                    int inext = ancestor[i];
                    ancestor[i] = k;
                    if (inext == -1) parent[i] = k;
                    i = inext;
                }
            }
        }
        return parent;
    }

    /// <summary>Postorder of a forest: post[k] = node visited k-th; children in increasing order.</summary>
    public static int[] Postorder(int[] parent)
    {
        int n = parent.Length;
        var firstChild = new int[n];
        var sibling = new int[n];
        Array.Fill(firstChild, -1);
        for (int j = n - 1; j >= 0; j--)
        {
            int p = parent[j];
            if (p == -1) continue;
            sibling[j] = firstChild[p];
            firstChild[p] = j;
        }
        var post = new int[n];
        var stack = new int[n];
        int k = 0;
        for (int root = 0; root < n; root++)
        {
            if (parent[root] != -1) continue;
            int top = 0;
            stack[0] = root;
            while (top >= 0)
            {
                int node = stack[top];
                int child = firstChild[node];
                if (child == -1) { post[k++] = node; top--; }
                else { firstChild[node] = sibling[child]; stack[++top] = child; }
            }
        }
        return post;
    }

    /// <summary>Nonzeros per column of L (diagonal included) from row subtrees.</summary>
    public static int[] ColumnCounts(PermutedGraph g, int[] parent)
    {
        int n = g.N;
        var count = new int[n];
        var mark = new int[n];
        Array.Fill(mark, -1);
        for (int i = 0; i < n; i++)
        {
            count[i]++;
            mark[i] = i;
            for (int p = g.Ptr[i]; p < g.Ptr[i + 1]; p++)
            {
                for (int j = g.Adj[p]; j < i && mark[j] != i; j = parent[j])
                {
                    count[j]++;
                    mark[j] = i;
                }
            }
        }
        return count;
    }
}
