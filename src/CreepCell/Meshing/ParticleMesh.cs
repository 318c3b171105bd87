using CreepCell.Geometry;
using CreepCell.Geometry.Packing;

namespace CreepCell.Meshing;

/// <summary>
/// Meshes a particle packing (<see cref="PackingGenerator"/>) as separate bodies: each particle polygon
/// is meshed on its own (<see cref="TriangleMesher.MeshPolygon"/>) and the bodies are joined without
/// merging nodes (<see cref="MeshMerge"/>), so particles can later separate and touch through contact.
/// Regions are phase names. Boundary sets: "left", "right", "bottom", "top" hold the edges lying on the
/// RVE walls; "particle{i}" holds the whole boundary of particle i. Deterministic for a given packing.
/// </summary>
internal static class ParticleMesh
{
    public static readonly string[] WallNames = { "left", "right", "bottom", "top" };

    public static ParticleMeshResult Build(Packing packing, ParticleMeshOptions? options = null)
    {
        options ??= new ParticleMeshOptions();
        Validate(options);
        var diameters = packing.Spec.Phases.ToDictionary(p => p.Name, p => p.MeanDiameter);
        var meshOptions = new MeshOptions { MinAngleDegrees = options.MinAngleDegrees, SecondOrder = options.SecondOrder };
        if (options.RefinesOutline) return Assemble(packing, RefinedParts(packing, options, diameters, meshOptions));
        var parts = new List<Mesh>(packing.Particles.Count);
        for (int i = 0; i < packing.Particles.Count; i++)
        {
            var p = packing.Particles[i];
            double size = options.ElementSize ?? options.RelativeSize * diameters[p.Phase];
            parts.Add(TriangleMesher.MeshPolygon(p.Vertices, size, p.Phase, BodySetName(i), meshOptions));
        }
        return Assemble(packing, parts);
    }

    /// <summary>The bodies meshed on refined outlines (<see cref="ParticleOutline"/>): fillet edges on their
    /// circles, and with a contact edge a size field that is fine at the near-contact points.</summary>
    static List<Mesh> RefinedParts(Packing packing, ParticleMeshOptions options, Dictionary<string, double> diameters, MeshOptions meshOptions)
    {
        var outlines = packing.Particles.Select(p => ParticleOutline.Refine(p, options.FilletEdges, options.BoundaryEdge)).ToList();
        double reach = options.ContactReach ?? packing.Spec.ResolvedEdgeLength;
        var near = options.ContactEdge is null ? null : ParticleOutline.NearContactPoints(outlines, reach);
        var parts = new List<Mesh>(outlines.Count);
        for (int i = 0; i < outlines.Count; i++)
        {
            var p = packing.Particles[i];
            double size = options.ElementSize ?? options.RelativeSize * diameters[p.Phase];
            var bodyOptions = meshOptions with { MaxEdge = size, SizeFunction = SizeField(near?[i], outlines[i], options) };
            parts.Add(TriangleMesher.Mesh(Graph(outlines[i], p.Phase, BodySetName(i)), bodyOptions));
        }
        return parts;
    }

    /// <summary>The finer of the near-contact field and the field around the given refinement points that
    /// lie within reach of this body (null when neither applies).</summary>
    static Func<Vec2, double>? SizeField(List<Vec2>? near, Outline outline, ParticleMeshOptions o)
    {
        Func<Vec2, double>? contact = near is { Count: > 0 } ? ParticleOutline.SizeField(near, o.ContactEdge!.Value, o.ContactGrading) : null;
        if (o.RefineEdge is not { } edge) return contact;
        var spots = o.RefinePoints.Where(p => ParticleOutline.Nearest(outline.Points, p).Distance < 20 * edge || Polygons.Contains(outline.Points, p)).ToList();
        if (spots.Count == 0) return contact;
        var refine = ParticleOutline.SizeField(spots, edge, o.ContactGrading);
        return contact is null ? refine : x => Math.Min(contact(x), refine(x));
    }

    /// <summary>One body's planar graph: its outline, fillet edges tied to their circle, one region.</summary>
    static PlanarGraph Graph(Outline outline, string phase, string boundary)
    {
        var g = new PlanarGraph();
        var ids = outline.Points.Select(g.AddPoint).ToArray();
        int n = ids.Length;
        for (int k = 0; k < n; k++)
        {
            if (outline.Arcs[k] is { } c)
            {
                Vec2 a = outline.Points[k], b = outline.Points[(k + 1) % n];
                double t0 = Math.Atan2(a.Y - c.Centre.Y, a.X - c.Centre.X);
                double turn = Math.Atan2(b.Y - c.Centre.Y, b.X - c.Centre.X) - t0;
                while (turn <= 0) turn += 2 * Math.PI;
                g.AddSegment(ids[k], ids[(k + 1) % n], boundary, Ellipse.Circle(c.Centre, c.Radius), t0, t0 + turn);
            }
            else g.AddSegment(ids[k], ids[(k + 1) % n], boundary);
        }
        g.AddRegion(phase, outline.Points);
        return g;
    }

