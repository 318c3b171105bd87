using CreepCell.Geometry;

namespace CreepCell.Meshing.Gmsh;

/// <summary>$Nodes and $Elements of format 2.2: one node or element per line, element tags
/// "physical elementary [partitions...]".</summary>
internal static class GmshSections2
{
    public static void ReadNodes(GmshTokens tok, GmshRawMesh raw)
    {
        int n = tok.NextCount("number of nodes");
        for (int i = 0; i < n; i++)
        {
            long tag = tok.NextLong("node tag");
            double x = tok.NextDouble("x"), y = tok.NextDouble("y");
            tok.NextDouble("z");
            AddNode(tok, raw, tag, new Vec2(x, y));
        }
        tok.Expect("$EndNodes");
    }

    public static void AddNode(GmshTokens tok, GmshRawMesh raw, long tag, Vec2 p)
    {
        if (!raw.NodeIndex.TryAdd(tag, raw.Nodes.Count)) throw tok.Error($"node {tag} is defined twice");
        raw.Nodes.Add(p);
    }

    public static void ReadElements(GmshTokens tok, GmshRawMesh raw)
    {
        int n = tok.NextCount("number of elements");
        for (int i = 0; i < n; i++)
        {
            long tag = tok.NextLong("element tag");
            int line = tok.Line;
            int type = tok.NextInt("element type");
            if (!GmshElementTypes.TryGet(type, out int dim, out int count))
                throw tok.Error($"unsupported element type {type}, expected one of {GmshElementTypes.Supported}");
            int ntags = tok.NextCount("number of tags");
            var tags = new int[ntags];
            for (int k = 0; k < ntags; k++) tags[k] = tok.NextInt("element tag value");
            var nodes = new long[count];
            for (int k = 0; k < count; k++) nodes[k] = tok.NextLong($"node {k + 1} of {count} of element {tag}");
            int physical = ntags > 0 ? tags[0] : 0;
            int entity = ntags > 1 ? tags[1] : 0;
            raw.Elements.Add(new RawElement(tag, type, dim, nodes, entity, physical != 0 ? new[] { physical } : Array.Empty<int>(), line));
        }
        tok.Expect("$EndElements");
    }
}
