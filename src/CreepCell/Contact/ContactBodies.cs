using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Contact;

/// <summary>
/// The separate bodies of a mesh (connected components through shared nodes) and their boundaries as
/// straight segments. A segment runs A to B with its body on the left, so the outward normal is the
/// right-hand normal (t.Y, -t.X) of the direction t. A three-node boundary edge of a quadratic element is
/// split into the two straight segments end-mid and mid-end: the contact surface is then the chord
/// polygon through the edge nodes, off the true quadratic edge by at most about h^2 / (8 R) on an arc of
/// radius R and edge length h.
/// </summary>
internal sealed class ContactBodies
{
    public int BodyCount { get; }
    /// <summary>Body of each node, -1 for nodes of no element.</summary>
    public int[] BodyOfNode { get; }
    /// <summary>Region (phase) of each body: the region of its first element.</summary>
    public int[] RegionOfBody { get; }
    public double[] BodyArea { get; }
    public int[] SegmentA { get; }
    public int[] SegmentB { get; }
    public int[] BodyOfSegment { get; }
    /// <summary>Boundary nodes, ascending.</summary>
    public int[] Points { get; }
    /// <summary>Index into <see cref="Points"/> of each node, -1 for interior nodes.</summary>
    public int[] PointIndex { get; }
    /// <summary>
    /// Reference tributary boundary length of each point: half its two segments; at a corner (the
    /// boundary turns by more than 45 degrees) only the shorter half, since one side at most faces a
    /// contact partner there.
    /// </summary>
    public double[] PointWeight { get; }
    /// <summary>Closed loops of boundary nodes, in segment order (body on the left).</summary>
    public int[][] Loops { get; }
    /// <summary>True for the middle nodes of quadratic boundary edges (indexed by node).</summary>
    public bool[] MidNode { get; }
    /// <summary>Quadratic boundary edges (end, middle, end) with the shape of each in the reference
    /// configuration: the middle node's offset from the midpoint of the ends is Along d + Across perp(d),
    /// d = X_B - X_A, perp(d) = (-d.y, d.x); both zero on a straight edge.</summary>
    public EdgeShape[] QuadraticEdges { get; }
    /// <summary>Lumped reference area of each node (element area shared equally among its nodes).</summary>
    public double[] NodeArea { get; }

