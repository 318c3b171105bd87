using CreepCell.Meshing;

namespace CreepCell.Io.Plots;

/// <summary>Element edges worth outlining in a field map: edges on the mesh boundary (every particle's
/// outline when particles are separate bodies) and edges between elements of different regions (phase
/// interfaces in a mesh with shared nodes).</summary>
internal static class MeshOutline
{
    /// <summary>Each outline edge as (element, local edge index); edge i runs from corner i to corner i+1.</summary>
    public static List<(int Element, int Edge)> Edges(Mesh mesh)
    {
        var first = new Dictionary<(int, int), (int Element, int Edge)>();
        var result = new List<(int, int)>();
        var shared = new HashSet<(int, int)>();
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            var n = mesh.ElementNodes(e);
            int c = mesh.Types[e].CornerCount();
            for (int i = 0; i < c; i++)
            {
                int a = n[i], b = n[(i + 1) % c];
                var key = a < b ? (a, b) : (b, a);
                if (first.TryGetValue(key, out var other))
                {
                    shared.Add(key);
                    if (mesh.Region[other.Element] != mesh.Region[e]) result.Add((e, i));
                }
                else first[key] = (e, i);
            }
        }
        foreach (var (key, edge) in first)
            if (!shared.Contains(key)) result.Add(edge);
        return result;
    }
}