    /// <summary>Name of the boundary set that holds particle i's whole boundary.</summary>
    public static string BodySetName(int i) => $"particle{i}";

    static ParticleMeshResult Assemble(Packing packing, List<Mesh> parts)
    {
        var bodies = new List<MeshBody>(parts.Count);
        int node = 0, element = 0;
        var walls = WallNames.Select(_ => new List<int[]>()).ToArray();
        double tol = 1e-9 * packing.Side;
        for (int i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var edges = part.Boundaries.Single().Edges.Select(ed => ed.Select(v => v + node).ToArray()).ToArray();
            var loop = CounterClockwise(OrderLoop(edges), part.Nodes, node);
            bodies.Add(new MeshBody(i, packing.Particles[i].Phase, node, part.NodeCount, element, part.ElementCount,
                loop, packing.Particles[i].Sides));
            foreach (var ed in loop)
            {
                int w = WallOf(ed.Select(v => part.Nodes[v - node]), packing.Side, tol);
                if (w >= 0) walls[w].Add(ed);
            }
            node += part.NodeCount;
            element += part.ElementCount;
        }
        var merged = MeshMerge.Combine(parts);
        var sets = merged.Boundaries.ToList();
        for (int w = 0; w < WallNames.Length; w++) sets.Add(new BoundarySet(WallNames[w], walls[w].ToArray()));
        var mesh = new Mesh(merged.Nodes, merged.Types, merged.Offsets, merged.Connectivity, merged.Region,
            merged.RegionNames, sets);
        return new ParticleMeshResult(mesh, bodies, packing.Side);
    }

    /// <summary>Index into <see cref="WallNames"/> of the wall on which all of an edge's nodes lie, or -1.</summary>
    static int WallOf(IEnumerable<Vec2> points, double side, double tol)
    {
        var pts = points.ToArray();
        if (pts.All(q => Math.Abs(q.X) <= tol)) return 0;
        if (pts.All(q => Math.Abs(q.X - side) <= tol)) return 1;
        if (pts.All(q => Math.Abs(q.Y) <= tol)) return 2;
        if (pts.All(q => Math.Abs(q.Y - side) <= tol)) return 3;
        return -1;
    }

    /// <summary>Chains boundary edges into one loop, reversing edges where needed so each starts where
    /// the previous one ended. A particle is a simple polygon, so its mesh boundary is one closed loop.</summary>
    static int[][] OrderLoop(int[][] edges)
    {
        var byNode = new Dictionary<int, List<int>>();
        for (int k = 0; k < edges.Length; k++)
            foreach (int v in edges[k].AsSpan(0, 2))
                (byNode.TryGetValue(v, out var l) ? l : byNode[v] = new List<int>()).Add(k);
        var used = new bool[edges.Length];
        var loop = new List<int[]>(edges.Length);
        int current = 0, at = edges[0][0];
        while (true)
        {
            used[current] = true;
            var ed = edges[current];
            var oriented = ed[0] == at ? ed : Reverse(ed);
            loop.Add(oriented);
            at = oriented[1];
            int next = byNode[at].FirstOrDefault(k => !used[k], -1);
            if (next < 0) break;
            current = next;
        }
        if (loop.Count != edges.Length || at != loop[0][0])
            throw new InvalidOperationException("particle boundary is not a single closed loop");
        return loop.ToArray();
    }

    static int[][] CounterClockwise(int[][] loop, Vec2[] nodes, int shift)
    {
        double area = loop.Sum(ed => Vec2.Cross(nodes[ed[0] - shift], nodes[ed[1] - shift]));
        if (area >= 0) return loop;
        return loop.Reverse().Select(Reverse).ToArray();
    }

    static int[] Reverse(int[] ed) => ed.Length == 2 ? new[] { ed[1], ed[0] } : new[] { ed[1], ed[0], ed[2] };

    static void Validate(ParticleMeshOptions o)
    {
        if (!(o.RelativeSize > 0)) throw new ArgumentException("relative element size must be positive");
        if (o.ElementSize is { } h && !(h > 0)) throw new ArgumentException("element size must be positive");
        if (o.FilletEdges < 0) throw new ArgumentException("fillet edges must not be negative");
        if (o.BoundaryEdge is { } b && !(b > 0)) throw new ArgumentException("boundary edge must be positive");
        if (o.ContactEdge is { } c && !(c > 0)) throw new ArgumentException("contact edge must be positive");
        if (o.ContactReach is { } r && !(r > 0)) throw new ArgumentException("contact reach must be positive");
        if (o.RefineEdge is { } f && !(f > 0)) throw new ArgumentException("refinement edge must be positive");
        if (!(o.ContactGrading > 0)) throw new ArgumentException("contact grading must be positive");
        if (!(o.MinAngleDegrees >= 25 && o.MinAngleDegrees <= 33))
            throw new ArgumentException("minimum angle must lie between 25 and 33 degrees");
    }
}
