using CreepCell.Geometry;

namespace CreepCell.Meshing.Gmsh;

/// <summary>Reverses clockwise elements, keeping Gmsh's local order (corners, then mid-nodes of
/// edges 0-1, 1-2, ..., then the centre).</summary>
internal static class Orientation
{
    public static void MakeCounterClockwise(ElementType type, int[] n, List<Vec2> nodes, string path, int line)
    {
        int c = type.CornerCount();
        double area2 = 0;
        for (int i = 0; i < c; i++) area2 += Vec2.Cross(nodes[n[i]], nodes[n[(i + 1) % c]]);
        if (area2 > 0) return;
        if (area2 == 0) throw new InputException(path, $"line {line}", "element has zero area");
        var old = (int[])n.Clone();
        // corners 0, c-1, ..., 1; the edge from new corner i to i+1 is old edge (c-1-i)
        for (int i = 1; i < c; i++) n[i] = old[c - i];
        if (type.Order() == 1) return;
        for (int i = 0; i < c; i++) n[c + i] = old[c + (c - 1 - i)];
    }
}
