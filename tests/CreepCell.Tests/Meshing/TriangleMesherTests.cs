using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Tests.Meshing;

public class TriangleMesherTests
{
    static readonly Vec2[] Square = { new(0, 0), new(2, 0), new(2, 1), new(0, 1) };

    [Fact]
    public void RectangleMeshHasQualityAreaAndSize()
    {
        var m = TriangleMesher.MeshPolygon(Square, 0.1, "body", options: new MeshOptions { MinAngleDegrees = 28 });
        Assert.True(MeshQuality.MinAngleDegrees(m) >= 28 - 1e-9, $"min angle {MeshQuality.MinAngleDegrees(m)}");
        Assert.True(MeshQuality.MaxEdgeLength(m) <= 0.1 + 1e-12);
        Assert.Equal(2.0, MeshChecks.TotalArea(m), 12);
        MeshChecks.AllCounterClockwise(m);
        foreach (var (a, b) in MeshChecks.BoundaryEdges(m))
        {
            Assert.True(MeshChecks.OnRectangle(m.Nodes[a], 2, 1, 1e-12));
            Assert.True(MeshChecks.OnRectangle(m.Nodes[b], 2, 1, 1e-12));
        }
        Assert.Equal(6.0, MeshQuality.Length(m, m.Boundaries.Single()), 12);
        MeshChecks.LocallyDelaunay(m);
    }

    [Fact]
    public void PolygonWithHoleKeepsTheHoleEmpty()
    {
        var g = new PlanarGraph();
        g.AddPolygon(Square, "outer");
        var hole = new[] { new Vec2(0.5, 0.25), new Vec2(1.5, 0.25), new Vec2(1.0, 0.75) };
        g.AddPolygon(hole, "hole");
        g.AddHole(new Vec2(1.0, 0.4));
        var m = TriangleMesher.Mesh(g, new MeshOptions { MaxEdge = 0.15 });
        Assert.Equal(2.0 - 0.25, MeshChecks.TotalArea(m), 12);
        Assert.True(MeshQuality.MinAngleDegrees(m) >= 28 - 1e-9);
        Assert.Equal(1.0 + 2 * Math.Sqrt(0.5 * 0.5 + 0.5 * 0.5), MeshQuality.Length(m, m.Boundaries.Single(b => b.Name == "hole")), 12);
        MeshChecks.AllCounterClockwise(m);
        MeshChecks.BoundaryEdges(m);
    }

    [Fact]
    public void SameInputGivesSameMesh()
    {
        Mesh Make() => TriangleMesher.MeshEllipse(new Ellipse(new Vec2(0.3, -0.2), 1.0, 0.6, 0.4), 0.08, "disk");
        var a = Make();
        var b = Make();
        Assert.Equal(a.Nodes, b.Nodes);
        Assert.Equal(a.Connectivity, b.Connectivity);
    }

    [Fact]
    public void DiskAreaApproachesPiRSquaredAndSecondOrderNodesLieOnTheCircle()
    {
        var circle = Ellipse.Circle(new Vec2(1, 1), 0.5);
        var m = TriangleMesher.MeshEllipse(circle, 0.05, "disk", options: new MeshOptions { SecondOrder = true });
        Assert.All(m.Types, t => Assert.Equal(ElementType.Tri6, t));
        double area = MeshChecks.TotalArea(m);
        Assert.Equal(Math.PI * 0.25, area, 4);
        foreach (var ed in m.Boundaries.Single().Edges)
            foreach (int v in ed)
                Assert.Equal(0.5, (m.Nodes[v] - circle.Centre).Length, 12);
        Assert.Equal(Math.PI, MeshQuality.Length(m, m.Boundaries.Single()), 5);
    }

    [Fact]
    public void SharpCornerTerminates()
    {
        var wedge = new[] { new Vec2(0, 0), new Vec2(1, 0), new Vec2(1, 0.05) };
        var m = TriangleMesher.MeshPolygon(wedge, 0.1, "wedge", options: new MeshOptions { MinAngleDegrees = 30 });
        Assert.Equal(0.025, MeshChecks.TotalArea(m), 12);
        MeshChecks.AllCounterClockwise(m);
    }

