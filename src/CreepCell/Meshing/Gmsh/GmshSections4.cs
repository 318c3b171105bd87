using CreepCell.Geometry;

namespace CreepCell.Meshing.Gmsh;

/// <summary>$Entities, $Nodes and $Elements of format 4.1: nodes and elements come in blocks per
/// entity, and physical groups are attached to entities.</summary>
internal static class GmshSections4
{
    public static void ReadEntities(GmshTokens tok, GmshRawMesh raw)
    {
        var counts = new int[4];
        for (int d = 0; d < 4; d++) counts[d] = tok.NextCount("number of entities");
        for (int dim = 0; dim < 4; dim++)
            for (int i = 0; i < counts[dim]; i++)
            {
                int tag = tok.NextInt("entity tag");
                int coords = dim == 0 ? 3 : 6;
                for (int k = 0; k < coords; k++) tok.NextDouble("entity coordinate");
                int np = tok.NextCount("number of physical tags");
                var phys = new int[np];
                for (int k = 0; k < np; k++) phys[k] = tok.NextInt("physical tag");
                raw.EntityPhysicals[(dim, tag)] = phys;
                if (dim == 0) continue;
                int nb = tok.NextCount("number of bounding entities");
                for (int k = 0; k < nb; k++) tok.NextInt("bounding entity tag");
            }
        tok.Expect("$EndEntities");
    }

    public static void ReadNodes(GmshTokens tok, GmshRawMesh raw)
    {
        int blocks = tok.NextCount("number of node blocks");
        tok.NextCount("number of nodes");
        tok.NextLong("minimum node tag");
        tok.NextLong("maximum node tag");
        for (int b = 0; b < blocks; b++)
        {
            int dim = tok.NextInt("entity dimension");
            tok.NextInt("entity tag");
            int parametric = tok.NextInt("parametric flag");
            int n = tok.NextCount("number of nodes in block");
            var tags = new long[n];
            for (int i = 0; i < n; i++) tags[i] = tok.NextLong("node tag");
            for (int i = 0; i < n; i++)
            {
                double x = tok.NextDouble("x"), y = tok.NextDouble("y");
                tok.NextDouble("z");
                if (parametric != 0)
                    for (int k = 0; k < dim; k++) tok.NextDouble("parametric coordinate");
                GmshSections2.AddNode(tok, raw, tags[i], new Vec2(x, y));
            }
        }
        tok.Expect("$EndNodes");
    }

    public static void ReadElements(GmshTokens tok, GmshRawMesh raw)
    {
        int blocks = tok.NextCount("number of element blocks");
        tok.NextCount("number of elements");
        tok.NextLong("minimum element tag");
        tok.NextLong("maximum element tag");
        for (int b = 0; b < blocks; b++)
        {
            int dim = tok.NextInt("entity dimension");
            int entity = tok.NextInt("entity tag");
            int type = tok.NextInt("element type");
            if (!GmshElementTypes.TryGet(type, out int typeDim, out int count))
                throw tok.Error($"unsupported element type {type}, expected one of {GmshElementTypes.Supported}");
            if (typeDim != dim) throw tok.Error($"element type {type} does not belong to an entity of dimension {dim}");
            int n = tok.NextCount("number of elements in block");
            var phys = raw.EntityPhysicals.GetValueOrDefault((dim, entity)) ?? Array.Empty<int>();
            for (int i = 0; i < n; i++)
            {
                long tag = tok.NextLong("element tag");
                int line = tok.Line;
                var nodes = new long[count];
                for (int k = 0; k < count; k++) nodes[k] = tok.NextLong($"node {k + 1} of {count} of element {tag}");
                raw.Elements.Add(new RawElement(tag, type, dim, nodes, entity, phys, line));
            }
        }
        tok.Expect("$EndElements");
    }
}
