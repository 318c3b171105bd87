namespace CreepCell.Sparse;

/// <summary>
/// Nested dissection ordering with level-structure separators (George, "Nested dissection of a
/// regular finite element mesh", SIAM J. Numer. Anal. 10, 1973; George and Liu, "An automatic
/// nested dissection algorithm for irregular finite element problems", SIAM J. Numer. Anal. 15,
/// 1978). A breadth-first level structure is rooted at a pseudo-peripheral node (Gibbs, Poole,
/// Stockmeyer 1976); the smallest level near the middle that leaves both sides with at least a
/// third of the nodes is the separator, then separator nodes touching only one side move to that
/// side. Both sides are dissected recursively and ordered before the separator; parts below
/// <see cref="LeafSize"/> nodes are ordered by AMD on their own subgraph. Columns with identical
/// patterns (the displacement components of one mesh node) are merged first, as in the compressed
/// graphs of Ashcraft ("Compressed graphs and the minimum degree algorithm", SIAM J. Sci. Comput.
/// 16, 1995), so the dissection works on the node graph.
/// </summary>
internal static class NestedDissection
{
    public const int LeafSize = 20;

    /// <summary>Fill-reducing permutation (perm[k] = original column eliminated k-th) of a full symmetric pattern.</summary>
    public static int[] Order(CscMatrix a)
    {
        if (a.Rows != a.Columns) throw new ArgumentException("nested dissection needs a square matrix");
        var (graph, groupPtr, members) = Compress(a);
        var g = new Dissector(graph);
        var all = new int[graph.Columns];
        for (int i = 0; i < all.Length; i++) all[i] = i;
        g.Dissect(all, 0);
        var perm = new int[a.Columns];
        int k = 0;
        foreach (int group in g.Order)
            for (int q = groupPtr[group]; q < groupPtr[group + 1]; q++) perm[k++] = members[q];
        return perm;
    }

