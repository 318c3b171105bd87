using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>A mesh with some bodies replaced by new meshes of theirs, and where the kept nodes and elements went.</summary>
internal sealed record SplicedMesh(Mesh Mesh, int[] NodeMap, int[] ElementMap);

internal static class MeshSplice
{
    /// <summary>
    /// Drops the given elements and appends each new body mesh (its region names must be the mesh's).
    /// Kept nodes and elements stay in their order and come first; NodeMap and ElementMap give their new
    /// index (-1 for dropped ones, and for nodes in no kept element). Boundary sets keep the edges whose
    /// nodes are all kept.
    /// </summary>
    public static SplicedMesh Replace(Mesh mesh, IReadOnlyList<(IReadOnlyList<int> Elements, Mesh Body)> replacements)
    {
        var dropped = new bool[mesh.ElementCount];
        foreach (var (elements, _) in replacements)
            foreach (int e in elements) dropped[e] = true;
        var nodeMap = Enumerable.Repeat(-1, mesh.NodeCount).ToArray();
        for (int e = 0; e < mesh.ElementCount; e++)
            if (!dropped[e])
                foreach (int n in mesh.ElementNodes(e)) nodeMap[n] = 0;
        var nodes = new List<Vec2>();
        for (int n = 0; n < mesh.NodeCount; n++)
            if (nodeMap[n] == 0) { nodeMap[n] = nodes.Count; nodes.Add(mesh.Nodes[n]); }

        var elementMap = Enumerable.Repeat(-1, mesh.ElementCount).ToArray();
        var types = new List<ElementType>();
        var offsets = new List<int> { 0 };
        var connectivity = new List<int>();
        var region = new List<int>();
        for (int e = 0; e < mesh.ElementCount; e++)
        {
            if (dropped[e]) continue;
            elementMap[e] = types.Count;
            types.Add(mesh.Types[e]);
            foreach (int n in mesh.ElementNodes(e)) connectivity.Add(nodeMap[n]);
            offsets.Add(connectivity.Count);
            region.Add(mesh.Region[e]);
        }
        foreach (var (_, body) in replacements)
        {
            int first = nodes.Count;
            nodes.AddRange(body.Nodes);
            for (int e = 0; e < body.ElementCount; e++)
            {
                types.Add(body.Types[e]);
                foreach (int n in body.ElementNodes(e)) connectivity.Add(first + n);
                offsets.Add(connectivity.Count);
                int r = Array.IndexOf(mesh.RegionNames, body.RegionNames[body.Region[e]]);
                if (r < 0) throw new ArgumentException($"the new body has phase {body.RegionNames[body.Region[e]]}, which the mesh has not");
                region.Add(r);
            }
        }
        var sets = mesh.Boundaries
            .Select(s => new BoundarySet(s.Name, s.Edges.Where(ed => ed.All(n => nodeMap[n] >= 0)).Select(ed => ed.Select(n => nodeMap[n]).ToArray()).ToArray()))
            .ToList();
        var spliced = new Mesh(nodes.ToArray(), types.ToArray(), offsets.ToArray(), connectivity.ToArray(), region.ToArray(), mesh.RegionNames, sets);
        return new SplicedMesh(spliced, nodeMap, elementMap);
    }
}
