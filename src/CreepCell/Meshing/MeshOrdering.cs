using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>
/// Renumbers a mesh for locality: elements sorted along a Hilbert curve through their centroids,
/// nodes numbered in the order the sorted elements first use them. Neighbouring elements and nodes
/// then sit close in memory and the stiffness matrix has a narrow profile (Hilbert curve indexing
/// after Skilling/Lam-Shapiro; the ordering idea as in space-filling-curve mesh partitioners).
/// </summary>
internal static class MeshOrdering
{
    public static Mesh SpatialSort(Mesh m)
    {
        var (min, max) = m.BoundingBox();
        double span = Math.Max(max.X - min.X, max.Y - min.Y);
        if (!(span > 0)) return m;
        var keys = new ulong[m.ElementCount];
        for (int e = 0; e < m.ElementCount; e++)
        {
            var c = Centroid(m, e);
            keys[e] = HilbertIndex((c.X - min.X) / span, (c.Y - min.Y) / span);
        }
        var order = Enumerable.Range(0, m.ElementCount).OrderBy(e => keys[e]).ThenBy(e => e).ToArray();
        var newNode = new int[m.NodeCount];
        Array.Fill(newNode, -1);
        int next = 0;
        foreach (int e in order)
            foreach (int v in m.ElementNodes(e))
                if (newNode[v] < 0) newNode[v] = next++;
        for (int v = 0; v < m.NodeCount; v++)
            if (newNode[v] < 0) newNode[v] = next++;
        var nodes = new Vec2[m.NodeCount];
        for (int v = 0; v < m.NodeCount; v++) nodes[newNode[v]] = m.Nodes[v];
        var types = order.Select(e => m.Types[e]).ToArray();
        var region = order.Select(e => m.Region[e]).ToArray();
        var offsets = new int[order.Length + 1];
        var conn = new int[m.Connectivity.Length];
        for (int k = 0; k < order.Length; k++)
        {
            var src = m.ElementNodes(order[k]);
            for (int i = 0; i < src.Length; i++) conn[offsets[k] + i] = newNode[src[i]];
            offsets[k + 1] = offsets[k] + src.Length;
        }
        var sets = m.Boundaries.Select(b => new BoundarySet(b.Name, b.Edges.Select(ed => ed.Select(v => newNode[v]).ToArray()).ToArray())).ToList();
        return new Mesh(nodes, types, offsets, conn, region, m.RegionNames, sets);
    }

    static Vec2 Centroid(Mesh m, int e)
    {
        var n = m.ElementNodes(e);
        int c = m.Types[e].CornerCount();
        var s = new Vec2(0, 0);
        for (int i = 0; i < c; i++) s += m.Nodes[n[i]];
        return (1.0 / c) * s;
    }

    /// <summary>Position of (x, y) in [0, 1]^2 along a Hilbert curve on a 2^16 x 2^16 grid.</summary>
    static ulong HilbertIndex(double x, double y)
    {
        const int bits = 16;
        uint n = 1u << bits;
        uint ix = (uint)Math.Clamp(x * n, 0, n - 1), iy = (uint)Math.Clamp(y * n, 0, n - 1);
        ulong d = 0;
        for (uint s = n >> 1; s > 0; s >>= 1)
        {
            uint rx = (ix & s) > 0 ? 1u : 0u, ry = (iy & s) > 0 ? 1u : 0u;
            d += (ulong)s * s * ((3 * rx) ^ ry);
            if (ry == 0)
            {
                if (rx == 1) { ix = n - 1 - ix; iy = n - 1 - iy; }
                (ix, iy) = (iy, ix);
            }
        }
        return d;
    }
}
