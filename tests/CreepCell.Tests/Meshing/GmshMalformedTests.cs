using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Tests.Meshing;

public class GmshMalformedTests : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "creepcell-gmsh-" + Guid.NewGuid().ToString("N"));

    public GmshMalformedTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, true);

    string WriteFile(string name, string text)
    {
        string p = Path.Combine(dir, name);
        File.WriteAllText(p, text);
        return p;
    }

    static string[] FixtureLines(string name) => File.ReadAllLines(GmshReaderTests.Fixture(name));

    InputException Fails(string name, string text)
    {
        string p = WriteFile(name, text);
        var ex = Assert.Throws<InputException>(() => GmshReader.Read(p));
        Assert.Contains(p, ex.Message);
        return ex;
    }

    [Theory]
    [InlineData("square_tri3_v22.msh")]
    [InlineData("square_quad9_v41.msh")]
    public void TruncatedFileNamesTheLastLine(string fixture)
    {
        var lines = FixtureLines(fixture);
        int keep = lines.Length - 10;
        var ex = Fails("cut.msh", string.Join("\n", lines.Take(keep)) + "\n");
        Assert.Contains($"line {keep}", ex.Message);
        Assert.Contains("unexpected end of file", ex.Message);
    }

    [Fact]
    public void UnknownElementTypeNamesItsLine()
    {
        var lines = FixtureLines("square_tri3_v22.msh");
        int i = Array.FindLastIndex(lines, l => l.Split(' ').Length > 5 && l.Split(' ')[1] == "2");
        var parts = lines[i].Split(' ');
        parts[1] = "4"; // tetrahedron
        lines[i] = string.Join(' ', parts);
        var ex = Fails("tet.msh", string.Join("\n", lines));
        Assert.Contains($"line {i + 1}", ex.Message);
        Assert.Contains("unsupported element type 4", ex.Message);
    }

    [Fact]
    public void BadNumberNamesItsLine()
    {
        var lines = FixtureLines("square_tri3_v41.msh");
        int i = Array.IndexOf(lines, "$Nodes") + 3;
        lines[i] = "abc";
        var ex = Fails("bad.msh", string.Join("\n", lines));
        Assert.Contains($"line {i + 1}", ex.Message);
        Assert.Contains("'abc'", ex.Message);
    }

    [Fact]
    public void BinaryFileIsRejected()
    {
        var ex = Fails("bin.msh", "$MeshFormat\n4.1 1 8\n\u0001\0\0\0\n$EndMeshFormat\n");
        Assert.Contains("line 2", ex.Message);
        Assert.Contains("binary", ex.Message);
    }

    [Fact]
    public void MissingElementsSectionIsReported()
    {
        var ex = Fails("noel.msh", "$MeshFormat\n2.2 0 8\n$EndMeshFormat\n$Nodes\n1\n1 0 0 0\n$EndNodes\n");
        Assert.Contains("missing $Elements", ex.Message);
    }

    [Fact]
    public void UnknownNodeAndNotAGmshFileAreReported()
    {
        var ex = Fails("node.msh", "$MeshFormat\n2.2 0 8\n$EndMeshFormat\n$Nodes\n3\n1 0 0 0\n2 1 0 0\n3 0 1 0\n$EndNodes\n$Elements\n1\n1 2 2 0 1 1 2 9\n$EndElements\n");
        Assert.Contains("line 12", ex.Message);
        Assert.Contains("node 9", ex.Message);
        Assert.Contains("line 1", Fails("text.msh", "hello\n").Message);
        Assert.Contains("unsupported format version 3.0", Fails("v3.msh", "$MeshFormat\n3.0 0 8\n$EndMeshFormat\n").Message);
    }

    [Fact]
    public void ClockwiseElementsAreReversedWithTheirMidNodesAndUnusedNodesDropped()
    {
        // tri6 given clockwise (0,0) (0,1) (1,0) and a clockwise quad8; node tags are sparse; node 99 is unused
        string text = "$MeshFormat\n2.2 0 8\n$EndMeshFormat\n$Nodes\n15\n" +
            "10 0 0 0\n20 0 1 0\n30 1 0 0\n40 0 0.5 0\n50 0.5 0.5 0\n60 0.5 0 0\n99 7 7 0\n" +
            "101 2 0 0\n102 2 1 0\n103 3 1 0\n104 3 0 0\n105 2 0.5 0\n106 2.5 1 0\n107 3 0.5 0\n108 2.5 0 0\n$EndNodes\n" +
            "$Elements\n3\n1 9 2 1 1 10 20 30 40 50 60\n2 16 2 1 1 101 102 103 104 105 106 107 108\n3 1 2 2 5 10 20\n$EndElements\n";
        string p = WriteFile("cw.msh", text);
        var m = GmshReader.Read(p);
        Assert.Equal(14, m.NodeCount);
        MeshChecks.AllCounterClockwise(m);
        for (int e = 0; e < m.ElementCount; e++)
        {
            var n = m.ElementNodes(e);
            int c = m.Types[e].CornerCount();
            for (int i = 0; i < c; i++)
                Assert.Equal(0.5 * (m.Nodes[n[i]] + m.Nodes[n[(i + 1) % c]]), m.Nodes[n[c + i]]);
        }
        Assert.Equal(new Vec2(0, 0), m.Nodes[m.ElementNodes(0)[0]]);
        Assert.Equal(new[] { "1" }, m.RegionNames);
        Assert.Equal("2", m.Boundaries.Single().Name);
    }
}
