namespace CreepCell.Geometry.Packing;

/// <summary>
/// Plain polygon measures used to build and to check packings: shoelace area and centroid, edge
/// lengths, interior angles, simplicity, point containment (crossing number), segment intersection
/// and the distance between two polygons (O'Rourke, "Computational Geometry in C", ch. 1 and 7).
/// </summary>
internal static class PolygonMath
{
    /// <summary>Shoelace area: positive for a counter-clockwise vertex list.</summary>
    public static double SignedArea(IReadOnlyList<Vec2> p)
    {
        double s = 0;
        for (int i = 0, n = p.Count; i < n; i++) s += Vec2.Cross(p[i], p[(i + 1) % n]);
        return s / 2;
    }

    /// <summary>Area centroid (zero-area polygons fall back to the vertex mean).</summary>
    public static Vec2 Centroid(IReadOnlyList<Vec2> p)
    {
        int n = p.Count;
        if (n == 0) return new Vec2(0, 0);
        // shift to the first vertex for accuracy on small polygons far from the origin
        Vec2 o = p[0];
        double a = 0, cx = 0, cy = 0;
        for (int i = 0; i < n; i++)
        {
            Vec2 u = p[i] - o, v = p[(i + 1) % n] - o;
            double w = Vec2.Cross(u, v);
            a += w;
            cx += (u.X + v.X) * w;
            cy += (u.Y + v.Y) * w;
        }
        if (a == 0)
        {
            Vec2 m = new(0, 0);
            foreach (var q in p) m += q;
            return (1.0 / n) * m;
        }
        return o + new Vec2(cx / (3 * a), cy / (3 * a));
    }

    /// <summary>Shortest edge, including the closing edge from the last vertex to the first.</summary>
    public static double MinEdgeLength(IReadOnlyList<Vec2> p)
    {
        double m = double.PositiveInfinity;
        for (int i = 0; i < p.Count; i++) m = Math.Min(m, (p[(i + 1) % p.Count] - p[i]).Length);
        return m;
    }

    /// <summary>Longest edge, including the closing edge.</summary>
    public static double MaxEdgeLength(IReadOnlyList<Vec2> p)
    {
        double m = 0;
        for (int i = 0; i < p.Count; i++) m = Math.Max(m, (p[(i + 1) % p.Count] - p[i]).Length);
        return m;
    }

    /// <summary>Smallest interior angle in degrees of a counter-clockwise polygon.</summary>
    public static double MinInteriorAngleDegrees(IReadOnlyList<Vec2> p)
    {
        double m = 360;
        int n = p.Count;
        for (int i = 0; i < n; i++)
        {
            Vec2 toPrev = p[(i + n - 1) % n] - p[i], toNext = p[(i + 1) % n] - p[i];
            // interior angle measured counter-clockwise from the next edge to the previous edge
            double a = DetMath.Atan2(Vec2.Cross(toNext, toPrev), Vec2.Dot(toNext, toPrev));
            if (a < 0) a += 2 * Math.PI;
            m = Math.Min(m, a * 180 / Math.PI);
        }
        return m;
    }

    /// <summary>True when no two non-adjacent edges touch and no vertex repeats.</summary>
    public static bool IsSimple(IReadOnlyList<Vec2> p)
    {
        int n = p.Count;
        if (n < 3) return false;
        for (int i = 0; i < n; i++)
        {
            Vec2 a = p[i], b = p[(i + 1) % n];
            if (a == b) return false;
            for (int j = i + 2; j < n; j++)
            {
                if (i == 0 && j == n - 1) continue;
                if (SegmentsIntersect(a, b, p[j], p[(j + 1) % n])) return false;
            }
        }
        return true;
    }

    /// <summary>Closed segments ab and cd share at least one point.</summary>
    public static bool SegmentsIntersect(Vec2 a, Vec2 b, Vec2 c, Vec2 d)
    {
        double d1 = Orient(c, d, a), d2 = Orient(c, d, b), d3 = Orient(a, b, c), d4 = Orient(a, b, d);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
        return (d1 == 0 && OnSegment(c, d, a)) || (d2 == 0 && OnSegment(c, d, b))
            || (d3 == 0 && OnSegment(a, b, c)) || (d4 == 0 && OnSegment(a, b, d));
    }

