using System.Globalization;
using System.Text;
using CreepCell.Io;
using CreepCell.Meshing.Gmsh;

namespace CreepCell.Meshing;

/// <summary>
/// Writes a <see cref="Mesh"/> as a Gmsh ASCII file (format 4.1 or 2.2) so that it can be viewed
/// in Gmsh and read back. Region r becomes physical surface r+1 on surface entity r+1; boundary set b
/// becomes physical curve R+b+1 on curve entity b+1 (R = number of regions). Coordinates are written
/// in metres divided by unitScale.
/// </summary>
public static class GmshWriter
{
    public static void Write(string path, Mesh mesh, string version = "4.1", double unitScale = 1)
    {
        if (version != "4.1" && version != "2.2") throw new ArgumentException("Gmsh format version must be 4.1 or 2.2");
        if (!(unitScale > 0) || !double.IsFinite(unitScale)) throw new ArgumentException("unit scale must be a positive number");
        var sb = new StringBuilder();
        sb.Append("$MeshFormat\n").Append(version).Append(" 0 8\n$EndMeshFormat\n");
        WritePhysicalNames(sb, mesh);
        if (version == "4.1") Write41(sb, mesh, unitScale); else Write22(sb, mesh, unitScale);
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    static string Quote(string name) => "\"" + name.Replace('"', '\'') + "\"";

    static void WritePhysicalNames(StringBuilder sb, Mesh m)
    {
        int r = m.RegionNames.Length;
        sb.Append("$PhysicalNames\n").Append(r + m.Boundaries.Count).Append('\n');
        for (int b = 0; b < m.Boundaries.Count; b++) sb.Append("1 ").Append(r + b + 1).Append(' ').Append(Quote(m.Boundaries[b].Name)).Append('\n');
        for (int i = 0; i < r; i++) sb.Append("2 ").Append(i + 1).Append(' ').Append(Quote(m.RegionNames[i])).Append('\n');
        sb.Append("$EndPhysicalNames\n");
    }

    static void Write41(StringBuilder sb, Mesh m, double scale)
    {
        var (min, max) = m.BoundingBox();
        string box = $"{F(min.X / scale)} {F(min.Y / scale)} 0 {F(max.X / scale)} {F(max.Y / scale)} 0";
        int r = m.RegionNames.Length, nb = m.Boundaries.Count;
        sb.Append("$Entities\n0 ").Append(nb).Append(' ').Append(r).Append(" 0\n");
        for (int b = 0; b < nb; b++) sb.Append(b + 1).Append(' ').Append(box).Append(" 1 ").Append(r + b + 1).Append(" 0\n");
        for (int i = 0; i < r; i++) sb.Append(i + 1).Append(' ').Append(box).Append(" 1 ").Append(i + 1).Append(" 0\n");
        sb.Append("$EndEntities\n");

        int n = m.NodeCount;
        sb.Append("$Nodes\n1 ").Append(n).Append(" 1 ").Append(n).Append("\n2 1 0 ").Append(n).Append('\n');
        for (int i = 1; i <= n; i++) sb.Append(i).Append('\n');
        foreach (var p in m.Nodes) sb.Append(F(p.X / scale)).Append(' ').Append(F(p.Y / scale)).Append(" 0\n");
        sb.Append("$EndNodes\n");

        var blocks = new List<(int Dim, int Entity, int Type, List<int[]> Elements)>();
        for (int i = 0; i < r; i++)
            foreach (var t in Enum.GetValues<ElementType>())
            {
                var list = Enumerable.Range(0, m.ElementCount).Where(e => m.Region[e] == i && m.Types[e] == t)
                    .Select(e => m.ElementNodes(e).ToArray()).ToList();
                if (list.Count > 0) blocks.Add((2, i + 1, GmshElementTypes.FromElementType(t), list));
            }
        for (int b = 0; b < nb; b++)
            foreach (int k in new[] { 2, 3 })
            {
                var list = m.Boundaries[b].Edges.Where(ed => ed.Length == k).ToList();
                if (list.Count > 0) blocks.Add((1, b + 1, k == 2 ? 1 : 8, list));
            }
        int total = blocks.Sum(bl => bl.Elements.Count), tag = 1;
        sb.Append("$Elements\n").Append(blocks.Count).Append(' ').Append(total).Append(" 1 ").Append(total).Append('\n');
        foreach (var (dim, entity, type, list) in blocks)
        {
            sb.Append(dim).Append(' ').Append(entity).Append(' ').Append(type).Append(' ').Append(list.Count).Append('\n');
            foreach (var nodes in list)
            {
                sb.Append(tag++);
                foreach (int v in nodes) sb.Append(' ').Append(v + 1);
                sb.Append('\n');
            }
        }
        sb.Append("$EndElements\n");
    }

    static void Write22(StringBuilder sb, Mesh m, double scale)
    {
        sb.Append("$Nodes\n").Append(m.NodeCount).Append('\n');
        for (int i = 0; i < m.NodeCount; i++)
            sb.Append(i + 1).Append(' ').Append(F(m.Nodes[i].X / scale)).Append(' ').Append(F(m.Nodes[i].Y / scale)).Append(" 0\n");
        sb.Append("$EndNodes\n");
        int r = m.RegionNames.Length;
        int total = m.ElementCount + m.Boundaries.Sum(b => b.Edges.Length), tag = 1;
        sb.Append("$Elements\n").Append(total).Append('\n');
        for (int b = 0; b < m.Boundaries.Count; b++)
            foreach (var ed in m.Boundaries[b].Edges)
                Element22(sb, tag++, ed.Length == 2 ? 1 : 8, r + b + 1, b + 1, ed);
        for (int e = 0; e < m.ElementCount; e++)
            Element22(sb, tag++, GmshElementTypes.FromElementType(m.Types[e]), m.Region[e] + 1, m.Region[e] + 1, m.ElementNodes(e).ToArray());
        sb.Append("$EndElements\n");
    }

    static void Element22(StringBuilder sb, int tag, int type, int physical, int entity, int[] nodes)
    {
        sb.Append(tag).Append(' ').Append(type).Append(" 2 ").Append(physical).Append(' ').Append(entity);
        foreach (int v in nodes) sb.Append(' ').Append(v + 1);
        sb.Append('\n');
    }
}
