using CreepCell.Contact;
using CreepCell.Geometry;
using CreepCell.Geometry.Packing;
using CreepCell.Materials;
using CreepCell.Meshing;
using CreepCell.Tests.Contact;
using Xunit.Abstractions;

namespace CreepCell.Tests.Meshing;

/// <summary>
/// The [mesh] keys that resolve fillets and near-contact zones of a packing (docs/meshing.md, "Fillets
/// and contact zones"): every fillet gets the requested edges on its circle, the size near a near-contact
/// point is the requested one and stays coarse elsewhere, and a cylinder pressed on a flat, meshed this
/// way, converges to the Hertz peak stress.
/// </summary>
public class PeakRefinementTests(ITestOutputHelper output)
{
    static readonly Lazy<Packing> SeMse = new(() => PackingGenerator.Generate(PackingSpec.SeMse(1) with { Side = 8e-6, EdgeLength = 0.25e-6 }));

    /// <summary>Fillet circles of a particle, each with the packing edges on it.</summary>
    static FilletArc[] Circles(Particle p) => p.EdgeArcs.Where(a => a is not null).Select(a => a!.Value).Distinct().ToArray();

    static bool OnCircle(Vec2 x, FilletArc c) => Math.Abs((x - c.Centre).Length - c.Radius) < 1e-6 * c.Radius;

    [Fact]
    public void PackedFilletsAreChordsOfTheirCircles()
    {
        int arcs = 0;
        foreach (var p in SeMse.Value.Particles)
        {
            Assert.Equal(p.Vertices.Length, p.EdgeArcs.Length);
            for (int i = 0; i < p.Vertices.Length; i++)
            {
                if (p.EdgeArcs[i] is not { } c) continue;
                arcs++;
                Assert.True(OnCircle(p.Vertices[i], c) && OnCircle(p.Vertices[(i + 1) % p.Vertices.Length], c), $"edge {i} is not a chord of its fillet");
            }
        }
        // the packing rounds nearly every corner: far more fillet edges than particles
        Assert.True(arcs > 2 * SeMse.Value.Particles.Count, $"only {arcs} fillet edges");
    }

    [Fact]
    public void EveryFilletGetsAtLeastTheRequestedEdgesOnItsCircle()
    {
        const int wanted = 6;
        var result = ParticleMesh.Build(SeMse.Value, new ParticleMeshOptions { RelativeSize = 0.25, FilletEdges = wanted });
        var mesh = result.Mesh;
        int fillets = 0, fewest = int.MaxValue;
        foreach (var body in result.Bodies)
        {
            foreach (var c in Circles(SeMse.Value.Particles[body.Index]))
            {
                // boundary edges whose ends and mid-node all lie on the circle
                int edges = body.Loop.Count(ed => ed.All(n => OnCircle(mesh.Nodes[n], c)));
                fewest = Math.Min(fewest, edges);
                fillets++;
            }
        }
        output.WriteLine($"{fillets} fillets, fewest edges on one: {fewest}");
        Assert.True(fillets > SeMse.Value.Particles.Count);
        Assert.True(fewest >= wanted, $"a fillet has only {fewest} edges");
        // the packing itself draws the smaller fillets with one or two edges
        var plain = ParticleMesh.Build(SeMse.Value, new ParticleMeshOptions { RelativeSize = 0.25 });
        int plainFewest = plain.Bodies.SelectMany(b => Circles(SeMse.Value.Particles[b.Index])
            .Select(c => b.Loop.Count(ed => ed.Take(2).All(n => OnCircle(plain.Mesh.Nodes[n], c))))).Min();
        Assert.True(plainFewest < wanted, $"the plain mesh already has {plainFewest} edges on every fillet");
    }

