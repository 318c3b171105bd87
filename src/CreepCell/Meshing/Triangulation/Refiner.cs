using CreepCell.Geometry;

namespace CreepCell.Meshing.Triangulation;

/// <summary>
/// Delaunay refinement after Ruppert ("A Delaunay refinement algorithm for quality 2-dimensional mesh
/// generation", J. Algorithms 18, 1995) as described by Shewchuk ("Delaunay refinement algorithms for
/// triangular mesh generation", CGTA 22, 2002): encroached subsegments (a vertex inside their diametral
/// circle) are split first; a triangle with an angle below the bound or an edge longer than the local
/// size gets its circumcentre, unless that point encroaches a subsegment or lies beyond one, in which
/// case the subsegment is split instead. Segments next to sharp input corners are split on concentric
/// shells and triangles wedged into such corners are left alone, which guarantees termination.
/// </summary>
internal sealed class Refiner
{
    readonly Cdt cdt;
    readonly Func<Vec2, int, double> size;
    readonly double sin2;
    readonly int maxVertices;
    readonly bool[] sharp;
    readonly Queue<(int Tri, int Gen)> triangles = new();
    readonly Queue<int> segments = new();
    readonly List<int> encroached = new();
    readonly HashSet<int> unsplittable = new();
    public int Skipped { get; private set; }

    public Refiner(Cdt cdt, Func<Vec2, int, double> size, double minAngleDegrees, int maxVertices, bool[] sharp)
    {
        this.cdt = cdt;
        this.size = size;
        double s = Math.Sin(minAngleDegrees * Math.PI / 180);
        sin2 = s * s;
        this.maxVertices = maxVertices;
        this.sharp = sharp;
    }

    public void Run()
    {
        for (int s = 0; s < cdt.Segments.Count; s++) segments.Enqueue(s);
        for (int t = 0; t < cdt.TriCapacityUsed; t++)
            if (cdt.Alive(t)) triangles.Enqueue((t, cdt.Gen[t]));
        while (cdt.Points.Count < maxVertices)
        {
            if (segments.Count > 0)
            {
                int s = segments.Dequeue();
                if (NeedsSplit(s)) Split(s);
                continue;
            }
            if (triangles.Count == 0) break;
            var (t, g) = triangles.Dequeue();
            if (cdt.Alive(t) && cdt.Gen[t] == g && IsBad(t)) Refine(t);
        }
    }

    bool NeedsSplit(int s)
    {
        if (unsplittable.Contains(s)) return false;
        var sg = cdt.Segments[s];
        Vec2 a = cdt.Points[sg.A], b = cdt.Points[sg.B];
        int t = cdt.TriangleWithSegment(s);
        if (t < 0) return false;
        double h = double.PositiveInfinity;
        var mid = 0.5 * (a + b);
        foreach (int tri in new[] { t, NeighbourAcross(t, s) })
        {
            if (tri < 0) continue;
            int side = SideOf(tri, s);
            var apex = cdt.P(tri, (side + 2) % 3);
            if (Vec2.Dot(a - apex, b - apex) < 0) return true;
            h = Math.Min(h, size(mid, cdt.Region[tri]));
        }
        return (b - a).Length > h;
    }

    int SideOf(int t, int s)
    {
        for (int i = 0; i < 3; i++) if (cdt.S[3 * t + i] == s) return i;
        return -1;
    }

    int NeighbourAcross(int t, int s) => cdt.N[3 * t + SideOf(t, s)];

    void Split(int s)
    {
        var sg = cdt.Segments[s];
        Vec2 a = cdt.Points[sg.A], b = cdt.Points[sg.B];
        double frac = ShellFraction(sg);
        List<int>? created = null;
        bool ok = false;
        if (sg.Curve is not null)
        {
            double t = sg.T0 + frac * (sg.T1 - sg.T0);
            ok = cdt.SplitSegment(s, sg.Curve.Point(t), t, out created);
        }
        if (!ok) ok = cdt.SplitSegment(s, a + frac * (b - a), sg.T0 + frac * (sg.T1 - sg.T0), out created);
        if (!ok) { unsplittable.Add(s); return; }
        segments.Enqueue(s);
        segments.Enqueue(cdt.Segments.Count - 1);
        foreach (int t in created!)
        {
            triangles.Enqueue((t, cdt.Gen[t]));
            for (int i = 0; i < 3; i++)
                if (cdt.S[3 * t + i] >= 0) segments.Enqueue(cdt.S[3 * t + i]);
        }
    }

    /// <summary>Midpoint, or a power-of-two distance from a sharp input corner (concentric shells).</summary>
    double ShellFraction(Subsegment sg)
    {
        bool sa = cdt.Kind[sg.A] == 0 && sharp[sg.A], sb = cdt.Kind[sg.B] == 0 && sharp[sg.B];
        if (sa == sb) return 0.5;
        double len = (cdt.Points[sg.B] - cdt.Points[sg.A]).Length;
        double d = Math.Pow(2, Math.Round(Math.Log2(0.5 * len)));
        double f = Math.Clamp(d / len, 0.25, 0.75);
        return sa ? f : 1 - f;
    }

