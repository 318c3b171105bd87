using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>
/// The parabola of a quadratic edge through start, mid-node and end, parametrized by the fraction s of
/// its arc length: a deformed edge's mid-node can sit far from the middle, and pieces and mid-nodes placed
/// at equal parameter steps would then crowd at one end.
/// </summary>
internal sealed class QuadraticEdge : ICurve
{
    const int Samples = 32;
    readonly Vec2 start, mid, end;
    readonly double[] arc = new double[Samples + 1];

    public QuadraticEdge(Vec2 start, Vec2 mid, Vec2 end)
    {
        (this.start, this.mid, this.end) = (start, mid, end);
        for (int k = 1; k <= Samples; k++) arc[k] = arc[k - 1] + (AtParameter((double)k / Samples) - AtParameter((k - 1.0) / Samples)).Length;
    }

    public Vec2 Start => start;
    public Vec2 End => end;
    public double Length() => arc[Samples];

    /// <summary>The isoparametric map: t = 0, 1/2, 1 at start, mid-node, end.</summary>
    public Vec2 AtParameter(double t) => (1 - t) * (1 - 2 * t) * start + 4 * t * (1 - t) * mid + t * (2 * t - 1) * end;

    /// <summary>The point at arc-length fraction s (linear between samples of the parabola).</summary>
    public Vec2 Point(double s)
    {
        if (s <= 0) return start;
        if (s >= 1) return end;
        double target = s * arc[Samples];
        int k = Array.BinarySearch(arc, target);
        if (k >= 0) return AtParameter((double)k / Samples);
        k = ~k - 1;
        double f = (target - arc[k]) / Math.Max(arc[k + 1] - arc[k], 1e-300);
        return AtParameter((k + f) / Samples);
    }
}

/// <summary>
/// A new mesh of one body in its deformed shape. The boundary keeps every old corner node where it is
/// and follows the old boundary exactly: each old edge is a parabola (its mid-node on it), edges
/// stretched beyond 1.5 boundary lengths are cut into pieces of that parabola, and the refinement may
/// split them further only on it. The interior is meshed anew with the quality mesher
/// (<see cref="TriangleMesher"/>, minimum angle and largest edge as given).
/// </summary>
internal static class BodyRemesher
{
    /// <returns>The body mesh (one region, the body's phase; nodes at the deformed positions), or null when
    /// the body is not one phase of triangles of one kind, its boundary is not one closed loop (a
    /// self-touching outline) or crosses itself, or a curved boundary piece would fold an element.</returns>
    /// <param name="size">an optional edge-length field over the deformed shape (finer near contacts)</param>
    public static Mesh? Remesh(Mesh mesh, double[] u, IReadOnlyList<int> elements, double boundaryEdge, double interiorEdge, double minAngle,
        Func<Vec2, double>? size = null)
    {
        Vec2 X(int n) => mesh.Nodes[n] + new Vec2(u[2 * n], u[2 * n + 1]);
        if (elements.Any(e => mesh.Types[e] != mesh.Types[elements[0]] || mesh.Types[e] is not (ElementType.Tri3 or ElementType.Tri6)
            || mesh.Region[e] != mesh.Region[elements[0]])) return null;
        var loop = BoundaryLoop(mesh, elements);
        if (loop is null) return null;
        var g = new PlanarGraph();
        var outline = new List<Vec2>();
        foreach (var (a, b, mid) in loop)
        {
            var curve = new QuadraticEdge(X(a), mid >= 0 ? X(mid) : 0.5 * (X(a) + X(b)), X(b));
            int pieces = Math.Max(1, (int)Math.Round(curve.Length() / boundaryEdge));
            int previous = g.AddPoint(curve.Start);
            for (int k = 1; k <= pieces; k++)
            {
                outline.Add(curve.Point((k - 1.0) / pieces));
                int next = g.AddPoint(k == pieces ? curve.End : curve.Point((double)k / pieces));
                g.AddSegment(previous, next, "boundary", curve, (k - 1.0) / pieces, (double)k / pieces);
                previous = next;
            }
        }
        string phase = mesh.RegionNames[mesh.Region[elements[0]]];
        g.AddRegion(phase, outline);
        bool quadratic = mesh.Types[elements[0]] == ElementType.Tri6;
        Mesh body;
        try
        {
            body = TriangleMesher.Mesh(g, new MeshOptions { MinAngleDegrees = minAngle, MaxEdge = interiorEdge, SecondOrder = quadratic, SizeFunction = size });
        }
        catch (ArgumentException)
        {
            return null; // the outline crosses itself
        }
        StraightenFoldingEdges(body);
        return Enumerable.Range(0, body.ElementCount).All(e => Valid(body, e)) ? body : null;
    }