    /// <summary>
    /// Merges columns with identical patterns (diagonal included), such as the two displacement
    /// components of a node, into one graph node: the dissection then works on the node graph.
    /// </summary>
    static (CscMatrix Graph, int[] GroupPtr, int[] Members) Compress(CscMatrix a)
    {
        int n = a.Columns;
        var group = new int[n];
        Array.Fill(group, -1);
        var byHash = new Dictionary<long, List<int>>();
        int groups = 0;
        for (int j = 0; j < n; j++)
        {
            long h = a.ColumnPointers[j + 1] - a.ColumnPointers[j];
            bool hasDiagonal = a.IndexOf(j, j) >= 0;
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++) h = h * 31 + a.RowIndices[p];
            if (hasDiagonal && byHash.TryGetValue(h, out var candidates))
                foreach (int r in candidates)
                    if (SameColumn(a, r, j)) { group[j] = group[r]; break; }
            if (group[j] >= 0) continue;
            group[j] = groups++;
            if (!hasDiagonal) continue;
            if (!byHash.TryGetValue(h, out candidates)) byHash[h] = candidates = new List<int>(1);
            candidates.Add(j);
        }
        var groupPtr = new int[groups + 1];
        foreach (int gr in group) groupPtr[gr + 1]++;
        for (int gr = 0; gr < groups; gr++) groupPtr[gr + 1] += groupPtr[gr];
        var members = new int[n];
        var fill = (int[])groupPtr.Clone();
        var representative = new int[groups];
        for (int j = 0; j < n; j++)
        {
            if (fill[group[j]] == groupPtr[group[j]]) representative[group[j]] = j;
            members[fill[group[j]]++] = j;
        }
        return (GroupGraph(a, group, representative), groupPtr, members);
    }

    static bool SameColumn(CscMatrix a, int i, int j) =>
        a.RowIndices.AsSpan(a.ColumnPointers[i], a.ColumnPointers[i + 1] - a.ColumnPointers[i])
            .SequenceEqual(a.RowIndices.AsSpan(a.ColumnPointers[j], a.ColumnPointers[j + 1] - a.ColumnPointers[j]));

    /// <summary>Pattern of the group graph: group g is adjacent to the groups of its representative's rows.</summary>
    static CscMatrix GroupGraph(CscMatrix a, int[] group, int[] representative)
    {
        int groups = representative.Length;
        var ptr = new int[groups + 1];
        var rows = new List<int>(a.NonZeros / 2 + groups);
        var mark = new int[groups];
        Array.Fill(mark, -1);
        for (int gr = 0; gr < groups; gr++)
        {
            int j = representative[gr], start = rows.Count;
            mark[gr] = gr;
            rows.Add(gr);
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
            {
                int other = group[a.RowIndices[p]];
                if (mark[other] == gr) continue;
                mark[other] = gr;
                rows.Add(other);
            }
            rows.Sort(start, rows.Count - start, null);
            ptr[gr + 1] = rows.Count;
        }
        return new CscMatrix(groups, groups, ptr, rows.ToArray(), new double[rows.Count]);
    }

    sealed class Dissector
    {
        readonly int[] ptr, adj;
        readonly int[] owner, level, queue, localIndex;
        readonly List<int> order;
        int nextOwner = 1;

        public List<int> Order => order;

        public Dissector(CscMatrix a)
        {
            int n = a.Columns;
            ptr = new int[n + 1];
            var list = new List<int>(a.NonZeros);
            for (int j = 0; j < n; j++)
            {
                for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
                    if (a.RowIndices[p] != j) list.Add(a.RowIndices[p]);
                ptr[j + 1] = list.Count;
            }
            adj = list.ToArray();
            owner = new int[n];
            level = new int[n];
            queue = new int[n];
            localIndex = new int[n];
            Array.Fill(localIndex, -1);
            order = new List<int>(n);
        }

        /// <summary>Orders the nodes (all carrying owner id) and appends them to the order.</summary>
        public void Dissect(int[] nodes, int id)
        {
            if (nodes.Length <= LeafSize) { OrderLeaf(nodes, id); return; }
            if (PseudoPeripheralLevels(nodes[0], id, nodes.Length, out int depth) < nodes.Length)
            {
                // disconnected: each component is dissected on its own
                foreach (var (component, componentId) in Components(nodes, id)) Dissect(component, componentId);
                return;
            }
            if (depth < 3) { OrderLeaf(nodes, id); return; }
            int sepLevel = ChooseSeparator(nodes, depth);
            var (below, above, separator) = Partition(nodes, sepLevel);
            Recurse(below);
            Recurse(above);
            order.AddRange(separator);
        }

        void Recurse(List<int> part)
        {
            int id = nextOwner++;
            foreach (int v in part) owner[v] = id;
            Dissect(part.ToArray(), id);
        }

        /// <summary>Breadth-first levels from root inside the owner set; returns the count reached.</summary>
        int Levels(int root, int id, out int depth)
        {
            int head = 0, tail = 0;
            queue[tail++] = root;
            level[root] = 0;
            owner[root] = -id - 1;
            depth = 1;
            while (head < tail)
            {
                int v = queue[head++];
                for (int p = ptr[v]; p < ptr[v + 1]; p++)
                {
                    int u = adj[p];
                    if (owner[u] != id) continue;
                    owner[u] = -id - 1;
                    level[u] = level[v] + 1;
                    depth = Math.Max(depth, level[u] + 1);
                    queue[tail++] = u;
                }
            }
            for (int q = 0; q < tail; q++) owner[queue[q]] = id;
            return tail;
        }

        int PseudoPeripheralLevels(int start, int id, int count, out int depth)
        {
            int reached = Levels(start, id, out depth);
            if (reached < count) return reached;
            for (int iteration = 0; iteration < 3; iteration++)
            {
                int best = -1;
                for (int q = 0; q < reached; q++)
                {
                    int v = queue[q];
                    if (level[v] == depth - 1 && (best == -1 || Degree(v) < Degree(best))) best = v;
                }
                reached = Levels(best, id, out int d);
                bool longer = d > depth;
                depth = d;
                if (!longer) break;
            }
            return reached;
        }

        int Degree(int v) => ptr[v + 1] - ptr[v];

        List<(int[] Nodes, int Id)> Components(int[] nodes, int id)
        {
            var result = new List<(int[], int)>();
            foreach (int v in nodes)
            {
                if (owner[v] != id) continue;
                int reached = Levels(v, id, out _), newId = nextOwner++;
                var component = new int[reached];
                for (int q = 0; q < reached; q++) { component[q] = queue[q]; owner[queue[q]] = newId; }
                result.Add((component, newId));
            }
            return result;
        }

        int ChooseSeparator(int[] nodes, int depth)
        {
            var size = new int[depth];
            foreach (int v in nodes) size[level[v]]++;
            int n = nodes.Length, below = 0, best = -1;
            for (int l = 0; l < depth; l++)
            {
                int above = n - below - size[l];
                if (below >= n / 3 && above >= n / 3 && (best == -1 || size[l] < size[best])) best = l;
                below += size[l];
            }
            if (best != -1) return best;
            // no balanced level: take the median level
            below = 0;
            for (int l = 0; l < depth; l++)
            {
                below += size[l];
                if (below >= n / 2) return Math.Clamp(l, 1, depth - 2);
            }
            return depth / 2;
        }

        (List<int> Below, List<int> Above, List<int> Separator) Partition(int[] nodes, int sepLevel)
        {
            // side: 0 below, 1 separator, 2 above, stored in level[]
            foreach (int v in nodes) level[v] = level[v] < sepLevel ? 0 : level[v] == sepLevel ? 1 : 2;
            int id = owner[nodes[0]];
            foreach (int v in nodes)
            {
                if (level[v] != 1) continue;
                bool touchesBelow = false, touchesAbove = false;
                for (int p = ptr[v]; p < ptr[v + 1]; p++)
                {
                    int u = adj[p];
                    if (owner[u] != id) continue;
                    touchesBelow |= level[u] == 0;
                    touchesAbove |= level[u] == 2;
                }
                if (!touchesAbove) level[v] = 0;
                else if (!touchesBelow) level[v] = 2;
            }
            var below = new List<int>();
            var above = new List<int>();
            var separator = new List<int>();
            foreach (int v in nodes) (level[v] == 0 ? below : level[v] == 2 ? above : separator).Add(v);
            return (below, above, separator);
        }

        /// <summary>AMD on the subgraph induced by the leaf's nodes (CSC built directly, rows sorted per column).</summary>
        void OrderLeaf(int[] nodes, int id)
        {
            int m = nodes.Length;
            for (int i = 0; i < m; i++) localIndex[nodes[i]] = i;
            var colPtr = new int[m + 1];
            var rows = new List<int>(8 * m);
            for (int i = 0; i < m; i++)
            {
                int start = rows.Count;
                rows.Add(i);
                int v = nodes[i];
                for (int p = ptr[v]; p < ptr[v + 1]; p++)
                {
                    int u = adj[p];
                    if (owner[u] == id && localIndex[u] >= 0) rows.Add(localIndex[u]);
                }
                rows.Sort(start, rows.Count - start, null);
                colPtr[i + 1] = rows.Count;
            }
            foreach (int v in nodes) localIndex[v] = -1;
            var sub = new CscMatrix(m, m, colPtr, rows.ToArray(), new double[rows.Count]);
            foreach (int k in AmdOrdering.Order(sub)) order.Add(nodes[k]);
        }
    }
}
