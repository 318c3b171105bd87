using CreepCell.Geometry;

namespace CreepCell.Meshing;

/// <summary>Small polygon utilities.</summary>
internal static class Polygons
{
    /// <summary>Shoelace area, positive for counter-clockwise vertices.</summary>
    public static double SignedArea(IReadOnlyList<Vec2> p)
    {
        double a = 0;
        for (int i = 0; i < p.Count; i++) a += Vec2.Cross(p[i], p[(i + 1) % p.Count]);
        return 0.5 * a;
    }

    /// <summary>Even-odd point-in-polygon test.</summary>
    public static bool Contains(IReadOnlyList<Vec2> poly, Vec2 q)
    {
        bool inside = false;
        for (int i = 0, j = poly.Count - 1; i < poly.Count; j = i++)
        {
            Vec2 a = poly[i], b = poly[j];
            if ((a.Y > q.Y) != (b.Y > q.Y) && q.X < (b.X - a.X) * (q.Y - a.Y) / (b.Y - a.Y) + a.X) inside = !inside;
        }
        return inside;
    }
}
