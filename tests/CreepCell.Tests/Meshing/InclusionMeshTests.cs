using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Tests.Meshing;

public class InclusionMeshTests
{
    static Mesh Default(bool secondOrder = false) => InclusionMesh.Generate(1.0, 0.8,
        new[] { Inclusion.Circle(new Vec2(0.5, 0.4), 0.2, "particle") }, "matrix",
        new InclusionSizes(0.04) { SecondOrder = secondOrder });

    [Fact]
    public void CircularInclusionMeshIsConformingWithQualityAndAreas()
    {
        var m = Default();
        Assert.Equal(new[] { "matrix", "particle" }, m.RegionNames);
        Assert.True(MeshQuality.MinAngleDegrees(m) >= 28 - 1e-9, $"min angle {MeshQuality.MinAngleDegrees(m)}");
        Assert.True(MeshQuality.MaxEdgeLength(m) <= 0.04 * (1 + 1e-12));
        MeshChecks.AllCounterClockwise(m);
        var areas = MeshQuality.RegionAreas(m);
        Assert.Equal(0.8, areas[0] + areas[1], 13);
        Assert.Equal(Math.PI * 0.04, areas[1], Math.PI * 0.04 * 0.01);
        foreach (var (a, b) in MeshChecks.BoundaryEdges(m))
            Assert.True(MeshChecks.OnRectangle(m.Nodes[a], 1.0, 0.8, 1e-15) && MeshChecks.OnRectangle(m.Nodes[b], 1.0, 0.8, 1e-15));
        var sets = m.Boundaries.ToDictionary(b => b.Name);
        Assert.Equal(1.0, MeshQuality.Length(m, sets["bottom"]), 14);
        Assert.Equal(1.0, MeshQuality.Length(m, sets["top"]), 14);
        Assert.Equal(0.8, MeshQuality.Length(m, sets["left"]), 14);
        Assert.Equal(0.8, MeshQuality.Length(m, sets["right"]), 14);
        Assert.Equal(2 * Math.PI * 0.2, MeshQuality.Length(m, sets["interface_particle"]), 2 * Math.PI * 0.2 * 0.005);
        InterfaceSeparatesRegions(m, sets["interface_particle"]);
        MeshChecks.LocallyDelaunay(m);
    }

    /// <summary>Every interface edge is an element edge shared by one matrix and one inclusion element;
    /// interface nodes lie on the circle.</summary>
    static void InterfaceSeparatesRegions(Mesh m, BoundarySet set)
    {
        var regionsOfEdge = new Dictionary<(int, int), List<int>>();
        for (int e = 0; e < m.ElementCount; e++)
        {
            var n = m.ElementNodes(e);
            for (int i = 0; i < 3; i++)
            {
                int a = n[i], b = n[(i + 1) % 3];
                var key = a < b ? (a, b) : (b, a);
                if (!regionsOfEdge.TryGetValue(key, out var list)) regionsOfEdge[key] = list = new();
                list.Add(m.Region[e]);
            }
        }
        foreach (var ed in set.Edges)
        {
            var key = ed[0] < ed[1] ? (ed[0], ed[1]) : (ed[1], ed[0]);
            Assert.Equal(new[] { 0, 1 }, regionsOfEdge[key].Order());
            Assert.Equal(0.2, (m.Nodes[ed[0]] - new Vec2(0.5, 0.4)).Length, 14);
        }
        int crossing = regionsOfEdge.Count(kv => kv.Value.Distinct().Count() == 2);
        Assert.Equal(set.Edges.Length, crossing);
    }

    [Fact]
    public void SecondOrderInclusionAreaMatchesTheCircle()
    {
        var m = Default(secondOrder: true);
        var areas = MeshQuality.RegionAreas(m);
        Assert.Equal(Math.PI * 0.04, areas[1], 1e-6);
        Assert.Equal(0.8, areas[0] + areas[1], 13);
    }

