using CreepCell.Geometry;
using CreepCell.Geometry.Packing;
using CreepCell.Meshing;

namespace CreepCell.Tests.Meshing;

public class ParticleMeshTests
{
    static readonly Lazy<Packing> SeMse = new(() => PackingGenerator.Generate(PackingSpec.SeMse(1)));
    static readonly Lazy<ParticleMeshResult> Default = new(() => ParticleMesh.Build(SeMse.Value));

    static double PolygonArea(Vec2[] v)
    {
        double a = 0;
        for (int i = 0; i < v.Length; i++) a += Vec2.Cross(v[i], v[(i + 1) % v.Length]);
        return 0.5 * a;
    }

    [Fact]
    public void PhaseAreasEqualThePackingsPolygonAreas()
    {
        var r = Default.Value;
        var areas = MeshQuality.RegionAreas(r.Mesh);
        foreach (var phase in SeMse.Value.Spec.Phases)
        {
            double expected = SeMse.Value.Particles.Where(p => p.Phase == phase.Name).Sum(p => PolygonArea(p.Vertices));
            int k = Array.IndexOf(r.Mesh.RegionNames, phase.Name);
            // straight polygon edges are meshed exactly, so only round-off separates the two
            Assert.Equal(expected, areas[k], expected * 1e-9);
            double fraction = areas[k] / (r.Side * r.Side);
            Assert.Equal(phase.Fraction, fraction, 0.01);
            var report = SeMse.Value.Report.Phases.Single(p => p.Name == phase.Name);
            Assert.Equal(report.AchievedFraction, fraction, 1e-9);
        }
    }

    [Fact]
    public void BodiesShareNoNodes()
    {
        var m = Default.Value.Mesh;
        var owner = new int[m.NodeCount];
        Array.Fill(owner, -1);
        foreach (var b in Default.Value.Bodies)
            for (int e = b.FirstElement; e < b.FirstElement + b.ElementCount; e++)
                foreach (int v in m.ElementNodes(e))
                {
                    Assert.InRange(v, b.FirstNode, b.FirstNode + b.NodeCount - 1);
                    Assert.True(owner[v] == -1 || owner[v] == b.Index, $"node {v} is used by two bodies");
                    owner[v] = b.Index;
                }
        Assert.DoesNotContain(-1, owner);
        Assert.Equal(SeMse.Value.Particles.Count, Default.Value.Bodies.Count);
    }

    [Fact]
    public void ElementsAreSixNodeTrianglesOfBoundedQuality()
    {
        var m = Default.Value.Mesh;
        Assert.All(m.Types, t => Assert.Equal(ElementType.Tri6, t));
        MeshChecks.AllCounterClockwise(m);
        Assert.True(MeshQuality.MinAngleDegrees(m) >= 25, $"min angle {MeshQuality.MinAngleDegrees(m)}");
        double maxAllowed = 0.125 * SeMse.Value.Spec.Phases.Max(p => p.MeanDiameter);
        Assert.True(MeshQuality.MaxEdgeLength(m) <= maxAllowed * 1.0001);
        // mid-nodes of straight edges sit at the middle of their corners
        for (int e = 0; e < m.ElementCount; e += 97)
        {
            var n = m.ElementNodes(e);
            for (int i = 0; i < 3; i++)
            {
                var mid = 0.5 * (m.Nodes[n[i]] + m.Nodes[n[(i + 1) % 3]]);
                Assert.True((m.Nodes[n[3 + i]] - mid).Length < 1e-15);
            }
        }
    }

    [Fact]
    public void BoundaryLoopsAreClosedCounterClockwiseAndMatchParticlePerimeters()
    {
        var r = Default.Value;
        foreach (var b in r.Bodies)
        {
            for (int k = 0; k < b.Loop.Length; k++)
                Assert.Equal(b.Loop[k][1], b.Loop[(k + 1) % b.Loop.Length][0]);
            var verts = SeMse.Value.Particles[b.Index].Vertices;
            double perimeter = 0;
            for (int i = 0; i < verts.Length; i++) perimeter += (verts[(i + 1) % verts.Length] - verts[i]).Length;
            double loopLength = MeshQuality.Length(r.Mesh, new BoundarySet("loop", b.Loop));
            Assert.Equal(perimeter, loopLength, perimeter * 1e-9);
            var set = r.Mesh.Boundaries.Single(s => s.Name == ParticleMesh.BodySetName(b.Index));
            Assert.Equal(b.Loop.Length, set.Edges.Length);
            double signed = b.Loop.Sum(ed => Vec2.Cross(r.Mesh.Nodes[ed[0]], r.Mesh.Nodes[ed[1]]));
            Assert.True(signed > 0);
        }
    }

