using CreepCell.Geometry;
using CreepCell.Geometry.Packing;

namespace CreepCell.Meshing;

/// <summary>A particle boundary as the mesher gets it: counter-clockwise points and, per point i, the
/// fillet circle that the edge from point i to point i + 1 lies on (null: a straight edge).</summary>
internal sealed record Outline(Vec2[] Points, FilletArc?[] Arcs)
{
    /// <summary>True when point i ends or starts a fillet edge.</summary>
    public bool OnFillet(int i) => Arcs[i] is not null || Arcs[(i + Arcs.Length - 1) % Arcs.Length] is not null;
}

/// <summary>
/// Splits a packed particle's boundary for meshing: every fillet arc gets at least a given number of
/// edges and no edge is longer than a given length. Points added on a fillet lie on its circle, points
/// added on a straight edge on that edge, so the outline converges to the packing's shape as it is
/// refined instead of changing with the edge length (as the packing's own edge length does).
/// </summary>
internal static class ParticleOutline
{
    public static Outline Refine(Particle p, int filletEdges, double? boundaryEdge)
    {
        int n = p.Vertices.Length;
        var arcs = p.EdgeArcs.Length == n ? p.EdgeArcs : new FilletArc?[n];
        // a run of one circle all round has no start or end to hold on to: keep it as it is
        if (arcs.All(a => a is not null && a == arcs[0])) arcs = new FilletArc?[n];
        int start = RunStart(arcs);
        var points = new List<Vec2>(n);
        var outArcs = new List<FilletArc?>(n);
        for (int k = 0; k < n;)
        {
            int i = (start + k) % n;
            int run = 1;
            if (arcs[i] is { } circle)
            {
                while (k + run < n && arcs[(i + run) % n] == circle) run++;
                AddArc(points, outArcs, p.Vertices, i, run, circle, filletEdges, boundaryEdge);
            }
            else AddStraight(points, outArcs, p.Vertices[i], p.Vertices[(i + 1) % n], boundaryEdge);
            k += run;
        }
        return new Outline(points.ToArray(), outArcs.ToArray());
    }

    /// <summary>An index whose edge does not continue the fillet of the edge before it.</summary>
    static int RunStart(FilletArc?[] arcs)
    {
        int n = arcs.Length;
        for (int i = 0; i < n; i++)
            if (arcs[i] != arcs[(i + n - 1) % n]) return i;
        return 0;
    }

    /// <summary>The fillet from vertex i over run edges: kept as it is when it already has enough edges,
    /// else points at equal angles on its circle (the fillet turns counter-clockwise, as the particle).</summary>
    static void AddArc(List<Vec2> points, List<FilletArc?> arcs, Vec2[] v, int i, int run, FilletArc c,
        int filletEdges, double? boundaryEdge)
    {
        Vec2 a = v[i], b = v[(i + run) % v.Length];
        double from = Math.Atan2(a.Y - c.Centre.Y, a.X - c.Centre.X);
        double turn = Math.Atan2(b.Y - c.Centre.Y, b.X - c.Centre.X) - from;
        while (turn <= 0) turn += 2 * Math.PI;
        int pieces = Math.Max(run, Math.Max(filletEdges, Pieces(c.Radius * turn, boundaryEdge)));
        if (pieces == run)
        {
            for (int k = 0; k < run; k++) { points.Add(v[(i + k) % v.Length]); arcs.Add(c); }
            return;
        }
        points.Add(a);
        arcs.Add(c);
        for (int k = 1; k < pieces; k++)
        {
            double phi = from + turn * k / pieces;
            points.Add(c.Centre + c.Radius * new Vec2(Math.Cos(phi), Math.Sin(phi)));
            arcs.Add(c);
        }
    }

    static void AddStraight(List<Vec2> points, List<FilletArc?> arcs, Vec2 a, Vec2 b, double? boundaryEdge)
    {
        int pieces = Math.Max(1, Pieces((b - a).Length, boundaryEdge));
        for (int k = 0; k < pieces; k++)
        {
            points.Add(a + ((double)k / pieces) * (b - a));
            arcs.Add(null);
        }
    }

    /// <summary>Pieces of at most h along a length (the tolerance keeps an edge of exactly h whole).</summary>
    static int Pieces(double length, double? h) => h is { } e ? (int)Math.Ceiling(length / e - 1e-9) : 1;

    /// <summary>
    /// Near-contact points per body: a fillet point of body i closer than reach to the boundary of another
    /// body j is one of body i's, and the nearest point of j's boundary one of body j's. These are where a
    /// rounded corner can be pressed into a neighbour and the contact pressure concentrates.
    /// </summary>
    public static List<Vec2>[] NearContactPoints(IReadOnlyList<Outline> outlines, double reach)
    {
        var hot = outlines.Select(_ => new List<Vec2>()).ToArray();
        var boxes = outlines.Select(Box).ToArray();
        for (int i = 0; i < outlines.Count; i++)
        {
            var o = outlines[i];
            for (int k = 0; k < o.Points.Length; k++)
            {
                if (!o.OnFillet(k)) continue;
                var v = o.Points[k];
                for (int j = 0; j < outlines.Count; j++)
                {
                    if (j == i || BoxDistance(boxes[j], v) >= reach) continue;
                    var (d, q) = Nearest(outlines[j].Points, v);
                    if (d >= reach) continue;
                    hot[i].Add(v);
                    hot[j].Add(q);
                }
            }
        }
        return hot;
    }

    /// <summary>The edge-length field around near-contact points: fine + grading x distance to the nearest.</summary>
    public static Func<Vec2, double> SizeField(IReadOnlyList<Vec2> near, double fine, double grading) => x =>
    {
        double d2 = double.PositiveInfinity;
        foreach (var q in near)
        {
            double dx = x.X - q.X, dy = x.Y - q.Y;
            d2 = Math.Min(d2, dx * dx + dy * dy);
        }
        return fine + grading * Math.Sqrt(d2);
    };

    /// <summary>Distance from p to a closed polygon and the nearest point on it.</summary>
    public static (double Distance, Vec2 Point) Nearest(Vec2[] polygon, Vec2 p)
    {
        double best = double.PositiveInfinity;
        Vec2 at = polygon[0];
        for (int k = 0; k < polygon.Length; k++)
        {
            Vec2 a = polygon[k], b = polygon[(k + 1) % polygon.Length], ab = b - a;
            double len2 = Vec2.Dot(ab, ab);
            double t = len2 > 0 ? Math.Clamp(Vec2.Dot(p - a, ab) / len2, 0, 1) : 0;
            var q = a + t * ab;
            double d = (p - q).Length;
            if (d < best) { best = d; at = q; }
        }
        return (best, at);
    }

    static (Vec2 Min, Vec2 Max) Box(Outline o) =>
        (new Vec2(o.Points.Min(p => p.X), o.Points.Min(p => p.Y)), new Vec2(o.Points.Max(p => p.X), o.Points.Max(p => p.Y)));

    static double BoxDistance((Vec2 Min, Vec2 Max) box, Vec2 p)
    {
        double dx = Math.Max(0, Math.Max(box.Min.X - p.X, p.X - box.Max.X));
        double dy = Math.Max(0, Math.Max(box.Min.Y - p.Y, p.Y - box.Max.Y));
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
