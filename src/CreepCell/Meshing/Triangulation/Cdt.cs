using CreepCell.Geometry;

namespace CreepCell.Meshing.Triangulation;

/// <summary>A piece of an input segment. Curve/T0/T1 place split points on the true boundary curve.</summary>
internal sealed class Subsegment
{
    public int A, B, Marker;
    public ICurve? Curve;
    public double T0, T1;
    /// <summary>Input vertices at the ends of the original segment (for the small-angle rule).</summary>
    public int OriginA, OriginB;
}

/// <summary>
/// Triangle-based storage of a constrained Delaunay triangulation: three vertices per triangle in
/// counter-clockwise order, edge i runs from vertex i to vertex i+1, N holds the neighbour across
/// each edge (-1 on the domain boundary) and S the subsegment lying on it (-1 if unconstrained).
/// Points are added with the Bowyer-Watson cavity algorithm (Bowyer 1981, Watson 1981) whose cavity
/// never crosses a constrained edge, which keeps the triangulation constrained Delaunay.
/// </summary>
internal sealed partial class Cdt
{
    public readonly List<Vec2> Points = new();
    /// <summary>0 input vertex, 1 vertex inserted on a segment, 2 free Steiner vertex.</summary>
    public readonly List<byte> Kind = new();
    public readonly List<int> VertexTri = new();
    /// <summary>Input vertices at the ends of the input segment a vertex was inserted on (itself for input vertices).</summary>
    public readonly List<(int A, int B)> Origin = new();
    public readonly List<Subsegment> Segments = new();

    public int[] V = new int[0], N = new int[0], S = new int[0];
    public int[] Region = new int[0], Gen = new int[0];
    int[] mark = new int[0];
    int stamp;
    public int TriCapacityUsed;
    readonly Stack<int> free = new();
    public int AliveCount;

    public bool Alive(int t) => V[3 * t] >= 0;

    public int AddVertex(Vec2 p, byte kind)
    {
        Points.Add(p);
        Kind.Add(kind);
        VertexTri.Add(-1);
        Origin.Add(kind == 0 ? (Points.Count - 1, Points.Count - 1) : (-1, -1));
        return Points.Count - 1;
    }

    int NewTri(int a, int b, int c, int region)
    {
        int t;
        if (free.Count > 0) t = free.Pop();
        else
        {
            t = TriCapacityUsed++;
            if (t >= Region.Length) Grow(Math.Max(64, 2 * Region.Length));
        }
        V[3 * t] = a; V[3 * t + 1] = b; V[3 * t + 2] = c;
        N[3 * t] = N[3 * t + 1] = N[3 * t + 2] = -1;
        S[3 * t] = S[3 * t + 1] = S[3 * t + 2] = -1;
        Region[t] = region;
        Gen[t]++;
        VertexTri[a] = t; VertexTri[b] = t; VertexTri[c] = t;
        AliveCount++;
        return t;
    }

    void Grow(int n)
    {
        Array.Resize(ref V, 3 * n); Array.Resize(ref N, 3 * n); Array.Resize(ref S, 3 * n);
        Array.Resize(ref Region, n); Array.Resize(ref Gen, n); Array.Resize(ref mark, n);
    }

    void Kill(int t)
    {
        V[3 * t] = V[3 * t + 1] = V[3 * t + 2] = -1;
        free.Push(t);
        AliveCount--;
    }

    public Vec2 P(int t, int i) => Points[V[3 * t + i]];

    public double Orient(int a, int b, Vec2 p) => Predicates.Orient(Points[a], Points[b], p);

    /// <summary>Side of triangle t whose edge runs from vertex u.</summary>
    public int SideFrom(int t, int u)
    {
        if (V[3 * t] == u) return 0;
        if (V[3 * t + 1] == u) return 1;
        if (V[3 * t + 2] == u) return 2;
        throw new InvalidOperationException("vertex is not in triangle");
    }

    static long Key(int u, int v) => ((long)u << 32) | (uint)v;

    readonly Dictionary<long, (int Tri, int Side, int Seg)> ports = new();
    readonly Dictionary<long, (int Tri, int Side)> openEdges = new();
    readonly List<int> created = new();

    /// <summary>Replaces the removed triangles by new ones and links neighbours across shared edges.
    /// Edges of new triangles matching none become domain boundary (-1).</summary>
    List<int> Replace(List<int> removed, List<(int A, int B, int C, int Region)> tris,
        ReadOnlySpan<(int U, int V, int Seg)> newSegs)
    {
        stamp++;
        foreach (int t in removed) mark[t] = stamp;
        ports.Clear();
        foreach (int t in removed)
            for (int i = 0; i < 3; i++)
            {
                int nb = N[3 * t + i];
                if (nb >= 0 && mark[nb] == stamp) continue;
                int u = V[3 * t + i], v = V[3 * t + (i + 1) % 3];
                ports[Key(u, v)] = (nb, nb >= 0 ? SideFrom(nb, v) : -1, S[3 * t + i]);
            }
        foreach (int t in removed) Kill(t);
        openEdges.Clear();
        created.Clear();
        foreach (var (a, b, c, region) in tris)
        {
            int t = NewTri(a, b, c, region);
            created.Add(t);
            for (int i = 0; i < 3; i++) Link(t, i, newSegs);
        }
        return new List<int>(created);
    }

    void Link(int t, int i, ReadOnlySpan<(int U, int V, int Seg)> newSegs)
    {
        int u = V[3 * t + i], v = V[3 * t + (i + 1) % 3];
        foreach (var s in newSegs)
            if ((s.U == u && s.V == v) || (s.U == v && s.V == u)) S[3 * t + i] = s.Seg;
        if (ports.TryGetValue(Key(u, v), out var port))
        {
            N[3 * t + i] = port.Tri;
            S[3 * t + i] = port.Seg;
            if (port.Tri >= 0) N[3 * port.Tri + port.Side] = t;
        }
        else if (openEdges.Remove(Key(v, u), out var other))
        {
            N[3 * t + i] = other.Tri;
            N[3 * other.Tri + other.Side] = t;
        }
        else openEdges[Key(u, v)] = (t, i);
    }

    /// <summary>Visibility walk (Devillers, Pion, Teillaud 2002) from triangle t to the triangle
    /// containing p. Returns -1 if the walk leaves the triangulated domain.</summary>
    public int Locate(Vec2 p, int t)
    {
        uint rng = 2463534242u;
        int limit = 4 * AliveCount + 100;
        for (int step = 0; step < limit; step++)
        {
            rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5;
            int start = (int)(rng % 3), next = -2;
            for (int k = 0; k < 3; k++)
            {
                int i = (start + k) % 3;
                if (Orient(V[3 * t + i], V[3 * t + (i + 1) % 3], p) < 0) { next = N[3 * t + i]; break; }
            }
            if (next == -2) return t;
            if (next == -1) return -1;
            t = next;
        }
        return LocateBrute(p);
    }

    public int LocateBrute(Vec2 p)
    {
        for (int t = 0; t < TriCapacityUsed; t++)
            if (Alive(t) && Contains(t, p)) return t;
        return -1;
    }

    public bool Contains(int t, Vec2 p)
    {
        for (int i = 0; i < 3; i++)
            if (Orient(V[3 * t + i], V[3 * t + (i + 1) % 3], p) < 0) return false;
        return true;
    }

    public bool InCircumcircle(int t, Vec2 p) =>
        Predicates.InCircle(P(t, 0), P(t, 1), P(t, 2), p) > 0;
}