    [Fact]
    public void WallSetsCoverTheClippedParticleSides()
    {
        var r = Default.Value;
        double side = r.Side;
        foreach (var (name, onWall) in new (string, Func<Vec2, bool>)[]
        {
            ("left", p => p.X == 0), ("right", p => Math.Abs(p.X - side) < 1e-9 * side),
            ("bottom", p => p.Y == 0), ("top", p => Math.Abs(p.Y - side) < 1e-9 * side),
        })
        {
            var set = r.Mesh.Boundaries.Single(s => s.Name == name);
            Assert.NotEmpty(set.Edges);
            Assert.All(set.Edges, ed => Assert.All(ed, v => Assert.True(onWall(r.Mesh.Nodes[v]))));
            // the wall length covered equals the length of the particle polygon edges on that wall
            double expected = 0;
            foreach (var p in SeMse.Value.Particles)
                for (int i = 0; i < p.Vertices.Length; i++)
                {
                    Vec2 a = p.Vertices[i], b = p.Vertices[(i + 1) % p.Vertices.Length];
                    if (onWall(a) && onWall(b)) expected += (b - a).Length;
                }
            Assert.Equal(expected, MeshQuality.Length(r.Mesh, set), side * 1e-9);
            Assert.True(expected > 0.3 * side && expected < side);
        }
        // a particle flat against a wall has edges in that wall's set, and only then
        var flags = new[] { RveSide.Left, RveSide.Right, RveSide.Bottom, RveSide.Top };
        foreach (var b in r.Bodies)
            for (int w = 0; w < 4; w++)
            {
                var set = r.Mesh.Boundaries.Single(s => s.Name == ParticleMesh.WallNames[w]);
                bool has = set.Edges.Any(ed => ed[0] >= b.FirstNode && ed[0] < b.FirstNode + b.NodeCount);
                Assert.Equal(b.Sides.HasFlag(flags[w]), has);
            }
    }

    [Fact]
    public void SameSeedGivesTheSameMeshAndLinearOptionWorks()
    {
        var spec = PackingSpec.SeMse(5) with { Side = 10e-6 };
        var options = new ParticleMeshOptions { SecondOrder = false, RelativeSize = 0.2 };
        var a = ParticleMesh.Build(PackingGenerator.Generate(spec), options).Mesh;
        var b = ParticleMesh.Build(PackingGenerator.Generate(spec), options).Mesh;
        Assert.Equal(a.Nodes, b.Nodes);
        Assert.Equal(a.Connectivity, b.Connectivity);
        Assert.Equal(a.Region, b.Region);
        Assert.All(a.Types, t => Assert.Equal(ElementType.Tri3, t));
        var c = ParticleMesh.Build(PackingGenerator.Generate(spec with { Seed = 6 }), options).Mesh;
        Assert.False(a.NodeCount == c.NodeCount && a.Nodes.SequenceEqual(c.Nodes), "another seed gave the same mesh");
    }

    [Fact]
    public void FinerSizeGivesMoreElements()
    {
        var spec = PackingSpec.SeMse(5) with { Side = 10e-6 };
        var packing = PackingGenerator.Generate(spec);
        var coarse = ParticleMesh.Build(packing, new ParticleMeshOptions { ElementSize = 0.4e-6 }).Mesh;
        var fine = ParticleMesh.Build(packing, new ParticleMeshOptions { ElementSize = 0.15e-6 }).Mesh;
        Assert.True(fine.ElementCount > 2 * coarse.ElementCount);
        Assert.True(MeshQuality.MaxEdgeLength(fine) <= 0.15e-6 * 1.0001);
        var ca = MeshQuality.RegionAreas(coarse);
        var fa = MeshQuality.RegionAreas(fine);
        for (int k = 0; k < ca.Length; k++) Assert.Equal(ca[k], fa[k], ca[k] * 1e-9);
    }

    [Fact]
    public void RejectsAMinimumAngleBelow25Degrees()
    {
        Assert.Throws<ArgumentException>(() =>
            ParticleMesh.Build(SeMse.Value, new ParticleMeshOptions { MinAngleDegrees = 20 }));
    }
}
