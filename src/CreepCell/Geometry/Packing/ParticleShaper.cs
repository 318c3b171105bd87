namespace CreepCell.Geometry.Packing;

/// <summary>How finely and how roundly a cell is turned into a particle boundary.</summary>
/// <param name="EdgeLength">Target boundary edge length h.</param>
/// <param name="CornerRadius">Fillet radius as a fraction of the particle's equivalent diameter.</param>
/// <param name="MinArea">Particles smaller than this are dropped (they would only make tiny meshes).</param>
/// <param name="WallGap">Distance from a wall of a flat pulled off it: half the minimum gap, so that the
/// particle's mirror image across a symmetry (roller) side is one minimum gap away.</param>
internal readonly record struct ShapeOptions(double Side, double EdgeLength, double CornerRadius, double MinArea, double WallGap)
{
    /// <summary>Interior edges shorter than this are collapsed before rounding.</summary>
    public double CollapseLength => EdgeLength;

    /// <summary>A flat on a wall shorter than this is pulled off the wall instead.</summary>
    public double MinWallFlat => 2 * EdgeLength;

    /// <summary>No final edge is shorter than this.</summary>
    public double MinEdge => 0.3 * EdgeLength;
}

/// <summary>A finished particle boundary: counter-clockwise vertices, the walls it lies flat on and, per
/// vertex i, the fillet circle that the edge from vertex i to vertex i + 1 is a chord of (null: a straight edge).</summary>
internal sealed record ShapedParticle(Vec2[] Vertices, RveSide Sides, double Area, FilletArc?[] EdgeArcs);

/// <summary>
/// Turns a convex power cell into a particle: every edge shared with another cell moves inward by t
/// (so two neighbours end at least t_i + t_j apart), edges on the RVE walls stay on the walls (a flat
/// that would be too short is pulled off its wall by half the minimum gap instead), short
/// edges are collapsed, corners are replaced by circular fillets and the boundary is resampled to the
/// target edge length. Each step keeps the polygon convex and inside the previous one, so particles
/// can never overlap, whatever the numbers.
/// </summary>
internal static class ParticleShaper
{
    public static ShapedParticle? Shape(LabelledPolygon cell, double t, in ShapeOptions o)
    {
        var core = OffsetWithWalls(cell, t, o);
        if (core.Count < 3) return null;
        CollapseShortEdges(core, o.CollapseLength);
        if (core.Count < 3 || core.Area() < o.MinArea) return null;
        double radius = o.CornerRadius * Math.Sqrt(4 * core.Area() / Math.PI);
        var ring = Fillet(core, radius, o);
        RemoveShortEdges(ring, o.MinEdge);
        if (ring.Count < 3) return null;
        var pts = Snap(ring, o.Side);
        double area = PolygonMath.SignedArea(pts);
        if (!(area >= o.MinArea)) return null;
        var sides = RveSide.None;
        foreach (var p in ring) sides |= p.Sides;
        return new ShapedParticle(pts, sides, area, ring.Select(p => p.Arc).ToArray());
    }

    /// <summary>Offset of the interior edges; a wall flat that ends up too short is pulled off its wall.</summary>
    static LabelledPolygon OffsetWithWalls(LabelledPolygon cell, double t, in ShapeOptions o)
    {
        var detached = new HashSet<int>();
        while (true)
        {
            var core = Offset(cell, t, detached, o);
            bool changed = false;
            for (int k = 0; k < core.Count; k++)
                if (Wall.IsWall(core.Labels[k]) && core.EdgeLength(k) < o.MinWallFlat && detached.Add(core.Labels[k]))
                    changed = true;
            if (!changed) return core;
        }
    }

    static LabelledPolygon Offset(LabelledPolygon cell, double t, HashSet<int> detached, in ShapeOptions o)
    {
        var poly = LabelledPolygon.Square(o.Side);
        foreach (int wall in detached.OrderBy(w => w))
        {
            // a small fixed distance, not t: the area then changes by at most 2h g/2 when a flat lets go
            var (wn, wc) = Wall.Line(wall, o.Side, Math.Min(t, o.WallGap));
            poly = poly.Clip(wn, wc, Wall.Detached);
        }
        for (int k = 0; k < cell.Count && poly.Count > 0; k++)
        {
            if (Wall.IsWall(cell.Labels[k])) continue;
            Vec2 a = cell.Points[k], b = cell.Points[(k + 1) % cell.Count];
            Vec2 d = b - a;
            double len = d.Length;
            if (len == 0) continue;
            var n = new Vec2(d.Y / len, -d.X / len);
            poly = poly.Clip(n, Vec2.Dot(n, a) - t, cell.Labels[k]);
        }
        return poly;
    }