    [Fact]
    public void GradedMeshIsFineAtTheInclusionAndCoarseFarAway()
    {
        var inc = new[] { Inclusion.Circle(new Vec2(5, 5), 0.1, "eshelby") };
        var sizes = new InclusionSizes(MaxEdge: 1.0, InclusionEdge: 0.01, Grading: 0.3);
        var m = InclusionMesh.Generate(10, 10, inc, "matrix", sizes);
        Assert.True(MeshQuality.MinAngleDegrees(m) >= 28 - 1e-9);
        Assert.True(MeshQuality.MaxEdgeLength(m) <= 1.0 + 1e-12);
        var interfaceSet = m.Boundaries.Single(b => b.Name == "interface_eshelby");
        Assert.All(interfaceSet.Edges, ed => Assert.True((m.Nodes[ed[1]] - m.Nodes[ed[0]]).Length <= 0.01 * (1 + 1e-12)));
        // a uniform 0.01 mesh of the 10 x 10 square would need about 2.3 million triangles
        Assert.InRange(m.ElementCount, 1000, 20000);
        var areas = MeshQuality.RegionAreas(m);
        Assert.Equal(100.0, areas.Sum(), 11);
        Assert.Equal(Math.PI * 0.01, areas[1], Math.PI * 0.01 * 0.002);
    }

    [Fact]
    public void RotatedEllipsesAndSeveralPhasesKeepTheirAreas()
    {
        var incs = new[]
        {
            new Inclusion(new Vec2(0.7, 0.5), 0.4, 0.2, Math.PI / 6, "ncm"),
            Inclusion.Circle(new Vec2(1.6, 0.5), 0.25, "lpscl"),
        };
        var m = InclusionMesh.Generate(2.2, 1.0, incs, "matrix", new InclusionSizes(0.05) { SecondOrder = true });
        Assert.Equal(new[] { "matrix", "ncm", "lpscl" }, m.RegionNames);
        var areas = MeshQuality.RegionAreas(m);
        Assert.Equal(Math.PI * 0.08, areas[1], 2e-5);
        Assert.Equal(Math.PI * 0.0625, areas[2], 2e-6);
        Assert.Equal(2.2, areas.Sum(), 12);
        Assert.Equal(incs[0].Shape.Perimeter(), MeshQuality.Length(m, m.Boundaries.Single(b => b.Name == "interface_ncm")), 1e-4);
    }

    [Fact]
    public void HigherAngleBoundIsReachedToo()
    {
        var incs = new[] { Inclusion.Circle(new Vec2(0.5, 0.5), 0.25, "p"), new Inclusion(new Vec2(0.2, 0.2), 0.1, 0.05, 0.3, "q") };
        var m = InclusionMesh.Generate(1, 1, incs, "matrix", new InclusionSizes(0.3, 0.01, 0.3) { MinAngleDegrees = 32 }, out var stats);
        Assert.True(MeshQuality.MinAngleDegrees(m) >= 32 - 1e-9, $"min angle {MeshQuality.MinAngleDegrees(m)}");
        Assert.Equal(0, stats.SkippedTriangles);
        Assert.Equal(1.0, MeshQuality.RegionAreas(m).Sum(), 13);
    }

    [Fact]
    public void SameInputGivesSameMesh()
    {
        var a = Default();
        var b = Default();
        Assert.Equal(a.Nodes, b.Nodes);
        Assert.Equal(a.Connectivity, b.Connectivity);
        Assert.Equal(a.Region, b.Region);
    }

    [Fact]
    public void OverlappingOrOutsideInclusionsAreRejected()
    {
        var sizes = new InclusionSizes(0.1);
        Assert.Throws<ArgumentException>(() => InclusionMesh.Generate(1, 1,
            new[] { Inclusion.Circle(new Vec2(0.3, 0.5), 0.2, "a"), Inclusion.Circle(new Vec2(0.6, 0.5), 0.2, "b") }, "m", sizes));
        Assert.Throws<ArgumentException>(() => InclusionMesh.Generate(1, 1,
            new[] { Inclusion.Circle(new Vec2(0.9, 0.5), 0.2, "a") }, "m", sizes));
    }
}