    /// <summary>A square particle with fillets of radius r at its four corners, counter-clockwise.</summary>
    static Particle RoundedSquare(string phase, Vec2 min, double side, double r, int arcEdges)
    {
        var pts = new List<Vec2>();
        var arcs = new List<FilletArc?>();
        Vec2[] centres = { min + new Vec2(side - r, r), min + new Vec2(side - r, side - r), min + new Vec2(r, side - r), min + new Vec2(r, r) };
        for (int k = 0; k < 4; k++)
        {
            double start = -Math.PI / 2 + k * Math.PI / 2;
            var c = new FilletArc(centres[k], r);
            for (int j = 0; j <= arcEdges; j++)
            {
                double phi = start + Math.PI / 2 * j / arcEdges;
                pts.Add(centres[k] + r * new Vec2(Math.Cos(phi), Math.Sin(phi)));
                arcs.Add(j < arcEdges ? c : null);
            }
        }
        return Particle(phase, pts.ToArray()) with { EdgeArcs = arcs.ToArray() };
    }

    static Particle Particle(string phase, Vec2[] v)
    {
        double area = 0;
        for (int i = 0; i < v.Length; i++) area += 0.5 * Vec2.Cross(v[i], v[(i + 1) % v.Length]);
        return new Particle(phase, v, area, v.Aggregate(new Vec2(0, 0), (a, b) => a + b) * (1.0 / v.Length), RveSide.None);
    }

    static Packing TwoBodies(double side, params Particle[] particles)
    {
        var spec = new PackingSpec(side, 1, new[] { new PhaseSpec("a", 0.2, side / 4, 0), new PhaseSpec("b", 0.2, side / 4, 0) }, EdgeLength: side / 40);
        var report = new PackingReport(Array.Empty<PhaseReport>(), 0, 0, particles.Length, 0, 0, 0, 0, 0, 0, 0);
        return new Packing(side, particles, report, spec);
    }

    [Fact]
    public void ContactEdgeHoldsAtNearContactPointsAndNowhereElse()
    {
        // a rounded square whose top fillets sit 0.05 um below a flat face; its bottom is 1 um away from anything
        const double um = 1e-6, edge = 0.02 * um, boundary = 0.1 * um, grading = 0.3;
        var square = RoundedSquare("a", new Vec2(1 * um, 1 * um), 1 * um, 0.2 * um, 2);
        var slab = Particle("b", new[] { new Vec2(0.5 * um, 2.05 * um), new Vec2(2.5 * um, 2.05 * um), new Vec2(2.5 * um, 3 * um), new Vec2(0.5 * um, 3 * um) });
        var packing = TwoBodies(4 * um, square, slab);
        var options = new ParticleMeshOptions
        {
            ElementSize = 0.25 * um, BoundaryEdge = boundary, ContactEdge = edge, ContactReach = 0.1 * um, ContactGrading = grading,
        };
        var result = ParticleMesh.Build(packing, options);
        var outlines = packing.Particles.Select(p => ParticleOutline.Refine(p, 0, boundary)).ToList();
        var near = ParticleOutline.NearContactPoints(outlines, 0.1 * um);
        Assert.NotEmpty(near[0]);
        Assert.NotEmpty(near[1]);
        // only the two top fillets are near contact: no near-contact point below the square's mid-height
        Assert.All(near[0], p => Assert.True(p.Y > 1.5 * um));
        var mesh = result.Mesh;
        int atContact = 0;
        foreach (var body in result.Bodies)
            foreach (var ed in body.Loop)
            {
                Vec2 a = mesh.Nodes[ed[0]], b = mesh.Nodes[ed[1]];
                double length = (b - a).Length, d = near[body.Index].Min(p => (0.5 * (a + b) - p).Length);
                // the mesher splits an edge longer than the size field at its midpoint
                Assert.True(length <= edge + grading * d + 1e-12, $"edge {length / um:F4} um at {d / um:F4} um from a near-contact point");
                if (d <= edge) { atContact++; Assert.True(length <= (1 + grading) * edge); }
            }
        Assert.True(atContact >= 8, $"only {atContact} edges at near-contact points");
        // away from contact the boundary keeps its 0.1 um edges: the square's bottom side
        var bottom = result.Bodies[0].Loop.Where(ed => ed.All(n => Math.Abs(mesh.Nodes[n].Y - 1 * um) < 1e-12)).ToList();
        Assert.NotEmpty(bottom);
        Assert.All(bottom, ed => Assert.InRange((mesh.Nodes[ed[1]] - mesh.Nodes[ed[0]]).Length, 0.09 * um, 0.1 * um + 1e-12));
    }

