using CreepCell.Geometry;
using CreepCell.Meshing.Triangulation;

namespace CreepCell.Meshing;

/// <summary>What the mesher did besides the mesh.</summary>
internal sealed record MeshStats(int Vertices, int Triangles, int SkippedTriangles);

/// <summary>
/// Quality triangular meshes of planar straight-line graphs: constrained Delaunay triangulation
/// (Bowyer-Watson insertion with Shewchuk's robust predicates, segment recovery by re-triangulating
/// the crossed cavity) followed by Ruppert's Delaunay refinement to a minimum angle and a local edge
/// length. Output is deterministic for a given input; elements and nodes are numbered along a
/// Hilbert curve (<see cref="MeshOrdering"/>).
/// </summary>
internal static class TriangleMesher
{
    public static Mesh Mesh(PlanarGraph graph, MeshOptions options) => Mesh(graph, options, out _);

    public static Mesh Mesh(PlanarGraph graph, MeshOptions options, out MeshStats stats)
    {
        Validate(graph, options);
        var cdt = new Cdt();
        cdt.Initialize(graph.Points);
        const int offset = 3; // the enclosing triangle's vertices come first
        var boundaryNames = new List<string>();
        foreach (var s in graph.Segments)
        {
            int marker = -1;
            if (s.Boundary is not null)
            {
                marker = boundaryNames.IndexOf(s.Boundary);
                if (marker < 0) { boundaryNames.Add(s.Boundary); marker = boundaryNames.Count - 1; }
            }
            cdt.Segments.Add(new Subsegment
            {
                A = s.A + offset, B = s.B + offset, Marker = marker, Curve = s.Curve, T0 = s.T0, T1 = s.T1,
                OriginA = s.A + offset, OriginB = s.B + offset,
            });
        }
        int inputSegments = cdt.Segments.Count;
        for (int s = 0; s < inputSegments; s++) cdt.InsertSegment(s);
        cdt.RemoveExterior(graph.Holes);
        if (cdt.AliveCount == 0) throw new ArgumentException("the segments enclose no area (is the outer boundary closed?)");
        var regionNames = RegionAssignment.Assign(cdt, graph.Regions, options.DefaultRegion, out var regionMax);
        Func<Vec2, int, double> size = (p, r) =>
        {
            double h = Math.Min(options.MaxEdge, regionMax[r]);
            return options.SizeFunction is null ? h : Math.Min(h, options.SizeFunction(p));
        };
        var refiner = new Refiner(cdt, size, options.MinAngleDegrees, options.MaxVertices, SharpVertices(cdt, graph, offset));
        refiner.Run();
        var mesh = MeshOrdering.SpatialSort(MeshAssembly.Build(cdt, regionNames, boundaryNames, options.SecondOrder));
        stats = new MeshStats(mesh.NodeCount, mesh.ElementCount, refiner.Skipped);
        return mesh;
    }

    /// <summary>Meshes one polygon as a body with a single region; its boundary set is named boundaryName.</summary>
    public static Mesh MeshPolygon(IReadOnlyList<Vec2> polygon, double size, string regionName,
        string boundaryName = "boundary", MeshOptions? options = null)
    {
        var g = new PlanarGraph();
        g.AddPolygon(polygon, boundaryName);
        g.AddRegion(regionName, polygon);
        return Mesh(g, (options ?? new MeshOptions()) with { MaxEdge = size });
    }

    /// <summary>Meshes an elliptical or circular body; its boundary follows the curve.</summary>
    public static Mesh MeshEllipse(Ellipse shape, double size, string regionName,
        string boundaryName = "boundary", MeshOptions? options = null)
    {
        var g = new PlanarGraph();
        int n = Math.Max(8, (int)Math.Ceiling(shape.Perimeter() / size));
        g.AddEllipse(shape, n, boundaryName);
        g.AddRegion(regionName, shape.Centre);
        return Mesh(g, (options ?? new MeshOptions()) with { MaxEdge = size });
    }

    /// <summary>Meshes several disjoint bodies into one mesh without shared nodes.</summary>
    public static Mesh MeshBodies(IEnumerable<(PlanarGraph Graph, MeshOptions Options)> bodies) =>
        MeshMerge.Combine(bodies.Select(b => Mesh(b.Graph, b.Options)));

    static void Validate(PlanarGraph g, MeshOptions o)
    {
        if (g.Points.Count < 3 || g.Segments.Count < 3) throw new ArgumentException("the graph needs at least 3 points and 3 segments");
        if (!(o.MinAngleDegrees >= 0 && o.MinAngleDegrees <= 33))
            throw new ArgumentException("minimum angle must lie between 0 and 33 degrees (larger bounds make Delaunay refinement run forever)");
        if (!(o.MaxEdge > 0)) throw new ArgumentException("maximum edge length must be positive");
        foreach (var r in g.Regions)
            if (!(r.MaxEdge > 0)) throw new ArgumentException($"region {r.Name}: maximum edge length must be positive");
        foreach (var s in g.Segments)
            if (s.A < 0 || s.B < 0 || s.A >= g.Points.Count || s.B >= g.Points.Count)
                throw new ArgumentException("segment refers to a missing point");
    }

    /// <summary>Input vertices where two input segments meet at less than 60 degrees inside the meshed domain.</summary>
    static bool[] SharpVertices(Cdt cdt, PlanarGraph g, int offset)
    {
        var sharp = new bool[cdt.Points.Count];
        var dirs = new List<double>[g.Points.Count];
        foreach (var s in g.Segments)
        {
            (dirs[s.A] ??= new()).Add(Angle(g.Points[s.A], g.Points[s.B]));
            (dirs[s.B] ??= new()).Add(Angle(g.Points[s.B], g.Points[s.A]));
        }
        var around = new List<int>();
        for (int v = 0; v < g.Points.Count; v++)
        {
            var d = dirs[v];
            if (d is null || d.Count < 2) continue;
            d.Sort();
            cdt.Around(v + offset, around);
            for (int k = 0; k < d.Count && !sharp[v + offset]; k++)
            {
                double from = d[k], to = k + 1 < d.Count ? d[k + 1] : d[0] + 2 * Math.PI;
                if (to - from < Math.PI / 3 && WedgeMeshed(cdt, v + offset, 0.5 * (from + to), around))
                    sharp[v + offset] = true;
            }
        }
        return sharp;
    }

    /// <summary>True if the direction (angle) from vertex v points into a triangle of the mesh.</summary>
    static bool WedgeMeshed(Cdt cdt, int v, double angle, List<int> around)
    {
        var dir = new Vec2(Math.Cos(angle), Math.Sin(angle));
        var p = cdt.Points[v];
        foreach (int t in around)
        {
            int i = cdt.SideFrom(t, v);
            var u = cdt.P(t, (i + 1) % 3) - p;
            var w = cdt.P(t, (i + 2) % 3) - p;
            if (Vec2.Cross(u, dir) >= 0 && Vec2.Cross(dir, w) >= 0) return true;
        }
        return false;
    }

    static double Angle(Vec2 from, Vec2 to) => Math.Atan2(to.Y - from.Y, to.X - from.X);
}