    public ContactBodies(Mesh mesh)
    {
        (BodyOfNode, BodyCount) = Components(mesh);
        RegionOfBody = new int[BodyCount];
        Array.Fill(RegionOfBody, -1);
        BodyArea = new double[BodyCount];
        NodeArea = new double[mesh.NodeCount];
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e);
            int body = BodyOfNode[nodes[0]];
            if (RegionOfBody[body] < 0) RegionOfBody[body] = mesh.Region[e];
            double area = Math.Abs(CornerArea(mesh, e));
            BodyArea[body] += area;
            foreach (int n in nodes) NodeArea[n] += area / nodes.Length;
        }
        var (a, b, quadratic) = BoundarySegments(mesh);
        MidNode = new bool[mesh.NodeCount];
        foreach (var edge in quadratic) MidNode[edge.Mid] = true;
        QuadraticEdges = quadratic.Select(e => EdgeShape.Of(mesh, e.A, e.Mid, e.B)).ToArray();
        SegmentA = a;
        SegmentB = b;
        BodyOfSegment = a.Select(n => BodyOfNode[n]).ToArray();
        Points = a.Concat(b).Distinct().Order().ToArray();
        PointIndex = new int[mesh.NodeCount];
        Array.Fill(PointIndex, -1);
        for (int i = 0; i < Points.Length; i++) PointIndex[Points[i]] = i;
        PointWeight = Weights(mesh, a, b);
        Loops = TraceLoops(a, b, mesh.NodeCount);
    }

    public int SegmentCount => SegmentA.Length;

    /// <summary>
    /// Shares of segment s's length that its ends A and B carry of a uniform traction: the integrals of the
    /// edge shape functions, 1/2 and 1/2 on a linear edge; on a half of a quadratic edge, 1/3 at the end
    /// node and 2/3 at the middle node (L/6, 2L/3, L/6 over the whole edge).
    /// </summary>
    public (double A, double B) TractionShares(int s) =>
        MidNode[SegmentA[s]] ? (2.0 / 3, 1.0 / 3) : MidNode[SegmentB[s]] ? (1.0 / 3, 2.0 / 3) : (0.5, 0.5);

    /// <summary>Mean equivalent radius sqrt(A / pi) of the bodies.</summary>
    public double MeanRadius() => BodyArea.Average(x => Math.Sqrt(x / Math.PI));

    double[] Weights(Mesh mesh, int[] a, int[] b)
    {
        var incoming = new Vec2[Points.Length];
        var outgoing = new Vec2[Points.Length];
        for (int s = 0; s < a.Length; s++)
        {
            var d = mesh.Nodes[b[s]] - mesh.Nodes[a[s]];
            outgoing[PointIndex[a[s]]] = d;
            incoming[PointIndex[b[s]]] = d;
        }
        var w = new double[Points.Length];
        double cos45 = Math.Sqrt(0.5);
        for (int i = 0; i < w.Length; i++)
        {
            double li = incoming[i].Length, lo = outgoing[i].Length;
            bool corner = Vec2.Dot(incoming[i], outgoing[i]) < cos45 * li * lo;
            w[i] = corner ? 0.5 * Math.Min(li, lo) : 0.5 * (li + lo);
        }
        return w;
    }

    static (int[] Body, int Count) Components(Mesh mesh)
    {
        var parent = Enumerable.Range(0, mesh.NodeCount).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        var used = new bool[mesh.NodeCount];
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e);
            foreach (int n in nodes)
            {
                used[n] = true;
                int r0 = Find(nodes[0]), r1 = Find(n);
                if (r0 != r1) parent[Math.Max(r0, r1)] = Math.Min(r0, r1);
            }
        }
        var body = new int[mesh.NodeCount];
        var label = new Dictionary<int, int>();
        for (int n = 0; n < mesh.NodeCount; n++)
        {
            if (!used[n]) { body[n] = -1; continue; }
            int r = Find(n);
            if (!label.TryGetValue(r, out int id)) { id = label.Count; label[r] = id; }
            body[n] = id;
        }
        return (body, label.Count);
    }

    static double CornerArea(Mesh mesh, int e)
    {
        var nodes = mesh.ElementNodes(e);
        int c = mesh.Types[e].CornerCount();
        double twice = 0;
        for (int k = 0; k < c; k++)
            twice += Vec2.Cross(mesh.Nodes[nodes[k]], mesh.Nodes[nodes[(k + 1) % c]]);
        return 0.5 * twice;
    }

    /// <summary>Element edges that belong to one element only, oriented with the element on the left.</summary>
    static (int[] A, int[] B, List<(int A, int Mid, int B)> Quadratic) BoundarySegments(Mesh mesh)
    {
        var count = new Dictionary<(int, int), int>();
        var edges = new List<(int A, int B, int Mid)>();
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e);
            var t = mesh.Types[e];
            int c = t.CornerCount();
            bool flip = CornerArea(mesh, e) < 0;
            for (int k = 0; k < c; k++)
            {
                int p = nodes[k], q = nodes[(k + 1) % c];
                int mid = t.Order() == 2 ? nodes[c + k] : -1;
                var key = (Math.Min(p, q), Math.Max(p, q));
                count[key] = count.GetValueOrDefault(key) + 1;
                edges.Add(flip ? (q, p, mid) : (p, q, mid));
            }
        }
        var a = new List<int>();
        var b = new List<int>();
        var quadratic = new List<(int, int, int)>();
        foreach (var (p, q, mid) in edges)
        {
            if (count[(Math.Min(p, q), Math.Max(p, q))] != 1) continue;
            if (mid < 0) { a.Add(p); b.Add(q); continue; }
            a.Add(p); b.Add(mid);
            a.Add(mid); b.Add(q);
            quadratic.Add((p, mid, q));
        }
        return (a.ToArray(), b.ToArray(), quadratic);
    }

    static int[][] TraceLoops(int[] a, int[] b, int nodeCount)
    {
        var outgoing = new Dictionary<int, List<int>>();
        for (int s = 0; s < a.Length; s++)
        {
            if (!outgoing.TryGetValue(a[s], out var list)) outgoing[a[s]] = list = new List<int>();
            list.Add(s);
        }
        var used = new bool[a.Length];
        var loops = new List<int[]>();
        for (int s0 = 0; s0 < a.Length; s0++)
        {
            if (used[s0]) continue;
            var loop = new List<int>();
            int s = s0;
            while (s >= 0 && !used[s])
            {
                used[s] = true;
                loop.Add(a[s]);
                s = outgoing.TryGetValue(b[s], out var next) ? next.FirstOrDefault(x => !used[x], -1) : -1;
            }
            loops.Add(loop.ToArray());
        }
        return loops.ToArray();
    }
}