    [Fact]
    public void RemeshedBodyIsFineAtPressedPointsOnly()
    {
        // a body remeshed in its deformed shape with the field the remesher builds around pressed points
        const double um = 1e-6, edge = 0.01 * um, grading = 0.3;
        var square = new[] { new Vec2(0, 0), new Vec2(um, 0), new Vec2(um, um), new Vec2(0, um) };
        var body = TriangleMesher.MeshPolygon(square, 0.1 * um, "a", "boundary", new MeshOptions { SecondOrder = true });
        var pressed = new Vec2(0.5 * um, um);
        var fresh = BodyRemesher.Remesh(body, new double[2 * body.NodeCount], Enumerable.Range(0, body.ElementCount).ToArray(),
            0.1 * um, 0.1 * um, 28, ParticleOutline.SizeField(new[] { pressed }, edge, grading));
        Assert.NotNull(fresh);
        var edges = fresh!.Boundaries.Single().Edges.Select(ed => (A: fresh.Nodes[ed[0]], B: fresh.Nodes[ed[1]])).ToList();
        var near = edges.Where(ed => (0.5 * (ed.A + ed.B) - pressed).Length <= edge).ToList();
        Assert.True(near.Count >= 2, $"{near.Count} edges at the pressed point");
        Assert.All(near, ed => Assert.True((ed.B - ed.A).Length <= (1 + grading) * edge));
        // the bottom side, 1 um away, keeps the old body's boundary edges
        double oldBottom = body.Boundaries.Single().Edges.Select(ed => (A: body.Nodes[ed[0]], B: body.Nodes[ed[1]]))
            .Where(ed => ed.A.Y == 0 && ed.B.Y == 0).Min(ed => (ed.B - ed.A).Length);
        var bottom = edges.Where(ed => ed.A.Y == 0 && ed.B.Y == 0).ToList();
        Assert.NotEmpty(bottom);
        Assert.All(bottom, ed => Assert.True((ed.B - ed.A).Length >= 0.99 * oldBottom, $"bottom edge {(ed.B - ed.A).Length / um:F4} um"));
        Assert.True(oldBottom > 5 * edge);
        Assert.True(fresh.ElementCount < 20 * body.ElementCount, $"{fresh.ElementCount} elements against {body.ElementCount}");
    }

    [Theory]
    [InlineData("fillet_edges = -1", "mesh.fillet_edges")]
    [InlineData("contact_edge = \"0 um\"", "mesh.contact_edge")]
    [InlineData("contact_grading = 3", "mesh.contact_grading")]
    [InlineData("refine_points = [[\"1 um\", \"2 um\"]]", "mesh.refine_points")]
    [InlineData("refine_edge = \"10 nm\"\nrefine_points = [[\"1 um\"]]", "mesh.refine_points[0]")]
    public void BadRefinementKeysNameTheFileAndKey(string line, string key)
    {
        string text = System.Text.RegularExpressions.Regex.Replace(CreepCell.Simulation.BuiltInCases.Text("se-60mse"),
            @"(?m)^\[mesh\]\n", "[mesh]\n" + line + "\n");
        var e = Assert.Throws<InputException>(() => CreepCell.Simulation.CaseReader.Read("case.toml", text, Path.GetTempPath()));
        Assert.Equal("case.toml", e.Source_);
        Assert.Equal(key, e.Location);
    }

