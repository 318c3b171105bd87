using CreepCell.Geometry;

namespace CreepCell.Meshing.Gmsh;

/// <summary>Reverses clockwise elements, keeping Gmsh's local order (corners, then mid-nodes of
/// edges 0-1, 1-2, ..., then the centre). A whole surface may be clockwise (its normal points to -z);
/// an element reversed among counter-clockwise neighbours then overlaps them, which
/// <see cref="MeshValidation"/> reports.</summary>
internal static class Orientation
{
    /// <returns>Whether the element was reversed.</returns>
    public static bool MakeCounterClockwise(ElementType type, int[] n, List<Vec2> nodes, string path, int line)
    {
        int c = type.CornerCount();
        double area2 = 0;
        for (int i = 0; i < c; i++) area2 += Vec2.Cross(nodes[n[i]], nodes[n[(i + 1) % c]]);
        if (area2 > 0) return false;
        if (area2 == 0) throw new InputException(path, $"line {line}", "element has zero area (collinear corners, or a bow-tie quadrilateral whose two halves cancel); expected corners counter-clockwise around a positive area");
        var old = (int[])n.Clone();
        // corners 0, c-1, ..., 1; the edge from new corner i to i+1 is old edge (c-1-i)
        for (int i = 1; i < c; i++) n[i] = old[c - i];
        if (type.Order() == 1) return true;
        for (int i = 0; i < c; i++) n[c + i] = old[c + (c - 1 - i)];
        return true;
    }
}