    /// <summary>
    /// Collapses interior edges shorter than <paramref name="limit"/> into their midpoint, or into the
    /// end that sits on a wall. Both are boundary points, so the convex result lies inside the original.
    /// </summary>
    static void CollapseShortEdges(LabelledPolygon p, double limit)
    {
        var skip = new HashSet<Vec2>();
        while (p.Count > 3)
        {
            int k = ShortestInteriorEdge(p, limit, skip);
            if (k < 0) return;
            int n = p.Count;
            bool startOnWall = Wall.IsWall(p.Labels[(k + n - 1) % n]);
            bool endOnWall = Wall.IsWall(p.Labels[(k + 1) % n]);
            Vec2 a = p.Points[k], b = p.Points[(k + 1) % n];
            if (startOnWall && endOnWall) { skip.Add(a); continue; }
            Vec2 m = startOnWall ? a : endOnWall ? b : 0.5 * (a + b);
            if (k == n - 1) { Rotate(p); k--; }
            p.Points[k] = m;
            p.Points.RemoveAt(k + 1);
            p.Labels.RemoveAt(k);
        }
    }

    static int ShortestInteriorEdge(LabelledPolygon p, double limit, HashSet<Vec2> skip)
    {
        int best = -1;
        double bestLen = limit;
        for (int k = 0; k < p.Count; k++)
        {
            if (Wall.IsWall(p.Labels[k]) || skip.Contains(p.Points[k])) continue;
            double len = p.EdgeLength(k);
            if (len < bestLen) { bestLen = len; best = k; }
        }
        return best;
    }

    /// <summary>Moves the first vertex to the end (labels follow), so edge n-1 becomes edge n-2.</summary>
    static void Rotate(LabelledPolygon p)
    {
        p.Points.Add(p.Points[0]);
        p.Points.RemoveAt(0);
        p.Labels.Add(p.Labels[0]);
        p.Labels.RemoveAt(0);
    }

    /// <summary>A boundary point, the walls it lies on and the fillet circle its outgoing edge is a chord of.</summary>
    internal readonly record struct RingPoint(Vec2 P, RveSide Sides, FilletArc? Arc = null);

    /// <summary>
    /// Replaces each corner by a circular arc of radius r tangent to both edges; the tangent length
    /// r tan(theta/2) is capped at half an interior edge (a quarter of a wall flat, so the flat stays),
    /// which keeps fillets from overlapping. Square corners (two walls) stay sharp. Straight parts are
    /// split into pieces of about the target length.
    /// </summary>
    static List<RingPoint> Fillet(LabelledPolygon p, double r, in ShapeOptions o)
    {
        int n = p.Count;
        var corners = new List<RingPoint>[n];
        for (int k = 0; k < n; k++) corners[k] = Corner(p, k, r, o);
        var ring = new List<RingPoint>();
        for (int k = 0; k < n; k++)
        {
            ring.AddRange(corners[k]);
            Vec2 from = corners[k][^1].P, to = corners[(k + 1) % n][0].P;
            var side = Wall.Side(p.Labels[k]);
            int pieces = Math.Max(1, (int)Math.Round((to - from).Length / o.EdgeLength));
            for (int s = 1; s < pieces; s++) ring.Add(new RingPoint(from + ((double)s / pieces) * (to - from), side));
        }
        return ring;
    }

