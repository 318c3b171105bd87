using CreepCell.Meshing;

namespace CreepCell.Simulation.Integrity;

/// <summary>
/// The particles of a mesh: elements of one phase connected through shared nodes (two phases bonded at
/// an interface are two particles). An element is at the particle's surface when one of its edges is
/// shared with no other element of the particle and does not lie on a side of the RVE box (a cut through
/// a particle on a symmetry plane is not its surface).
/// </summary>
internal sealed class Particles
{
    public int Count { get; }
    public int[] OfElement { get; }
    /// <summary>Region (phase) of each particle.</summary>
    public int[] Region { get; }
    public bool[] AtSurface { get; }

    Particles(int count, int[] ofElement, int[] region, bool[] atSurface)
    {
        Count = count;
        OfElement = ofElement;
        Region = region;
        AtSurface = atSurface;
    }

    public static Particles Of(Mesh mesh)
    {
        var ofElement = Components(mesh, out int count);
        var region = new int[count];
        for (int e = 0; e < mesh.ElementCount; e++) region[ofElement[e]] = mesh.Region[e];
        return new Particles(count, ofElement, region, Surface(mesh, ofElement));
    }

    /// <summary>Union-find over elements: elements of one region sharing a node join.</summary>
    static int[] Components(Mesh mesh, out int count)
    {
        var parent = Enumerable.Range(0, mesh.ElementCount).ToArray();
        int Find(int e) { while (parent[e] != e) e = parent[e] = parent[parent[e]]; return e; }
        var firstAt = new Dictionary<(int Node, int Region), int>();
        for (int e = 0; e < mesh.ElementCount; e++)
            foreach (int n in mesh.ElementNodes(e))
            {
                if (firstAt.TryGetValue((n, mesh.Region[e]), out int other)) parent[Find(e)] = Find(other);
                else firstAt[(n, mesh.Region[e])] = e;
            }
        var index = new Dictionary<int, int>();
        var result = new int[mesh.ElementCount];
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            int root = Find(e);
            if (!index.TryGetValue(root, out int id)) index[root] = id = index.Count;
            result[e] = id;
        }
        count = index.Count;
        return result;
    }

    static bool[] Surface(Mesh mesh, int[] ofElement)
    {
        var uses = new Dictionary<(int, int, int), int>();
        foreach (var (a, b, e) in CornerEdges(mesh)) uses[(a, b, ofElement[e])] = uses.GetValueOrDefault((a, b, ofElement[e])) + 1;
        var (lo, hi) = mesh.BoundingBox();
        double tol = 1e-9 * Math.Max(hi.X - lo.X, hi.Y - lo.Y);
        bool OnSide(int a, int b)
        {
            var p = mesh.Nodes[a];
            var q = mesh.Nodes[b];
            return (Math.Abs(p.X - lo.X) < tol && Math.Abs(q.X - lo.X) < tol) || (Math.Abs(p.X - hi.X) < tol && Math.Abs(q.X - hi.X) < tol)
                || (Math.Abs(p.Y - lo.Y) < tol && Math.Abs(q.Y - lo.Y) < tol) || (Math.Abs(p.Y - hi.Y) < tol && Math.Abs(q.Y - hi.Y) < tol);
        }
        var surface = new bool[mesh.ElementCount];
        foreach (var (a, b, e) in CornerEdges(mesh))
            if (uses[(a, b, ofElement[e])] == 1 && !OnSide(a, b)) surface[e] = true;
        return surface;
    }

    /// <summary>Each element's corner-to-corner edges, nodes in ascending order.</summary>
    static IEnumerable<(int A, int B, int Element)> CornerEdges(Mesh mesh)
    {
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var nodes = mesh.ElementNodes(e).ToArray();
            int corners = mesh.Types[e].CornerCount();
            for (int k = 0; k < corners; k++)
            {
                int a = nodes[k], b = nodes[(k + 1) % corners];
                yield return (Math.Min(a, b), Math.Max(a, b), e);
            }
        }
    }
}
