using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Tests.Meshing;

public class GmshRoundTripTests
{
    [Theory]
    [InlineData("4.1", false)]
    [InlineData("2.2", false)]
    [InlineData("4.1", true)]
    [InlineData("2.2", true)]
    public void WrittenMeshReadsBackIdentically(string version, bool secondOrder)
    {
        var m = InclusionMesh.Generate(2e-6, 1e-6, new[] { Inclusion.Circle(new Vec2(1e-6, 0.5e-6), 0.3e-6, "particle") },
            "electrolyte", new InclusionSizes(0.1e-6) { SecondOrder = secondOrder });
        string path = Path.Combine(Path.GetTempPath(), $"creepcell-roundtrip-{Guid.NewGuid():N}.msh");
        try
        {
            GmshWriter.Write(path, m, version, unitScale: 1e-6);
            var r = GmshReader.Read(path, unitScale: 1e-6);
            Assert.Equal(m.RegionNames, r.RegionNames);
            Assert.Equal(m.NodeCount, r.NodeCount);
            for (int i = 0; i < m.NodeCount; i++)
            {
                Assert.Equal(m.Nodes[i].X, r.Nodes[i].X, 1e-20);
                Assert.Equal(m.Nodes[i].Y, r.Nodes[i].Y, 1e-20);
            }
            // elements come back grouped by region; compare as sets of (region, nodes)
            var a = Enumerable.Range(0, m.ElementCount).Select(e => (m.RegionNames[m.Region[e]], string.Join(',', m.ElementNodes(e).ToArray()))).Order();
            var b = Enumerable.Range(0, r.ElementCount).Select(e => (r.RegionNames[r.Region[e]], string.Join(',', r.ElementNodes(e).ToArray()))).Order();
            Assert.Equal(a, b);
            Assert.Equal(m.Boundaries.Select(s => s.Name).Order(), r.Boundaries.Select(s => s.Name).Order());
            foreach (var s in m.Boundaries)
            {
                var back = r.Boundaries.Single(x => x.Name == s.Name);
                Assert.Equal(s.Edges.Select(ed => string.Join(',', ed)).Order(), back.Edges.Select(ed => string.Join(',', ed)).Order());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