    static List<RingPoint> Corner(LabelledPolygon p, int k, double r, in ShapeOptions o)
    {
        int n = p.Count;
        int inLabel = p.Labels[(k + n - 1) % n], outLabel = p.Labels[k];
        Vec2 v = p.Points[k], prev = p.Points[(k + n - 1) % n], next = p.Points[(k + 1) % n];
        var sharp = new List<RingPoint> { new(v, Wall.Side(inLabel) | Wall.Side(outLabel)) };
        if (Wall.IsWall(inLabel) && Wall.IsWall(outLabel)) return sharp;
        double lenIn = (v - prev).Length, lenOut = (next - v).Length;
        Vec2 uIn = (1 / lenIn) * (v - prev), uOut = (1 / lenOut) * (next - v);
        double cos = Vec2.Dot(uIn, uOut), sin = Vec2.Cross(uIn, uOut);
        // below ~10 degrees of turn the corner is already smooth enough
        if (sin <= 0 || cos > 0.985) return sharp;
        double tanHalf = sin / (1 + cos);
        double capIn = (Wall.IsWall(inLabel) ? 0.25 : 0.5) * lenIn;
        double capOut = (Wall.IsWall(outLabel) ? 0.25 : 0.5) * lenOut;
        double tangent = Math.Min(r * tanHalf, Math.Min(capIn, capOut));
        double radius = tangent / tanHalf;
        double turn = DetMath.Atan2(sin, cos);
        int pieces = Math.Max(1, (int)Math.Round(radius * turn / o.EdgeLength));
        double chord = 2 * radius * DetMath.Sin(turn / (2 * pieces));
        if (chord < o.MinEdge) return sharp;
        Vec2 a = v - tangent * uIn, b = v + tangent * uOut;
        Vec2 centre = a + radius * new Vec2(-uIn.Y, uIn.X);
        var circle = new FilletArc(centre, radius);
        var arc = new List<RingPoint> { new(a, Wall.Side(inLabel), circle) };
        Vec2 arm = a - centre;
        for (int s = 1; s < pieces; s++)
        {
            double phi = turn * s / pieces, c = DetMath.Cos(phi), si = DetMath.Sin(phi);
            arc.Add(new RingPoint(centre + new Vec2(c * arm.X - si * arm.Y, si * arm.X + c * arm.Y), RveSide.None, circle));
        }
        arc.Add(new RingPoint(b, Wall.Side(outLabel)));
        return arc;
    }

    /// <summary>
    /// Removes one end of every edge shorter than <paramref name="limit"/>: never a square corner,
    /// preferably a point off the walls, else the straighter one. Dropping a vertex of a convex
    /// polygon leaves a polygon inside it.
    /// </summary>
    static void RemoveShortEdges(List<RingPoint> ring, double limit)
    {
        while (ring.Count > 3)
        {
            int n = ring.Count, k = -1;
            double shortest = limit;
            for (int i = 0; i < n; i++)
            {
                double len = (ring[(i + 1) % n].P - ring[i].P).Length;
                if (len < shortest) { shortest = len; k = i; }
            }
            if (k < 0) return;
            int j = (k + 1) % n;
            int drop = RemovalScore(ring, k) >= RemovalScore(ring, j) ? k : j;
            if (RemovalScore(ring, drop) == double.NegativeInfinity) return;
            ring.RemoveAt(drop);
            KeepArcIfChord(ring, drop == 0 ? ring.Count - 1 : drop - 1);
        }
    }

    /// <summary>After a vertex was dropped, the edge from ring[i] to its new successor is still a chord of
    /// ring[i]'s fillet only when that successor lies on the same circle; otherwise the edge is straight.</summary>
    static void KeepArcIfChord(List<RingPoint> ring, int i)
    {
        if (ring[i].Arc is not { } arc) return;
        var next = ring[(i + 1) % ring.Count].P;
        if (Math.Abs((next - arc.Centre).Length - arc.Radius) > 1e-9 * arc.Radius) ring[i] = ring[i] with { Arc = null };
    }

    static double RemovalScore(List<RingPoint> ring, int i)
    {
        var s = ring[i].Sides;
        if (s is not RveSide.None && (s & (s - 1)) != 0) return double.NegativeInfinity;
        int n = ring.Count;
        Vec2 toPrev = ring[(i + n - 1) % n].P - ring[i].P, toNext = ring[(i + 1) % n].P - ring[i].P;
        double straightness = -Vec2.Dot(toPrev, toNext) / (toPrev.Length * toNext.Length + 1e-300);
        return (s == RveSide.None ? 10 : 0) + straightness;
    }

    /// <summary>Puts points on a wall exactly on it, so the mesher sees exact coordinates 0 and L.</summary>
    static Vec2[] Snap(List<RingPoint> ring, double side)
    {
        var pts = new Vec2[ring.Count];
        for (int i = 0; i < ring.Count; i++)
        {
            var (p, s) = (ring[i].P, ring[i].Sides);
            double x = (s & RveSide.Left) != 0 ? 0 : (s & RveSide.Right) != 0 ? side : p.X;
            double y = (s & RveSide.Bottom) != 0 ? 0 : (s & RveSide.Top) != 0 ? side : p.Y;
            pts[i] = new Vec2(x, y);
        }
        return pts;
    }
}