    [Fact]
    public void DisjointBodiesShareNoNodes()
    {
        var g1 = new PlanarGraph();
        g1.AddPolygon(Square, "surface");
        g1.AddRegion("a", new Vec2(1, 0.5));
        var g2 = new PlanarGraph();
        g2.AddEllipse(Ellipse.Circle(new Vec2(3.5, 0.5), 0.5), 16, "surface");
        g2.AddRegion("b", new Vec2(3.5, 0.5));
        var m = TriangleMesher.MeshBodies(new[] { (g1, new MeshOptions { MaxEdge = 0.2 }), (g2, new MeshOptions { MaxEdge = 0.2 }) });
        Assert.Equal(new[] { "a", "b" }, m.RegionNames);
        var nodesOf = new[] { new HashSet<int>(), new HashSet<int>() };
        for (int e = 0; e < m.ElementCount; e++)
            foreach (int v in m.ElementNodes(e)) nodesOf[m.Region[e]].Add(v);
        Assert.Empty(nodesOf[0].Intersect(nodesOf[1]));
        Assert.Equal(nodesOf[0].Count + nodesOf[1].Count, m.NodeCount);
        Assert.Single(m.Boundaries);
    }
}

public class TriangleMesherHardInputTests
{
    [Fact]
    public void PackedCirclesWithTinyGapsMeshCleanly()
    {
        var rng = new Random(2);
        const double gap = 1e-4;
        var incs = new List<Inclusion>();
        for (int tries = 0; tries < 5000 && incs.Count < 25; tries++)
        {
            double r = 0.04 + 0.08 * rng.NextDouble();
            var c = new Vec2(r + gap + (1 - 2 * r - 2 * gap) * rng.NextDouble(), r + gap + (1 - 2 * r - 2 * gap) * rng.NextDouble());
            if (incs.All(o => (o.Centre - c).Length > o.A + r + gap)) incs.Add(Inclusion.Circle(c, r, "p" + incs.Count % 3));
        }
        var m = InclusionMesh.Generate(1, 1, incs, "matrix", new InclusionSizes(0.04, 0.015, 0.3), out var stats);
        Assert.Equal(25, incs.Count);
        Assert.True(MeshQuality.MinAngleDegrees(m) >= 28 - 1e-9, $"min angle {MeshQuality.MinAngleDegrees(m)}");
        Assert.Equal(0, stats.SkippedTriangles);
        MeshChecks.AllCounterClockwise(m);
        MeshChecks.LocallyDelaunay(m);
        foreach (var (a, b) in MeshChecks.BoundaryEdges(m))
            Assert.True(MeshChecks.OnRectangle(m.Nodes[a], 1, 1, 1e-15) && MeshChecks.OnRectangle(m.Nodes[b], 1, 1, 1e-15));
        Assert.Equal(1.0, MeshChecks.TotalArea(m), 12);
    }

    [Fact]
    public void PolygonWithSharpSpikesStaysValid()
    {
        var rng = new Random(7);
        int n = 30;
        var pts = Enumerable.Range(0, n).Select(k =>
        {
            double a = 2 * Math.PI * k / n, r = 0.2 + rng.NextDouble();
            return new Vec2(r * Math.Cos(a), r * Math.Sin(a));
        }).ToArray();
        var m = TriangleMesher.MeshPolygon(pts, 0.05, "star");
        MeshChecks.AllCounterClockwise(m);
        MeshChecks.BoundaryEdges(m);
        Assert.Equal(Math.Abs(Polygons.SignedArea(pts)), MeshChecks.TotalArea(m), 12);
        // angles below the bound survive only at the input's own sharp corners
        Assert.True(MeshQuality.MinAngleDegrees(m) > 5);
    }

    [Fact]
    public void RegionSizeLimitsApplyPerRegion()
    {
        var g = new PlanarGraph();
        g.AddPolygon(new[] { new Vec2(0, 0), new Vec2(2, 0), new Vec2(2, 1), new Vec2(0, 1) }, "outer");
        g.AddPolyline(new[] { new Vec2(1, 0), new Vec2(1, 1) }, "middle");
        g.AddRegion("fine", new Vec2(0.5, 0.5), maxEdge: 0.05);
        g.AddRegion("coarse", new Vec2(1.5, 0.5), maxEdge: 0.2);
        var m = TriangleMesher.Mesh(g, new MeshOptions());
        var maxByRegion = new double[2];
        for (int e = 0; e < m.ElementCount; e++)
        {
            var n = m.ElementNodes(e);
            for (int i = 0; i < 3; i++)
                maxByRegion[m.Region[e]] = Math.Max(maxByRegion[m.Region[e]], (m.Nodes[n[i]] - m.Nodes[n[(i + 1) % 3]]).Length);
        }
        Assert.True(maxByRegion[0] <= 0.05 + 1e-12);
        Assert.True(maxByRegion[1] <= 0.2 + 1e-12 && maxByRegion[1] > 0.1);
        Assert.All(MeshQuality.RegionAreas(m), a => Assert.Equal(1.0, a, 12));
        Assert.Equal(1.0, MeshQuality.Length(m, m.Boundaries.Single(b => b.Name == "middle")), 12);
    }
}
