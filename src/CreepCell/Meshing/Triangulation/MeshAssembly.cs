using CreepCell.Geometry;

namespace CreepCell.Meshing.Triangulation;

/// <summary>Turns the triangulation into a <see cref="Mesh"/>: compact node numbering, optional
/// mid-nodes (placed on the boundary curve when a segment knows it), boundary sets from named
/// segments with each edge oriented as in its (first) adjacent triangle.</summary>
internal static class MeshAssembly
{
    public static Mesh Build(Cdt cdt, string[] regionNames, List<string> boundaryNames, bool secondOrder)
    {
        var newIndex = new int[cdt.Points.Count];
        Array.Fill(newIndex, -1);
        var tris = new List<int>();
        for (int t = 0; t < cdt.TriCapacityUsed; t++)
            if (cdt.Alive(t))
            {
                tris.Add(t);
                for (int i = 0; i < 3; i++) newIndex[cdt.V[3 * t + i]] = 0;
            }
        var nodes = new List<Vec2>();
        for (int v = 0; v < newIndex.Length; v++)
            if (newIndex[v] == 0) { newIndex[v] = nodes.Count; nodes.Add(cdt.Points[v]); }

        int k = secondOrder ? 6 : 3;
        var conn = new int[k * tris.Count];
        var region = new int[tris.Count];
        var mids = new Dictionary<long, int>();
        for (int e = 0; e < tris.Count; e++)
        {
            int t = tris[e];
            region[e] = cdt.Region[t];
            for (int i = 0; i < 3; i++)
            {
                conn[k * e + i] = newIndex[cdt.V[3 * t + i]];
                if (secondOrder) conn[k * e + 3 + i] = MidNode(cdt, t, i, newIndex, nodes, mids);
            }
        }
        var sets = BoundarySets(cdt, tris, boundaryNames, newIndex, secondOrder ? mids : null);
        return ElementsOf(nodes.ToArray(), secondOrder ? ElementType.Tri6 : ElementType.Tri3, conn, region, regionNames, sets);
    }

    static Mesh ElementsOf(Vec2[] nodes, ElementType type, int[] conn, int[] region, string[] names, List<BoundarySet> sets) =>
        Mesh.Uniform(nodes, type, conn, region, names, sets);

    static long EdgeKey(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    static int MidNode(Cdt cdt, int t, int i, int[] newIndex, List<Vec2> nodes, Dictionary<long, int> mids)
    {
        int a = cdt.V[3 * t + i], b = cdt.V[3 * t + (i + 1) % 3];
        long key = EdgeKey(a, b);
        if (mids.TryGetValue(key, out int m)) return m;
        Vec2 p = 0.5 * (cdt.Points[a] + cdt.Points[b]);
        int seg = cdt.S[3 * t + i];
        if (seg >= 0 && cdt.Segments[seg].Curve is ICurve c)
            p = c.Point(0.5 * (cdt.Segments[seg].T0 + cdt.Segments[seg].T1));
        nodes.Add(p);
        mids[key] = nodes.Count - 1;
        return nodes.Count - 1;
    }

    static List<BoundarySet> BoundarySets(Cdt cdt, List<int> tris, List<string> names, int[] newIndex, Dictionary<long, int>? mids)
    {
        var edges = names.Select(_ => new List<int[]>()).ToList();
        var seen = new HashSet<int>();
        foreach (int t in tris)
            for (int i = 0; i < 3; i++)
            {
                int seg = cdt.S[3 * t + i];
                if (seg < 0 || cdt.Segments[seg].Marker < 0 || !seen.Add(seg)) continue;
                int a = cdt.V[3 * t + i], b = cdt.V[3 * t + (i + 1) % 3];
                edges[cdt.Segments[seg].Marker].Add(mids is null
                    ? new[] { newIndex[a], newIndex[b] }
                    : new[] { newIndex[a], newIndex[b], mids[EdgeKey(a, b)] });
            }
        return names.Select((n, i) => new BoundarySet(n, edges[i].ToArray())).ToList();
    }
}
