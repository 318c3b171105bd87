using CreepCell.Geometry;

namespace CreepCell.Meshing.Triangulation;

internal sealed partial class Cdt
{
    int superStart = -1;

    /// <summary>Delaunay triangulation of the points inside a large enclosing triangle whose
    /// vertices are removed later with the exterior.</summary>
    public void Initialize(IReadOnlyList<Vec2> points)
    {
        double x0 = points.Min(p => p.X), x1 = points.Max(p => p.X);
        double y0 = points.Min(p => p.Y), y1 = points.Max(p => p.Y);
        double d = Math.Max(x1 - x0, y1 - y0);
        if (d <= 0) d = 1;
        var c = new Vec2(0.5 * (x0 + x1), 0.5 * (y0 + y1));
        superStart = Points.Count;
        AddVertex(c + new Vec2(-20 * d, -10 * d), 0);
        AddVertex(c + new Vec2(20 * d, -10 * d), 0);
        AddVertex(c + new Vec2(0, 20 * d), 0);
        int last = NewTri(superStart, superStart + 1, superStart + 2, 0);
        foreach (var p in points)
        {
            int t = Locate(p, Alive(last) ? last : VertexTri[Points.Count - 1]);
            if (t < 0 || !BuildCavity(p, t, -1))
                throw new ArgumentException($"cannot insert point ({p.X}, {p.Y}): duplicate or degenerate");
            var tris = CommitCavity(p, 0, -1, ReadOnlySpan<(int, int, int)>.Empty, out _);
            last = tris[0];
        }
    }

    /// <summary>Makes the input segment from a to b an edge of the triangulation (splitting it at
    /// vertices lying exactly on it), retriangulating the crossed triangles on either side.</summary>
    public void InsertSegment(int seg)
    {
        while (true)
        {
            var s = Segments[seg];
            int a = s.A, b = s.B;
            if (MarkExistingEdge(a, b, seg)) return;
            var (t0, onSegment) = FirstCrossing(a, b);
            int end = onSegment >= 0 ? onSegment : RecoverThrough(a, b, t0, seg);
            if (end == b) return;
            // a vertex lies exactly on the segment: keep a-end, continue with end-b
            var rest = new Subsegment { A = end, B = b, Marker = s.Marker, Curve = null, OriginA = s.OriginA, OriginB = s.OriginB };
            s.B = end;
            s.Curve = null;
            MarkExistingEdge(a, end, seg);
            Segments.Add(rest);
            seg = Segments.Count - 1;
        }
    }

    bool MarkExistingEdge(int a, int b, int seg)
    {
        var around = aroundScratch;
        Around(a, around);
        foreach (int t in around)
        {
            int i = SideFrom(t, a);
            if (V[3 * t + (i + 1) % 3] == b) { SetSegmentOnEdge(t, i, seg); return true; }
            int j = (i + 2) % 3;
            if (V[3 * t + j] == b) { SetSegmentOnEdge(t, j, seg); return true; }
        }
        return false;
    }

    void SetSegmentOnEdge(int t, int i, int seg)
    {
        S[3 * t + i] = seg;
        int nb = N[3 * t + i];
        if (nb >= 0) S[3 * nb + SideFrom(nb, V[3 * t + (i + 1) % 3])] = seg;
    }

    /// <summary>The triangle at a that the segment a-b leaves through, or a vertex on the segment.</summary>
    (int Tri, int OnSegment) FirstCrossing(int a, int b)
    {
        var around = aroundScratch;
        Around(a, around);
        Vec2 pa = Points[a], pb = Points[b];
        foreach (int t in around)
        {
            int i = SideFrom(t, a);
            int u = V[3 * t + (i + 1) % 3], w = V[3 * t + (i + 2) % 3];
            double ou = Predicates.Orient(pa, pb, Points[u]), ow = Predicates.Orient(pa, pb, Points[w]);
            if (ou == 0 && Vec2.Dot(Points[u] - pa, pb - pa) > 0) return (-1, u);
            if (ow == 0 && Vec2.Dot(Points[w] - pa, pb - pa) > 0) return (-1, w);
            if (ou < 0 && ow > 0) return (t, -1);
        }
        throw new InvalidOperationException("segment start not found in triangulation");
    }