    [Fact]
    public void RefinementKeysReachTheMeshOptions()
    {
        string text = System.Text.RegularExpressions.Regex.Replace(CreepCell.Simulation.BuiltInCases.Text("se-60mse"), @"(?m)^\[mesh\]\n",
            "[mesh]\nfillet_edges = 8\nboundary_edge = \"0.1 um\"\ncontact_edge = \"30 nm\"\ncontact_reach = \"0.2 um\"\nrefine_edge = \"10 nm\"\nrefine_points = [[\"1 um\", \"2 um\"]]\n");
        var o = CreepCell.Simulation.CaseReader.Read("case.toml", text, Path.GetTempPath()).Mesh.ParticleOptions!;
        Assert.Equal(8, o.FilletEdges);
        Assert.Equal(0.1e-6, o.BoundaryEdge!.Value, 1e-18);
        Assert.Equal(30e-9, o.ContactEdge!.Value, 1e-18);
        Assert.Equal(0.2e-6, o.ContactReach!.Value, 1e-18);
        Assert.Equal(10e-9, o.RefineEdge!.Value, 1e-18);
        Assert.Equal(new Vec2(1e-6, 2e-6), o.RefinePoints.Single());
        // the preset itself sets none of them: its mesh is the packing's polygons as before
        Assert.False(CreepCell.Simulation.CaseReader.Read("case.toml", CreepCell.Simulation.BuiltInCases.Text("se-60mse"), Path.GetTempPath()).Mesh.ParticleOptions!.RefinesOutline);
    }

    internal sealed record CylinderOnFlat(double P, double P0, double VonMisesMaxA, double VonMisesMaxB, double Closed, int Elements);

    /// <summary>
    /// A half cylinder of radius R (its arc a fillet of the packing kind) pressed through its flat side
    /// on a block, meshed by <see cref="ParticleMesh"/> with near-contact refinement to contactEdge. Hertz
    /// line contact (Johnson, Contact Mechanics, 1985, 4.3): p0 = sqrt(P E* / (pi R)), 1/E* = 2 (1 - nu^2)/E;
    /// under the centre of the contact (McEwen 1949) s_x = -p0 ((a^2 + 2 z^2)/sqrt(a^2 + z^2) - 2 z)/a,
    /// s_z = -p0 a / sqrt(a^2 + z^2), s_zz = nu (s_x + s_z) in plane strain, and the largest von Mises
    /// stress lies on that axis (both bodies carry the same field, as their moduli are equal).
    /// Plain displacement elements: with F-bar the quadrature-point peak of these six-node triangles lies
    /// 8 to 12 % above the closed form at the same meshes (the projected volume change is not the
    /// element's own near the contact), so F-bar would test the projection, not the mesh.
    /// </summary>
    static CylinderOnFlat Solve(double contactEdge)
    {
        const double R = 1, E = 10e9, Nu = 0.3, Gap = 2e-4, Dhat = 1e-4;
        var centre = new Vec2(2.5, 2.5 + Gap + R);
        var arc = Enumerable.Range(0, 17).Select(k => -Math.PI / 2 + Math.PI * k / 16).Select(phi => centre + R * new Vec2(Math.Sin(phi), -Math.Cos(phi))).ToArray();
        var cylinder = Particle("a", arc) with { EdgeArcs = arc.Select((_, k) => k < arc.Length - 1 ? new FilletArc(centre, R) : (FilletArc?)null).ToArray() };
        var block = Particle("b", new[] { new Vec2(0.5, 0.5), new Vec2(4.5, 0.5), new Vec2(4.5, 2.5), new Vec2(0.5, 2.5) });
        var options = new ParticleMeshOptions { ElementSize = 0.25, BoundaryEdge = 0.1, FilletEdges = 32, ContactEdge = contactEdge, ContactReach = 0.05 };
        var mesh = ParticleMesh.Build(TwoBodies(5, cylinder, block), options).Mesh;
        var solid = new Material("solid", E, Nu);
        var top = Enumerable.Range(0, mesh.NodeCount).Where(n => Math.Abs(mesh.Nodes[n].Y - centre.Y) < 1e-12).ToArray();
        var bottom = Enumerable.Range(0, mesh.NodeCount).Where(n => Math.Abs(mesh.Nodes[n].Y - 0.5) < 1e-12).ToArray();
        var c = top.Select(n => (2 * n + 1, -1e-3)).Concat(bottom.Select(n => (2 * n + 1, 0.0))).ToList();
        c.Add((2 * top.MinBy(n => Math.Abs(mesh.Nodes[n].X - 2.5)), 0));
        c.Add((2 * bottom.MinBy(n => Math.Abs(mesh.Nodes[n].X - 2.5)), 0));
        var (p, _) = ContactKit.Problem(mesh, new[] { solid, solid }, c, new ContactSettings { Distance = Dhat }, fbar: false);
        using (p)
        {
            foreach (double factor in new[] { 2.0, 4 }) ContactKit.Solve(p, factor, 1e-6);
            double force = -top.Sum(n => p.InternalForce[2 * n + 1]);
            double eStar = E / (2 * (1 - Nu * Nu));
            double p0 = Math.Sqrt(force * eStar / (Math.PI * R));
            // the largest stress near the contact: the corners where the loaded flat side meets the arc
            // carry a singularity of their own, far from the contact and outside the Hertz field
            double a = NearContactMax(mesh, p, 0), b = NearContactMax(mesh, p, 1);
            return new CylinderOnFlat(force, p0, a, b, p0 * AxisVonMisesMax(Nu), mesh.ElementCount);
        }
    }

