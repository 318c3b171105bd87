using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Tests.Meshing;

/// <summary>Assertions shared by the mesher and reader tests.</summary>
static class MeshChecks
{
    public static void AllCounterClockwise(Mesh m)
    {
        for (int e = 0; e < m.ElementCount; e++)
            Assert.True(MeshQuality.CornerArea(m, e) > 0, $"element {e} is not counter-clockwise");
    }

    /// <summary>Every corner edge is shared by at most two elements; edges used once lie on the
    /// returned boundary (checked by the caller).</summary>
    public static List<(int A, int B)> BoundaryEdges(Mesh m)
    {
        var count = new Dictionary<(int, int), int>();
        var directed = new HashSet<(int, int)>();
        for (int e = 0; e < m.ElementCount; e++)
        {
            var n = m.ElementNodes(e);
            int c = m.Types[e].CornerCount();
            for (int i = 0; i < c; i++)
            {
                int a = n[i], b = n[(i + 1) % c];
                Assert.True(directed.Add((a, b)), $"edge {a}-{b} used twice in the same direction");
                var key = a < b ? (a, b) : (b, a);
                count[key] = count.GetValueOrDefault(key) + 1;
            }
        }
        Assert.All(count.Values, v => Assert.InRange(v, 1, 2));
        return count.Where(kv => kv.Value == 1).Select(kv => kv.Key).ToList();
    }

    public static double TotalArea(Mesh m) => Enumerable.Range(0, m.ElementCount).Sum(e => MeshQuality.Area(m, e));

    public static bool OnRectangle(Vec2 p, double w, double h, double tol) =>
        Math.Abs(p.X) < tol || Math.Abs(p.X - w) < tol || Math.Abs(p.Y) < tol || Math.Abs(p.Y - h) < tol;

    /// <summary>Across every interior edge between elements of the same region, the opposite vertex of
    /// one triangle lies outside the circumcircle of the other (the mesh is constrained Delaunay).</summary>
    public static void LocallyDelaunay(Mesh m)
    {
        var opposite = new Dictionary<(int, int), (int Tri, int Apex)>();
        for (int e = 0; e < m.ElementCount; e++)
        {
            var n = m.ElementNodes(e);
            for (int i = 0; i < 3; i++)
            {
                int a = n[i], b = n[(i + 1) % 3], c = n[(i + 2) % 3];
                if (opposite.TryGetValue((b, a), out var other))
                {
                    if (m.Region[other.Tri] != m.Region[e]) continue;
                    var t = m.ElementNodes(other.Tri);
                    double inc = CreepCell.Meshing.Triangulation.Predicates.InCircle(m.Nodes[t[0]], m.Nodes[t[1]], m.Nodes[t[2]], m.Nodes[c]);
                    Assert.True(inc <= 0, $"edge {a}-{b} is not Delaunay");
                }
                else opposite[(a, b)] = (e, c);
            }
        }
    }
}
