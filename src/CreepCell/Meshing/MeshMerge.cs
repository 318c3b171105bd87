using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>Joins meshes of separate bodies into one mesh without merging any nodes; regions and
/// boundary sets with equal names are merged.</summary>
internal static class MeshMerge
{
    public static Mesh Combine(IEnumerable<Mesh> meshes)
    {
        var nodes = new List<Vec2>();
        var types = new List<ElementType>();
        var offsets = new List<int> { 0 };
        var conn = new List<int>();
        var region = new List<int>();
        var regionNames = new List<string>();
        var sets = new List<(string Name, List<int[]> Edges)>();
        foreach (var m in meshes)
        {
            int shift = nodes.Count;
            nodes.AddRange(m.Nodes);
            var regionMap = m.RegionNames.Select(n => IndexOrAdd(regionNames, n)).ToArray();
            for (int e = 0; e < m.ElementCount; e++)
            {
                types.Add(m.Types[e]);
                foreach (int v in m.ElementNodes(e)) conn.Add(v + shift);
                offsets.Add(conn.Count);
                region.Add(regionMap[m.Region[e]]);
            }
            foreach (var b in m.Boundaries)
            {
                int i = sets.FindIndex(s => s.Name == b.Name);
                if (i < 0) { sets.Add((b.Name, new List<int[]>())); i = sets.Count - 1; }
                sets[i].Edges.AddRange(b.Edges.Select(ed => ed.Select(v => v + shift).ToArray()));
            }
        }
        return new Mesh(nodes.ToArray(), types.ToArray(), offsets.ToArray(), conn.ToArray(), region.ToArray(),
            regionNames.ToArray(), sets.Select(s => new BoundarySet(s.Name, s.Edges.ToArray())).ToList());
    }

    static int IndexOrAdd(List<string> list, string name)
    {
        int i = list.IndexOf(name);
        if (i >= 0) return i;
        list.Add(name);
        return list.Count - 1;
    }
}
