using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>An input segment; Curve with parameters T0..T1 says which curve it approximates.</summary>
internal sealed record GraphSegment(int A, int B, string? Boundary, ICurve? Curve, double T0, double T1);

/// <summary>A region (phase): its triangles are found from a seed point (flood fill up to constrained
/// edges) or, without seed, as the innermost polygon containing them. MaxEdge bounds its edge length.</summary>
internal sealed record RegionSpec(string Name, Vec2? Seed, Vec2[]? Polygon, double MaxEdge);

/// <summary>
/// A planar straight-line graph: points, segments (outer boundaries, hole boundaries and interfaces
/// between regions, optionally named as boundary sets), hole points and region definitions.
/// </summary>
internal sealed class PlanarGraph
{
    readonly List<Vec2> points = new();
    readonly Dictionary<Vec2, int> index = new();
    readonly List<GraphSegment> segments = new();
    readonly List<Vec2> holes = new();
    readonly List<RegionSpec> regions = new();

    public IReadOnlyList<Vec2> Points => points;
    public IReadOnlyList<GraphSegment> Segments => segments;
    public IReadOnlyList<Vec2> Holes => holes;
    public IReadOnlyList<RegionSpec> Regions => regions;

    /// <summary>Adds a point or returns the index of an identical one.</summary>
    public int AddPoint(Vec2 p)
    {
        if (!double.IsFinite(p.X) || !double.IsFinite(p.Y)) throw new ArgumentException("point is not finite");
        if (index.TryGetValue(p, out int i)) return i;
        points.Add(p);
        index[p] = points.Count - 1;
        return points.Count - 1;
    }

    public void AddSegment(int a, int b, string? boundary = null, ICurve? curve = null, double t0 = 0, double t1 = 0)
    {
        if (a == b) throw new ArgumentException("segment joins a point to itself");
        segments.Add(new GraphSegment(a, b, boundary, curve, t0, t1));
    }

    /// <summary>Adds a closed polygon (vertices in either orientation).</summary>
    public void AddPolygon(IReadOnlyList<Vec2> vertices, string? boundary = null)
    {
        if (vertices.Count < 3) throw new ArgumentException("a polygon needs at least 3 vertices");
        var ids = vertices.Select(AddPoint).ToArray();
        for (int i = 0; i < ids.Length; i++) AddSegment(ids[i], ids[(i + 1) % ids.Length], boundary);
    }

    /// <summary>Adds a polyline (open chain of segments).</summary>
    public void AddPolyline(IReadOnlyList<Vec2> vertices, string? boundary = null)
    {
        var ids = vertices.Select(AddPoint).ToArray();
        for (int i = 0; i + 1 < ids.Length; i++) AddSegment(ids[i], ids[i + 1], boundary);
    }

    /// <summary>Adds an ellipse as a closed polygon of n segments of equal arc length that remember the curve.</summary>
    public void AddEllipse(Ellipse e, int n, string? boundary = null)
    {
        if (n < 3) throw new ArgumentException("an ellipse needs at least 3 segments");
        AddClosedCurve(e, e.EqualArcParameters(n), 2 * Math.PI, boundary);
    }

    /// <summary>Adds a closed curve as a polygon through curve(t[k]); t increases and spans less than one period.</summary>
    public void AddClosedCurve(ICurve curve, IReadOnlyList<double> t, double period, string? boundary = null)
    {
        if (t.Count < 3) throw new ArgumentException("a closed curve needs at least 3 points");
        var ids = t.Select(x => AddPoint(curve.Point(x))).ToArray();
        for (int k = 0; k < ids.Length; k++)
        {
            double t1 = k + 1 < t.Count ? t[k + 1] : t[0] + period;
            AddSegment(ids[k], ids[(k + 1) % ids.Length], boundary, curve, t[k], t1);
        }
    }

    public void AddHole(Vec2 p) => holes.Add(p);

    public void AddRegion(string name, Vec2 seed, double maxEdge = double.PositiveInfinity) =>
        regions.Add(new RegionSpec(name, seed, null, maxEdge));

    public void AddRegion(string name, IReadOnlyList<Vec2> polygon, double maxEdge = double.PositiveInfinity) =>
        regions.Add(new RegionSpec(name, null, polygon.ToArray(), maxEdge));
}

/// <summary>Quality and size targets for <see cref="TriangleMesher"/>.</summary>
internal sealed record MeshOptions
{
    /// <summary>Smallest angle wanted; Ruppert's algorithm guarantees termination up to 20.7 degrees
    /// and in practice works to about 33.</summary>
    public double MinAngleDegrees { get; init; } = 28;
    /// <summary>Largest edge length anywhere (metres).</summary>
    public double MaxEdge { get; init; } = double.PositiveInfinity;
    /// <summary>Optional local edge length h(x); the smaller of this, MaxEdge and the region's bound applies.</summary>
    public Func<Vec2, double>? SizeFunction { get; init; }
    /// <summary>Produce six-node triangles with mid-nodes on curves where known.</summary>
    public bool SecondOrder { get; init; }
    /// <summary>Safety limit on the number of vertices.</summary>
    public int MaxVertices { get; init; } = 20_000_000;
    /// <summary>Name of triangles that no region claims.</summary>
    public string DefaultRegion { get; init; } = "domain";
}