    /// <summary>Removes the triangles crossed by a-b, starting at t0, and fills the two pseudo-polygons
    /// on either side with constrained Delaunay triangles (Anglada 1997). Returns the end vertex
    /// reached (b, or a vertex lying on the segment).</summary>
    int RecoverThrough(int a, int b, int t0, int seg)
    {
        Vec2 pa = Points[a], pb = Points[b];
        var removed = new List<int> { t0 };
        int i0 = SideFrom(t0, a);
        int u = V[3 * t0 + (i0 + 1) % 3], w = V[3 * t0 + (i0 + 2) % 3];
        var lower = new List<int> { u };
        var upper = new List<int> { w };
        int cur = t0, end;
        while (true)
        {
            int side = SideFrom(cur, u);
            if (S[3 * cur + side] >= 0)
                throw new ArgumentException($"input segments cross near ({Points[u].X}, {Points[u].Y})");
            int nb = N[3 * cur + side];
            removed.Add(nb);
            int x = V[3 * nb + (SideFrom(nb, w) + 2) % 3];
            if (x == b) { end = b; break; }
            double ox = Predicates.Orient(pa, pb, Points[x]);
            if (ox == 0) { end = x; break; }
            if (ox > 0) { upper.Add(x); w = x; }
            else { lower.Add(x); u = x; }
            cur = nb;
        }
        var tris = new List<(int, int, int, int)>();
        upper.Reverse();
        FillPseudoPolygon(a, end, upper, tris);
        FillPseudoPolygon(end, a, lower, tris);
        Span<(int, int, int)> newSeg = stackalloc (int, int, int)[] { (a, end, seg) };
        Replace(removed, tris, newSeg);
        return end;
    }

    /// <summary>Triangulates the polygon p, q, chain[0..] (counter-clockwise) choosing the chain vertex
    /// whose circle through p and q holds no other chain vertex.</summary>
    void FillPseudoPolygon(int p, int q, List<int> chain, List<(int, int, int, int)> tris)
    {
        if (chain.Count == 0) return;
        int best = 0;
        for (int j = 1; j < chain.Count; j++)
            if (Predicates.InCircle(Points[p], Points[q], Points[chain[best]], Points[chain[j]]) > 0) best = j;
        int c = chain[best];
        tris.Add((p, q, c, 0));
        FillPseudoPolygon(c, q, chain.GetRange(0, best), tris);
        FillPseudoPolygon(p, c, chain.GetRange(best + 1, chain.Count - best - 1), tris);
    }

    /// <summary>Deletes triangles reachable from the enclosing triangle or from a hole point without
    /// crossing a constrained edge.</summary>
    public void RemoveExterior(IEnumerable<Vec2> holes)
    {
        var queue = new Queue<int>();
        int outStamp = ++stamp;
        for (int t = 0; t < TriCapacityUsed; t++)
            if (Alive(t) && (V[3 * t] >= superStart && V[3 * t] < superStart + 3
                || V[3 * t + 1] >= superStart && V[3 * t + 1] < superStart + 3
                || V[3 * t + 2] >= superStart && V[3 * t + 2] < superStart + 3))
            { mark[t] = outStamp; queue.Enqueue(t); }
        foreach (var h in holes)
        {
            int t = LocateBrute(h);
            if (t >= 0 && mark[t] != outStamp) { mark[t] = outStamp; queue.Enqueue(t); }
        }
        while (queue.Count > 0)
        {
            int t = queue.Dequeue();
            for (int i = 0; i < 3; i++)
            {
                int nb = N[3 * t + i];
                if (nb < 0 || S[3 * t + i] >= 0 || mark[nb] == outStamp) continue;
                mark[nb] = outStamp;
                queue.Enqueue(nb);
            }
        }
        for (int t = 0; t < TriCapacityUsed; t++)
        {
            if (!Alive(t) || mark[t] != outStamp) continue;
            for (int i = 0; i < 3; i++)
            {
                int nb = N[3 * t + i];
                if (nb >= 0 && mark[nb] != outStamp) N[3 * nb + SideFrom(nb, V[3 * t + (i + 1) % 3])] = -1;
            }
            Kill(t);
        }
        RebuildVertexTriangles();
    }

    void RebuildVertexTriangles()
    {
        for (int v = 0; v < VertexTri.Count; v++) VertexTri[v] = -1;
        for (int t = 0; t < TriCapacityUsed; t++)
            if (Alive(t))
                for (int i = 0; i < 3; i++) VertexTri[V[3 * t + i]] = t;
    }

    /// <summary>Connected groups of triangles separated by constrained edges; returns the group of each triangle.</summary>
    public int[] Components(out int count)
    {
        var comp = new int[TriCapacityUsed];
        Array.Fill(comp, -1);
        count = 0;
        var queue = new Queue<int>();
        for (int t0 = 0; t0 < TriCapacityUsed; t0++)
        {
            if (!Alive(t0) || comp[t0] >= 0) continue;
            comp[t0] = count;
            queue.Enqueue(t0);
            while (queue.Count > 0)
            {
                int t = queue.Dequeue();
                for (int i = 0; i < 3; i++)
                {
                    int nb = N[3 * t + i];
                    if (nb < 0 || S[3 * t + i] >= 0 || comp[nb] >= 0) continue;
                    comp[nb] = count;
                    queue.Enqueue(nb);
                }
            }
            count++;
        }
        return comp;
    }
}
