using CreepCell.Meshing;
using CreepCell.Sparse;

namespace CreepCell.Fem;

/// <summary>The symmetric sparsity pattern of the free dofs, and where each element entry lands in it.</summary>
internal static class SparsityPattern
{
    public static CscMatrix Build(Mesh mesh, DofMap dofs)
    {
        var neighbours = NodeNeighbours(mesh);
        int n = dofs.FreeCount;
        var colPtr = new int[n + 1];
        var rows = new List<int>();
        for (int node = 0; node < mesh.NodeCount; node++)
        {
            for (int c = 0; c < 2; c++)
            {
                int col = dofs.Equation[2 * node + c];
                if (col < 0) continue;
                foreach (int m in neighbours[node])
                    for (int r = 0; r < 2; r++)
                        if (dofs.Equation[2 * m + r] is var row and >= 0) rows.Add(row);
                colPtr[col + 1] = rows.Count;
            }
        }
        return new CscMatrix(n, n, colPtr, rows.ToArray(), new double[rows.Count]);
    }

    /// <summary>
    /// The pattern <paramref name="pattern"/> widened by the dof blocks of extra node couplings
    /// (partners[n]: sorted nodes coupled to n), and where each entry of the old pattern lands in it.
    /// </summary>
    public static (CscMatrix Pattern, int[] Map) WithCouplings(CscMatrix pattern, DofMap dofs, int[][] partners)
    {
        int n = pattern.Columns;
        var nodeOf = new int[n];
        for (int d = 0; d < dofs.DofCount; d++)
            if (dofs.Equation[d] >= 0) nodeOf[dofs.Equation[d]] = d >> 1;
        var colPtr = new int[n + 1];
        var rows = new List<int>(pattern.NonZeros);
        var map = new int[pattern.NonZeros];
        var extra = new List<int>();
        for (int j = 0; j < n; j++)
        {
            extra.Clear();
            foreach (int m in partners[nodeOf[j]])
                for (int r = 0; r < 2; r++)
                    if (dofs.Equation[2 * m + r] is var row and >= 0) extra.Add(row);
            extra.Sort();
            int p = pattern.ColumnPointers[j], end = pattern.ColumnPointers[j + 1], k = 0;
            while (p < end || k < extra.Count)
            {
                int a = p < end ? pattern.RowIndices[p] : int.MaxValue;
                int b = k < extra.Count ? extra[k] : int.MaxValue;
                if (a <= b) { map[p++] = rows.Count; rows.Add(a); if (a == b) k++; }
                else { if (rows.Count == colPtr[j] || rows[^1] != b) rows.Add(b); k++; }
            }
            colPtr[j + 1] = rows.Count;
        }
        return (new CscMatrix(n, n, colPtr, rows.ToArray(), new double[rows.Count]), map);
    }

    /// <summary>Sorted node neighbours (including the node itself) through shared elements.</summary>
    public static int[][] NodeNeighbours(Mesh mesh)
    {
        var sets = new List<int>[mesh.NodeCount];
        for (int i = 0; i < sets.Length; i++) sets[i] = new List<int>();
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e);
            foreach (int a in nodes)
                foreach (int b in nodes) sets[a].Add(b);
        }
        var result = new int[mesh.NodeCount][];
        for (int i = 0; i < sets.Length; i++)
        {
            sets[i].Add(i);
            sets[i].Sort();
            result[i] = Unique(sets[i]);
        }
        return result;
    }

    static int[] Unique(List<int> sorted)
    {
        var r = new List<int>(sorted.Count);
        foreach (int v in sorted)
            if (r.Count == 0 || r[^1] != v) r.Add(v);
        return r.ToArray();
    }

    /// <summary>For element e, entry (i, j) of its dof-ordered matrix goes to Values[map[offset[e] + i nd + j]] (or nowhere: -1).</summary>
    public static (int[] Offsets, int[] Map) ScatterMap(Mesh mesh, DofMap dofs, CscMatrix pattern)
    {
        var offsets = new int[mesh.ElementCount + 1];
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            int nd = 2 * (mesh.Offsets[e + 1] - mesh.Offsets[e]);
            offsets[e + 1] = offsets[e] + nd * nd;
        }
        var map = new int[offsets[^1]];
        Parallel.For(0, mesh.ElementCount, e =>
        {
            var nodes = mesh.ElementNodes(e);
            int nd = 2 * nodes.Length;
            for (int i = 0; i < nd; i++)
            {
                int row = dofs.Equation[2 * nodes[i >> 1] + (i & 1)];
                for (int j = 0; j < nd; j++)
                {
                    int col = dofs.Equation[2 * nodes[j >> 1] + (j & 1)];
                    map[offsets[e] + i * nd + j] = row < 0 || col < 0 ? -1 : pattern.IndexOf(row, col);
                }
            }
        });
        return (offsets, map);
    }
}

/// <summary>Greedy colouring of elements: elements that share a node get different colours.</summary>
internal static class ElementColoring
{
    public static int[][] Greedy(Mesh mesh)
    {
        var elementsOfNode = new List<int>[mesh.NodeCount];
        for (int i = 0; i < elementsOfNode.Length; i++) elementsOfNode[i] = new List<int>();
        for (int e = 0; e < mesh.ElementCount; e++)
            foreach (int a in mesh.ElementNodes(e)) elementsOfNode[a].Add(e);
        var color = new int[mesh.ElementCount];
        Array.Fill(color, -1);
        var used = new List<bool>();
        int count = 0;
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            for (int k = 0; k < used.Count; k++) used[k] = false;
            foreach (int a in mesh.ElementNodes(e))
                foreach (int other in elementsOfNode[a])
                    if (color[other] >= 0) used[color[other]] = true;
            int c = used.IndexOf(false);
            if (c < 0) { c = used.Count; used.Add(false); }
            color[e] = c;
            count = Math.Max(count, c + 1);
        }
        var groups = new List<int>[count];
        for (int c = 0; c < count; c++) groups[c] = new List<int>();
        for (int e = 0; e < mesh.ElementCount; e++) groups[color[e]].Add(e);
        return groups.Select(g => g.ToArray()).ToArray();
    }
}
