using CreepCell.Meshing;

namespace CreepCell.Tests.Meshing;

/// <summary>Meshes written by Gmsh 4.8.4 from the .geo scripts in Fixtures/gmsh (see generate.sh).</summary>
public class GmshReaderTests
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "gmsh", name);

    const double R = 0.25;

    public static TheoryData<string, ElementType, int> SquareFiles() => new()
    {
        { "square_tri3_v22.msh", ElementType.Tri3, 74 }, { "square_tri3_v41.msh", ElementType.Tri3, 74 },
        { "square_tri6_v22.msh", ElementType.Tri6, 74 }, { "square_tri6_v41.msh", ElementType.Tri6, 74 },
        { "square_quad4_v22.msh", ElementType.Quad4, 42 }, { "square_quad4_v41.msh", ElementType.Quad4, 42 },
        { "square_quad8_v22.msh", ElementType.Quad8, 42 }, { "square_quad8_v41.msh", ElementType.Quad8, 42 },
        { "square_quad9_v22.msh", ElementType.Quad9, 42 }, { "square_quad9_v41.msh", ElementType.Quad9, 42 },
    };

    [Theory]
    [MemberData(nameof(SquareFiles))]
    public void SquareWithCircularInclusionHasRegionsAreasAndBoundaries(string file, ElementType type, int elements)
    {
        var m = GmshReader.Read(Fixture(file));
        Assert.Equal(elements, m.ElementCount);
        Assert.All(m.Types, t => Assert.Equal(type, t));
        Assert.Equal(new[] { "matrix", "inclusion" }, m.RegionNames);
        MeshChecks.AllCounterClockwise(m);
        var areas = MeshQuality.RegionAreas(m);
        Assert.Equal(1.0, areas[0] + areas[1], 12);
        // linear elements see an inscribed polygon; quadratic ones follow the circle closely
        double tol = type.Order() == 1 ? 0.12 : 0.003;
        Assert.Equal(Math.PI * R * R, areas[1], Math.PI * R * R * tol);
        var sets = m.Boundaries.ToDictionary(b => b.Name);
        Assert.Equal(new[] { "bottom", "interface", "left", "right", "top" }, sets.Keys.Order());
        foreach (var side in new[] { "left", "right", "bottom", "top" })
            Assert.Equal(1.0, MeshQuality.Length(m, sets[side]), 12);
        Assert.Equal(2 * Math.PI * R, MeshQuality.Length(m, sets["interface"]), 2 * Math.PI * R * tol);
        Assert.All(sets["interface"].Edges, ed => Assert.Equal(type.Order() + 1, ed.Length));
        foreach (var (a, b) in MeshChecks.BoundaryEdges(m))
            Assert.True(MeshChecks.OnRectangle(m.Nodes[a], 1, 1, 1e-12) && MeshChecks.OnRectangle(m.Nodes[b], 1, 1, 1e-12));
        // every node is used, and for linear meshes Euler's formula holds for the (simply connected) square
        var used = new HashSet<int>(m.Connectivity);
        Assert.Equal(m.NodeCount, used.Count);
        if (type.Order() == 1)
        {
            int edges = (m.Connectivity.Length + MeshChecks.BoundaryEdges(m).Count) / 2;
            Assert.Equal(1, m.NodeCount - edges + m.ElementCount);
        }
    }

    [Theory]
    [InlineData("square_tri3")]
    [InlineData("square_tri6")]
    [InlineData("square_quad8")]
    [InlineData("square_quad9")]
    [InlineData("l_shape")]
    [InlineData("no_physical")]
    [InlineData("mixed")]
    public void Versions22And41Agree(string stem)
    {
        var a = GmshReader.Read(Fixture(stem + "_v22.msh"));
        var b = GmshReader.Read(Fixture(stem + "_v41.msh"));
        Assert.Equal(a.NodeCount, b.NodeCount);
        Assert.Equal(a.Types, b.Types);
        Assert.Equal(a.RegionNames, b.RegionNames);
        Assert.Equal(a.Nodes.OrderBy(p => p.X).ThenBy(p => p.Y), b.Nodes.OrderBy(p => p.X).ThenBy(p => p.Y));
        var ra = MeshQuality.RegionAreas(a);
        var rb = MeshQuality.RegionAreas(b);
        for (int i = 0; i < ra.Length; i++) Assert.Equal(ra[i], rb[i], 14);
        Assert.Equal(a.Boundaries.Select(s => (s.Name, s.Edges.Length)), b.Boundaries.Select(s => (s.Name, s.Edges.Length)));
    }

    [Fact]
    public void PolygonRegionAreasAreExactAndUnnamedGroupsUseTheirNumber()
    {
        var m = GmshReader.Read(Fixture("l_shape_v41.msh"), unitScale: 1e-6);
        Assert.Equal(new[] { "solid", "7" }, m.RegionNames);
        var areas = MeshQuality.RegionAreas(m);
        Assert.Equal(2.875e-12, areas[0], 1e-24);
        Assert.Equal(0.125e-12, areas[1], 1e-24);
        Assert.Equal(8e-6, MeshQuality.Length(m, m.Boundaries.Single(b => b.Name == "outer")), 1e-18);
    }

    [Fact]
    public void FileWithoutPhysicalGroupsNamesRegionsAfterSurfaces()
    {
        var m = GmshReader.Read(Fixture("no_physical_v22.msh"));
        Assert.Equal(new[] { "surface_1", "surface_2" }, m.RegionNames);
        Assert.All(MeshQuality.RegionAreas(m), a => Assert.Equal(1.0, a, 12));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"curve_{i}"), m.Boundaries.Select(b => b.Name));
        Assert.Equal(1.0, MeshQuality.Length(m, m.Boundaries.Single(b => b.Name == "curve_2")), 12);
    }

    [Fact]
    public void MixedTrianglesAndQuadrilateralsKeepTheirTypesAndRoundTrip()
    {
        var m = GmshReader.Read(Fixture("mixed_v41.msh"));
        Assert.Equal(31, m.Types.Count(t => t == ElementType.Tri6));
        Assert.Equal(22, m.Types.Count(t => t == ElementType.Quad9));
        Assert.Equal(new[] { "triangles", "quads" }, m.RegionNames);
        for (int e = 0; e < m.ElementCount; e++)
            Assert.Equal(m.Types[e] == ElementType.Tri6 ? 0 : 1, m.Region[e]);
        Assert.All(MeshQuality.RegionAreas(m), a => Assert.Equal(1.0, a, 12));
        MeshChecks.AllCounterClockwise(m);
        string path = Path.Combine(Path.GetTempPath(), $"creepcell-mixed-{Guid.NewGuid():N}.msh");
        try
        {
            GmshWriter.Write(path, m);
            var back = GmshReader.Read(path);
            Assert.Equal(m.Nodes, back.Nodes);
            Assert.Equal(m.Types.Order(), back.Types.Order());
            Assert.Equal(MeshQuality.RegionAreas(m), MeshQuality.RegionAreas(back));
            Assert.Equal(m.Boundaries.Select(b => b.Name), back.Boundaries.Select(b => b.Name));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ParametricNodeCoordinatesAreSkipped()
    {
        var a = GmshReader.Read(Fixture("square_tri3_v41.msh"));
        var b = GmshReader.Read(Fixture("square_tri3_parametric_v41.msh"));
        Assert.Equal(a.Nodes, b.Nodes);
        Assert.Equal(a.Connectivity, b.Connectivity);
    }

    [Fact]
    public void UnknownSectionsAreSkipped()
    {
        var lines = File.ReadAllLines(Fixture("square_tri3_v41.msh")).ToList();
        lines.InsertRange(3, new[] { "$Comments", "any text $Nodes 1 2", "$EndComments" });
        lines.AddRange(new[] { "$NodeData", "1", "\"u\"", "$EndNodeData" });
        string path = Path.Combine(Path.GetTempPath(), $"creepcell-sections-{Guid.NewGuid():N}.msh");
        try
        {
            File.WriteAllLines(path, lines);
            Assert.Equal(74, GmshReader.Read(path).ElementCount);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
