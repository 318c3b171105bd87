using CreepCell.Geometry;

namespace CreepCell.Meshing.Triangulation;

internal sealed partial class Cdt
{
    readonly List<int> cavity = new();
    readonly List<(int Tri, int Side)> cavityPorts = new();
    readonly List<(int A, int B, int C, int Region)> fan = new();

    /// <summary>Cavity of p: triangles whose circumcircle holds p, reached from start without crossing
    /// a constrained edge other than splitSeg. False if p cannot be inserted (cavity not star-shaped
    /// from p, holding a vertex, or wrapping around a constraint).</summary>
    public bool BuildCavity(Vec2 p, int start, int splitSeg)
    {
        int inStamp = ++stamp, outStamp = ++stamp;
        cavity.Clear();
        cavity.Add(start);
        mark[start] = inStamp;
        if (splitSeg >= 0)
            for (int i = 0; i < 3; i++)
                if (S[3 * start + i] == splitSeg && N[3 * start + i] >= 0)
                {
                    cavity.Add(N[3 * start + i]);
                    mark[N[3 * start + i]] = inStamp;
                }
        for (int k = 0; k < cavity.Count; k++)
        {
            int t = cavity[k];
            for (int i = 0; i < 3; i++)
            {
                int nb = N[3 * t + i];
                if (nb < 0 || mark[nb] == inStamp || mark[nb] == outStamp) continue;
                int seg = S[3 * t + i];
                if (seg >= 0 && seg != splitSeg) continue;
                if (InCircumcircle(nb, p)) { mark[nb] = inStamp; cavity.Add(nb); }
                else mark[nb] = outStamp;
            }
        }
        return CollectPorts(p, inStamp, splitSeg);
    }

    bool CollectPorts(Vec2 p, int inStamp, int splitSeg)
    {
        cavityPorts.Clear();
        foreach (int t in cavity)
            for (int i = 0; i < 3; i++)
            {
                int nb = N[3 * t + i];
                if (nb >= 0 && mark[nb] == inStamp)
                {
                    if (S[3 * t + i] >= 0 && S[3 * t + i] != splitSeg) return false;
                    continue;
                }
                cavityPorts.Add((t, i));
            }
        // A simply connected cavity without interior vertices has two more edges than triangles.
        if (cavityPorts.Count != cavity.Count + 2) return false;
        foreach (var (t, i) in cavityPorts)
        {
            if (splitSeg >= 0 && S[3 * t + i] == splitSeg) continue;
            if (Orient(V[3 * t + i], V[3 * t + (i + 1) % 3], p) <= 0) return false;
        }
        return true;
    }

    /// <summary>Subsegments on the boundary of the last cavity that p lies inside the diametral circle of.</summary>
    public void EncroachedByCavityPoint(Vec2 p, List<int> result)
    {
        result.Clear();
        foreach (var (t, i) in cavityPorts)
        {
            int seg = S[3 * t + i];
            if (seg < 0) continue;
            var a = Points[V[3 * t + i]] - p;
            var b = Points[V[3 * t + (i + 1) % 3]] - p;
            if (Vec2.Dot(a, b) < 0 && !result.Contains(seg)) result.Add(seg);
        }
    }

    /// <summary>Fills the last built cavity with a fan around a new vertex at p.</summary>
    public List<int> CommitCavity(Vec2 p, byte kind, int splitSeg, ReadOnlySpan<(int U, int V, int Seg)> newSegs, out int vertex)
    {
        vertex = AddVertex(p, kind);
        fan.Clear();
        foreach (var (t, i) in cavityPorts)
        {
            if (splitSeg >= 0 && S[3 * t + i] == splitSeg) continue;
            fan.Add((V[3 * t + i], V[3 * t + (i + 1) % 3], vertex, Region[t]));
        }
        var removed = new List<int>(cavity);
        var result = Replace(removed, fan, newSegs);
        return result;
    }

    /// <summary>Inserts a vertex at p (a point inside triangle start) into the triangulation.</summary>
    public bool InsertFree(Vec2 p, int start, byte kind, out int vertex, out List<int>? newTris)
    {
        vertex = -1;
        newTris = null;
        if (!BuildCavity(p, start, -1)) return false;
        newTris = CommitCavity(p, kind, -1, ReadOnlySpan<(int, int, int)>.Empty, out vertex);
        return true;
    }

    /// <summary>Splits subsegment seg at p (on or near it). The first half keeps the index.</summary>
    public bool SplitSegment(int seg, Vec2 p, double tSplit, out List<int>? newTris)
    {
        newTris = null;
        var s = Segments[seg];
        int start = TriangleWithSegment(seg);
        if (start < 0 || !BuildCavity(p, start, seg)) return false;
        int second = Segments.Count;
        int vertexIndex = Points.Count;
        Segments.Add(new Subsegment
        {
            A = vertexIndex, B = s.B, Marker = s.Marker, Curve = s.Curve, T0 = tSplit, T1 = s.T1,
            OriginA = s.OriginA, OriginB = s.OriginB,
        });
        Span<(int, int, int)> pieces = stackalloc (int, int, int)[] { (s.A, vertexIndex, seg), (vertexIndex, s.B, second) };
        newTris = CommitCavity(p, 1, seg, pieces, out int v);
        s.B = v;
        s.T1 = tSplit;
        Origin[v] = (s.OriginA, s.OriginB);
        return true;
    }

    readonly List<int> aroundScratch = new();

    public int TriangleWithSegment(int seg)
    {
        var s = Segments[seg];
        var around = aroundScratch;
        Around(s.A, around);
        foreach (int t in around)
            for (int i = 0; i < 3; i++)
                if (S[3 * t + i] == seg) return t;
        return -1;
    }

    /// <summary>Triangles around vertex v, counter-clockwise where possible.</summary>
    public void Around(int v, List<int> result)
    {
        result.Clear();
        int t0 = VertexTri[v];
        if (t0 < 0) return;
        int t = t0;
        while (true)
        {
            result.Add(t);
            int nb = N[3 * t + (SideFrom(t, v) + 2) % 3];
            if (nb == t0) return;
            if (nb < 0) break;
            t = nb;
        }
        t = t0;
        while (true)
        {
            int nb = N[3 * t + SideFrom(t, v)];
            if (nb < 0 || nb == t0) return;
            result.Add(nb);
            t = nb;
        }
    }
}
