namespace CreepCell.Geometry.Packing;

/// <summary>
/// A convex polygon, counter-clockwise, whose edges carry a label: the index (&gt;= 0) of the site
/// whose bisector made the edge, or a negative <see cref="Wall"/> code for a side of the RVE square.
/// Edge k runs from vertex k to vertex k + 1. Clipping by half-planes (Sutherland-Hodgman for one
/// convex clip edge) keeps the labels, so a cell knows its neighbours and its walls.
/// </summary>
internal sealed class LabelledPolygon
{
    public readonly List<Vec2> Points;
    public readonly List<int> Labels;

    public LabelledPolygon(List<Vec2> points, List<int> labels)
    {
        Points = points;
        Labels = labels;
    }

    public int Count => Points.Count;

    /// <summary>The RVE square [0, L]^2 with its four wall labels.</summary>
    public static LabelledPolygon Square(double side) => new(
        new List<Vec2> { new(0, 0), new(side, 0), new(side, side), new(0, side) },
        new List<int> { Wall.Bottom, Wall.Right, Wall.Top, Wall.Left });

    /// <summary>Keeps the part where n . x &lt;= c; the new edge along the line gets <paramref name="label"/>.</summary>
    public LabelledPolygon Clip(Vec2 n, double c, int label)
    {
        int m = Points.Count;
        if (m == 0) return this;
        var pts = new List<Vec2>(m + 2);
        var labs = new List<int>(m + 2);
        bool anyOut = false;
        for (int k = 0; k < m; k++)
            if (Vec2.Dot(n, Points[k]) > c) { anyOut = true; break; }
        if (!anyOut) return this;
        for (int k = 0; k < m; k++)
        {
            Vec2 a = Points[k], b = Points[(k + 1) % m];
            double da = Vec2.Dot(n, a) - c, db = Vec2.Dot(n, b) - c;
            bool aIn = da <= 0, bIn = db <= 0;
            if (aIn)
            {
                pts.Add(a);
                labs.Add(Labels[k]);
            }
            if (aIn != bIn)
            {
                double s = da / (da - db);
                pts.Add(a + s * (b - a));
                labs.Add(aIn ? label : Labels[k]);
            }
        }
        return Tidy(pts, labs);
    }

    /// <summary>Drops repeated points that clipping through a vertex can create.</summary>
    static LabelledPolygon Tidy(List<Vec2> pts, List<int> labs)
    {
        for (int k = pts.Count - 1; k >= 0 && pts.Count > 0; k--)
        {
            int next = (k + 1) % pts.Count;
            if (next != k && (pts[k] - pts[next]).Length == 0)
            {
                pts.RemoveAt(k);
                labs.RemoveAt(k);
            }
        }
        if (pts.Count < 3) { pts.Clear(); labs.Clear(); }
        return new LabelledPolygon(pts, labs);
    }

    public double Area() => PolygonMath.SignedArea(Points);

    public Vec2 Centroid() => PolygonMath.Centroid(Points);

    public double EdgeLength(int k) => (Points[(k + 1) % Count] - Points[k]).Length;
}

/// <summary>Negative edge labels for the sides of the RVE square, and their side flags.</summary>
internal static class Wall
{
    public const int Left = -1, Right = -2, Bottom = -3, Top = -4;

    /// <summary>Label of an edge that was a wall flat but has been pulled off the wall.</summary>
    public const int Detached = int.MaxValue;

    public static bool IsWall(int label) => label < 0;

    public static RveSide Side(int label) => label switch
    {
        Left => RveSide.Left,
        Right => RveSide.Right,
        Bottom => RveSide.Bottom,
        Top => RveSide.Top,
        _ => RveSide.None,
    };

    /// <summary>Outward normal n and offset c of the wall line n . x = c, moved inward by t.</summary>
    public static (Vec2 N, double C) Line(int label, double side, double t) => label switch
    {
        Left => (new Vec2(-1, 0), -t),
        Right => (new Vec2(1, 0), side - t),
        Bottom => (new Vec2(0, -1), -t),
        Top => (new Vec2(0, 1), side - t),
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };
}