    /// <summary>
    /// Mid-nodes of the elements that a curved boundary piece folds go to the middle of their chord: the
    /// boundary there moves by the piece's sagitta (a sharp bend of the old outline), less than a fold costs.
    /// </summary>
    static void StraightenFoldingEdges(Mesh body)
    {
        if (body.Types.Any(t => t != ElementType.Tri6)) return;
        for (int e = 0; e < body.ElementCount; e++)
        {
            if (Valid(body, e)) continue;
            var nodes = body.ElementNodes(e);
            for (int i = 0; i < 3; i++)
                body.Nodes[nodes[3 + i]] = 0.5 * (body.Nodes[nodes[i]] + body.Nodes[nodes[(i + 1) % 3]]);
        }
    }

    /// <summary>Positive Jacobian at the quadrature points, corners and edge midpoints: a mid-node on a
    /// strongly curved boundary piece can fold a quadratic element.</summary>
    public static bool Valid(Mesh mesh, int e)
    {
        var t = mesh.Types[e];
        var nodes = mesh.ElementNodes(e);
        Span<double> n = stackalloc double[9], dn = stackalloc double[18];
        var probes = CreepCell.Fem.ReferenceElement.Of(t).Points.Concat(new[] { (0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (0.5, 0.0), (0.5, 0.5), (0.0, 0.5) });
        foreach (var (xi, eta) in probes)
        {
            CreepCell.Fem.ReferenceElement.Evaluate(t, xi, eta, n, dn);
            double j00 = 0, j01 = 0, j10 = 0, j11 = 0;
            for (int a = 0; a < nodes.Length; a++)
            {
                var x = mesh.Nodes[nodes[a]];
                j00 += x.X * dn[2 * a]; j01 += x.X * dn[2 * a + 1]; j10 += x.Y * dn[2 * a]; j11 += x.Y * dn[2 * a + 1];
            }
            if (j00 * j11 - j01 * j10 <= 0) return false;
        }
        return true;
    }

    /// <summary>Elements grouped into bodies (connected through shared nodes), in element order.</summary>
    public static List<int[]> Bodies(Mesh mesh)
    {
        var parent = Enumerable.Range(0, mesh.NodeCount).ToArray();
        int Find(int n) { while (parent[n] != n) n = parent[n] = parent[parent[n]]; return n; }
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e);
            for (int a = 1; a < nodes.Length; a++) parent[Find(nodes[a])] = Find(nodes[0]);
        }
        return Enumerable.Range(0, mesh.ElementCount).GroupBy(e => Find(mesh.ElementNodes(e)[0])).Select(g => g.ToArray()).ToList();
    }

    /// <summary>Sizes of a body's mesh in its reference: the median boundary edge and the longest edge.</summary>
    public static (double Boundary, double Longest) ReferenceEdges(Mesh mesh, IReadOnlyList<int> elements)
    {
        var boundary = (BoundaryLoop(mesh, elements) ?? new()).Select(ed => (mesh.Nodes[ed.B] - mesh.Nodes[ed.A]).Length).Order().ToArray();
        double longest = elements.Max(e =>
        {
            var n = mesh.ElementNodes(e);
            return Math.Max((mesh.Nodes[n[1]] - mesh.Nodes[n[0]]).Length, Math.Max((mesh.Nodes[n[2]] - mesh.Nodes[n[1]]).Length, (mesh.Nodes[n[0]] - mesh.Nodes[n[2]]).Length));
        });
        return (boundary.Length > 0 ? boundary[boundary.Length / 2] : longest, longest);
    }

    /// <summary>The body's boundary edges (start, end, mid-node or -1) chained counter-clockwise, or null if
    /// they do not form one closed loop.</summary>
    public static List<(int A, int B, int Mid)>? BoundaryLoop(Mesh mesh, IReadOnlyList<int> elements)
    {
        var count = new Dictionary<(int, int), int>();
        var edges = new List<(int A, int B, int Mid)>();
        foreach (int e in elements)
        {
            var nodes = mesh.ElementNodes(e);
            for (int i = 0; i < 3; i++)
            {
                var key = nodes[i] < nodes[(i + 1) % 3] ? (nodes[i], nodes[(i + 1) % 3]) : (nodes[(i + 1) % 3], nodes[i]);
                count[key] = count.GetValueOrDefault(key) + 1;
            }
        }
        foreach (int e in elements)
        {
            var nodes = mesh.ElementNodes(e);
            bool ccw = MeshQuality.CornerArea(mesh, e) > 0;
            for (int i = 0; i < 3; i++)
            {
                int a = nodes[i], b = nodes[(i + 1) % 3], mid = nodes.Length == 6 ? nodes[3 + i] : -1;
                if (count[a < b ? (a, b) : (b, a)] != 1) continue;
                edges.Add(ccw ? (a, b, mid) : (b, a, mid));
            }
        }
        var from = new Dictionary<int, int>();
        for (int k = 0; k < edges.Count; k++)
            if (!from.TryAdd(edges[k].A, k)) return null;
        var loop = new List<(int, int, int)>(edges.Count);
        int at = edges[0].A;
        do
        {
            if (!from.TryGetValue(at, out int k) || loop.Count > edges.Count) return null;
            loop.Add(edges[k]);
            at = edges[k].B;
        } while (at != edges[0].A);
        return loop.Count == edges.Count ? loop : null;
    }
}