    /// <summary>Largest von Mises stress over the quadrature points of region r within 0.25 R of the contact.</summary>
    static double NearContactMax(Mesh mesh, CreepCell.Simulation.MechanicsProblem p, int r)
    {
        double best = 0;
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            if (mesh.Region[e] != r || (mesh.Nodes[mesh.ElementNodes(e)[0]] - new Vec2(2.5, 2.5)).Length > 0.25) continue;
            for (int q = p.Assembler.PointOffsets[e]; q < p.Assembler.PointOffsets[e + 1]; q++) best = Math.Max(best, p.Responses[q].Cauchy.VonMises);
        }
        return best;
    }

    /// <summary>Largest von Mises stress on the axis of a Hertz line contact, over p0 (a = 1).</summary>
    static double AxisVonMisesMax(double nu)
    {
        double best = 0;
        for (int k = 1; k <= 40000; k++)
        {
            double z = k * 1e-4;
            double sx = -((1 + 2 * z * z) / Math.Sqrt(1 + z * z) - 2 * z), sz = -1 / Math.Sqrt(1 + z * z), sy = nu * (sx + sz);
            double vm = Math.Sqrt(0.5 * ((sx - sy) * (sx - sy) + (sy - sz) * (sy - sz) + (sz - sx) * (sz - sx)));
            best = Math.Max(best, vm);
        }
        return best;
    }

    [Fact]
    public void AxisOfHertzContactPeaksAtTheKnownShare()
    {
        // Johnson (1985), fig. 4.5: for nu = 0.3 the largest von Mises stress of a line contact is 0.56 p0
        Assert.InRange(AxisVonMisesMax(0.3), 0.555, 0.560);
    }

    [Fact]
    public void CylinderOnFlatPeakConvergesToHertz()
    {
        // a = sqrt(4 P R / (pi E*)) = 0.042 here: the coarse contact edge (0.06) is wider than the contact
        var coarse = Solve(0.06);
        var fine = Solve(0.01);
        foreach (var r in new[] { coarse, fine })
            output.WriteLine($"{r.Elements} elements: P {r.P:E4} N/m, p0 {r.P0:E4}, largest von Mises {r.VonMisesMaxA:E4} / {r.VonMisesMaxB:E4} against {r.Closed:E4} ({r.VonMisesMaxA / r.Closed - 1:P2} / {r.VonMisesMaxB / r.Closed - 1:P2})");
        // the barrier's reach (1e-4 against a gap of 2e-4) and the finite bodies leave a few per cent
        Assert.InRange(fine.VonMisesMaxA / fine.Closed, 0.96, 1.04);
        Assert.InRange(fine.VonMisesMaxB / fine.Closed, 0.96, 1.04);
        double Error(CylinderOnFlat r) => Math.Max(Math.Abs(r.VonMisesMaxA / r.Closed - 1), Math.Abs(r.VonMisesMaxB / r.Closed - 1));
        Assert.True(Error(fine) < Error(coarse), "the finer contact edge is not closer to Hertz");
    }
}
