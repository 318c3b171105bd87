using CreepCell.Geometry;

namespace CreepCell.Meshing.Gmsh;

/// <summary>Turns the raw sections into a <see cref="Mesh"/>: picks regions and boundary sets,
/// keeps and renumbers the used nodes, scales and orients the elements.</summary>
internal static class GmshMeshBuilder
{
    public static Mesh Build(GmshRawMesh raw, string path, double scale)
    {
        bool physical = raw.PhysicalNames.Count > 0 || raw.Elements.Any(e => e.Physicals.Length > 0);
        var surfaces = SurfaceElements(raw, physical);
        if (surfaces.Count == 0)
            throw new InputException(path, null, physical
                ? "no triangle or quadrilateral elements in a physical surface"
                : "no triangle or quadrilateral elements");
        var regionKeys = surfaces.Select(s => s.Region).Distinct().OrderBy(k => k).ToList();
        var lines = LineElements(raw, physical);
        var setKeys = lines.Select(l => l.Set).Distinct().OrderBy(k => k).ToList();

        var used = new int[raw.Nodes.Count];
        foreach (var (e, _) in surfaces) Use(raw, path, e, used);
        foreach (var (e, _) in lines) Use(raw, path, e, used);
        var nodes = new List<Vec2>();
        for (int i = 0; i < used.Length; i++)
            if (used[i] != 0) { used[i] = nodes.Count; nodes.Add(scale * raw.Nodes[i]); }
            else used[i] = -1;

        var types = new ElementType[surfaces.Count];
        var offsets = new int[surfaces.Count + 1];
        var conn = new List<int>();
        var region = new int[surfaces.Count];
        var reversed = new bool[surfaces.Count];
        for (int k = 0; k < surfaces.Count; k++)
        {
            var (e, key) = surfaces[k];
            types[k] = GmshElementTypes.ToElementType(e.Type);
            var local = e.NodeTags.Select(t => used[raw.NodeIndex[t]]).ToArray();
            reversed[k] = Orientation.MakeCounterClockwise(types[k], local, nodes, path, e.Line);
            conn.AddRange(local);
            offsets[k + 1] = conn.Count;
            region[k] = regionKeys.IndexOf(key);
        }
        var sets = setKeys.Select(key => new BoundarySet(SetName(raw, key, physical),
            lines.Where(l => l.Set == key).Select(l => l.Element.NodeTags.Select(t => used[raw.NodeIndex[t]]).ToArray()).ToArray()))
            .ToList();
        var names = regionKeys.Select(k => physical ? PhysicalName(raw, 2, k) : $"surface_{k}").ToArray();
        var mesh = new Mesh(nodes.ToArray(), types, offsets, conn.ToArray(), region, names, sets);
        MeshValidation.Check(mesh, path, Names(raw, surfaces, used), reversed);
        return mesh;
    }

    /// <summary>Elements by Gmsh tag and line, nodes by Gmsh tag, as the user sees them in the file.</summary>
    static MeshNames Names(GmshRawMesh raw, List<(RawElement Element, int Region)> surfaces, int[] used)
    {
        var nodeTag = new long[used.Count(u => u >= 0)];
        foreach (var (tag, i) in raw.NodeIndex)
            if (used[i] >= 0) nodeTag[used[i]] = tag;
        return new MeshNames(e => $"element {surfaces[e].Element.Tag} (line {surfaces[e].Element.Line})", n => $"node {nodeTag[n]}");
    }

    static List<(RawElement Element, int Region)> SurfaceElements(GmshRawMesh raw, bool physical)
    {
        // format 2 repeats an element once per physical group; keep one copy with the smallest group
        var smallest = new Dictionary<long, int>();
        foreach (var e in raw.Elements)
            if (e.Dim == 2 && e.Physicals.Length > 0)
                smallest[e.Tag] = Math.Min(smallest.GetValueOrDefault(e.Tag, int.MaxValue), e.Physicals.Min());
        var result = new List<(RawElement, int)>();
        var seen = new HashSet<long>();
        foreach (var e in raw.Elements)
        {
            if (e.Dim != 2) continue;
            if (physical && e.Physicals.Length == 0) continue;
            if (!seen.Add(e.Tag)) continue;
            result.Add((e, physical ? smallest[e.Tag] : e.EntityTag));
        }
        return result;
    }

    static List<(RawElement Element, int Set)> LineElements(GmshRawMesh raw, bool physical)
    {
        var result = new List<(RawElement, int)>();
        foreach (var e in raw.Elements)
        {
            if (e.Dim != 1) continue;
            if (!physical) { result.Add((e, e.EntityTag)); continue; }
            foreach (int p in e.Physicals) result.Add((e, p));
        }
        return result;
    }

    static void Use(GmshRawMesh raw, string path, RawElement e, int[] used)
    {
        foreach (long t in e.NodeTags)
        {
            if (!raw.NodeIndex.TryGetValue(t, out int i))
                throw new InputException(path, $"line {e.Line}", $"element {e.Tag} refers to node {t}, which is not in $Nodes");
            used[i] = 1;
        }
    }

    static string PhysicalName(GmshRawMesh raw, int dim, int tag) =>
        raw.PhysicalNames.TryGetValue((dim, tag), out var n) ? n : tag.ToString(System.Globalization.CultureInfo.InvariantCulture);

    static string SetName(GmshRawMesh raw, int key, bool physical) => physical ? PhysicalName(raw, 1, key) : $"curve_{key}";
}