    bool IsBad(int t)
    {
        Vec2 a = cdt.P(t, 0), b = cdt.P(t, 1), c = cdt.P(t, 2);
        double la = (b - c).Length, lb = (c - a).Length, lc = (a - b).Length;
        double longest = Math.Max(la, Math.Max(lb, lc));
        var centroid = (1.0 / 3) * (a + b + c);
        if (longest > size(centroid, cdt.Region[t])) return true;
        double area2 = Vec2.Cross(b - a, c - a);
        double shortest = Math.Min(la, Math.Min(lb, lc));
        // sin(min angle) = shortest / (2 R) with R = la lb lc / (2 area2)
        double sinMin = shortest * area2 / (la * lb * lc);
        if (sinMin * sinMin >= sin2) return false;
        return !InSharpCorner(t, la, lb, lc);
    }

    /// <summary>Shortest edge joins two vertices on segments that meet at the same sharp input vertex.</summary>
    bool InSharpCorner(int t, double la, double lb, double lc)
    {
        int k = la <= lb && la <= lc ? 1 : lb <= lc ? 2 : 0; // edge k runs from vertex k
        int u = cdt.V[3 * t + k], w = cdt.V[3 * t + (k + 1) % 3];
        var ou = cdt.Origin[u];
        var ow = cdt.Origin[w];
        foreach (int x in new[] { ou.A, ou.B })
            if (x >= 0 && sharp[x] && (x == ow.A || x == ow.B)) return true;
        return false;
    }

    void Refine(int t)
    {
        var c = Circumcentre(t);
        var (ct, blocking) = WalkTo(t, c);
        if (blocking >= 0)
        {
            SplitAndRetry(blocking, t);
            return;
        }
        if (ct < 0 || !cdt.BuildCavity(c, ct, -1))
        {
            int onSeg = SegmentUnder(ct, c);
            if (onSeg >= 0) SplitAndRetry(onSeg, t);
            else Skipped++;
            return;
        }
        cdt.EncroachedByCavityPoint(c, encroached);
        if (encroached.Count > 0)
        {
            var list = encroached.ToArray();
            bool any = false;
            foreach (int s in list)
                if (!unsplittable.Contains(s)) { Split(s); any = true; }
            if (any) Requeue(t); else Skipped++;
            return;
        }
        var created = cdt.CommitCavity(c, 2, -1, ReadOnlySpan<(int, int, int)>.Empty, out _);
        foreach (int n in created) triangles.Enqueue((n, cdt.Gen[n]));
    }

    void SplitAndRetry(int s, int t)
    {
        if (unsplittable.Contains(s)) { Skipped++; return; }
        Split(s);
        Requeue(t);
    }

    void Requeue(int t)
    {
        if (cdt.Alive(t)) triangles.Enqueue((t, cdt.Gen[t]));
    }

    int SegmentUnder(int t, Vec2 p)
    {
        if (t < 0) return -1;
        for (int i = 0; i < 3; i++)
            if (cdt.S[3 * t + i] >= 0 && cdt.Orient(cdt.V[3 * t + i], cdt.V[3 * t + (i + 1) % 3], p) == 0)
                return cdt.S[3 * t + i];
        return -1;
    }

    Vec2 Circumcentre(int t)
    {
        Vec2 a = cdt.P(t, 0), b = cdt.P(t, 1), c = cdt.P(t, 2);
        Vec2 ab = b - a, ac = c - a;
        double d = 2 * Vec2.Cross(ab, ac);
        double b2 = Vec2.Dot(ab, ab), c2 = Vec2.Dot(ac, ac);
        return a + new Vec2((ac.Y * b2 - ab.Y * c2) / d, (ab.X * c2 - ac.X * b2) / d);
    }

    /// <summary>Walks along the straight line from the centroid of t to p. Returns the triangle holding p
    /// or the subsegment that hides p from t.</summary>
    (int Tri, int Blocking) WalkTo(int t, Vec2 p)
    {
        var q = (1.0 / 3) * (cdt.P(t, 0) + cdt.P(t, 1) + cdt.P(t, 2));
        int entry = -1;
        for (int step = 0; step < 100000; step++)
        {
            int exit = -1;
            for (int i = 0; i < 3 && exit < 0; i++)
            {
                if (i == entry) continue;
                int u = cdt.V[3 * t + i], v = cdt.V[3 * t + (i + 1) % 3];
                if (cdt.Orient(u, v, p) < 0
                    && Predicates.Orient(q, p, cdt.Points[u]) <= 0 && Predicates.Orient(q, p, cdt.Points[v]) >= 0)
                    exit = i;
            }
            for (int i = 0; i < 3 && exit < 0; i++)
                if (i != entry && cdt.Orient(cdt.V[3 * t + i], cdt.V[3 * t + (i + 1) % 3], p) < 0) exit = i;
            if (exit < 0) return (t, -1);
            if (cdt.S[3 * t + exit] >= 0) return (-1, cdt.S[3 * t + exit]);
            int nb = cdt.N[3 * t + exit];
            if (nb < 0) return (-1, -1);
            entry = cdt.SideFrom(nb, cdt.V[3 * t + (exit + 1) % 3]);
            t = nb;
        }
        return (-1, -1);
    }
}
