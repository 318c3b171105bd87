using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>
/// Finds corner nodes that lie inside, or on the boundary of, an element they do not belong to, using a
/// uniform grid over the elements' bounding boxes. Inside any element: the elements overlap. On the
/// boundary of an element of another body (the bodies share no node): the bodies touch without being
/// connected, as when an interface is meshed twice; contact cannot start from zero distance, and the
/// two sides are not tied either. Corner polygons stand for the elements (valid elements have convex
/// ones); positions within 1e-9 of an element's longest edge count as on its boundary.
/// </summary>
internal static class MeshOverlap
{
    public static void Check(Mesh mesh, string source, MeshNames names)
    {
        if (mesh.ElementCount == 0) return;
        var bodyOfNode = BodyOfNode(mesh);
        var grid = new ElementGrid(mesh);
        var corner = new bool[mesh.NodeCount];
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e);
            for (int a = 0; a < mesh.Types[e].CornerCount(); a++) corner[nodes[a]] = true;
        }
        for (int p = 0; p < mesh.NodeCount; p++)
        {
            if (!corner[p]) continue;
            foreach (int e in grid.Near(mesh.Nodes[p]))
            {
                var nodes = mesh.ElementNodes(e);
                if (nodes.Contains(p)) continue;
                double d = SignedDistance(mesh, e, mesh.Nodes[p]);
                bool sameBody = bodyOfNode[nodes[0]] == bodyOfNode[p];
                if (d > 0)
                    throw new InputException(source, names.Node(p), sameBody
                        ? $"it lies inside {names.Element(e)} without being one of its nodes: elements overlap there (a folded region, or two surfaces meshed over the same area). Expected elements that do not overlap"
                        : $"it lies inside {names.Element(e)}, an element of another body: the bodies overlap. Expected bodies that do not overlap");
                if (d == 0 && !sameBody)
                    throw new InputException(source, names.Node(p), $"it lies on the boundary of {names.Element(e)}, but the two belong to separate bodies that share no node: " +
                        "the body is not connected to its neighbour (an interface meshed twice), and contact cannot start from touching bodies. " +
                        "Expected shared nodes along the interface (in Gmsh, surfaces that share their curves), or a gap between the bodies");
            }
        }
    }

    /// <summary>Distance of p inside the element's corner polygon (positive inside), 0 within the
    /// tolerance of its boundary, negative outside.</summary>
    static double SignedDistance(Mesh mesh, int e, Vec2 p)
    {
        var nodes = mesh.ElementNodes(e);
        int k = mesh.Types[e].CornerCount();
        double inside = double.PositiveInfinity, longest = 0;
        for (int i = 0; i < k; i++)
        {
            Vec2 a = mesh.Nodes[nodes[i]], b = mesh.Nodes[nodes[(i + 1) % k]];
            double length = (b - a).Length;
            longest = Math.Max(longest, length);
            inside = Math.Min(inside, Vec2.Cross(b - a, p - a) / length);
        }
        double tol = 1e-9 * longest;
        return inside > tol ? inside : inside >= -tol ? 0 : inside;
    }

    static int[] BodyOfNode(Mesh mesh)
    {
        var body = new int[mesh.NodeCount];
        Array.Fill(body, -1);
        var bodies = BodyRemesher.Bodies(mesh);
        for (int b = 0; b < bodies.Count; b++)
            foreach (int e in bodies[b])
                foreach (int n in mesh.ElementNodes(e)) body[n] = b;
        return body;
    }

    /// <summary>Elements listed per cell of a uniform grid (compressed rows), by bounding box.</summary>
    sealed class ElementGrid
    {
        readonly Vec2 lo;
        readonly double cell;
        readonly int nx, ny;
        readonly int[] start, items;

        public ElementGrid(Mesh mesh)
        {
            var (min, max) = mesh.BoundingBox();
            double w = Math.Max(max.X - min.X, 1e-300), h = Math.Max(max.Y - min.Y, 1e-300);
            int target = Math.Clamp((int)Math.Sqrt(mesh.ElementCount), 1, 2048);
            cell = Math.Max(w, h) / target;
            lo = min;
            nx = Math.Clamp((int)(w / cell) + 1, 1, 4096);
            ny = Math.Clamp((int)(h / cell) + 1, 1, 4096);
            start = new int[nx * ny + 1];
            for (int pass = 0; pass < 2; pass++)
            {
                var fill = pass == 0 ? start : (int[])start.Clone();
                for (int e = 0; e < mesh.ElementCount; e++)
                {
                    var (i0, j0, i1, j1) = Cells(mesh, e);
                    for (int j = j0; j <= j1; j++)
                        for (int i = i0; i <= i1; i++)
                            if (pass == 0) start[j * nx + i + 1]++;
                            else items![fill[j * nx + i]++] = e;
                }
                if (pass == 0)
                {
                    for (int c = 0; c < nx * ny; c++) start[c + 1] += start[c];
                    items = new int[start[^1]];
                }
            }
            items ??= [];
        }

        public ReadOnlySpan<int> Near(Vec2 p)
        {
            int c = Index(p.Y - lo.Y, ny) * nx + Index(p.X - lo.X, nx);
            return items.AsSpan(start[c], start[c + 1] - start[c]);
        }

        int Index(double offset, int count) => Math.Clamp((int)(offset / cell), 0, count - 1);

        (int, int, int, int) Cells(Mesh mesh, int e)
        {
            double x0 = double.PositiveInfinity, y0 = double.PositiveInfinity, x1 = double.NegativeInfinity, y1 = double.NegativeInfinity;
            foreach (int n in mesh.ElementNodes(e))
            {
                var p = mesh.Nodes[n];
                x0 = Math.Min(x0, p.X); y0 = Math.Min(y0, p.Y); x1 = Math.Max(x1, p.X); y1 = Math.Max(y1, p.Y);
            }
            // widened by the boundary tolerance, so that a node on an edge finds the element
            double pad = 1e-9 * Math.Max(x1 - x0, y1 - y0);
            return (Index(x0 - pad - lo.X, nx), Index(y0 - pad - lo.Y, ny), Index(x1 + pad - lo.X, nx), Index(y1 + pad - lo.Y, ny));
        }
    }
}