    /// <summary>Point strictly or on-boundary inside a polygon, by the crossing number.</summary>
    public static bool Contains(IReadOnlyList<Vec2> p, Vec2 q)
    {
        bool inside = false;
        for (int i = 0, j = p.Count - 1; i < p.Count; j = i++)
        {
            if ((p[i].Y > q.Y) != (p[j].Y > q.Y))
            {
                double x = p[j].X + (q.Y - p[j].Y) * (p[i].X - p[j].X) / (p[i].Y - p[j].Y);
                if (q.X < x) inside = !inside;
            }
        }
        return inside;
    }

    /// <summary>Two polygons share area or boundary: an edge crossing, or one inside the other.</summary>
    public static bool Intersect(IReadOnlyList<Vec2> a, IReadOnlyList<Vec2> b)
    {
        for (int i = 0; i < a.Count; i++)
            for (int j = 0; j < b.Count; j++)
                if (SegmentsIntersect(a[i], a[(i + 1) % a.Count], b[j], b[(j + 1) % b.Count])) return true;
        return Contains(a, b[0]) || Contains(b, a[0]);
    }

    /// <summary>Smallest distance between the boundaries of two disjoint polygons.</summary>
    public static double Distance(IReadOnlyList<Vec2> a, IReadOnlyList<Vec2> b)
    {
        double d = double.PositiveInfinity;
        for (int i = 0; i < a.Count; i++)
            for (int j = 0; j < b.Count; j++)
            {
                d = Math.Min(d, PointSegment(a[i], b[j], b[(j + 1) % b.Count]));
                d = Math.Min(d, PointSegment(b[j], a[i], a[(i + 1) % a.Count]));
            }
        return d;
    }

    /// <summary>
    /// min(cutoff, distance) between two disjoint polygons. The closest pair is a vertex of one and an
    /// edge of the other, so if the distance is below the cutoff that vertex lies in the other
    /// polygon's bounding box grown by the cutoff; only such vertices are tried.
    /// </summary>
    public static double Distance(IReadOnlyList<Vec2> a, IReadOnlyList<Vec2> b, double cutoff)
    {
        double d = cutoff;
        d = Math.Min(d, VerticesToEdges(a, b, Bounds(b), d));
        return Math.Min(d, VerticesToEdges(b, a, Bounds(a), d));
    }

    static double VerticesToEdges(IReadOnlyList<Vec2> from, IReadOnlyList<Vec2> to, (Vec2 Min, Vec2 Max) box, double cutoff)
    {
        double d = cutoff;
        foreach (var q in from)
        {
            if (q.X < box.Min.X - d || q.X > box.Max.X + d || q.Y < box.Min.Y - d || q.Y > box.Max.Y + d) continue;
            for (int j = 0; j < to.Count; j++) d = Math.Min(d, PointSegment(q, to[j], to[(j + 1) % to.Count]));
        }
        return d;
    }

    /// <summary>Distance from q to the segment ab.</summary>
    public static double PointSegment(Vec2 q, Vec2 a, Vec2 b)
    {
        Vec2 ab = b - a;
        double len2 = Vec2.Dot(ab, ab);
        double s = len2 == 0 ? 0 : Math.Clamp(Vec2.Dot(q - a, ab) / len2, 0, 1);
        return (q - (a + s * ab)).Length;
    }

    /// <summary>Axis-aligned bounding box (min, max).</summary>
    public static (Vec2 Min, Vec2 Max) Bounds(IReadOnlyList<Vec2> p)
    {
        double x0 = double.PositiveInfinity, y0 = x0, x1 = double.NegativeInfinity, y1 = x1;
        foreach (var q in p)
        {
            x0 = Math.Min(x0, q.X); y0 = Math.Min(y0, q.Y);
            x1 = Math.Max(x1, q.X); y1 = Math.Max(y1, q.Y);
        }
        return (new Vec2(x0, y0), new Vec2(x1, y1));
    }

    static double Orient(Vec2 a, Vec2 b, Vec2 c) => Vec2.Cross(b - a, c - a);

    static bool OnSegment(Vec2 a, Vec2 b, Vec2 q) =>
        Math.Min(a.X, b.X) <= q.X && q.X <= Math.Max(a.X, b.X) && Math.Min(a.Y, b.Y) <= q.Y && q.Y <= Math.Max(a.Y, b.Y);
}
