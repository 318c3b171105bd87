using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Tests.Meshing;

public class MeshOrderingTests
{
    /// <summary>Mean over elements of the spread of node numbers (the matrix profile per row, roughly).</summary>
    static double MeanSpread(Mesh m) =>
        Enumerable.Range(0, m.ElementCount).Average(e => m.ElementNodes(e).ToArray().Max() - m.ElementNodes(e).ToArray().Min());

    static double MeshSpreadRatio(Mesh a, Mesh b) => MeanSpread(a) / MeanSpread(b);

    [Fact]
    public void SpatialSortKeepsGeometryAndKeepsNodesOfAnElementClose()
    {
        var m = TriangleMesher.MeshPolygon(new[] { new Vec2(0, 0), new Vec2(1, 0), new Vec2(1, 1), new Vec2(0, 1) }, 0.03, "a");
        // scramble node numbers
        var perm = Enumerable.Range(0, m.NodeCount).OrderBy(i => (i * 7919L) % m.NodeCount).ThenBy(i => i).ToArray();
        var nodes = new Vec2[m.NodeCount];
        for (int i = 0; i < m.NodeCount; i++) nodes[perm[i]] = m.Nodes[i];
        var scrambled = Mesh.Uniform(nodes, ElementType.Tri3, m.Connectivity.Select(v => perm[v]).ToArray(), m.Region, m.RegionNames,
            m.Boundaries.Select(b => new BoundarySet(b.Name, b.Edges.Select(ed => ed.Select(v => perm[v]).ToArray()).ToArray())).ToList());
        var sorted = MeshOrdering.SpatialSort(scrambled);
        Assert.True(MeshSpreadRatio(sorted, scrambled) < 0.1, $"{MeanSpread(sorted)} vs {MeanSpread(scrambled)}");
        Assert.True(MeanSpread(sorted) < 3 * Math.Sqrt(sorted.NodeCount));
        Assert.Equal(MeshChecks.TotalArea(m), MeshChecks.TotalArea(sorted), 14);
        Assert.Equal(m.Nodes.OrderBy(p => p.X).ThenBy(p => p.Y), sorted.Nodes.OrderBy(p => p.X).ThenBy(p => p.Y));
        Assert.Equal(MeshQuality.Length(m, m.Boundaries[0]), MeshQuality.Length(sorted, sorted.Boundaries[0]), 13);
        MeshChecks.AllCounterClockwise(sorted);
    }
}
