using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>
/// Structured meshes of a (mapped) rectangle: nx by ny cells of quadrilaterals, or each cell split
/// into two triangles. Boundary sets "left", "right", "bottom", "top". A map from the unit square
/// gives other shapes (Cook's membrane).
/// </summary>
internal static class StructuredMesh
{
    public static Mesh Rectangle(double width, double height, int nx, int ny, ElementType type, string region = "solid") =>
        Mapped(nx, ny, type, (s, t) => new Vec2(s * width, t * height), region);

    public static Mesh Mapped(int nx, int ny, ElementType type, Func<double, double, Vec2> map, string region = "solid")
    {
        int order = type.Order();
        int mx = order * nx + 1, my = order * ny + 1;
        var nodes = new Vec2[mx * my];
        for (int j = 0; j < my; j++)
            for (int i = 0; i < mx; i++)
                nodes[j * mx + i] = map(i / (double)(mx - 1), j / (double)(my - 1));
        int Id(int i, int j) => j * mx + i;
        var conn = new List<int>();
        for (int cj = 0; cj < ny; cj++)
        {
            for (int ci = 0; ci < nx; ci++)
            {
                int i = order * ci, j = order * cj;
                switch (type)
                {
                    case ElementType.Quad4: conn.AddRange(new[] { Id(i, j), Id(i + 1, j), Id(i + 1, j + 1), Id(i, j + 1) }); break;
                    case ElementType.Quad8:
                        conn.AddRange(new[] { Id(i, j), Id(i + 2, j), Id(i + 2, j + 2), Id(i, j + 2), Id(i + 1, j), Id(i + 2, j + 1), Id(i + 1, j + 2), Id(i, j + 1) });
                        break;
                    case ElementType.Quad9:
                        conn.AddRange(new[] { Id(i, j), Id(i + 2, j), Id(i + 2, j + 2), Id(i, j + 2), Id(i + 1, j), Id(i + 2, j + 1), Id(i + 1, j + 2), Id(i, j + 1), Id(i + 1, j + 1) });
                        break;
                    case ElementType.Tri3:
                        conn.AddRange(new[] { Id(i, j), Id(i + 1, j), Id(i + 1, j + 1) });
                        conn.AddRange(new[] { Id(i, j), Id(i + 1, j + 1), Id(i, j + 1) });
                        break;
                    case ElementType.Tri6:
                        conn.AddRange(new[] { Id(i, j), Id(i + 2, j), Id(i + 2, j + 2), Id(i + 1, j), Id(i + 2, j + 1), Id(i + 1, j + 1) });
                        conn.AddRange(new[] { Id(i, j), Id(i + 2, j + 2), Id(i, j + 2), Id(i + 1, j + 1), Id(i + 1, j + 2), Id(i, j + 1) });
                        break;
                }
            }
        }
        int count = conn.Count / type.NodeCount();
        var (used, renumber) = Compact(nodes, conn);
        int Id2(int i, int j) => renumber[Id(i, j)];
        var boundaries = new List<BoundarySet>
        {
            new("bottom", Edges(order, nx, k => Id2(k, 0))),
            new("right", Edges(order, ny, k => Id2(mx - 1, k))),
            new("top", Edges(order, nx, k => Id2(mx - 1 - k, my - 1))),
            new("left", Edges(order, ny, k => Id2(0, my - 1 - k))),
        };
        var connectivity = conn.Select(n => renumber[n]).ToArray();
        return Mesh.Uniform(used, type, connectivity, new int[count], new[] { region }, boundaries);
    }

    /// <summary>Drops grid nodes no element uses (the cell centres of 8-node quadrilaterals).</summary>
    static (Vec2[] Nodes, int[] Renumber) Compact(Vec2[] nodes, List<int> conn)
    {
        var renumber = Enumerable.Repeat(-1, nodes.Length).ToArray();
        foreach (int n in conn) renumber[n] = 0;
        var used = new List<Vec2>();
        for (int n = 0; n < nodes.Length; n++)
            if (renumber[n] == 0) { renumber[n] = used.Count; used.Add(nodes[n]); }
        return (used.ToArray(), renumber);
    }

    static int[][] Edges(int order, int n, Func<int, int> node)
    {
        var edges = new int[n][];
        for (int c = 0; c < n; c++)
            edges[c] = order == 1 ? new[] { node(c), node(c + 1) } : new[] { node(2 * c), node(2 * c + 2), node(2 * c + 1) };
        return edges;
    }
}
